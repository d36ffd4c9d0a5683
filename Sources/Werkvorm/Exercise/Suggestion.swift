/// "Did you mean": the closest known name to a mistyped one.
public enum Suggestion {
    /// The candidate within a small edit distance of `word`, if any.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        // a word far longer than every candidate is near none of them: no need to measure it
        let longest = candidates.map { $0.utf8.count }.max() ?? 0
        guard word.utf8.count <= 2 * longest + 8 else { return nil }
        let limit = max(2, word.count / 3)
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    /// The Levenshtein distance between two strings.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
