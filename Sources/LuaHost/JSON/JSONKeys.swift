/// Field names known beforehand: matched by their bytes as an object is read (see
/// ``JSONReader/readObject(keys:_:)``), so that no string is made for them and no strings
/// are compared. At most 64.
public struct JSONKeys: Sendable {
    /// The names, in the order of their indexes.
    public var names: [String] { storage.names }
    /// One reference, so that a reader copies the keys it reads with at no cost.
    private let storage: Storage

    private final class Storage: Sendable {
        let names: [String]
        /// For each first byte, the keys that start with it (up to four, then -1), so that a
        /// key read is compared with one or two candidates, not all.
        let byFirstByte: [Int8]
        /// Each key's length and, for one of at most 16 bytes, its bytes as two words (the
        /// rest zero), so that a short key read is compared with a candidate in two comparisons.
        let shapes: [Shape]

        init(names: [String], byFirstByte: [Int8], shapes: [Shape]) {
            self.names = names
            self.byFirstByte = byFirstByte
            self.shapes = shapes
        }
    }

    private struct Shape: Sendable {
        var length: Int
        var words: (UInt64, UInt64)
    }

    /// No known keys: for an object read for nothing but its syntax.
    public static let none = JSONKeys([])

    public init(_ names: [String]) {
        precondition(names.count <= 64, "at most 64 known keys")
        var byFirstByte = [Int8](repeating: -1, count: 256 * 4)
        var overflow = false
        for (index, name) in names.enumerated() {
            let first = Int(name.utf8.first ?? 0)
            if let slot = (0..<4).first(where: { byFirstByte[first * 4 + $0] == -1 }) {
                byFirstByte[first * 4 + slot] = Int8(index)
            } else {
                overflow = true
            }
        }
        precondition(!overflow, "at most four known keys may start with the same byte")
        let shapes = names.map { name in
            let utf8 = Array(name.utf8)
            return Shape(length: utf8.count, words: utf8.count <= 16 ? utf8.withUnsafeBufferPointer { JSONKeys.words($0, readable: 0) } : (0, 0))
        }
        storage = Storage(names: names, byFirstByte: byFirstByte, shapes: shapes)
    }

    /// The bytes of a key of at most 16 bytes as two words, the first byte lowest, the rest
    /// zero. When 16 bytes from its start may be read (`readable`), they are loaded at once.
    private static func words(_ key: UnsafeBufferPointer<UInt8>, readable: Int) -> (UInt64, UInt64) {
        func mask(_ count: Int) -> UInt64 { count == 0 ? 0 : UInt64.max >> UInt64(64 - 8 * count) }
        guard readable >= 16, let start = key.baseAddress else {
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(key)) }
            return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
        }
        let first = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
        let second = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if key.count >= 8 { return (first, second & mask(key.count - 8)) }
        return (first & mask(key.count), 0)
    }

    /// The index of the key whose bytes these are; `readable` is how many bytes from the key's
    /// start may be read (at least its length).
    func index(of key: UnsafeBufferPointer<UInt8>, readable: Int) -> Int? {
        guard let first = key.first else { return names.firstIndex(of: "") }
        let storage = storage
        return storage.byFirstByte.withUnsafeBufferPointer { byFirstByte in
            let candidates = Int(first) &* 4
            guard byFirstByte[candidates] >= 0 else { return nil }  // no key starts so: the usual case of an object read for its syntax
            guard key.count <= 16 else { return storage.names.firstIndex { $0.utf8.elementsEqual(key) } }
            let words = JSONKeys.words(key, readable: readable)
            return storage.shapes.withUnsafeBufferPointer { shapes in
                for slot in 0..<4 {
                    let index = Int(byFirstByte[candidates &+ slot])
                    guard index >= 0 else { return nil }
                    if shapes[index].length == key.count, shapes[index].words == words { return index }
                }
                return nil
            }
        }
    }
}

/// A field name as ``JSONReader/readObject(keys:_:)`` reads it: one of the known keys, by its
/// index, or another.
public enum JSONKey: Sendable, Equatable {
    case known(Int)
    case other(String)

    /// The key's name.
    public func name(in keys: JSONKeys) -> String {
        switch self {
        case .known(let index): keys.names[index]
        case .other(let text): text
        }
    }
}
