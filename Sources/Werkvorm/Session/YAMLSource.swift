import LuaHost
import Yams

/// A YAML or JSON document read with Yams' node API, so that every value keeps its line and
/// column, and its syntax errors become located problems.
enum YAMLSource {
    /// The root node of `text`, or the syntax error as a problem in `file`. An empty document
    /// gives nil.
    static func compose(_ text: String, file: String) throws(Problem) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw problem(for: error, in: text, file: file)
        } catch {
            throw Problem(file: file, "cannot read the file as YAML: \(error)")
        }
    }

    /// A Yams error as a problem at its line and column.
    static func problem(for error: YamlError, in text: String, file: String) -> Problem {
        let json = file.lowercased().hasSuffix(".json")
        let language = json ? "JSON" : "YAML"
        let hint = json ? "; check the commas, brackets and quotes" : "; check the indentation, and put text containing ': ' or ' #' in quotes"
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { ", \($0.text)" } ?? ""
            return Problem(file: file, line: mark.line, column: mark.column, "not valid \(language)\(during): \(problem)\(hint)")
        case .reader(let problem, let offset, _, _):
            let place = offset.map { position(ofCharacter: $0, in: text) }
            return Problem(file: file, line: place?.line, column: place?.column, "not valid text: \(problem); save the file as UTF-8")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let first = context.mark
            guard let key = duplicates.first, let again = repetition(of: key, after: first, in: text) else {
                return Problem(file: file, line: first.line, column: first.column, "the key \(keys) appears more than once in the same mapping; keep one")
            }
            return Problem(file: file, line: again.line, column: again.column, "the key \(keys) appears more than once in the same mapping (first on line \(first.line)); keep one")
        default:
            return Problem(file: file, "cannot read the file as YAML: \(error)")
        }
    }

    /// Where `key` is written again as a key at the same column as at `first`, on a later line
    /// (Yams names only the first of two equal keys).
    static func repetition(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard first.line >= 1, first.column >= 1 else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { $0 + ":" }
        for index in first.line..<lines.count {
            let line = lines[index]
            guard line.count >= first.column, line.prefix(first.column - 1).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = line.dropFirst(first.column - 1)
            if spellings.contains(where: { rest.hasPrefix($0) }) { return (index + 1, first.column) }
        }
        return nil
    }

    /// The 1-based line and column of the character at `offset`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// The text of a scalar node, whatever it looks like (`09:30`, `2023-06-23`, `5`); nil for
    /// a mapping or a list.
    static func text(_ node: Node) -> String? {
        node.scalar?.string
    }

    /// What kind of node it is, for messages.
    static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.string.isEmpty && scalar.style == .plain ? "nothing" : "\"\(Excerpt.of(scalar.string))\""
        case .alias: "an alias"
        }
    }

    /// A whole number written plainly (`5`, not `"5"` or `5.5`).
    static func integer(_ node: Node) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Int(scalar.string)
    }

    /// A node as plugin data. Scalars become text when `hint` wants text, otherwise plain
    /// scalars are read as YAML reads them (numbers, true/false, null); quoted scalars are text.
    static func value(_ node: Node, hint: ParamDeclaration.Kind? = nil) -> LuaValue {
        switch node {
        case .mapping(let mapping):
            // put in order once; of a key given twice, the last value counts, as YAML readers do
            return .object(LuaObject(uniqueKeysWithValues: mapping.map { (key, value) in (key.scalar?.string ?? "", self.value(value, hint: hint == .bilingual ? .text : nil)) }))
        case .sequence(let sequence):
            return .array(sequence.map { value($0, hint: hint == .textList ? .text : nil) })
        case .scalar(let scalar):
            switch hint {
            case .text, .bilingual, .choice, .textList: return .string(scalar.string)
            default: return scalar.style == .plain ? plain(scalar.string) : .string(scalar.string)
            }
        case .alias:
            return .null
        }
    }

    /// Whether `node` holds more than `limit` values, counting mappings, lists and scalars.
    /// Aliases repeat what their anchor holds, so that a few lines can stand for billions of
    /// values; this stops counting at the limit.
    static func holds(_ node: Node, moreThan limit: Int) -> Bool {
        var count = 0
        func visit(_ node: Node) -> Bool {
            count += 1
            guard count <= limit else { return false }
            switch node {
            case .mapping(let mapping): return mapping.allSatisfy { visit($0.value) }
            case .sequence(let sequence): return sequence.allSatisfy(visit)
            default: return true
            }
        }
        return !visit(node)
    }

    /// A plain scalar as YAML 1.2's core schema reads it.
    private static func plain(_ text: String) -> LuaValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
            if let number = Int64(text) { return .integer(number) }
            if let number = Double(text), number.isFinite, text.contains(where: \.isNumber) { return .double(number) }
            return .string(text)
        }
    }

    /// Every node under `node`, by its path (`steps[3].params.dots`, `...rules[2]`), with its mark.
    static func marks(of node: Node, at path: String, into marks: inout [String: Mark]) {
        if let mark = node.mark { marks[path] = mark }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                let child = ValuePath.isIdentifier(name) ? "\(path).\(name)" : "\(path)[\(JSONWriter.quoted(name))]"
                self.marks(of: value, at: child, into: &marks)
            }
        case .sequence(let sequence):
            for (offset, item) in sequence.enumerated() { self.marks(of: item, at: "\(path)[\(offset + 1)]", into: &marks) }
        default:
            break
        }
    }
}
