/// A small random number generator that always produces the same numbers from the same seed (SplitMix64,
/// Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), so that the
/// simulated shop, and everything this example prints, is the same on every run and every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
