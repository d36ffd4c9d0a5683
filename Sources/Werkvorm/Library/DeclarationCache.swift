import LuaHost

/// Where a library keeps what loading an exercise found, by the SHA-256 of its source, so that
/// listing a library or planning a session does not run every exercise's Lua again. A store
/// of bytes by key; what it keeps is only a copy, and a store that loses it costs a load.
public protocol DeclarationCache: Sendable {
    /// The bytes kept under `key`, if any.
    func bytes(for key: String) -> [UInt8]?
    /// Keeps `bytes` under `key`; a failure to keep them is no error.
    func store(_ bytes: [UInt8], for key: String)
}

/// What a cache keeps for one exercise that loaded without problems: the declarations its
/// table returned (as plain data, read again by the same ``DeclarationReader`` on the way
/// back), whether it has a view, and the SHA-256 of every module it required while loading,
/// for a module that changed may change what the exercise declares.
struct CachedDeclarations {
    /// Changes when what the cache keeps changes.
    static let format: Int64 = 1

    var declarations: LuaObject
    var hasView: Bool
    var modules: [String: String]

    /// The key of an exercise's entry: the SHA-256 of its source and the format.
    static func key(_ source: ExerciseSource) -> String {
        "\(Journal.sha256(source.text))-\(format)"
    }

    init(_ loaded: LoadedExercise) {
        declarations = loaded.declarations
        hasView = loaded.viewFunction != nil
        modules = loaded.state.modules.mapValues { Journal.sha256($0.source) }
    }

    /// An entry read back; nil when it is not one (damaged, or of another format).
    init?(bytes: [UInt8]) {
        guard let value = try? JSONReader.parse(bytes: bytes), value["format"]?.integerValue == Self.format,
            let declarations = value["declarations"]?.objectValue, let hasView = value["view"]?.boolValue,
            let modules = value["modules"]?.objectValue
        else { return nil }
        self.declarations = declarations
        self.hasView = hasView
        self.modules = modules.dictionary.compactMapValues(\.stringValue)
        guard self.modules.count == modules.count else { return nil }
    }

    var bytes: [UInt8] {
        JSONWriter.bytes([
            "format": .integer(Self.format), "declarations": .object(declarations), "view": .bool(hasView),
            "modules": .object(LuaObject(modules.mapValues { .string($0) })),
        ])
    }

    /// The exercise again, for `source`; nil when a module it required has changed or the
    /// declarations no longer read (then the exercise is loaded as usual).
    func exercise(_ source: ExerciseSource, moduleSHA256: (String) -> String?) -> Exercise? {
        guard modules.allSatisfy({ moduleSHA256($0.key) == $0.value }) else { return nil }
        var reader = DeclarationReader(source: source)
        guard var exercise = reader.exercise(declarations: declarations), reader.problems.isEmpty else { return nil }
        exercise.hasView = hasView
        return exercise
    }
}
