import LuaHost

/// Werkvorm's core: exercises, session scripts, the session run, records and replay.
public enum Werkvorm {
    /// The version of the tool, as `werkvorm --version` prints it.
    public static let version = "0.1.0"
}
