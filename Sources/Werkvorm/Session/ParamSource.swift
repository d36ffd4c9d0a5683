import LuaHost

/// Where a param's value comes from when the script takes it from an earlier step's outcome
/// (`engagements: { from: 7, take: chosen.text }`): the step, and the path to the value in
/// its outcome. The value is taken when the step starts, at its first event, from the outcome
/// as it is then; a replay of the same events takes the same value.
public struct ParamSource: Sendable, Hashable, CustomStringConvertible {
    /// The earlier step whose outcome gives the value.
    public var step: Int
    /// The keys to follow in its outcome. At a list, the rest of the path is followed in each
    /// item: `chosen.text` of `{chosen = {{text = "a"}, {text = "b"}}}` is `{"a", "b"}`.
    public var path: [String]

    public init(step: Int, path: [String]) {
        self.step = step
        self.path = path
    }

    /// The path as written in a script: `chosen.text`.
    public var take: String { path.joined(separator: ".") }

    public var description: String { "`\(take)` of step \(step)" }

    /// The path of `take`, or nil when it is not keys separated by dots.
    public static func path(_ take: String) -> [String]? {
        let keys = take.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let isKey = { (key: String) in
            !key.isEmpty
                && key.utf8.allSatisfy {
                    $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
                }
        }
        return keys.allSatisfy(isKey) ? keys : nil
    }

    /// The value at the path in `outcome`, or the key it could not find (nil when found).
    public func value(in outcome: LuaValue) -> Result<LuaValue, Missing> {
        Self.follow(path[...], in: outcome, at: [])
    }

    /// A key of the path that an outcome does not have, and the keys followed before it.
    public struct Missing: Error, Sendable, Hashable {
        public var key: String
        public var after: [String]
        /// The keys there are where it was looked for, sorted; empty when that is not an object.
        public var keys: [String]
    }

    private static func follow(_ keys: ArraySlice<String>, in value: LuaValue, at done: [String]) -> Result<LuaValue, Missing> {
        guard let key = keys.first else { return .success(value) }
        if case .array(let items) = value {
            var found: [LuaValue] = []
            for item in items {
                switch follow(keys, in: item, at: done) {
                case .success(let each): found.append(each)
                case .failure(let missing): return .failure(missing)
                }
            }
            return .success(.array(found))
        }
        guard let next = value[key] else { return .failure(Missing(key: key, after: done, keys: value.objectValue.map(JSONWriter.sortedKeys) ?? [])) }
        return follow(keys.dropFirst(), in: next, at: done + [key])
    }
}
