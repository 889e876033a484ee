import AdoptKitCLI

await AdoptKit.main()
