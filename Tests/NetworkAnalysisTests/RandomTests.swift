import FixtureSupport
import NetworkAnalysis
import Testing

/// SplitMix64 against an independent Python transcription (reference_community.py); the
/// seed-1234567 stream is also the test vector of Vigna's reference splitmix64.c.
@Suite struct RandomTests {
    @Test func outputsMatchReferenceStreams() throws {
        let ref = try CommunityTestData.reference()["splitmix64"]
        let outputs = try #require(ref?["outputs"])
        #expect(outputs.keys.count == 3)
        for key in outputs.keys {
            guard case let .array(expected)? = outputs[key] else { Issue.record("no outputs for \(key)"); continue }
            var rng = SplitMix64(seed: try #require(UInt64(key)))
            for case let .string(s) in expected {
                #expect(rng.next() == UInt64(s), "seed \(key)")
            }
        }
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func derivedDrawsMatchReference() throws {
        let ref = try #require(try CommunityTestData.reference()["splitmix64"])
        var rng = SplitMix64(seed: 42)
        let doubles = (0..<5).map { _ in rng.nextUnitDouble() }
        #expect(doubles == ref["seed42_unit_doubles"]?.doubles)
        rng = SplitMix64(seed: 42)
        #expect((0..<20).map { _ in rng.nextInt(below: 10) } == CommunityTestData.ints(ref["seed42_below_10"]))
        rng = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in rng.nextInt(below: 3_000_000_000) }
            == CommunityTestData.ints(ref["seed42_below_3000000000"]))
        rng = SplitMix64(seed: 7)
        var items = Array(0..<20)
        rng.shuffle(&items)
        #expect(items == CommunityTestData.ints(ref["seed7_shuffle_20"]))
    }

    @Test func boundsAndReplay() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<1000 {
            #expect(rng.nextInt(below: 1) == 0)
            let d = rng.nextUnitDouble()
            #expect(d >= 0 && d < 1)
        }
        let saved = rng
        let a = (0..<10).map { _ in rng.next() }
        rng = saved
        #expect((0..<10).map { _ in rng.next() } == a)
        var empty: [Int] = []
        rng.shuffle(&empty)
        #expect(empty.isEmpty)
    }
}
