import CLua
import Foundation
import LuaShim

/// A Lua value kept alive in a ``LuaState`` (a plugin's table, a function, an exercise's state).
/// Valid only in the state that made it, until ``LuaState/release(_:)``.
public struct LuaReference: Hashable {
    fileprivate let slot: Int32
}

/// An argument to a Lua function: plain data, or something the state already holds.
public enum LuaArgument {
    case value(LuaValue)
    case reference(LuaReference)
    /// A list of tables with the same keys.
    case records(LuaRecords)
    /// One table of these keys and values (`.null` leaves a key out): no dictionary is built.
    case table(keys: [String], values: [LuaValue])
}

/// A list of tables that share their keys, given column by column (`columns[k][i]` is the value of
/// `keys[k]` in table `i`; `.null` leaves it out). Pushing it builds no dictionary per table and
/// looks each key up once, not once per table: the way to hand Lua a long list of inputs.
public struct LuaRecords {
    public var keys: [String]
    public var columns: [[LuaValue]]

    /// Records with these keys and, for each key, its values; every column has the same length.
    public init(keys: [String], columns: [[LuaValue]]) {
        precondition(keys.count == columns.count && Set(columns.map(\.count)).count <= 1, "one column of equal length per key")
        self.keys = keys
        self.columns = columns
    }

    /// How many tables.
    public var count: Int { columns.first?.count ?? 0 }
}

/// A module of the plugin library, as `require` loads it.
public struct LuaModule: Sendable, Equatable {
    /// The module's Lua text.
    public var source: String
    /// Its path relative to the library, shown in errors (`Exercises/lib/rank.lua`).
    public var path: String

    /// A module with its text and the path that errors show.
    public init(source: String, path: String) {
        self.source = source
        self.path = path
    }
}

/// One sandboxed, bounded, deterministic Lua 5.4 state: the owner of the `lua_State` pointer.
///
/// Concurrency: a `LuaState` is used by one task or thread at a time and never shared; Lua
/// states are not thread-safe, and the C pointer must not escape. Move work to the state, not the
/// state to the work. Errors leave the state usable: every call gets a fresh instruction budget.
///
/// Lua errors never cross a Swift frame: Swift enters Lua only through `lshim_pcall`; Swift
/// functions called from Lua return a status to a C trampoline; while the host itself pushes
/// values the memory cap is lifted, so those pushes cannot raise; reading values uses raw access
/// only, which cannot raise.
public final class LuaState {
    let L: OpaquePointer
    let context: UnsafeMutablePointer<lshim_context>
    /// The bounds this state runs within.
    public let limits: LuaLimits
    /// Lines the plugins printed, in order.
    public private(set) var log: [String] = []
    /// Called for every line a plugin prints, as it prints it.
    public var onPrint: ((String) -> Void)?
    /// The modules `require` has loaded, by name: what a record must keep to run the plugin again.
    public private(set) var modules: [String: LuaModule] = [:]

    private let moduleResolver: (String) -> LuaModule?
    private var shortNames: [String: String] = [:]  // chunk name Lua sees → full path
    private var chunkNames: [String: String] = [:]  // full path → chunk name Lua sees
    private var newEnvironment = LuaReference(slot: LUA_NOREF)
    private var seedFunction = LuaReference(slot: LUA_NOREF)
    var objectMetatable = LuaReference(slot: LUA_NOREF)
    /// Short strings read back from Lua; one thread uses a state at a time.
    @exclusivity(unchecked) var strings = LuaStringCache()
    static let registry = lshim_registryindex()
    /// The log keeps at most this many lines, and this many bytes in all; a longer line is cut.
    static let maximumLogLines = 10_000
    static let maximumLogBytes = 1 << 20
    static let maximumLineLength = 4096
    private var logBytes = 0
    private var logIsFull = false

    /// Creates a sandboxed state. `modules` finds what `require(name)` loads; `seed` seeds
    /// `math.random`.
    public init(limits: LuaLimits = .default, seed: Int64 = 0, modules: @escaping (String) -> LuaModule? = { _ in nil }) throws(LuaError) {
        self.limits = limits
        self.moduleResolver = modules
        context = .allocate(capacity: 1)
        context.initialize(to: lshim_context())
        context.pointee.hook_interval = 1000
        guard let state = lshim_newstate(context) else {
            context.deallocate()
            throw LuaError(.memoryLimit, "could not create a Lua state: out of memory")
        }
        L = state
        context.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        context.pointee.dispatch = { L, owner, index in
            guard let L, let owner else { return -1 }
            return Unmanaged<LuaState>.fromOpaque(owner).takeUnretainedValue().dispatch(L, index)
        }
        try setUp(seed: seed)
        context.pointee.instruction_limit = Int64(limits.instructions)
        context.pointee.pattern_step_limit = Int64(limits.patternSteps)
        context.pointee.memory_limit = limits.memory
        if let budget = limits.budget {
            context.pointee.budget_remaining = budget.remaining
            context.pointee.budget_total = CLongLong(budget.total)
        }
    }

    deinit {
        lua_close(L)
        context.deinitialize(count: 1)
        context.deallocate()
    }

    /// Builds the sandbox. The limits are set only after this, so the pushes here cannot raise.
    private func setUp(seed: Int64) throws(LuaError) {
        guard lshim_openlibs(L) == LUA_OK else { throw LuaError(.memoryLimit, "could not open the Lua libraries") }
        var prelude = Sandbox.prelude
        let status = prelude.withUTF8 { text in
            text.withMemoryRebound(to: CChar.self) { lshim_loadtext(L, $0.baseAddress, $0.count, "=sandbox") }
        }
        guard status == LUA_OK else { throw failure(status: status, path: "sandbox") }
        lua_createtable(L, 0, 2)  // the host's functions
        lshim_push_swift_function(L, HostFunction.print.rawValue)
        lua_setfield(L, -2, "print")
        lshim_push_swift_function(L, HostFunction.moduleSource.rawValue)
        lua_setfield(L, -2, "module_source")
        lua_createtable(L, 0, 7)  // the C builtins
        lua_pushvalue(L, -1)
        guard lshim_install_builtins(L) == LUA_OK else { throw LuaError(.memoryLimit, "could not install the builtins") }
        lua_createtable(L, 0, 2)  // the limits the prelude enforces
        lua_pushinteger(L, lua_Integer(limits.stringLength))
        lua_setfield(L, -2, "string_length")
        lua_pushinteger(L, lua_Integer(limits.tableMove))
        lua_setfield(L, -2, "table_move")
        let preludeStatus = lshim_pcall(L, 3, 1)
        guard preludeStatus == LUA_OK else { throw failure(status: preludeStatus, path: "sandbox") }
        lua_getfield(L, -1, "new_environment")
        newEnvironment = popReference()
        lua_getfield(L, -1, "seed")
        seedFunction = popReference()
        lua_getfield(L, -1, "object_metatable")
        objectMetatable = popReference()
        lua_settop(L, -2)
        try self.seed(seed)
    }

    // MARK: - Loading and calling

    /// Compiles `source` as a plugin chunk with its own global table. `path` is what errors show.
    /// Returns the chunk as a function; call it to run the plugin.
    public func load(source: String, path: String) throws(LuaError) -> LuaReference {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let chunkname = "=" + chunkName(for: path)
        var text = source
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { lshim_loadtext(L, $0.baseAddress, $0.count, chunkname) }
        }
        guard status == LUA_OK else { throw failure(status: status, path: path) }
        push(newEnvironment)
        let environmentStatus = lshim_pcall(L, 0, 1)
        guard environmentStatus == LUA_OK else { throw failure(status: environmentStatus, path: path) }
        lua_setupvalue(L, -2, 1)  // the chunk's _ENV
        return popReference()
    }

    /// Loads and runs `source`, returning its first result as plain data (`.null` if none).
    public func run(source: String, path: String, resultName: String = "result") throws(LuaError) -> LuaValue {
        let chunk = try load(source: source, path: path)
        defer { release(chunk) }
        return try call(chunk, [], resultName: resultName).first ?? .null
    }

    /// Calls a function with arguments; returns all its results as plain data, naming them
    /// `resultName`, `resultName[2]`... in errors.
    public func call(_ function: LuaReference, _ arguments: [LuaArgument], resultName: String = "result") throws(LuaError) -> [LuaValue] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let count = try invoke(function, arguments, results: LUA_MULTRET, top: top)
        var results: [LuaValue] = []
        results.reserveCapacity(Int(count))
        for index in 0..<count {
            let name = index == 0 ? resultName : "\(resultName)[\(index + 1)]"
            results.append(try value(at: top + 1 + index, path: ValuePath(name)))
        }
        return results
    }

    /// Calls a function and returns its first result as plain data (`.null` if none), named
    /// `resultName` in errors. Cheaper than ``call(_:_:resultName:)`` when one result is enough.
    public func callForValue(_ function: LuaReference, _ arguments: [LuaArgument], resultName: String = "result") throws(LuaError) -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        _ = try invoke(function, arguments, results: 1, top: top)
        return try value(at: top + 1, path: ValuePath(resultName))
    }

    /// Calls a function and keeps its first result in the state (`nil` if it returned nil).
    public func callForReference(_ function: LuaReference, _ arguments: [LuaArgument]) throws(LuaError) -> LuaReference? {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        _ = try invoke(function, arguments, results: 1, top: top)
        if lua_type(L, -1) == LUA_TNIL { return nil }
        return popReference()
    }

    /// Pushes function and arguments, calls, and returns how many results are on the stack.
    private func invoke(_ function: LuaReference, _ arguments: [LuaArgument], results: Int32, top: Int32) throws(LuaError) -> Int32 {
        guard lua_checkstack(L, Int32(arguments.count) + 8) != 0 else {
            throw LuaError(.runtime, "too many arguments for one call")
        }
        push(function)
        for (position, argument) in arguments.enumerated() {
            switch argument {
            case .reference(let reference): push(reference)
            case .value(let value): try push(value, path: ValuePath("arguments", steps: [.index(position + 1)]))
            case .records(let records): try push(records, path: ValuePath("arguments", steps: [.index(position + 1)]))
            case .table(let keys, let values): try push(keys: keys, values: values, path: ValuePath("arguments", steps: [.index(position + 1)]))
            }
        }
        let status = lshim_pcall(L, Int32(arguments.count), results)
        guard status == LUA_OK else {
            let error = failure(status: status, path: sourcePath(of: function))
            lua_settop(L, top)
            throw error
        }
        return lua_gettop(L) - top
    }

    /// A Lua function that gives the plugin code it calls next a whole instruction budget, as
    /// if the host had called that code itself. For the host's own Lua (a runner that calls a
    /// plugin's handler once for each of a batch of inputs, in one host call); never hand it to
    /// plugin code, which could then run for ever. A limit already reached stays reached.
    public func freshBudgetFunction() -> LuaReference {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lshim_push_fresh_budget(L)
        return popReference()
    }

    /// A Lua function that returns a deep copy of plain data (tables copied with their keys and
    /// values, sharing and cycles kept): what a checkpoint of a state table is made with. Its
    /// work is C, outside the instruction budget, and inside the memory cap.
    public func deepCopyFunction() -> LuaReference {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lshim_push_deep_copy(L)
        return popReference()
    }

    /// Seeds `math.random`: the same seed gives the same numbers in every process.
    public func seed(_ seed: Int64) throws(LuaError) {
        _ = try call(seedFunction, [.value(.integer(seed))])
    }

    // MARK: - References

    /// The raw field `key` of the table behind `reference`, as a new reference; nil if absent.
    public func field(_ reference: LuaReference, _ key: String) -> LuaReference? {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        push(reference)
        guard lua_type(L, -1) == LUA_TTABLE else { return nil }
        hostAllocating { _ = lua_pushstring(L, key) }
        lua_rawget(L, -2)
        if lua_type(L, -1) == LUA_TNIL { return nil }
        return popReference()
    }

    /// The raw element `index` of the list behind `reference`, as a new reference; nil if absent.
    public func element(_ reference: LuaReference, _ index: Int) -> LuaReference? {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        push(reference)
        guard lua_type(L, -1) == LUA_TTABLE else { return nil }
        lua_rawgeti(L, -1, lua_Integer(index))
        if lua_type(L, -1) == LUA_TNIL { return nil }
        return popReference()
    }

    /// Whether the value behind `reference` is a function.
    public func isFunction(_ reference: LuaReference) -> Bool {
        push(reference)
        defer { lua_settop(L, -2) }
        return lua_type(L, -1) == LUA_TFUNCTION
    }

    /// The value behind `reference` as plain data; errors name it `name`.
    public func value(of reference: LuaReference, name: String) throws(LuaError) -> LuaValue {
        push(reference)
        defer { lua_settop(L, -2) }
        return try value(at: lua_gettop(L), path: ValuePath(name))
    }

    /// Keeps plain data in the state, as a Lua value.
    public func reference(to value: LuaValue, name: String) throws(LuaError) -> LuaReference {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try push(value, path: ValuePath(name))
        return popReference()
    }

    /// Sets the raw field `key` of the table behind `reference` to plain data.
    public func setField(_ reference: LuaReference, _ key: String, _ value: LuaValue) throws(LuaError) {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        push(reference)
        guard lua_type(L, -1) == LUA_TTABLE else { throw LuaError(.badValue, "setField: not a table") }
        hostAllocating { _ = lua_pushstring(L, key) }
        try push(value, path: ValuePath(key))
        lua_rawset(L, -3)
    }

    /// Lets the state collect what `reference` kept alive.
    public func release(_ reference: LuaReference) {
        luaL_unref(L, LuaState.registry, reference.slot)
    }

    /// Bytes the state uses now.
    public var memoryUsed: Int { context.pointee.memory_used }

    func push(_ reference: LuaReference) {
        lua_rawgeti(L, LuaState.registry, lua_Integer(reference.slot))
    }

    private func popReference() -> LuaReference {
        hostAllocating { LuaReference(slot: luaL_ref(L, LuaState.registry)) }
    }

    /// Runs `body` with the memory cap lifted, for pushes made by the host itself.
    func hostAllocating<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        context.pointee.host_allocating += 1
        defer { context.pointee.host_allocating -= 1 }
        return try body()
    }

    // MARK: - Chunk names and errors

    /// The path of the file a Lua function was defined in, for errors that carry no location.
    private func sourcePath(of function: LuaReference) -> String? {
        push(function)
        guard lua_type(L, -1) == LUA_TFUNCTION else {
            lua_settop(L, -2)
            return nil
        }
        var info = lua_Debug()
        lua_getinfo(L, ">S", &info)  // pops the function
        guard let source = info.source else { return nil }
        let name = String(cString: source)
        guard name.hasPrefix("=") else { return nil }
        return shortNames[String(name.dropFirst())]
    }

    /// Lua cuts chunk names at 60 characters; long paths get a short token that errors map back.
    private func chunkName(for path: String) -> String {
        if let name = chunkNames[path] { return name }
        let name = path.utf8.count <= 50 && !path.hasPrefix("~") ? path : "~\(shortNames.count + 1)"
        shortNames[name] = path
        chunkNames[path] = name
        return name
    }

    /// The error for a failed load or call, with the message at the top of the stack.
    private func failure(status: Int32, path: String?) -> LuaError {
        let raw = string(at: -1) ?? "(error object is not a string)"
        lshim_push_traceback(L)
        let traceback = string(at: -1).map(expandChunkNames)
        lua_settop(L, -2)
        var kind: LuaError.Kind
        var text = raw
        switch (status, context.pointee.limit_hit) {
        case (LUA_ERRSYNTAX, _): kind = .syntax
        case (_, LSHIM_LIMIT_INSTRUCTIONS), (_, LSHIM_LIMIT_BUDGET): kind = .instructionLimit
        case (LUA_ERRMEM, _), (_, LSHIM_LIMIT_MEMORY):
            kind = .memoryLimit
            if status == LUA_ERRMEM {
                text = "memory limit reached: more than \(limits.memory) bytes; look for a table or string that keeps growing"
            }
        default: kind = .runtime
        }
        var (location, message) = splitLocation(text)
        // an error raised in the sandbox's own wrappers (string.format's) belongs to the plugin's line that called it
        if location == nil || location?.path == "sandbox", let traceback { location = firstLocation(in: traceback) ?? location }
        if kind == .runtime, message.hasPrefix("sandbox: ") {
            kind = .sandbox
            message.removeFirst("sandbox: ".count)
        }
        return LuaError(kind, message, path: location?.path ?? path, line: location?.line, traceback: traceback)
    }

    /// Splits `chunk:42: message` into a location and the message, mapping the chunk to its path.
    private func splitLocation(_ text: String) -> ((path: String, line: Int)?, String) {
        var rest = Substring(text)
        while let colon = rest.firstIndex(of: ":") {
            let chunk = String(text[text.startIndex..<colon])
            let afterChunk = rest[rest.index(after: colon)...]
            if let path = shortNames[chunk] ?? (chunk == "sandbox" ? "sandbox" : nil),
                let secondColon = afterChunk.firstIndex(of: ":"),
                let line = Int(afterChunk[afterChunk.startIndex..<secondColon])
            {
                var message = afterChunk[afterChunk.index(after: secondColon)...]
                if message.first == " " { message = message.dropFirst() }
                return ((path, line), String(message))
            }
            rest = afterChunk
        }
        return (nil, text)
    }

    /// The first `chunk:line:` in a traceback that belongs to a plugin.
    private func firstLocation(in traceback: String) -> (path: String, line: Int)? {
        for line in traceback.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == "\t" || $0 == " " })
            let parts = trimmed.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, let number = Int(parts[1]), chunkNames[String(parts[0])] != nil {
                return (String(parts[0]), number)
            }
        }
        return nil
    }

    private func expandChunkNames(_ text: String) -> String {
        var result = text
        for (short, path) in shortNames where short != path {
            result = result.replacingOccurrences(of: short + ":", with: path + ":")
        }
        return result
    }

    /// A string on the stack, if the value there is one; never converts in place.
    func string(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    // MARK: - Swift functions called from Lua

    private enum HostFunction: Int32 {
        case print = 0
        case moduleSource = 1
    }

    /// Runs a host function for Lua. Returns the number of results, or -1 with a message pushed.
    private func dispatch(_ state: OpaquePointer, _ index: Int32) -> Int32 {
        context.pointee.host_allocating += 1
        defer { context.pointee.host_allocating -= 1 }
        guard lua_checkstack(state, 4) != 0 else { return -1 }
        switch HostFunction(rawValue: index) {
        case .print:
            let line = stringArgument(state, prefix: LuaState.maximumLineLength) ?? ""
            if log.count < LuaState.maximumLogLines, logBytes + line.utf8.count <= LuaState.maximumLogBytes {
                log.append(line)
                logBytes += line.utf8.count
            } else if !logIsFull {
                log.append("(more was printed than the log keeps)")
                logIsFull = true
            }
            onPrint?(line)
            return 0
        case .moduleSource:
            let name = stringArgument(state) ?? ""
            guard LuaState.isModuleName(name) else {
                lua_pushnil(state)
                lua_pushstring(state, "require: '\(name)' is not a module name; use letters, digits, '_' and '-'")
                return 2
            }
            guard let module = moduleResolver(name) else {
                lua_pushnil(state)
                lua_pushstring(state, "require: there is no module '\(name)' in the plugin library (lib/\(name).lua)")
                return 2
            }
            modules[name] = module
            var source = module.source
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(state, $0.baseAddress, $0.count) }
            }
            lua_pushstring(state, "=" + chunkName(for: module.path))
            return 2
        case nil:
            lua_pushstring(state, "unknown host function \(index)")
            return -1
        }
    }

    private func stringArgument(_ state: OpaquePointer, prefix limit: Int = .max) -> String? {
        guard lua_type(state, 1) == LUA_TSTRING else { return nil }
        var length = 0
        guard let bytes = lua_tolstring(state, 1, &length) else { return nil }
        guard length > limit else { return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self) }
        var cut = limit
        while cut > 0, UInt8(bitPattern: bytes[cut]) & 0xC0 == 0x80 { cut -= 1 }  // not inside a character
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: cut), as: UTF8.self) + " … (\(length - cut) bytes more)"
    }

    /// Module names: letters, digits, `_` and `-`, at most 64 characters.
    static func isModuleName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { byte in
                byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122)
            }
    }
}

/// A Lua state belongs to one thread at a time; its pointer must never be shared.
@available(*, unavailable)
extension LuaState: Sendable {}
