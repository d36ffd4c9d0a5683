import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `werkvorm serve` as a trainer starts it: its errors, and a session that is killed and resumed
/// while a phone's token stays good.
@Suite struct ServeCommandTests {
    @Test func withoutARecordItSaysWhatToGive() throws {
        let result = try CLI.run(["serve", "Examples/iedereen-mee-sessie-6.yaml"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("give --record RECORD.json: where the session is recorded"))
        let check = try CLI.run(["serve", "--check", "Examples/iedereen-mee-sessie-6.yaml"])
        #expect(check.stderr.contains("--check takes no session and no --record: it only checks the network"))
    }

    @Test func aPortInUseIsNamedBeforeAnythingIsWritten() throws {
        try CLI.withTemporaryDirectory { directory in
            let (socket, port) = try Self.occupiedPort()
            defer { close(socket) }
            let record = directory.appendingPathComponent("r.json").path
            let result = try CLI.run(["serve", "Examples/iedereen-mee-sessie-6.yaml", "--record", record, "--port", String(port)])
            #expect(result.status == 1)
            #expect(result.stderr == "port \(port) is in use (another werkvorm serve, or another program); choose another with --port, say --port \(port + 1)\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test func aKilledSessionResumesAndThePhoneIsTheSameParticipant() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = directory.appendingPathComponent("r.json")
        let port = try Self.freePort()
        let arguments = ["serve", "Examples/iedereen-mee-sessie-6.yaml", "--record", record.path, "--port", String(port)]

        let first = try Server(arguments)
        let announced = try await first.output(containing: "Join code: ")
        let code = try #require(announced.split(separator: "\n").first { $0.hasPrefix("Join code: ") }.map { String($0.dropFirst(11)) })
        #expect(announced.contains("Control page (this laptop, opens once): http://localhost:\(port)/facilitator?key="))
        let (joined, cookie) = try await Self.post(port, "/api/join", "{\"code\": \"\(code)\"}")
        #expect(joined.contains("\"participant\":\"deelnemer-1\""))
        let token = try #require(cookie)
        first.kill(SIGKILL)
        #expect(FileManager.default.fileExists(atPath: record.path + ".journal"))
        #expect(FileManager.default.fileExists(atPath: record.path + ".live"))

        let second = try Server(arguments + ["--resume"])
        let again = try await second.output(containing: "Join code: ")
        #expect(again.contains("Join code: \(code)"))  // the same code: the phones' QR code still works
        let (me, _) = try await Self.get(port, "/api/phone/me", cookie: token)
        #expect(me == "{\"participant\":\"deelnemer-1\"}")
        second.kill(SIGTERM)
        let status = second.wait()
        #expect(status == 0)
        #expect(second.errors().contains("resumed: 1 event from the journal"))
        #expect(try String(contentsOf: record, encoding: .utf8).contains("\"join\": \"deelnemer-1\""))
        #expect(!FileManager.default.fileExists(atPath: record.path + ".journal"))
        #expect(!FileManager.default.fileExists(atPath: record.path + ".live"))
    }

    // MARK: Helpers

    /// A `werkvorm serve` running in the background, its output collected.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let output = Pipe()
        private let errorPipe = Pipe()
        private let lock = NSLock()
        private var collected = ""

        init(_ arguments: [String]) throws {
            process.executableURL = CLI.executable
            process.arguments = arguments
            process.currentDirectoryURL = CLI.root
            process.standardOutput = output
            process.standardError = errorPipe
            process.standardInput = Pipe()
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.collected += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        /// The output so far, once it contains `text` (at most 20 seconds).
        func output(containing text: String) async throws -> String {
            for _ in 0..<400 {
                let now = lock.withLock { collected }
                if now.contains(text) { return now }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("werkvorm serve printed no \"\(text)\"; stderr: \(errors())")
            return lock.withLock { collected }
        }

        func errors() -> String {
            String(decoding: errorPipe.fileHandleForReading.availableData, as: UTF8.self)
        }

        func kill(_ signal: Int32) {
            Foundation.kill(process.processIdentifier, signal)
            if signal == SIGKILL { process.waitUntilExit() }
        }

        func wait() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit {
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        }
    }

    static func request(_ port: Int, _ path: String, method: String, body: String? = nil, cookie: String? = nil) async throws -> (String, String?) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("1", forHTTPHeaderField: "X-Werkvorm")
        }
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let header = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie")
        return (String(decoding: data, as: UTF8.self), header.map { String($0.split(separator: ";")[0]) })
    }

    static func post(_ port: Int, _ path: String, _ body: String) async throws -> (String, String?) {
        try await request(port, path, method: "POST", body: body)
    }

    static func get(_ port: Int, _ path: String, cookie: String) async throws -> (String, String?) {
        try await request(port, path, method: "GET", cookie: cookie)
    }

    /// A socket bound to a port nobody else has, and the port.
    static func occupiedPort() throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr = in_addr(s_addr: INADDR_ANY)
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound, listen(descriptor, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func freePort() throws -> Int {
        let (descriptor, port) = try occupiedPort()
        close(descriptor)
        return port
    }
}
