import Synchronization

/// Makes new identifiers; inject one so that tests control the time and randomness inside ids.
public protocol IDGenerator: Sendable {
    /// Returns an id that sorts after every id this generator returned before.
    func next() -> RecordID
}

extension IDGenerator {
    /// Returns a new typed id.
    public func next<Subject>(_ subject: Subject.Type = Subject.self) -> ID<Subject> {
        ID(next())
    }
}

/// The standard ``IDGenerator``: ULIDs from a ``WallClock`` and a random source, strictly increasing.
///
/// Within one millisecond the random part is incremented, as the ULID specification's monotonic mode
/// describes, so ids made in a burst keep their order.
public final class ULIDGenerator<Random: RandomNumberGenerator & Sendable>: IDGenerator {
    private let clock: any WallClock
    private let state: Mutex<(random: Random, last: RecordID)>

    /// Creates a generator reading `clock` and drawing randomness from `random`.
    public init(clock: any WallClock, random: Random) {
        self.clock = clock
        self.state = Mutex((random, RecordID(high: 0, low: 0)))
    }

    /// Returns the next id; strictly greater than the previous one even if the clock stands still or goes back.
    public func next() -> RecordID {
        let milliseconds = UInt64(max(0, clock.now().timeIntervalSince1970 * 1000).rounded(.down))
        return state.withLock { state in
            let candidate = RecordID(
                milliseconds: min(milliseconds, (1 << 48) - 1),
                randomHigh: UInt16.random(in: .min ... .max, using: &state.random),
                randomLow: UInt64.random(in: .min ... .max, using: &state.random))
            let next: RecordID
            if candidate.milliseconds > state.last.milliseconds {
                next = candidate
            } else {
                let (low, carry) = state.last.low.addingReportingOverflow(1)
                next = RecordID(high: state.last.high &+ (carry ? 1 : 0), low: low)
            }
            state.last = next
            return next
        }
    }
}

extension ULIDGenerator where Random == SystemRandomNumberGenerator {
    /// A generator on the system clock and the system's secure random source.
    public convenience init(clock: any WallClock = SystemWallClock()) {
        self.init(clock: clock, random: SystemRandomNumberGenerator())
    }
}

/// A deterministic random source (SplitMix64), for reproducible ids and test data.
///
/// The mixing constants are those published by Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators" (OOPSLA 2014). Not for secrets.
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
