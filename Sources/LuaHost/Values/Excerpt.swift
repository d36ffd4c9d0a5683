/// The start of a text or value that an error message quotes: long input is cut, so that an error
/// stays one readable line however large the offending value was.
public enum Excerpt {
    /// At most this many characters are quoted.
    public static let limit = 60

    /// `text`, cut to ``limit`` characters with `…` and with line breaks shown as `⏎`.
    public static func of(_ text: String, limit: Int = Excerpt.limit) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit { return result + "…" }
            result.append(character.isNewline ? "⏎" : character)
            count += 1
        }
        return result
    }
}

extension LuaValue {
    /// The value as JSON, cut for an error message (see ``Excerpt``).
    public var excerpt: String { Excerpt.of(JSONWriter.string(self)) }
}
