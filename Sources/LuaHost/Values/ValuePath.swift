/// A place inside a value, written as a plugin author reads it: `outcome.ranking[3].score`.
///
/// Array positions are 1-based, as in Lua.
public struct ValuePath: Sendable, Hashable, CustomStringConvertible {
    /// The steps from the root.
    public enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The name of the whole value (`outcome`, `input.fields`).
    public var root: String
    /// The steps from the root to the place.
    public var steps: [Step]

    /// A path at the root of a value called `root`.
    public init(_ root: String, steps: [Step] = []) {
        self.root = root
        self.steps = steps
    }

    /// This path with one more key.
    public func appending(key: String) -> ValuePath {
        ValuePath(root, steps: steps + [.key(key)])
    }

    /// This path with one more array position (1-based).
    public func appending(index: Int) -> ValuePath {
        ValuePath(root, steps: steps + [.index(index)])
    }

    public var description: String {
        var text = root
        for step in steps {
            switch step {
            case .index(let position):
                text += "[\(position)]"
            case .key(let key):
                if ValuePath.isIdentifier(key) {
                    text += text.isEmpty ? key : ".\(key)"
                } else {
                    text += "[\(JSONWriter.quoted(key))]"
                }
            }
        }
        return text
    }

    /// Whether `key` is a Lua-style name: a letter or `_`, then letters, digits or `_`.
    public static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) >= 97 && (first | 0x20) <= 122 else {
            return false
        }
        return key.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122)
        }
    }
}
