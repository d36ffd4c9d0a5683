import Foundation
import Testing

@testable import WerkvormServer

@Suite("Live access") struct LiveAccessTests {
    @Test func joinCodesAvoidLettersAndDigitsThatLookAlike() {
        for _ in 0..<200 {
            let code = LiveKeys().joinCode
            #expect(code.count == 6)
            #expect(!code.contains { "0O1I".contains($0) })
        }
    }

    @Test func aParticipantTokenNamesItsParticipantAndCannotBeAltered() {
        let keys = LiveKeys()
        let token = keys.participantToken("deelnemer-3")
        #expect(keys.participant(ofToken: token) == "deelnemer-3")
        #expect(LiveKeys().participant(ofToken: token) == nil)  // another session's key
        var altered = Array(token)
        altered[altered.count - 1] = altered.last == "0" ? "1" : "0"
        #expect(keys.participant(ofToken: String(altered)) == nil)
        #expect(keys.participant(ofToken: "zz.zz") == nil)
        #expect(keys.participant(ofToken: "") == nil)
    }

    @Test func keysSurviveARestartThroughTheirFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-keys-\(UUID().uuidString).live")
        defer { try? FileManager.default.removeItem(at: url) }
        let keys = LiveKeys()
        try keys.write(to: url)
        let read = try #require(LiveKeys.read(from: url))
        #expect(read.joinCode == keys.joinCode)
        #expect(read.participantToken("An") == keys.participantToken("An"))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theGuardAnswersToItsOwnNamesOnly() {
        let guardian = RequestGuard(port: 8080, addresses: ["192.168.1.5"], names: ["zaal.test"])
        #expect(guardian.accepts(host: "192.168.1.5:8080"))
        #expect(guardian.accepts(host: "LOCALHOST:8080"))
        #expect(guardian.accepts(host: "[::1]:8080"))
        #expect(guardian.accepts(host: "zaal.test:8080"))
        #expect(!guardian.accepts(host: "evil.example:8080"))  // a rebinding name
        #expect(!guardian.accepts(host: "localhost:9999"))
        #expect(!guardian.accepts(host: "localhost"))
        #expect(!guardian.accepts(host: nil))
        guardian.update(addresses: ["10.0.0.7"])
        #expect(guardian.accepts(host: "10.0.0.7:8080"))
        #expect(!guardian.accepts(host: "192.168.1.5:8080"))
        #expect(guardian.accepts(origin: "http://10.0.0.7:8080", host: "10.0.0.7:8080"))
        #expect(!guardian.accepts(origin: "http://evil.example", host: "10.0.0.7:8080"))
    }

    @Test func aQRCodeIsDrawnAsSVGAndAsHalfBlocks() throws {
        let code = try #require(QRCode("http://192.168.1.5:8080/?code=K7WX3P"))
        #expect(code.size == 29)  // version 3 at level M
        // the finder patterns: the corners are dark, the quiet zone light
        #expect(code.isDark(row: 0, column: 0) && code.isDark(row: 0, column: code.size - 1) && code.isDark(row: code.size - 1, column: 0))
        #expect(!code.isDark(row: -1, column: 0))
        let svg = code.svg(label: "http://192.168.1.5:8080/?code=K7WX3P")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\""))
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == code.modules.filter { $0 }.count)
        let lines = code.halfBlocks().split(separator: "\n")
        #expect(lines.count == (code.size + 4 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == code.size + 4 })
        #expect(lines[0].allSatisfy { $0 == "█" })
    }

    /// zbarimg (Debian's zbar-tools, which `make test` installs) reads the code back.
    @Test func aQRCodeReadsBackAsItsText() throws {
        let text = "http://192.168.1.5:8080/?code=K7WX3P"
        let code = try #require(QRCode(text))
        let scale = 4, side = (code.size + 8) * scale
        var pbm = "P1\n\(side) \(side)\n"
        for y in 0..<side {
            pbm += (0..<side).map { x in code.isDark(row: y / scale - 4, column: x / scale - 4) ? "1" : "0" }.joined(separator: " ") + "\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-qr-\(UUID().uuidString).pbm")
        defer { try? FileManager.default.removeItem(at: file) }
        try pbm.write(to: file, atomically: true, encoding: .ascii)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let read = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(read == text + "\n")
    }
}
