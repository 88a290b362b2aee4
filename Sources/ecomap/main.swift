import EcoMapCLI

EcoMap.runMain()
