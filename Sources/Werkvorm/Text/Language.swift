/// The languages Werkvorm's content comes in: Dutch first, English too.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl
    case en
}
