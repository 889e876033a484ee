import AdoptKitCLI

await AdoptKit.runFromCommandLine()
