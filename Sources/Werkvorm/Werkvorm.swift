import LuaHost

/// Werkvorm's domain: exercises, sessions, records, replay and reports.
public enum Werkvorm {
    /// The version of the tool, as `werkvorm --version` prints it.
    public static let version = "0.1.0"
}
