from bench.support.run import main

main()
