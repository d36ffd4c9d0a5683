import LuaHost

/// Text in Dutch and English. A plain string in a plugin stands for both.
public struct BilingualText: Sendable, Hashable {
    /// The Dutch text.
    public var nl: String
    /// The English text.
    public var en: String

    /// Text in both languages.
    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The same text in both languages.
    public init(_ text: String) {
        self.init(nl: text, en: text)
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        language == .nl ? nl : en
    }

    /// Reads text from plugin data: a string, or `{ nl = ..., en = ... }`. With
    /// `requireBoth`, a plain string is refused and both languages must be given.
    public init(_ value: LuaValue, at path: ValuePath, requireBoth: Bool = false) throws(Problem) {
        switch value {
        case .string(let text) where !requireBoth:
            self.init(text)
        case .integer where !requireBoth, .double where !requireBoth:
            // Dutch writes a decimal comma: 4,5
            let english = Self.format(value)
            self.init(nl: english.replacingOccurrences(of: ".", with: ","), en: english)
        case .object(let fields):
            let nl = fields["nl"]?.stringValue
            let en = fields["en"]?.stringValue
            guard let nl, let en, !nl.isEmpty, !en.isEmpty else {
                let missing = [nl == nil || nl?.isEmpty == true ? "nl" : nil, en == nil || en?.isEmpty == true ? "en" : nil].compactMap { $0 }
                throw Problem(field: path.description, "needs text in both languages: \(missing.joined(separator: " and ")) is missing; write { nl = \"...\", en = \"...\" }")
            }
            self.init(nl: nl, en: en)
        default:
            throw Problem(
                field: path.description,
                requireBoth
                    ? "must be text in both languages, { nl = \"...\", en = \"...\" }; found \(value.typeName)"
                    : "must be text (a string, or { nl = \"...\", en = \"...\" }); found \(value.typeName)")
        }
    }

    /// A number as report text: integers plainly, other numbers with up to two decimals.
    public static func format(_ value: LuaValue) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .double(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            let scaled = (number * 100).rounded() / 100
            return "\(scaled)"
        default: return ""
        }
    }

    /// As plugin data: `{ en = ..., nl = ... }`.
    public var value: LuaValue { ["nl": .string(nl), "en": .string(en)] }
}
