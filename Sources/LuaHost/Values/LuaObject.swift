/// The fields of an object ``LuaValue``: text keys, each with its value, kept in the order of
/// their UTF-8 bytes.
///
/// Keys are compared by their bytes, as Lua compares strings: two keys that look alike but are
/// written with different code points (a precomposed "é" and an "e" with a combining accent)
/// stay two keys, as they are two keys in Lua and in JSON. Kept in order, an object is read from
/// Lua and written as JSON without hashing or sorting its keys, and compared field by field.
///
/// Looking a key up takes a binary search. Setting a key that is not there yet moves the keys
/// after it: build a large object from all its fields at once
/// (``init(uniqueKeysWithValues:)`` sorts them once) rather than key by key in random order.
public struct LuaObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: LuaValue)

    /// A key with its value, as an object keeps it.
    public struct Field: Sendable {
        public var key: String
        public var value: LuaValue
    }

    /// The fields, ordered by the UTF-8 bytes of their keys; no key twice.
    public private(set) var fields: [Field]

    /// An object with no fields.
    public init() { fields = [] }

    /// The fields of `dictionary`, put in order.
    public init(_ dictionary: [String: LuaValue]) {
        self.init(uniqueKeysWithValues: dictionary.lazy.map { ($0.key, $0.value) })
    }

    /// The fields of `elements`, put in order; of a key given twice, the last value is kept.
    public init<S: Sequence>(uniqueKeysWithValues elements: S) where S.Element == (String, LuaValue) {
        self.init(uniqueKeysWithValues: Array(elements))
    }

    /// The same for an array: not generic, so that other modules do not call it unspecialised.
    public init(uniqueKeysWithValues elements: [(String, LuaValue)]) {
        var fields = elements.map { Field(key: $0.0, value: $0.1) }
        if !LuaObject.isOrdered(fields) {
            // stable, so that of equal keys the last given comes last and is the one kept
            fields = fields.enumerated().sorted { first, second in
                let order = LuaObject.compare(first.element.key, second.element.key)
                return order != 0 ? order < 0 : first.offset < second.offset
            }.map(\.element)
            fields = LuaObject.keepingLast(fields)
        }
        self.fields = fields
    }

    /// Fields already in order with no key twice, as a reader that checked them has them.
    init(ordered fields: [Field]) {
        assert(LuaObject.isOrdered(fields))
        self.fields = fields
    }

    /// Fields whose keys all differ, in any order, as a Lua table's keys do.
    init(distinct fields: [Field]) {
        var fields = fields
        if !LuaObject.isOrdered(fields) { fields.sort { LuaObject.compare($0.key, $1.key) < 0 } }
        self.fields = fields
    }

    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        self.init(uniqueKeysWithValues: elements)
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { fields.count }
    public subscript(position: Int) -> Element {
        let field = fields[position]
        return (field.key, field.value)
    }

    // MARK: Fields by key

    /// The value at `key`, or nil; setting nil removes the field.
    public subscript(key: String) -> LuaValue? {
        get {
            let (position, found) = search(key)
            guard found else { return nil }  // not `found ? … : nil`, where nil would be a LuaValue
            return fields[position].value
        }
        set {
            let (position, found) = search(key)
            switch (found, newValue) {
            case (true, let value?): fields[position].value = value
            case (true, nil): fields.remove(at: position)
            case (false, let value?): fields.insert(Field(key: key, value: value), at: position)
            case (false, nil): break
            }
        }
    }

    /// The value at `key`, or `defaultValue`.
    public subscript(key: String, default defaultValue: @autoclosure () -> LuaValue) -> LuaValue {
        self[key] ?? defaultValue()
    }

    /// Sets `value` at `key` and gives back the value it replaced, if any.
    @discardableResult
    public mutating func updateValue(_ value: LuaValue, forKey key: String) -> LuaValue? {
        let (position, found) = search(key)
        if found {
            let old = fields[position].value
            fields[position].value = value
            return old
        }
        fields.insert(Field(key: key, value: value), at: position)
        return nil
    }

    /// Removes the field at `key` and gives back its value, if there was one.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> LuaValue? {
        let (position, found) = search(key)
        guard found else { return nil }
        return fields.remove(at: position).value
    }

    /// The keys, in order.
    public var keys: [String] { fields.map(\.key) }

    /// The values, in the order of their keys.
    public var values: [LuaValue] { fields.map(\.value) }

    /// The same keys with their values transformed.
    public func mapValues(_ transform: (LuaValue) throws -> LuaValue) rethrows -> LuaObject {
        LuaObject(ordered: try fields.map { Field(key: $0.key, value: try transform($0.value)) })
    }

    /// The same keys with their values transformed, without those transformed to nil.
    public func compactMapValues(_ transform: (LuaValue) throws -> LuaValue?) rethrows -> LuaObject {
        LuaObject(ordered: try fields.compactMap { field in try transform(field.value).map { Field(key: field.key, value: $0) } })
    }

    /// The fields for which `isIncluded` holds.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> LuaObject {
        LuaObject(ordered: try fields.filter { try isIncluded(($0.key, $0.value)) })
    }

    /// The fields of both; where both have a key, `combine` chooses the value.
    public func merging(_ other: LuaObject, uniquingKeysWith combine: (LuaValue, LuaValue) throws -> LuaValue) rethrows -> LuaObject {
        var merged: [Field] = []
        merged.reserveCapacity(fields.count + other.fields.count)
        var left = 0
        var right = 0
        while left < fields.count || right < other.fields.count {
            let order =
                left == fields.count ? 1 : right == other.fields.count ? -1 : LuaObject.compare(fields[left].key, other.fields[right].key)
            if order < 0 {
                merged.append(fields[left])
                left += 1
            } else if order > 0 {
                merged.append(other.fields[right])
                right += 1
            } else {
                merged.append(Field(key: fields[left].key, value: try combine(fields[left].value, other.fields[right].value)))
                left += 1
                right += 1
            }
        }
        return LuaObject(ordered: merged)
    }

    /// The same fields as a dictionary, where keys that Swift takes for the same text (the two
    /// spellings of "é") become one, with the value of the later.
    public var dictionary: [String: LuaValue] {
        Dictionary(fields.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    // MARK: Equality

    public static func == (left: LuaObject, right: LuaObject) -> Bool {
        guard left.fields.count == right.fields.count else { return false }
        for (one, other) in zip(left.fields, right.fields) {
            guard compare(one.key, other.key) == 0, one.value == other.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.count)
        for field in fields {
            var key = field.key
            key.withUTF8 { bytes in
                hasher.combine(bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            }
            hasher.combine(field.value)
        }
    }

    // MARK: Order of keys

    /// Where `key` is, or where it would go; a binary search by bytes.
    private func search(_ key: String) -> (position: Int, found: Bool) {
        var low = 0
        var high = fields.count
        while low < high {
            let middle = (low + high) / 2
            let order = LuaObject.compare(fields[middle].key, key)
            if order == 0 { return (middle, true) }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    /// Negative, zero or positive as `first` comes before, is, or comes after `second`, compared
    /// by their UTF-8 bytes.
    public static func compare(_ first: String, _ second: String) -> Int {
        var first = first
        var second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                let common = Swift.min(one.count, other.count)
                var offset = 0
                while offset < common {
                    if one[offset] != other[offset] { return Int(one[offset]) - Int(other[offset]) }
                    offset += 1
                }
                return one.count - other.count
            }
        }
    }

    private static func isOrdered(_ fields: [Field]) -> Bool {
        var position = 1
        while position < fields.count {
            if compare(fields[position - 1].key, fields[position].key) >= 0 { return false }
            position += 1
        }
        return true
    }

    /// Of sorted fields, each key once, with the last of its values.
    private static func keepingLast(_ sorted: [Field]) -> [Field] {
        var kept: [Field] = []
        kept.reserveCapacity(sorted.count)
        for field in sorted {
            if let last = kept.last, compare(last.key, field.key) == 0 {
                kept[kept.count - 1] = field
            } else {
                kept.append(field)
            }
        }
        return kept
    }
}
