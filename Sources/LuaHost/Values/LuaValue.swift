/// Plugin data: what crosses between Lua and Swift, and what a record stores as JSON.
///
/// The conversion is exact both ways. Lua integers stay `.integer`, floats stay `.double`;
/// a table with keys 1...n is an `.array`; a table with string keys is an `.object`; a table with
/// no entries is an empty `.array` unless it came from an empty `.object`. Everything else —
/// NaN and infinities, cycles, functions, sparse or mixed tables, invalid UTF-8 — is refused
/// with a ``LuaError`` of kind ``LuaError/Kind/badValue`` naming the path inside the value.
public enum LuaValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([LuaValue])
    case object(LuaObject)
}

extension LuaValue {
    /// The value at `key` when this is an object; `nil` otherwise.
    public subscript(key: String) -> LuaValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer, if this is one (a double with an integral value counts too).
    public var integerValue: Int64? {
        switch self {
        case .integer(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 9.2e18: return Int64(number)
        default: return nil
        }
    }

    /// The number as a double, if this is an integer or a double.
    public var doubleValue: Double? {
        switch self {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    /// The Boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [LuaValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The fields, if this is an object.
    public var objectValue: LuaObject? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    /// How many values this one is made of, itself included: a measure of its size.
    public var nodeCount: Int {
        switch self {
        case .array(let elements): elements.reduce(1) { $0 + $1.nodeCount }
        case .object(let fields): fields.values.reduce(1) { $0 + $1.nodeCount }
        default: 1
        }
    }

    /// The name of the kind of value, as error messages use it.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .double: "number"
        case .string: "text"
        case .array: "list"
        case .object: "object"
        }
    }
}

extension LuaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: LuaValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        self = .object(LuaObject(uniqueKeysWithValues: elements))
    }
    public init(nilLiteral: ()) { self = .null }
}
