import EcoMapCLI
EcoMap.main()
