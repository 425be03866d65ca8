from bench.availability.run import main

main()
