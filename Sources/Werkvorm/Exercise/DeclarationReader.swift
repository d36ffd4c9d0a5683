import LuaHost

/// Reads an exercise table's declarations (metadata, params, phases) into an ``Exercise``,
/// collecting every problem with the line it is on.
struct DeclarationReader {
    let source: ExerciseSource
    private(set) var problems: [Problem] = []
    /// Where declarations are in the source, for problems.
    private let lines: DeclarationLines

    init(source: ExerciseSource) {
        self.source = source
        lines = DeclarationLines(source: source)
    }

    /// The line of a top-level key of the exercise table.
    func topLine(_ key: String) -> Int? { lines.top(key) }

    /// Notes a problem at `line`, which is found only now: on the way of a sound exercise
    /// no line is looked for.
    private mutating func note(_ problem: Problem, line: @autoclosure () -> Int?) {
        problems.append(problem.located(file: source.path, line: line()))
    }

    /// The value of a read, or nil after noting its problem at `line`.
    private mutating func keep<T>(_ result: Result<T, Problem>, line: @autoclosure () -> Int?) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            note(problem, line: line())
            return nil
        }
    }

    /// The keys of the exercise table that hold its declarations.
    static let keys = ["id", "version", "title", "summary", "purpose", "duration", "group_size", "materials", "params", "phases"]

    /// The declarations of the exercise table in a state, as plain data, by key.
    mutating func declarations(state: LuaState, table: LuaReference) -> LuaObject {
        let lines = self.lines
        var top: LuaObject = [:]
        for key in Self.keys {
            guard let reference = state.field(table, key) else { continue }
            defer { state.release(reference) }
            do {
                top[key] = try state.value(of: reference, name: key)
            } catch {
                note(Problem(error.message), line: lines.top(key))
            }
        }
        return top
    }

    /// The exercise its declarations make, or nil when they have problems (see ``problems``).
    mutating func exercise(declarations top: LuaObject) -> Exercise? {
        let lines = self.lines
        let reader = FieldReader(fields: top, path: ValuePath(""))
        let id = keep(capture { () throws(Problem) in try reader.string("id") }, line: lines.top("id"))
        if let id {
            let fileName = source.path.split(separator: "/").last.map(String.init) ?? source.path
            if !Self.isIdentifier(id) {
                note(Problem(field: "id", "\"\(id)\" is not a valid id; use lowercase letters, digits and dashes, like \"engagement-voting\""), line: lines.top("id"))
            } else if fileName != id + ".lua" {
                note(Problem(field: "id", "\"\(id)\" does not match the file name \(fileName); name the file \(id).lua or change the id"), line: lines.top("id"))
            }
        }
        let version = keep(capture { () throws(Problem) in try reader.string("version") }, line: lines.top("version"))
        var texts: [String: BilingualText] = [:]
        for key in ["title", "summary", "purpose"] {
            texts[key] = keep(capture { () throws(Problem) in try reader.text(key, requireBoth: true) }, line: lines.top(key))
        }
        let duration = keep(
            capture { () throws(Problem) -> Exercise.Duration in
                let fields = try reader.object(try reader.required("duration"), at: ValuePath("duration"))
                let standard = Int(try fields.integer("default"))
                let minimum = Int(try fields.integer("minimum"))
                guard minimum >= 1, standard >= minimum, standard <= SessionStep.longest else {
                    throw Problem(field: "duration", "needs 1 ≤ minimum ≤ default ≤ \(SessionStep.longest); found default = \(standard), minimum = \(minimum)")
                }
                return Exercise.Duration(defaultMinutes: standard, minimumMinutes: minimum)
            }, line: lines.top("duration"))
        let groupSize = keep(
            capture { () throws(Problem) -> Exercise.GroupSize in
                let fields = try reader.object(try reader.required("group_size"), at: ValuePath("group_size"))
                let minimum = Int(try fields.integer("min"))
                let maximum = try fields.optionalInteger("max").map { Int($0) }
                if let maximum, maximum < minimum {
                    throw Problem(field: "group_size", "max (\(maximum)) is below min (\(minimum))")
                }
                return Exercise.GroupSize(minimum: minimum, maximum: maximum)
            }, line: lines.top("group_size"))
        let params = readParams(top["params"] ?? .array([]))
        let materials = keep(
            capture { () throws(Problem) -> [Exercise.Material] in
                var materials: [Exercise.Material] = []
                for (offset, element) in try reader.list("materials").enumerated() {
                    let path = ValuePath("materials").appending(index: offset + 1)
                    var material = Exercise.Material(text: try BilingualText(element, at: path, requireBoth: true))
                    if let fields = element.objectValue {
                        if let other = fields.keys.first(where: { !["nl", "en", "when"].contains($0) }) {
                            throw Problem(field: path.appending(key: other).description, "unknown key; a material has nl, en and when")
                        }
                        material.when = try Self.readWhen(fields["when"], params: params, at: path.appending(key: "when"))
                    }
                    materials.append(material)
                }
                return materials
            }, line: lines.top("materials"))
        let phases = readPhases(top["phases"], params: params)
        if !phases.isEmpty, let defaults = try? Exercise.defaults(of: params), !phases.contains(where: { $0.isUsed(with: defaults) }) {
            note(
                Problem(field: "phases", "with the params' defaults no phase is used: give at least one phase without `when`, or one whose `when` holds for the defaults"),
                line: lines.top("phases"))
        }
        guard problems.isEmpty, let id, let version, let title = texts["title"], let summary = texts["summary"],
            let purpose = texts["purpose"], let duration, let groupSize, let materials
        else { return nil }
        return Exercise(
            id: id, version: version, title: title, summary: summary, purpose: purpose, duration: duration,
            groupSize: groupSize, materials: materials, params: params, phases: phases, hasView: false, source: source)
    }

    static func isIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }
    }

    static func isName(_ name: String) -> Bool {
        ValuePath.isIdentifier(name)
    }

    // MARK: - Params

    private mutating func readParams(_ value: LuaValue) -> [ParamDeclaration] {
        let lines = self.lines
        guard let list = value.arrayValue else {
            note(Problem(field: "params", "must be a list of params, { { name = ..., type = ..., default = ... }, ... }"), line: lines.top("params"))
            return []
        }
        var params: [ParamDeclaration] = []
        for (offset, element) in list.enumerated() {
            let path = ValuePath("params").appending(index: offset + 1)
            let name = element["name"]?.stringValue
            let line = { name.flatMap { lines.source.line(of: "\"\($0)\"", from: lines.top("params") ?? 1) } ?? lines.top("params") }
            let param = keep(
                capture { () throws(Problem) -> ParamDeclaration in
                    let fields = try FieldReader(fields: [:], path: path).object(element, at: path)
                    let name = try fields.string("name")
                    guard Self.isName(name) else { throw Problem(field: path.appending(key: "name").description, "\"\(name)\" is not a name; use letters, digits and _") }
                    let kindName = try fields.string("type")
                    guard let kind = ParamDeclaration.Kind(rawValue: kindName) else {
                        throw Problem(
                            field: path.appending(key: "type").description,
                            "unknown type \"\(kindName)\"; use one of \(ParamDeclaration.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    var param = ParamDeclaration(
                        name: name, kind: kind, label: try fields.text("label", requireBoth: true), defaultValue: try fields.required("default"),
                        minimum: try fields.optionalNumber("min"), maximum: try fields.optionalNumber("max"),
                        options: try options(fields, at: path, required: kind == .choice),
                        maxLength: try fields.optionalInteger("max_length").map { Int($0) })
                    param.defaultValue = try param.validate(param.defaultValue, at: path.appending(key: "default").description)
                    return param
                }, line: line())
            if let param { params.append(param) }
        }
        return params
    }

    private func options(_ fields: FieldReader, at path: ValuePath, required: Bool) throws(Problem) -> [ChoiceOption] {
        let list = try fields.optionalList("options")
        if required && list.isEmpty {
            throw Problem(field: path.appending(key: "options").description, "a choice needs options, { { value = \"a\", label = { nl = ..., en = ... } }, ... }")
        }
        var options: [ChoiceOption] = []
        for (offset, option) in list.enumerated() {
            let option = try fields.object(option, at: path.appending(key: "options").appending(index: offset + 1))
            let place = path.appending(key: "options").appending(index: offset + 1)
            let x = try option.optionalNumber("x"), y = try option.optionalNumber("y")
            guard (x == nil) == (y == nil) else {
                throw Problem(
                    field: place.appending(key: x == nil ? "x" : "y").description, "a place on the map needs both x (-1 to 1, left to right) and y (0 to 1, bottom to top)")
            }
            if let x, let y, !(-1...1).contains(x) || !(0...1).contains(y) {
                throw Problem(field: place.description, "x must lie from -1 to 1 and y from 0 to 1; found x = \(x), y = \(y)")
            }
            options.append(ChoiceOption(value: try option.string("value"), label: try option.text("label", requireBoth: true), x: x, y: y))
        }
        return options
    }

    // MARK: - Phases

    private mutating func readPhases(_ value: LuaValue?, params: [ParamDeclaration]) -> [PhaseDeclaration] {
        let lines = self.lines
        guard let list = value?.arrayValue, !list.isEmpty else {
            note(Problem(field: "phases", "needs at least one phase, { { id = ..., title = ..., instructions = ..., inputs = { ... } } }"), line: lines.top("phases"))
            return []
        }
        var phases: [PhaseDeclaration] = []
        var inputNames: Set<String> = []
        for (offset, element) in list.enumerated() {
            let path = ValuePath("phases").appending(index: offset + 1)
            let phaseLine = { element["id"]?.stringValue.flatMap { lines.source.line(of: "\"\($0)\"", from: lines.top("phases") ?? 1) } ?? lines.top("phases") }
            let phase = keep(
                capture { () throws(Problem) -> PhaseDeclaration in
                    let fields = try FieldReader(fields: [:], path: path).object(element, at: path)
                    let id = try fields.string("id")
                    guard Self.isName(id) || Self.isIdentifier(id) else {
                        throw Problem(field: path.appending(key: "id").description, "\"\(id)\" is not a phase id; use lowercase letters, digits, _ and -")
                    }
                    var phase = PhaseDeclaration(
                        id: id, title: try fields.text("title", requireBoth: true),
                        instructions: try fields.text("instructions", requireBoth: true), inputs: [])
                    phase.when = try Self.readWhen(element["when"], params: params, at: path.appending(key: "when"))
                    return phase
                }, line: phaseLine())
            guard var phase else { continue }
            if phases.contains(where: { $0.id == phase.id }) {
                note(Problem(field: path.appending(key: "id").description, "the phase id \"\(phase.id)\" is used twice"), line: phaseLine())
            }
            for (inputOffset, input) in (element["inputs"]?.arrayValue ?? []).enumerated() {
                let inputPath = path.appending(key: "inputs").appending(index: inputOffset + 1)
                let inputLine = { input["name"]?.stringValue.flatMap { lines.source.line(of: "\"\($0)\"", from: phaseLine() ?? 1) } ?? phaseLine() }
                let read = capture { () throws(Problem) in try readInput(input, at: inputPath) }
                guard let declaration = keep(read, line: inputLine()) else { continue }
                if !inputNames.insert(declaration.name).inserted {
                    note(
                        Problem(
                            field: inputPath.appending(key: "name").description, "the input name \"\(declaration.name)\" is used twice; input names are unique within an exercise"),
                        line: inputLine())
                }
                phase.inputs.append(declaration)
            }
            phases.append(phase)
        }
        return phases
    }

    /// A phase's or a material's `when`: param names, each with a value or a list of values of
    /// that param.
    private static func readWhen(_ value: LuaValue?, params: [ParamDeclaration], at path: ValuePath) throws(Problem) -> [String: [LuaValue]] {
        guard let value else { return [:] }
        guard let conditions = value.objectValue, !conditions.isEmpty else {
            throw Problem(field: path.description, "must be a table of params and their values, { mode = \"dimensions\" }; found \(value.typeName)")
        }
        var when: [String: [LuaValue]] = [:]
        for name in JSONWriter.sortedKeys(conditions) {
            let at = path.appending(key: name)
            guard let param = params.first(where: { $0.name == name }) else {
                let known = params.map(\.name)
                let hint = known.isEmpty ? "the exercise has no params" : "its params are \(known.joined(separator: ", "))"
                throw Problem(field: at.description, "names no param of the exercise; \(hint)")
            }
            guard [.choice, .boolean, .integer, .text].contains(param.kind) else {
                throw Problem(field: at.description, "names the \(param.kind.rawValue) param '\(name)'; `when` can name a choice, boolean, integer or text param")
            }
            let given = conditions[name] ?? .null
            var values = given.arrayValue ?? [given]
            for (offset, each) in values.enumerated() {
                values[offset] = try param.validate(each, at: given.arrayValue == nil ? at.description : at.appending(index: offset + 1).description)
            }
            when[name] = values
        }
        return when
    }

    private func readInput(_ value: LuaValue, at path: ValuePath) throws(Problem) -> InputDeclaration {
        let fields = try FieldReader(fields: [:], path: path).object(value, at: path)
        let name = try fields.string("name")
        guard Self.isName(name) else { throw Problem(field: path.appending(key: "name").description, "\"\(name)\" is not a name; use letters, digits and _") }
        let byName = try fields.optionalString("by") ?? "participant"
        guard let by = Actor(rawValue: byName) else {
            throw Problem(field: path.appending(key: "by").description, "must be \"participant\" or \"facilitator\"; found \"\(byName)\"")
        }
        var declarations: [FieldDeclaration] = []
        for (offset, field) in try fields.optionalList("fields").enumerated() {
            let fieldPath = path.appending(key: "fields").appending(index: offset + 1)
            let field = try fields.object(field, at: fieldPath)
            let fieldName = try field.string("name")
            guard Self.isName(fieldName) else { throw Problem(field: fieldPath.appending(key: "name").description, "\"\(fieldName)\" is not a name; use letters, digits and _") }
            let kindName = try field.string("type")
            guard let kind = FieldDeclaration.Kind(rawValue: kindName) else {
                throw Problem(
                    field: fieldPath.appending(key: "type").description,
                    "unknown type \"\(kindName)\"; use one of \(FieldDeclaration.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            declarations.append(
                FieldDeclaration(
                    name: fieldName, kind: kind, label: try field.optionalText("label", requireBoth: true) ?? BilingualText(fieldName),
                    required: try field.bool("required") ?? true, minimum: try field.optionalNumber("min"), maximum: try field.optionalNumber("max"),
                    maxLength: try field.optionalInteger("max_length").map { Int($0) }, options: try options(field, at: fieldPath, required: kind == .choice),
                    refersTo: try field.optionalString("refers_to")))
        }
        return InputDeclaration(
            name: name, title: try fields.optionalText("title", requireBoth: true) ?? BilingualText(name), by: by,
            anonymous: try fields.bool("anonymous") ?? false, fields: declarations, undoes: try fields.optionalString("undoes"))
    }
}

/// Where an exercise's declarations are in its source: looked up only for a problem.
private struct DeclarationLines {
    let source: ExerciseSource

    /// The line of a top-level key of the exercise table.
    func top(_ key: String) -> Int? {
        source.line(of: "\(key) =", from: tableLine) ?? source.line(of: "\(key) =")
    }

    /// Where the returned table starts, the last line that starts `return {` or is `return`:
    /// top-level keys are searched from there.
    var tableLine: Int {
        var last = 1, line = 1, lineStart = 0
        var text = source.text
        text.withUTF8 { bytes in
            func check(_ end: Int) {
                let length = end - lineStart
                if length == 6 || length >= 8, bytes[lineStart] == UInt8(ascii: "r"),
                    length == 6 ? "return".utf8.elementsEqual(bytes[lineStart..<end]) : "return {".utf8.elementsEqual(bytes[lineStart..<lineStart + 8])
                {
                    last = line
                }
            }
            for index in 0..<bytes.count where bytes[index] == 0x0A {
                check(index)
                line += 1
                lineStart = index + 1
            }
            check(bytes.count)
        }
        return last
    }
}

/// The outcome of a read that may find a problem.
func capture<T>(_ read: () throws(Problem) -> T) -> Result<T, Problem> {
    do {
        return .success(try read())
    } catch {
        return .failure(error)
    }
}
