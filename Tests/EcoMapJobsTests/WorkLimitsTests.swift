import Foundation
import Testing
@testable import EcoMapJobs

@Suite("Bounded work: counts under documented caps, memory checked before allocating")
struct WorkLimitsTests {
    @Test("a count over its cap is refused with the count and the cap")
    func caps() {
        #expect(throws: JobError("9223372036854775807 samples is more than the limit of 100000")) {
            try WorkLimits.check(Int.max, atMost: WorkLimits.maxSamples, "samples")
        }
        #expect(throws: Never.self) { try WorkLimits.check(100_000, atMost: WorkLimits.maxSamples, "samples") }
    }

    @Test("an estimate beyond the machine's memory is refused, naming both")
    func memory() throws {
        let physical = Double(ProcessInfo.processInfo.physicalMemory)
        let error = #expect(throws: JobError.self) {
            try WorkLimits.checkMemory(physical, for: "1000000000 samples")
        }
        #expect(error?.description.hasPrefix("1000000000 samples needs about ") == true)
        #expect(error?.description.hasSuffix("; ask for fewer") == true)
        #expect(throws: JobError.self) { try WorkLimits.checkMemory(.infinity, for: "x") }
        #expect(throws: Never.self) { try WorkLimits.checkMemory(1e6, for: "x") }
    }
}
