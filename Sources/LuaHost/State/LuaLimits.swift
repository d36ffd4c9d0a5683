/// The bounds a plugin runs within. Every call into Lua gets a fresh instruction budget;
/// memory is capped for the whole state. A ``LuaBudget``, when given, bounds the instructions of
/// all calls of all the states that share it.
public struct LuaLimits: Sendable, Equatable {
    /// Lua VM instructions one call may run (default 100 million: about a second).
    public var instructions: Int
    /// Bytes the state may allocate in all (default 128 MiB).
    public var memory: Int
    /// The longest string `string.rep` may build, in bytes (default 16 MiB).
    public var stringLength: Int
    /// Matching steps one call of `string.find`, `match`, `gmatch` or `gsub` may take
    /// (default 10 million), which bounds catastrophic patterns the instruction count cannot see.
    public var patternSteps: Int
    /// How many elements one `table.move` may copy (default 10 million).
    public var tableMove: Int
    /// The instructions all calls may take together, shared with other states; nil: no bound
    /// beyond the one per call.
    public var budget: LuaBudget?

    /// The defaults, or the given bounds.
    public init(
        instructions: Int = 100_000_000,
        memory: Int = 128 << 20,
        stringLength: Int = 16 << 20,
        patternSteps: Int = 10_000_000,
        tableMove: Int = 10_000_000,
        budget: LuaBudget? = nil
    ) {
        self.instructions = instructions
        self.memory = memory
        self.stringLength = stringLength
        self.patternSteps = patternSteps
        self.tableMove = tableMove
        self.budget = budget
    }

    /// The defaults.
    public static let `default` = LuaLimits()
}

/// Instructions that the states sharing it may run in all: what bounds the work of code that
/// came from elsewhere, such as the exercises a shared record carries, however many calls it
/// makes. Memory the code allocates is paid for too, an instruction for every 64 bytes, since
/// filling it costs time the instruction count does not see. Used up, the call that used it up
/// and every later call of every state sharing it stop.
///
/// The states that share a budget must run one at a time (the states of one session run do).
public final class LuaBudget: @unchecked Sendable, Equatable {
    /// The instructions there were at first.
    public let total: Int
    let remaining: UnsafeMutablePointer<CLongLong>

    /// A budget of `instructions`.
    public init(instructions: Int) {
        total = instructions
        remaining = .allocate(capacity: 1)
        remaining.initialize(to: CLongLong(instructions))
    }

    deinit { remaining.deallocate() }

    /// Whether the states have taken more than ``total``.
    public var isUsedUp: Bool { remaining.pointee < 0 }

    /// The instructions taken so far (counted in steps of the hook's interval).
    public var used: Int { total - Int(remaining.pointee) }

    public static func == (left: LuaBudget, right: LuaBudget) -> Bool { left === right }
}
