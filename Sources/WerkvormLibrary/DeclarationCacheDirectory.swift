import Foundation
import Werkvorm

/// A ``DeclarationCache`` in a directory of this machine: one small file per exercise source,
/// named by its SHA-256, readable by the user alone. Holds exercises' declarations only,
/// never anything of a session.
public struct DeclarationCacheDirectory: DeclarationCache {
    /// The directory of the files.
    public let url: URL

    /// A cache in `url`, made when first stored to.
    public init(url: URL) {
        self.url = url
    }

    /// The user's cache: `$WERKVORM_CACHE`, else `$XDG_CACHE_HOME/werkvorm`, else
    /// `~/.cache/werkvorm`, with `declarations/` in it; nil (no cache) when
    /// `WERKVORM_CACHE` is `off` or no home is known.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DeclarationCacheDirectory? {
        func nonEmpty(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        let base: URL
        if let given = nonEmpty("WERKVORM_CACHE") {
            guard given != "off" else { return nil }
            base = URL(fileURLWithPath: given)
        } else if let cache = nonEmpty("XDG_CACHE_HOME") {
            base = URL(fileURLWithPath: cache).appendingPathComponent("werkvorm")
        } else if let home = nonEmpty("HOME") {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache/werkvorm")
        } else {
            return nil
        }
        return DeclarationCacheDirectory(url: base.appendingPathComponent("declarations"))
    }

    private func file(_ key: String) -> URL { url.appendingPathComponent("\(key).json") }

    public func bytes(for key: String) -> [UInt8]? {
        FileManager.default.contents(atPath: file(key).path).map(Array.init)
    }

    public func store(_ bytes: [UInt8], for key: String) {
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? replaceFile(at: file(key), with: bytes, mode: 0o600, what: "the declaration cache")
    }
}
