import CLua
import LuaShim

/// The one place where Lua values become Swift values, and back.
extension LuaState {
    /// How deeply tables may nest in plain data.
    static let maximumDepth = 100

    /// Pushes plain data as a Lua value. The host's own pushes run with the memory cap lifted,
    /// so they cannot raise.
    func push(_ value: LuaValue, path: ValuePath) throws(LuaError) {
        var path = path
        try hostAllocating { () throws(LuaError) in try push(value, path: &path, depth: 0) }
    }

    /// `path` grows and shrinks as the conversion goes down and up; it is only read for errors.
    private func push(_ value: LuaValue, path: inout ValuePath, depth: Int) throws(LuaError) {
        switch value {
        case .null: lua_pushnil(L)
        case .bool(let flag): lua_pushboolean(L, flag ? 1 : 0)
        case .integer(let number): lua_pushinteger(L, lua_Integer(number))
        case .double(let number):
            guard number.isFinite else {
                throw LuaError(.badValue, "\(path) is not a finite number (NaN or infinity)")
            }
            lua_pushnumber(L, number)
        case .string(let text): pushString(text)
        case .array(let elements):
            try enterTable(path: path, depth: depth)
            lua_createtable(L, Int32(clamping: elements.count), 0)
            for (offset, element) in elements.enumerated() {
                path.steps.append(.index(offset + 1))
                if case .null = element {
                    throw LuaError(.badValue, "\(path) is null, which a Lua list cannot hold")
                }
                try push(element, path: &path, depth: depth + 1)
                path.steps.removeLast()
                lua_rawseti(L, -2, lua_Integer(offset + 1))
            }
        case .object(let fields):
            try enterTable(path: path, depth: depth)
            lua_createtable(L, 0, Int32(clamping: fields.count))
            if fields.isEmpty {
                push(objectMetatable)  // marks {} as an object so it comes back as one
                lua_setmetatable(L, -2)
            }
            for (key, field) in fields {
                if case .null = field { continue }  // a null field is an absent field
                pushString(key)
                path.steps.append(.key(key))
                try push(field, path: &path, depth: depth + 1)
                path.steps.removeLast()
                lua_rawset(L, -3)
            }
        }
    }

    private func enterTable(path: ValuePath, depth: Int) throws(LuaError) {
        guard depth < LuaState.maximumDepth else {
            throw LuaError(.badValue, "\(path) nests more than \(LuaState.maximumDepth) levels deep")
        }
        guard lua_checkstack(L, 4) != 0 else {
            throw LuaError(.badValue, "\(path) nests too deeply for the Lua stack")
        }
    }

    private func pushString(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// Reads the value at a stack index as plain data, using raw access only (no metamethods),
    /// which cannot raise. Refuses what is not plain data, naming the place with `path`.
    func value(at index: Int32, path: ValuePath) throws(LuaError) -> LuaValue {
        var visiting: [UnsafeRawPointer] = []
        var path = path
        return try value(at: lua_absindex(L, index), path: &path, visiting: &visiting)
    }

    /// `path` grows and shrinks as the conversion goes; `visiting` holds the tables on the way
    /// down (at most ``maximumDepth``), to find cycles.
    private func value(at index: Int32, path: inout ValuePath, visiting: inout [UnsafeRawPointer]) throws(LuaError) -> LuaValue {
        switch lua_type(L, index) {
        case LUA_TNIL: return .null
        case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(Int64(lua_tointegerx(L, index, nil))) }
            let number = lua_tonumberx(L, index, nil)
            guard number.isFinite else {
                throw LuaError(.badValue, "\(path) is not a finite number (NaN or infinity); only finite numbers can be stored")
            }
            return .double(number)
        case LUA_TSTRING:
            return .string(try text(at: index, path: path))
        case LUA_TTABLE:
            return try table(at: index, path: &path, visiting: &visiting)
        default:
            let type = String(cString: lua_typename(L, lua_type(L, index)))
            throw LuaError(.badValue, "\(path) is a \(type); only plain data (nil, booleans, numbers, text, lists and objects) can leave a plugin")
        }
    }

    private func text(at index: Int32, path: ValuePath) throws(LuaError) -> String {
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return "" }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: length)
        if !buffer.contains(where: { $0 >= 0x80 }) {
            return String(decoding: buffer, as: UTF8.self)  // ASCII: nothing to validate
        }
        guard let text = String(validating: buffer.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw LuaError(.badValue, "\(path) is not valid UTF-8 text")
        }
        return text
    }

    private func table(at index: Int32, path: inout ValuePath, visiting: inout [UnsafeRawPointer]) throws(LuaError) -> LuaValue {
        guard let identity = lua_topointer(L, index) else { return .null }
        guard visiting.count < LuaState.maximumDepth else {
            throw LuaError(.badValue, "\(path) nests more than \(LuaState.maximumDepth) levels deep")
        }
        guard !visiting.contains(identity) else {
            throw LuaError(.badValue, "\(path) contains itself (a cycle); plain data cannot refer back to a table that holds it")
        }
        visiting.append(identity)
        defer { visiting.removeLast() }
        guard lua_checkstack(L, 4) != 0 else {
            throw LuaError(.badValue, "\(path) nests too deeply for the Lua stack")
        }
        // One pass over the keys decides: keys 1...n make a list, text keys an object.
        var integerKeys = 0
        var largestKey: lua_Integer = 0
        var fields: [String: LuaValue] = [:]
        fields.reserveCapacity(8)
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            switch lua_type(L, -2) {
            case LUA_TSTRING:
                guard integerKeys == 0 else { lua_settop(L, -3); throw mixed(path) }
                let key: String
                do { key = try text(at: -2, path: path) } catch { lua_settop(L, -3); throw LuaError(.badValue, "\(path) has a key that is not valid UTF-8 text") }
                path.steps.append(.key(key))
                do {
                    fields[key] = try value(at: lua_gettop(L), path: &path, visiting: &visiting)
                } catch {
                    lua_settop(L, -3)
                    throw error
                }
                path.steps.removeLast()
            case LUA_TNUMBER where lua_isinteger(L, -2) != 0:
                guard fields.isEmpty else { lua_settop(L, -3); throw mixed(path) }
                let key = lua_tointegerx(L, -2, nil)
                guard key >= 1 else {
                    lua_settop(L, -3)
                    throw LuaError(.badValue, "\(path) has the key \(key); list positions start at 1")
                }
                integerKeys += 1
                largestKey = max(largestKey, key)
            default:
                let description = keyDescription(at: -2)
                lua_settop(L, -3)
                throw LuaError(.badValue, "\(path) has the key \(description); object keys must be text and list keys 1, 2, 3...")
            }
            lua_settop(L, -2)
        }
        if !fields.isEmpty { return .object(fields) }
        if integerKeys == 0 {
            return isMarkedObject(at: index) ? .object([:]) : .array([])
        }
        guard largestKey == lua_Integer(integerKeys) else {
            throw LuaError(.badValue, "\(path) is a list with holes: it has \(integerKeys) entries but the key \(largestKey); use keys 1 to \(integerKeys) without gaps")
        }
        var elements: [LuaValue] = []
        elements.reserveCapacity(integerKeys)
        for position in 1...integerKeys {
            lua_rawgeti(L, index, lua_Integer(position))
            path.steps.append(.index(position))
            do {
                elements.append(try value(at: lua_gettop(L), path: &path, visiting: &visiting))
            } catch {
                lua_settop(L, -2)
                throw error
            }
            path.steps.removeLast()
            lua_settop(L, -2)
        }
        return .array(elements)
    }

    private func mixed(_ path: ValuePath) -> LuaError {
        LuaError(.badValue, "\(path) mixes list entries (keys 1, 2, 3...) with object fields (text keys); use one or the other")
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
