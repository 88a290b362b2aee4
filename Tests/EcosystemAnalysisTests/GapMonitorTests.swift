import Ecosystem
import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

/// A lock-guarded list of the progress reports a monitor heard.
final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Int] = []
    func add(_ done: Int) { lock.lock(); reports.append(done); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return reports }
}

@Suite("The gap analysis watched by a WorkMonitor")
struct GapMonitorTests {
    static let model = try! ModelLoader.load(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml"))

    @Test("the monitor hears every step, 0 to 9, and the report is the one without a monitor")
    func hearsEverySteps() throws {
        let heard = Heard()
        let watched = try GapAnalyzer.analyze(Self.model, monitor: WorkMonitor(progress: { done, total in
            #expect(total == GapAnalyzer.steps.count)
            heard.add(done)
        }))
        #expect(heard.all == Array(0...9))
        #expect(watched.findings == (try GapAnalyzer.analyze(Self.model)).findings)
    }

    @Test("a stop after step k throws stopped(done: k) and returns no report", arguments: [0, 3, 8])
    func stops(after k: Int) {
        let heard = Heard()
        let monitor = WorkMonitor(progress: { done, _ in heard.add(done) }, shouldStop: { heard.all.last == k })
        #expect(throws: GraphError.stopped(algorithm: "the gap analysis", done: k, total: 9)) {
            try GapAnalyzer.analyze(Self.model, monitor: monitor)
        }
        #expect(heard.all == Array(0...k))
    }
}
