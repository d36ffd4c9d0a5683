import Werkvorm

/// Measures, cleans, wraps, truncates and pads text for a terminal, counting columns rather than
/// characters: wide (East Asian, emoji) characters take two columns, combining marks none.
enum TextLayout {
    /// The columns `text` takes in a terminal.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns one character takes.
    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.generalCategory == .control || first.properties.generalCategory == .format { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.properties.isEmojiPresentation }) { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// Whether a scalar is East Asian wide or full-width.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` without terminal control characters: tabs become spaces, line breaks are kept only
    /// when `keepLineBreaks`, other control characters (such as escape sequences) are dropped.
    static func clean(_ text: String, keepLineBreaks: Bool = false) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(keepLineBreaks ? "\n" : " ")
            } else if character == "\t" {
                result.append(" ")
            } else if let first = character.unicodeScalars.first, first.properties.generalCategory == .control {
                continue
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `text` cut to at most `width` columns, ending in "…" when something was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard self.width(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let next = self.width(of: character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (or on the left when `alignRight`).
    static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - self.width(text)))
        return alignRight ? padding + text : text + padding
    }

    /// `text` broken into lines of at most `width` columns at spaces; words longer than a line are
    /// split. Line breaks in `text` are kept; an empty text gives one empty line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let limit = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = self.width(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= limit {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line) }
                while wordWidth > limit {
                    let (head, rest) = split(word, at: limit)
                    lines.append(head)
                    word = rest
                    wordWidth = self.width(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// `word` split after at most `width` columns (at least one character goes first).
    private static func split(_ word: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let next = self.width(of: word[index])
            if used + next > width && !head.isEmpty { break }
            head.append(word[index])
            used += next
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }

    /// `line` without spaces at its end.
    static func trimTrailing(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
