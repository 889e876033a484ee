import ArgumentParser
public struct AdoptKit: AsyncParsableCommand {
    public init() {}
    public func run() async throws {}
}
