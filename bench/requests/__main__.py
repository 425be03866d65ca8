from bench.requests.run import main

main()
