from bench.calendars.run import main

main()
