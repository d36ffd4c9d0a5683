import LuaHost
import Werkvorm

/// An exercise as a trainer's handout: purpose, duration, group size, materials, params, and
/// the phases with their instructions, in one language. What `werkvorm exercises show` prints.
public struct Handout {
    public var exercise: Exercise
    public var language: Language

    /// A handout of `exercise` in `language`.
    public init(exercise: Exercise, language: Language) {
        self.exercise = exercise
        self.language = language
    }

    private func say(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    /// The handout as plain text, 80 columns wide.
    public var text: String {
        var out = ""
        let title = "\(exercise.title.text(language)) (\(exercise.id) \(exercise.version))"
        out += title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
        out += Wrap.paragraphs(exercise.summary.text(language), width: 80) + "\n\n"
        out += say("Doel", "Purpose") + "\n" + Wrap.paragraphs(exercise.purpose.text(language), width: 80, indent: "  ") + "\n\n"
        out += say("Duur", "Duration") + ": \(exercise.duration.defaultMinutes) " + say("minuten", "minutes")
        out += " (" + say("minimaal", "at least") + " \(exercise.duration.minimumMinutes))\n"
        let size = exercise.groupSize
        out += say("Groepsgrootte", "Group size") + ": "
        out += size.maximum.map { "\(size.minimum)–\($0) " } ?? say("vanaf \(size.minimum) ", "from \(size.minimum) ")
        out += say("deelnemers", "participants") + "\n"
        if !exercise.materials.isEmpty {
            out += say("Materiaal", "Materials") + ":\n"
            let defaults = LuaObject(Dictionary(exercise.params.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { first, _ in first }))
            for material in exercise.materials {
                var line = material.filled(with: defaults).text(language)
                if !material.when.isEmpty { line += " (" + say("alleen bij ", "only with ") + condition(material.when) + ")" }
                out += Wrap.paragraphs(line, width: 80, indent: "  - ", hanging: "    ") + "\n"
            }
        }
        if !exercise.params.isEmpty {
            out += "\n" + say("Instellingen", "Settings") + "\n"
            for param in exercise.params {
                let line = "\(param.label.text(language)) [\(param.name)]: \(describe(param))"
                out += Wrap.paragraphs(line, width: 80, indent: "  - ", hanging: "    ") + "\n"
            }
        }
        out += "\n" + say("Verloop", "Phases") + "\n"
        for (offset, phase) in exercise.phases.enumerated() {
            out += "\n\(offset + 1). \(phase.title.text(language))\n\n"
            if !phase.when.isEmpty {
                out += Wrap.paragraphs(say("Alleen bij ", "Only with ") + condition(phase.when) + ".", width: 80, indent: "   ") + "\n\n"
            }
            out += Wrap.paragraphs(phase.instructions.text(language), width: 80, indent: "   ") + "\n"
            for input in phase.inputs {
                let who =
                    input.by == .facilitator
                    ? say("begeleider", "facilitator") : (input.anonymous ? say("deelnemer, mag anoniem", "participant, may be anonymous") : say("deelnemer", "participant"))
                let fields = input.fields.map { field in
                    var text = field.label.text(language)
                    if field.kind == .choice {
                        text += ": " + field.options.map { $0.label.text(language) }.joined(separator: " / ")
                    }
                    return text + (field.required ? "" : say(" (niet verplicht)", " (optional)"))
                }
                var line = "\(say("Invoer", "Input")): \(input.title.text(language)) (\(who))"
                if !fields.isEmpty { line += " — " + fields.joined(separator: "; ") }
                out += "\n" + Wrap.paragraphs(line, width: 80, indent: "   ", hanging: "     ") + "\n"
            }
        }
        return out
    }

    /// The settings a phase or a material is for: "Werkwijze [mode] “Vrij brainstormen per woord”".
    private func condition(_ when: [String: [LuaValue]]) -> String {
        let parts = when.keys.sorted().compactMap { name -> String? in
            guard let param = exercise.params.first(where: { $0.name == name }), let values = when[name] else { return nil }
            let shown = values.map { value -> String in
                if param.kind == .choice, let option = param.options.first(where: { $0.value == value.stringValue }) { return option.label.text(language) }
                if let flag = value.boolValue { return flag ? say("ja", "yes") : say("nee", "no") }
                return value.stringValue ?? BilingualText.format(value)
            }
            return "\(param.label.text(language)) [\(name)] " + shown.map { "“\($0)”" }.joined(separator: say(" of ", " or "))
        }
        return parts.joined(separator: say(" en ", " and "))
    }

    private func describe(_ param: ParamDeclaration) -> String {
        let standard = say("standaard", "default")
        switch param.kind {
        case .bilingual:
            let text = (try? BilingualText(param.defaultValue, at: ValuePath("default")))?.text(language) ?? ""
            return "\(standard) “\(text)”"
        case .text: return "\(standard) “\(param.defaultValue.stringValue ?? "")”"
        case .textList:
            let items = (param.defaultValue.arrayValue ?? []).compactMap(\.stringValue)
            return "\(standard): " + (items.isEmpty ? say("geen", "none") : items.map { "“\($0)”" }.joined(separator: ", "))
        case .choice:
            let options = param.options.map { option in
                option.label.text(language) + (option.value == param.defaultValue.stringValue ? " (\(standard))" : "")
            }
            return options.joined(separator: " / ")
        case .boolean: return "\(standard) " + (param.defaultValue.boolValue == true ? say("ja", "yes") : say("nee", "no"))
        case .groups: return say("groepjes van deelnemers, meestal uit een eerdere stap (`from`)", "groups of participants, usually from an earlier step (`from`)")
        case .integer, .number:
            var text = "\(standard) \(JSONWriter.string(param.defaultValue))"
            if let low = param.minimum, let high = param.maximum {
                text += " (\(ParamDeclaration.show(low))–\(ParamDeclaration.show(high)))"
            }
            return text
        }
    }
}

/// Word wrapping for terminal text.
public enum Wrap {
    /// `text` wrapped at `width`, keeping its paragraphs (blank lines); the first line starts
    /// with `indent`, the others with `hanging` (default: as much space as `indent`).
    public static func paragraphs(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> String {
        let rest = hanging ?? String(repeating: " ", count: indent.count)
        let restWidth = rest.count
        var lines: [String] = []
        var firstOfAll = true
        for paragraph in blocks(text) {
            if !lines.isEmpty { lines.append("") }
            var line = firstOfAll ? indent : rest
            var lineWidth = firstOfAll ? indent.count : restWidth  // kept, not counted again for every word
            firstOfAll = false
            var lineIsEmpty = true
            for word in Self.words(paragraph) {
                let wordWidth = word.utf8.allSatisfy { $0 < 0x80 } ? word.utf8.count : word.count  // ASCII: a character a byte
                if !lineIsEmpty && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = rest
                    lineWidth = restWidth
                    lineIsEmpty = true
                }
                if !lineIsEmpty {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
                lineIsEmpty = false
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The words of a paragraph, between spaces and line breaks, found byte by byte (both are
    /// ASCII, so a byte that is one is never inside a character).
    static func words(_ paragraph: Substring) -> [Substring] {
        var words: [Substring] = []
        let bytes = paragraph.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == 0x0A {
                if start < index { words.append(paragraph[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start < bytes.endIndex { words.append(paragraph[start..<bytes.endIndex]) }
        return words
    }

    /// The parts of `text` between the blank lines ("\n\n"), from left to right; what
    /// `components(separatedBy: "\n\n")` gives, read byte by byte.
    public static func blocks(_ text: String) -> [Substring] {
        let bytes = text.utf8
        var parts: [Substring] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == 0x0A, next < bytes.endIndex, bytes[next] == 0x0A {
                parts.append(text[start..<index])
                index = bytes.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        parts.append(text[start..<bytes.endIndex])
        return parts
    }
}
