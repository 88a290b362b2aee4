/// SplitMix64: the small seeded pseudo-random number generator that every randomized
/// algorithm in ecomap uses, so that a seed reproduces an output byte for byte on every
/// platform and Swift version.
///
/// Definition (Steele, Lea & Flood 2014, Fig. 1; the constants are those of Vigna's reference
/// `splitmix64.c`): the state is one 64-bit word `s`; each call sets `s ← s + 0x9E3779B97F4A7C15`
/// (mod 2⁶⁴) and returns the finalizer of `z = s`:
///
///     z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// It has period 2⁶⁴, passes BigCrush, and is fast; it is not cryptographically secure and
/// is not meant to be. Every seed, including 0, is valid.
///
/// Why not the standard library: `SystemRandomNumberGenerator` cannot be seeded, and the
/// algorithms behind `Int.random(in:using:)` and `shuffle(using:)` are not part of their
/// documented contract. So ecomap draws bounded integers, unit doubles and shuffles with the
/// documented methods below (``nextInt(below:)``, ``nextUnitDouble()``, ``shuffle(_:)``),
/// whose results are fixed by this file alone.
///
/// Reference: G. L. Steele Jr., D. Lea, C. H. Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014, ACM SIGPLAN Notices 49(10):453–472, doi:10.1145/2660193.2660195.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The current 64-bit state (it can be saved and restored to replay a stream).
    public var state: UInt64

    /// A generator whose first output is determined by `seed` alone.
    /// - Parameter seed: any 64-bit value (0 is fine).
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 uniformly distributed bits. Complexity: `O(1)`.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed integer in `0 ..< bound`, without modulo bias.
    ///
    /// Lemire's multiply-and-reject method: take the high 64 bits of `x · bound` for a fresh
    /// 64-bit `x`; when the low 64 bits fall below `2⁶⁴ mod bound`, draw again. (D. Lemire,
    /// "Fast random integer generation in an interval", ACM Trans. Model. Comput. Simul.
    /// 29(1):3, 2019, doi:10.1145/3230636.)
    ///
    /// - Parameter bound: exclusive upper bound, `bound > 0`.
    /// - Returns: an integer in `0 ..< bound`.
    /// - Complexity: `O(1)` expected (fewer than 2 draws on average; exactly 1 for most bounds).
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b  // 2⁶⁴ mod b
            while product.low < threshold {
                product = next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// A uniformly distributed double in `[0, 1)` on the grid `k · 2⁻⁵³`: the top 53 bits of
    /// the next output, times `2⁻⁵³`. Complexity: `O(1)`.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Shuffles `array` in place with the Fisher–Yates (Durstenfeld) algorithm: for
    /// `i = count − 1` down to `1`, swap element `i` with element `nextInt(below: i + 1)`.
    /// Every permutation is equally likely; the result depends only on the state.
    /// (R. Durstenfeld, "Algorithm 235: Random permutation", Commun. ACM 7(7):420, 1964,
    /// doi:10.1145/364520.364540.)
    ///
    /// - Complexity: `O(count)`.
    @inlinable
    public mutating func shuffle<Element>(_ array: inout [Element]) {
        var i = array.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            if i != j { array.swapAt(i, j) }
            i -= 1
        }
    }
}
