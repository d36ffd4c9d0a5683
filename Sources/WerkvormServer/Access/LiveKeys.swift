import Crypto
import Foundation
import LuaHost
import Werkvorm

/// The secrets of one live session: the key the tokens are signed with and the join code.
/// Kept beside the journal (`RECORD.live`, readable by the trainer alone) so that after a crash
/// a resumed server knows the phones again; removed with the journal when the record is written.
/// Nothing in it identifies a person.
public struct LiveKeys: Sendable {
    /// The join code: six letters and digits that cannot be mistaken for each other.
    public let joinCode: String
    private let secret: [UInt8]

    /// The letters and digits of join codes: no 0, O, 1 or I.
    public static let codeAlphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    /// Fresh keys.
    public init() {
        var generator = SystemRandomNumberGenerator()
        joinCode = String((0..<6).map { _ in Self.codeAlphabet[Int(generator.next(upperBound: UInt(Self.codeAlphabet.count)))] })
        secret = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    init(joinCode: String, secret: [UInt8]) {
        self.joinCode = joinCode
        self.secret = secret
    }

    /// Where the keys of the session recorded to `record` are kept.
    public static func url(forRecord record: URL) -> URL {
        record.deletingLastPathComponent().appendingPathComponent(record.lastPathComponent + ".live")
    }

    /// The keys kept at `url`, or nil when there are none (or they are unreadable).
    public static func read(from url: URL) -> LiveKeys? {
        guard let data = try? Data(contentsOf: url), let value = try? JSONReader.parse(String(decoding: data, as: UTF8.self)),
            let code = value["join_code"]?.stringValue, code.count == 6, code.allSatisfy(codeAlphabet.contains),
            let hex = value["secret"]?.stringValue, let bytes = Self.bytes(hex: hex), bytes.count == 32
        else { return nil }
        return LiveKeys(joinCode: code, secret: bytes)
    }

    /// Writes the keys to `url`, readable and writable by the owner alone, whole or not at all.
    public func write(to url: URL) throws(FileWriteError) {
        let text = JSONWriter.string(.object(["join_code": .string(joinCode), "secret": .string(Self.hex(secret))])) + "\n"
        try replaceFile(at: url, with: Array(text.utf8), mode: 0o600, what: "the live keys")
    }

    // MARK: Tokens

    /// A token of 128 bits for `purpose`: the first half of an HMAC-SHA256 under the secret.
    func token(_ purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(purpose.utf8), using: SymmetricKey(data: secret))
        return Self.hex(Array(mac.prefix(16)))
    }

    /// The facilitator's token (the control page's cookie).
    public var facilitatorToken: String { token("facilitator") }
    /// The projector's token: read-only, it may be opened on another computer.
    public var projectorToken: String { token("projector") }

    /// A participant's token: their id and its signature, so that the same phone is the
    /// same participant after a reload, a lost connection or a restart of the server.
    public func participantToken(_ participant: String) -> String {
        Self.hex(Array(participant.utf8)) + "." + token("participant:" + participant)
    }

    /// The participant a token stands for, or nil for a token this session did not give.
    public func participant(ofToken token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 2 * 160, let bytes = Self.bytes(hex: String(parts[0])) else { return nil }
        let participant = String(decoding: bytes, as: UTF8.self)
        return Self.same(participantToken(participant), token) ? participant : nil
    }

    /// Compares two tokens in a time that does not depend on where they differ.
    static func same(_ first: String, _ second: String) -> Bool {
        let a = Array(first.utf8), b = Array(second.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// 128 random bits in hex: a one-time key.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            default: nil
            }
        }
        var out: [UInt8] = []
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}
