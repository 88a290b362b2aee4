import ArgumentParser

public struct EcoMap: ParsableCommand {
    public init() {}
    public func run() throws {}
}
