import CLua
import LuaShim

/// The one place where Lua values become Swift values, and back.
///
/// Conversions are on every plugin call's path, so the success path allocates nothing beyond the
/// values themselves: the place of a problem (`outcome.ranking[3].score`) is put together only
/// when there is one, step by step as the failure travels up, and the tables on the way down
/// (to find cycles) are kept in a buffer on the stack.
extension LuaState {
    /// How deeply tables may nest in plain data.
    static let maximumDepth = 100

    /// Pushes plain data as a Lua value. The host's own pushes run with the memory cap lifted,
    /// so they cannot raise.
    func push(_ value: LuaValue, path: @autoclosure () -> ValuePath) throws(LuaError) {
        context.pointee.host_allocating += 1
        defer { context.pointee.host_allocating -= 1 }
        do {
            try pushValue(value, depth: 0)
        } catch {
            throw error.luaError(at: path())
        }
    }

    /// Pushes one table of `keys` and `values`, leaving out the keys whose value is `.null`.
    func push(keys: [String], values: [LuaValue], path: @autoclosure () -> ValuePath) throws(LuaError) {
        precondition(keys.count == values.count, "a value for every key")
        context.pointee.host_allocating += 1
        defer { context.pointee.host_allocating -= 1 }
        let base = lua_gettop(L)
        lua_createtable(L, 0, Int32(clamping: keys.count))
        for (key, value) in zip(keys, values) {
            if case .null = value { continue }
            pushString(key)
            do {
                try pushValue(value, depth: 1)
            } catch {
                lua_settop(L, base)
                throw error.adding(.key(key)).luaError(at: path())
            }
            lua_rawset(L, -3)
        }
    }

    /// Pushes records as a list of tables. The keys are pushed once, below the list, and copied
    /// from there into each table.
    func push(_ records: LuaRecords, path: @autoclosure () -> ValuePath) throws(LuaError) {
        context.pointee.host_allocating += 1
        defer { context.pointee.host_allocating -= 1 }
        guard lua_checkstack(L, Int32(clamping: records.keys.count) + 8) != 0 else {
            throw ConversionFailure(.stackExhausted).luaError(at: path())
        }
        let base = lua_gettop(L)
        for key in records.keys { pushString(key) }
        lua_createtable(L, Int32(clamping: records.count), 0)
        for index in 0..<records.count {
            lua_createtable(L, 0, Int32(clamping: records.keys.count))
            for (column, values) in records.columns.enumerated() {
                let value = values[index]
                if case .null = value { continue }
                lua_pushvalue(L, base + 1 + Int32(column))
                do {
                    try pushValue(value, depth: 2)
                } catch {
                    lua_settop(L, base)
                    throw error.adding(.key(records.keys[column])).adding(.index(index + 1)).luaError(at: path())
                }
                lua_rawset(L, -3)
            }
            lua_rawseti(L, -2, lua_Integer(index + 1))
        }
        lua_rotate(L, base + 1, 1)  // the list below the keys
        lua_settop(L, base + 1)
    }

    private func pushValue(_ value: LuaValue, depth: Int) throws(ConversionFailure) {
        switch value {
        case .null: lua_pushnil(L)
        case .bool(let flag): lua_pushboolean(L, flag ? 1 : 0)
        case .integer(let number): lua_pushinteger(L, lua_Integer(number))
        case .double(let number):
            guard number.isFinite else { throw ConversionFailure(.notFinite) }
            lua_pushnumber(L, number)
        case .string(let text): pushString(text)
        case .array(let elements):
            try enterTable(depth: depth)
            lua_createtable(L, Int32(clamping: elements.count), 0)
            for (offset, element) in elements.enumerated() {
                do throws(ConversionFailure) {
                    if case .null = element { throw ConversionFailure(.nullInList) }
                    try pushValue(element, depth: depth + 1)
                } catch {
                    throw error.adding(.index(offset + 1))
                }
                lua_rawseti(L, -2, lua_Integer(offset + 1))
            }
        case .object(let fields):
            try enterTable(depth: depth)
            lua_createtable(L, 0, Int32(clamping: fields.count))
            if fields.isEmpty {
                push(objectMetatable)  // marks {} as an object so it comes back as one
                lua_setmetatable(L, -2)
            }
            for (key, field) in fields {
                if case .null = field { continue }  // a null field is an absent field
                pushString(key)
                do {
                    try pushValue(field, depth: depth + 1)
                } catch {
                    throw error.adding(.key(key))
                }
                lua_rawset(L, -3)
            }
        }
    }

    private func enterTable(depth: Int) throws(ConversionFailure) {
        guard depth < LuaState.maximumDepth else { throw ConversionFailure(.tooDeep) }
        guard lua_checkstack(L, 4) != 0 else { throw ConversionFailure(.stackExhausted) }
    }

    private func pushString(_ text: String) {
        // Native and small strings give their bytes without a copy; the length keeps embedded NULs.
        let pushed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
        if pushed == nil {
            var copy = text
            copy.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
            }
        }
    }

    /// Reads the value at a stack index as plain data, using raw access only (no metamethods),
    /// which cannot raise. Refuses what is not plain data, naming the place with `path`.
    func value(at index: Int32, path: ValuePath) throws(LuaError) -> LuaValue {
        let absolute = lua_absindex(L, index)
        let result = withUnsafeTemporaryAllocation(of: UnsafeRawPointer.self, capacity: LuaState.maximumDepth) { ancestors in
            Result { () throws(ConversionFailure) in try readValue(at: absolute, depth: 0, ancestors: ancestors) }
        }
        switch result {
        case .success(let value): return value
        case .failure(let failure): throw failure.luaError(at: path)
        }
    }

    private func readValue(at index: Int32, depth: Int, ancestors: UnsafeMutableBufferPointer<UnsafeRawPointer>) throws(ConversionFailure) -> LuaValue {
        switch lua_type(L, index) {
        case LUA_TNIL: return .null
        case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(Int64(lua_tointegerx(L, index, nil))) }
            let number = lua_tonumberx(L, index, nil)
            guard number.isFinite else { throw ConversionFailure(.notFinite) }
            return .double(number)
        case LUA_TSTRING:
            guard let text = text(at: index) else { throw ConversionFailure(.notUTF8) }
            return .string(text)
        case LUA_TTABLE:
            return try table(at: index, depth: depth, ancestors: ancestors)
        default:
            throw ConversionFailure(.notPlain(String(cString: lua_typename(L, lua_type(L, index)))))
        }
    }

    /// A Lua string as Swift text; nil if it is not valid UTF-8.
    private func text(at index: Int32) -> String? {
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return "" }
        return text(UnsafeRawPointer(bytes), length: length)
    }

    /// The `length` bytes of a Lua string at `address` as Swift text; nil if not valid UTF-8.
    private func text(_ address: UnsafeRawPointer, length: Int) -> String? {
        let short = length <= LuaStringCache.longest
        if short, let known = strings.text(at: address, length: length) { return known }
        let buffer = UnsafeRawBufferPointer(start: address, count: length)
        let text: String?
        if !buffer.contains(where: { $0 >= 0x80 }) {
            text = String(decoding: buffer, as: UTF8.self)  // ASCII: nothing to validate
        } else {
            text = String(validating: buffer.bindMemory(to: UInt8.self), as: UTF8.self)
        }
        if short, let text { strings.keep(text, at: address, length: length) }
        return text
    }

    private func table(at index: Int32, depth: Int, ancestors: UnsafeMutableBufferPointer<UnsafeRawPointer>) throws(ConversionFailure) -> LuaValue {
        guard let identity = lua_topointer(L, index) else { return .null }
        guard depth < LuaState.maximumDepth else { throw ConversionFailure(.tooDeep) }
        for level in 0..<depth where ancestors[level] == identity {
            throw ConversionFailure(.cycle)
        }
        ancestors[depth] = identity
        guard lua_checkstack(L, 4) != 0 else { throw ConversionFailure(.stackExhausted) }
        // Without an entry at 1, a table is an object, an empty value, or not plain data: its
        // fields are read in one pass.
        if lua_rawlen(L, index) == 0 { return try object(at: index, depth: depth, ancestors: ancestors) }
        return try listOrObject(at: index, depth: depth, ancestors: ancestors)
    }

    /// A table with no entry at 1, read in one pass. A key that is not text means the table is
    /// not plain data, and so does, for a value inside it that is not, its keys: the table's
    /// own error is then found as ``listOrObject(at:depth:ancestors:)`` finds it, first.
    private func object(at index: Int32, depth: Int, ancestors: UnsafeMutableBufferPointer<UnsafeRawPointer>) throws(ConversionFailure) -> LuaValue {
        try withUnsafeTemporaryAllocation(of: LuaObject.Field.self, capacity: LuaState.fieldsGathered) { (gathered) throws(ConversionFailure) -> LuaValue in
            // the bytes of each key gathered, where Lua keeps them while the table holds the key
            try withUnsafeTemporaryAllocation(of: UnsafeRawBufferPointer.self, capacity: LuaState.fieldsGathered) { (keys) throws(ConversionFailure) -> LuaValue in
                try object(at: index, depth: depth, ancestors: ancestors, gathered: gathered, keys: keys)
            }
        }
    }

    private func object(
        at index: Int32, depth: Int, ancestors: UnsafeMutableBufferPointer<UnsafeRawPointer>, gathered: UnsafeMutableBufferPointer<LuaObject.Field>,
        keys: UnsafeMutableBufferPointer<UnsafeRawBufferPointer>
    ) throws(ConversionFailure) -> LuaValue {
        var count = 0
        var fields: [LuaObject.Field]?  // past the fields gathered on the stack
        defer { gathered.prefix(count).deinitialize() }
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            guard lua_type(L, -2) == LUA_TSTRING else {
                lua_settop(L, -3)
                return try listOrObject(at: index, depth: depth, ancestors: ancestors)  // raises
            }
            var length = 0
            let bytes = UnsafeRawPointer(lua_tolstring(L, -2, &length)!)
            guard let key = text(bytes, length: length) else {
                lua_settop(L, -3)
                try classifyKeys(at: index)
                throw ConversionFailure(.keyNotUTF8)
            }
            let value: LuaValue
            do throws(ConversionFailure) {
                value = try readValue(at: lua_gettop(L), depth: depth + 1, ancestors: ancestors)
            } catch {
                lua_settop(L, -3)
                try classifyKeys(at: index)
                throw error.adding(.key(key))
            }
            lua_settop(L, -2)
            if fields != nil {
                fields!.append(LuaObject.Field(key: key, value: value))
            } else if count < gathered.count {
                (gathered.baseAddress! + count).initialize(to: LuaObject.Field(key: key, value: value))
                keys[count] = UnsafeRawBufferPointer(start: bytes, count: length)
                count += 1
            } else {
                fields = []  // moved, so that nothing is left in `gathered` to release
                fields!.reserveCapacity(count * 2)
                for position in 0..<count { fields!.append((gathered.baseAddress! + position).move()) }
                count = 0
                fields!.append(LuaObject.Field(key: key, value: value))
            }
        }
        // Lua's keys are distinct strings, so distinct byte strings: they need ordering only
        if let fields { return .object(LuaObject(distinct: fields)) }
        if count == 0 { return isMarkedObject(at: index) ? .object([:]) : .array([]) }
        LuaState.order(gathered.prefix(count), by: keys)
        // Moved, so that nothing is left in `gathered` to release, by appending: its code is
        // specialised here, where `Array(unsafeUninitializedCapacity:)` looks its type up at run time.
        var ordered: [LuaObject.Field] = []
        ordered.reserveCapacity(count)
        for position in 0..<count { ordered.append((gathered.baseAddress! + position).move()) }
        count = 0
        return .object(LuaObject(ordered: ordered))
    }

    /// Puts a few fields in the order of their keys' bytes, in place (an insertion sort), with
    /// the bytes of each key, which Lua keeps, beside them in `keys`.
    private static func order(_ fields: Slice<UnsafeMutableBufferPointer<LuaObject.Field>>, by keys: UnsafeMutableBufferPointer<UnsafeRawBufferPointer>) {
        let fields = UnsafeMutableBufferPointer(rebasing: fields)
        guard fields.count > 1 else { return }
        for end in 1..<fields.count {
            var position = end
            while position > 0, before(keys[position], keys[position - 1]) {
                fields.swapAt(position - 1, position)
                keys.swapAt(position - 1, position)
                position -= 1
            }
        }
    }

    private static func before(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        for (one, other) in zip(first, second) where one != other { return one < other }
        return first.count < second.count
    }

    /// How many fields of an object are gathered on the stack before they move to an array.
    static let fieldsGathered = 16

    /// Raises what makes the keys of a table not plain data, if anything does.
    private func classifyKeys(at index: Int32) throws(ConversionFailure) {
        _ = try keyCounts(at: index)
    }

    /// A table read with a first pass over its keys, which decides: keys 1...n make a list,
    /// text keys an object.
    private func listOrObject(at index: Int32, depth: Int, ancestors: UnsafeMutableBufferPointer<UnsafeRawPointer>) throws(ConversionFailure) -> LuaValue {
        let (textKeys, integerKeys, largestKey) = try keyCounts(at: index)
        if textKeys > 0 { return .object(try objectFields(at: index, count: textKeys, depth: depth, ancestors: ancestors)) }
        if integerKeys == 0 {
            return isMarkedObject(at: index) ? .object([:]) : .array([])
        }
        guard largestKey == lua_Integer(integerKeys) else {
            throw ConversionFailure(.holes(count: integerKeys, largest: Int64(largestKey)))
        }
        var elements: [LuaValue] = []
        elements.reserveCapacity(integerKeys)
        for position in 1...integerKeys {
            lua_rawgeti(L, index, lua_Integer(position))
            do {
                elements.append(try readValue(at: lua_gettop(L), depth: depth + 1, ancestors: ancestors))
            } catch {
                lua_settop(L, -2)
                throw error.adding(.index(position))
            }
            lua_settop(L, -2)
        }
        return .array(elements)
    }

    /// How many text keys and integer keys a table has, and its largest integer key; raises
    /// for a key that is neither, below 1, or a mix of the two.
    private func keyCounts(at index: Int32) throws(ConversionFailure) -> (text: Int, integer: Int, largest: lua_Integer) {
        var textKeys = 0
        var integerKeys = 0
        var largestKey: lua_Integer = 0
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            switch lua_type(L, -2) {
            case LUA_TSTRING:
                textKeys += 1
            case LUA_TNUMBER where lua_isinteger(L, -2) != 0:
                let key = lua_tointegerx(L, -2, nil)
                guard key >= 1 else {
                    lua_settop(L, -3)
                    throw ConversionFailure(.keyBelowOne(Int64(key)))
                }
                integerKeys += 1
                largestKey = max(largestKey, key)
            default:
                let description = keyDescription(at: -2)
                lua_settop(L, -3)
                throw ConversionFailure(.badKey(description))
            }
            if textKeys > 0 && integerKeys > 0 {
                lua_settop(L, -3)
                throw ConversionFailure(.mixed)
            }
            lua_settop(L, -2)
        }
        return (textKeys, integerKeys, largestKey)
    }

    private func objectFields(at index: Int32, count: Int, depth: Int, ancestors: UnsafeMutableBufferPointer<UnsafeRawPointer>) throws(ConversionFailure) -> LuaObject {
        var fields: [LuaObject.Field] = []
        fields.reserveCapacity(count)
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            guard let key = text(at: -2) else {
                lua_settop(L, -3)
                throw ConversionFailure(.keyNotUTF8)
            }
            do {
                fields.append(LuaObject.Field(key: key, value: try readValue(at: lua_gettop(L), depth: depth + 1, ancestors: ancestors)))
            } catch {
                lua_settop(L, -3)
                throw error.adding(.key(key))
            }
            lua_settop(L, -2)
        }
        return LuaObject(distinct: fields)
    }

    private func keyDescription(at index: Int32) -> String {
        switch lua_type(L, index) {
        case LUA_TNUMBER: return JSONWriter.format(lua_tonumberx(L, index, nil))
        case LUA_TBOOLEAN: return lua_toboolean(L, index) != 0 ? "true" : "false"
        default: return "of type " + String(cString: lua_typename(L, lua_type(L, index)))
        }
    }

    private func isMarkedObject(at index: Int32) -> Bool {
        guard lua_getmetatable(L, index) != 0 else { return false }
        push(objectMetatable)
        let marked = lua_rawequal(L, -1, -2) != 0
        lua_settop(L, -3)
        return marked
    }
}

/// Why a value is not plain data, on its way up to the caller, which names the place.
struct ConversionFailure: Error {
    enum Reason {
        case notFinite, nullInList, tooDeep, stackExhausted, notUTF8, keyNotUTF8, cycle, mixed
        case notPlain(String)
        case keyBelowOne(Int64)
        case badKey(String)
        case holes(count: Int, largest: Int64)
    }

    var reason: Reason
    /// The steps from the failing value up, innermost first.
    var steps: [ValuePath.Step] = []

    init(_ reason: Reason) {
        self.reason = reason
    }

    func adding(_ step: ValuePath.Step) -> ConversionFailure {
        var copy = self
        copy.steps.append(step)
        return copy
    }

    func luaError(at base: ValuePath) -> LuaError {
        let path = ValuePath(base.root, steps: base.steps + steps.reversed())
        let message: String
        switch reason {
        case .notFinite: message = "\(path) is not a finite number (NaN or infinity); only finite numbers can be stored"
        case .nullInList: message = "\(path) is null, which a Lua list cannot hold"
        case .tooDeep: message = "\(path) nests more than \(LuaState.maximumDepth) levels deep"
        case .stackExhausted: message = "\(path) nests too deeply for the Lua stack"
        case .notUTF8: message = "\(path) is not valid UTF-8 text"
        case .keyNotUTF8: message = "\(path) has a key that is not valid UTF-8 text"
        case .cycle: message = "\(path) contains itself (a cycle); plain data cannot refer back to a table that holds it"
        case .mixed: message = "\(path) mixes list entries (keys 1, 2, 3...) with object fields (text keys); use one or the other"
        case .notPlain(let type): message = "\(path) is a \(type); only plain data (nil, booleans, numbers, text, lists and objects) can leave a plugin"
        case .keyBelowOne(let key): message = "\(path) has the key \(key); list positions start at 1"
        case .badKey(let description): message = "\(path) has the key \(description); object keys must be text and list keys 1, 2, 3..."
        case .holes(let count, let largest): message = "\(path) is a list with holes: it has \(count) entries but the key \(largest); use keys 1 to \(count) without gaps"
        }
        return LuaError(.badValue, message)
    }
}
