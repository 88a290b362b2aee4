import Foundation

/// A per-run memo of intermediate results, keyed by name. Measures of one run are computed one
/// after another; the lock only keeps the memo safe if a caller computes them concurrently.
final class SharedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]

    func value<T>(_ key: String, _ make: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let cached = values[key] as? T { return cached }
        let made = try make()
        values[key] = made
        return made
    }
}
