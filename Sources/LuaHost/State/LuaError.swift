/// Anything that went wrong in a plugin, with what a user needs to find it.
///
/// Its description is one readable line:
/// `Exercises/engagement-voting.lua:42: attempt to index a nil value (field 'votes')`.
public struct LuaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The plugin's text is not valid Lua.
        case syntax
        /// The plugin raised an error while running.
        case runtime
        /// The plugin ran more instructions in one call than its limit allows.
        case instructionLimit = "instruction limit"
        /// The plugin's state used more memory than its limit allows.
        case memoryLimit = "memory limit"
        /// The plugin used something the sandbox does not offer.
        case sandbox
        /// A value crossing between Lua and Swift is not plain data.
        case badValue = "bad value"
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// What went wrong, without the location.
    public var message: String
    /// The plugin's path relative to its library (`Exercises/check-in.lua`), when known.
    public var path: String?
    /// The line in that file, when known.
    public var line: Int?
    /// Lua's stack traceback, with full paths, when there is one.
    public var traceback: String?

    /// An error of `kind` with a message and, if known, where it happened.
    public init(_ kind: Kind, _ message: String, path: String? = nil, line: Int? = nil, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.line = line
        self.traceback = traceback
    }

    /// `path:line: message`, or as much of the location as is known.
    public var description: String {
        switch (path, line) {
        case (let path?, let line?): "\(path):\(line): \(message)"
        case (let path?, nil): "\(path): \(message)"
        default: message
        }
    }
}
