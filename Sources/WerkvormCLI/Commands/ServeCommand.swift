import ArgumentParser
import Foundation
import Werkvorm
import WerkvormLibrary
import WerkvormServer

/// `werkvorm serve SESSION --record RECORD`: the session live, with phones, the facilitator's
/// control page and the projector, served from this laptop.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a session live: phones join on the laptop's network, the facilitator steers from a control page, a projector shows the outcome.",
        discussion: """
            Prints the join address for each of the laptop's network addresses, a join code, a QR \
            code, and a one-time link to the facilitator's control page. Every input is journalled \
            before it is answered; Ctrl-C (or "end" on the control page) writes RECORD. After a \
            crash, the same command with --resume goes on, and phones reconnect by themselves. \
            --check (without a session) tells whether a phone can reach the laptop here. Setting \
            up in a venue: docs/live.md.
            """
    )

    @OptionGroup var library: LibraryOptions

    @Argument(help: "The session script (.yaml, .yml or .json); not with --check.")
    var session: String?

    @Option(help: ArgumentHelp("Where to write the record.", valueName: "file"))
    var record: String?

    @Option(help: "The port to listen on, on every interface.")
    var port: Int = 8080

    @Option(help: "Seed for the session's random numbers (pairs, groups); recorded. Default: a random seed.")
    var seed: Int64?

    @Flag(help: "Go on with a session that was interrupted, from RECORD.journal; phones keep their place.")
    var resume = false

    @Flag(help: "Replace names by stable pseudonyms before anything is journalled or recorded.")
    var anonymise = false

    @Option(name: .customLong("allow-host"), help: ArgumentHelp("Also answer to this host name (a venue router's name for the laptop); repeatable.", valueName: "name"))
    var hostNames: [String] = []

    @Flag(help: "Check whether a phone can reach this laptop here, then stop with Ctrl-C.")
    var check = false

    /// How often the network addresses are looked at again.
    static let addressInterval = Duration.seconds(5)

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        if check {
            guard session == nil, record == nil else { throw ValidationError("--check takes no session and no --record: it only checks the network") }
        } else {
            guard session != nil else { throw ValidationError("give the session script: werkvorm serve SESSION.yaml --record RECORD.json") }
            guard record != nil else { throw ValidationError("give --record RECORD.json: where the session is recorded") }
        }
    }

    func run() async throws {
        guard LiveServer.isFree(port: port) else {
            throw CLIError("port \(port) is in use (another werkvorm serve, or another program); choose another with --port, say --port \(port + 1)")
        }
        if check { return try await VenueCheck(port: port, hostNames: hostNames).runInTerminal() }
        guard let session, let record else { return }
        let library = try library.load()
        let (script, scriptText) = try RunCommand.load(session: session, library: library)
        let recordURL = URL(fileURLWithPath: record)
        let keysURL = LiveKeys.url(forRecord: recordURL)
        var keys = LiveKeys()
        if resume {
            if let kept = LiveKeys.read(from: keysURL) {
                keys = kept
            } else {
                Terminal.error("\(keysURL.relativePath) is missing: the phones must join again, with the new code")
            }
        }
        // Everyone joins from a phone: a roster plans the room (`plan`, `run`), it does not fill it.
        let recording = try RunCommand.open(
            script: script, scriptText: scriptText, library: library, participants: [], record: recordURL, resume: resume, anonymise: anonymise, seed: seed)
        do {
            try keys.write(to: keysURL)
        } catch {
            throw CLIError("\(keysURL.relativePath): \(error)")
        }
        if resume { Terminal.error("resumed: \(recording.resumedEvents) event\(recording.resumedEvents == 1 ? "" : "s") from the journal") }
        let addresses = NetworkAddresses.current()
        let server = await LiveServer(recording: recording, keys: keys, port: port, addresses: addresses.map(\.ip), hostNames: hostNames)
        let announcement = announce(server, addresses: addresses, script: script)
        let watcher = Task { await watchAddresses(server, known: addresses) }
        // a thread of its own: a blocking read must not hold one of the few threads that
        // Swift's tasks share (two on a two-core laptop)
        Thread.detachNewThread { readKeyboard(server) }
        defer { watcher.cancel() }
        do {
            try await server.run { Terminal.output(announcement) }
        } catch let error as Problem {
            throw CLIError(error.description)
        } catch {
            throw CLIError("the server stopped: \(error); the journal \(record).journal keeps every event: run the same command with --resume")
        }
        try? FileManager.default.removeItem(at: keysURL)
        let events = await recording.events
        let accepted = events.filter { $0.result.kind == .accepted }.count
        Terminal.output("\n\(events.count) events, \(accepted) accepted; wrote \(record)")
    }

    /// What the terminal shows at the start: where phones join, the code and the QR code, and
    /// the facilitator's and projector's links.
    func announce(_ server: LiveServer, addresses: [NetworkAddresses.Address], script: SessionScript) -> String {
        var lines: [String] = ["Werkvorm live: \(script.title)", ""]
        if addresses.isEmpty {
            lines.append(
                "No network: this laptop has no address a phone can reach. Connect to the venue's Wi-Fi, a phone hotspot or a travel router; the address appears here when it is there."
            )
        } else {
            lines += joinLines(server, addresses)
        }
        lines.append("Join code: \(server.keys.joinCode)")
        if let code = QRCode(server.mainJoinAddress) {
            lines.append("")
            lines.append(code.halfBlocks())
        }
        lines.append("Control page (this laptop, opens once): \(server.facilitatorLink())")
        lines.append("Projector: \(server.projectorLink)")
        if let first = addresses.first { lines.append("Projector on another computer: \(server.projectorLink(host: first.ip))") }
        lines.append("")
        lines.append("Press f and Enter for a new control-page link; Ctrl-C ends the session and writes the record.")
        return lines.joined(separator: "\n")
    }

    /// Where phones join, one line an address.
    func joinLines(_ server: LiveServer, _ addresses: [NetworkAddresses.Address]) -> [String] {
        ["Phones join at:"] + addresses.map { "  \(server.joinAddress(ip: $0.ip))   (\($0.interface))" }
    }

    /// Looks at the network addresses every few seconds and says when they change (another
    /// network, a hotspot switched on), so that the room gets the new address.
    func watchAddresses(_ server: LiveServer, known: [NetworkAddresses.Address]) async {
        var known = known
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.addressInterval)
            let now = NetworkAddresses.current()
            guard now != known else { continue }
            known = now
            server.update(addresses: now.map(\.ip))
            if now.isEmpty {
                Terminal.output("The laptop lost its network: phones cannot reach it now. Inputs already sent are safe; phones go on by themselves when the network is back.")
            } else {
                Terminal.output("The network changed.")
                for line in joinLines(server, now) { Terminal.output(line) }
                Terminal.output(
                    "The projector shows the new address and QR code. Phones that joined on the old network join again there, as new participants; what they sent is kept.")
            }
        }
    }
}

/// Reads the keyboard: `f` and Enter print a new one-time link to the control page.
private func readKeyboard(_ server: LiveServer) {
    while let line = readLine() {
        if line.trimmingCharacters(in: .whitespaces).lowercased() == "f" {
            Terminal.output("Control page (opens once): \(server.facilitatorLink())")
        }
    }
}

extension VenueCheck {
    /// Runs the check in the terminal: the addresses to open, a QR code, and a line for every
    /// phone that got through.
    func runInTerminal() async throws {
        let addresses = NetworkAddresses.current()
        var lines = ["Venue check: open this on a phone that is on the same Wi-Fi as the participants will be:"]
        if addresses.isEmpty {
            lines.append("  (none: this laptop has no network address a phone can reach; connect to the Wi-Fi, a phone hotspot or a travel router first)")
        }
        for address in addresses { lines.append("  \(self.address(ip: address.ip))   (\(address.interface))") }
        if let first = addresses.first, let code = QRCode(address(ip: first.ip)) { lines.append(code.halfBlocks()) }
        lines.append(
            """
            When the page opens on the phone, this terminal says so. When it does not open: guest \
            Wi-Fi often keeps devices apart (client isolation). Use a phone hotspot or a travel \
            router for the laptop and the room, or ask the venue for a network without isolation. \
            A firewall on the laptop can block port \(port) too. Ctrl-C stops the check.
            """)
        let announcement = lines.joined(separator: "\n")
        try await run(onRunning: { Terminal.output(announcement) }, reached: { host in Terminal.output("✓ a phone reached the laptop at http://\(host)/check") })
    }
}
