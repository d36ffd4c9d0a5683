/// The bounds a plugin runs within. Every call into Lua gets a fresh instruction budget;
/// memory is capped for the whole state.
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

    /// The defaults, or the given bounds.
    public init(
        instructions: Int = 100_000_000,
        memory: Int = 128 << 20,
        stringLength: Int = 16 << 20,
        patternSteps: Int = 10_000_000,
        tableMove: Int = 10_000_000
    ) {
        self.instructions = instructions
        self.memory = memory
        self.stringLength = stringLength
        self.patternSteps = patternSteps
        self.tableMove = tableMove
    }

    /// The defaults.
    public static let `default` = LuaLimits()
}
