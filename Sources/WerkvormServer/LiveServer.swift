import Foundation
import Hummingbird
import LuaHost
import Synchronization
import Werkvorm

/// A live session on the trainer's laptop: phones join with a code and take part, the
/// facilitator steers from a control page, a projector shows the outcome. Every submission goes
/// through the one session core (``RecordingSession``) and is answered only once it is
/// journalled. Pages get their updates as Server-Sent Events whose ids are the journal's
/// sequence numbers; they send with POST and JSON.
public final class LiveServer: Sendable {
    /// The session being recorded.
    public let recording: RecordingSession
    /// The tokens' key and the join code.
    public let keys: LiveKeys
    /// The checks of Host, Origin and rates.
    public let requestGuard: RequestGuard
    /// The limits on what is sent and how often.
    public let limits: Limits
    let script: SessionScript
    let json: LiveJSON
    let signal: ChangeSignal
    let projector: ProjectorFeed
    private let state: Mutex<State>

    private struct State {
        var oneTimeKeys: Set<String> = []
        var addresses: [String]
        var streams = 0
        var streamsByToken: [String: Int] = [:]
    }

    /// How much may be sent and how often.
    public struct Limits: Sendable {
        /// The largest request body, in bytes.
        public var bodyBytes = 16 * 1024
        /// The longest text in any field, in characters (an exercise may allow less).
        public var textCharacters = 2_000
        /// Requests per participant.
        public var participantRate = RequestGuard.Rate(capacity: 30, perSecond: 10)
        /// Requests of the facilitator.
        public var facilitatorRate = RequestGuard.Rate(capacity: 60, perSecond: 20)
        /// Joins, of everyone together.
        public var joinRate = RequestGuard.Rate(capacity: 1_000, perSecond: 100)
        /// How often a phone's view is sent at most.
        public var phoneInterval = Duration.milliseconds(1_000)
        /// How often the projector's and the facilitator's views are sent at most.
        public var projectorInterval = Duration.milliseconds(100)
        /// Event streams open at once.
        public var streams = 5_000
        /// Event streams open at once with one token (a phone with a few tabs; the projector
        /// on more than one screen).
        public var streamsPerToken = 4

        public init() {}
    }

    /// The cookie names of the three kinds of token.
    enum CookieName {
        static let participant = "wv_participant"
        static let facilitator = "wv_facilitator"
        static let projector = "wv_projector"
    }

    /// A server for `recording`, on `port`, answering to the loopback names, `addresses` (the
    /// laptop's) and `hostNames`.
    public init(recording: RecordingSession, keys: LiveKeys, port: Int, addresses: [String], hostNames: [String] = [], limits: Limits = Limits()) async {
        self.recording = recording
        self.keys = keys
        self.limits = limits
        script = recording.script
        json = LiveJSON(language: recording.script.language)
        requestGuard = RequestGuard(port: port, addresses: addresses, names: hostNames)
        signal = ChangeSignal(latest: await recording.lastSeq)
        projector = ProjectorFeed(recording: recording)
        state = Mutex(State(addresses: addresses))
    }

    /// The port the server answers on.
    public var port: Int { requestGuard.port }

    // MARK: Addresses and links

    /// The laptop's addresses now, in order.
    public var addresses: [String] { state.withLock { $0.addresses } }

    /// The laptop's addresses changed: the join address and the Host check follow.
    public func update(addresses: [String]) {
        state.withLock { $0.addresses = addresses }
        requestGuard.update(addresses: addresses)
        Task { await signal.refresh() }  // the projector and the control page show the new address
    }

    /// The address a phone opens: the IP, the port and the join code.
    public func joinAddress(ip: String) -> String {
        "http://\(ip):\(port)/?code=\(keys.joinCode)"
    }

    /// The join address shown on the projector and in its QR code: the first address of the
    /// laptop, or localhost when it has none.
    public var mainJoinAddress: String { joinAddress(ip: addresses.first ?? "localhost") }

    /// A new one-time link to the facilitator's page, on localhost: opened once, it leaves a
    /// cookie and is spent.
    public func facilitatorLink() -> String {
        let key = LiveKeys.randomToken()
        state.withLock { _ = $0.oneTimeKeys.insert(key) }
        return "http://localhost:\(port)/facilitator?key=\(key)"
    }

    /// The projector's link (it may be opened more than once, on another computer too).
    public var projectorLink: String { projectorLink(host: "localhost") }

    /// The projector's link through `host` (an address of the laptop, for another computer).
    public func projectorLink(host: String) -> String { "http://\(host):\(port)/projector?key=\(keys.projectorToken)" }

    /// Spends a one-time key; true when it was valid.
    func spend(oneTimeKey key: String) -> Bool {
        state.withLock { $0.oneTimeKeys.remove(key) != nil }
    }

    // MARK: Running

    /// Passes the session's changes on to the event streams until the session ends; then
    /// every stream ends. Run it beside the server.
    public func follow() async {
        for await change in await recording.changes() {
            await signal.changed(to: change.seq)
        }
        await signal.end()
    }

    /// Sends a heartbeat on every stream every `interval`, until cancelled.
    public func heartbeats(every interval: Duration = .seconds(15)) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            await signal.heartbeat()
        }
    }

    /// Ends the session (the facilitator's "end", or Ctrl-C): writes the record, closes every
    /// stream. Throws when the record cannot be written; the journal keeps everything then.
    public func end() async throws(Problem) {
        try await recording.finish()
        await signal.end()
    }

    /// Counts an event stream of `token` (a participant, the facilitator, the projector) in;
    /// false when too many are open, of everyone or of this token.
    func openStream(_ token: String) -> Bool {
        state.withLock { state in
            guard state.streams < limits.streams, state.streamsByToken[token, default: 0] < limits.streamsPerToken else { return false }
            state.streams += 1
            state.streamsByToken[token, default: 0] += 1
            return true
        }
    }

    func closeStream(_ token: String) {
        state.withLock { state in
            state.streams -= 1
            state.streamsByToken[token, default: 1] -= 1
            if state.streamsByToken[token] == 0 { state.streamsByToken[token] = nil }
        }
    }

    /// One of two texts, by the session's language.
    func say(_ nl: String, _ en: String) -> String {
        script.language == .nl ? nl : en
    }
}

/// The projector's view as sent, computed once for each sequence number however many
/// projectors show it: long lists cut to what a screen can show, names masked, away from the
/// session's executor.
actor ProjectorFeed {
    /// The items of a list or the rows of a table a projector shows at most.
    static let items = 40

    private let recording: RecordingSession
    private var cached: (seq: Int, view: ProjectorView)?

    init(recording: RecordingSession) {
        self.recording = recording
    }

    func view() async -> (seq: Int, view: ProjectorView) {
        let seq = await recording.lastSeq
        if let cached, cached.seq == seq { return cached }
        var snapshot = await recording.projectorSnapshot()
        if let blocks = snapshot.view.blocks { snapshot.view.blocks = Self.shortened(blocks) }
        snapshot.view = snapshot.view.masked()
        cached = snapshot
        return snapshot
    }

    /// Lists and tables cut to their first `items`, with a line that says how many more there
    /// are (the screen shows only the first ones anyway, and the reports put what matters first).
    static func shortened(_ blocks: [ReportBlock]) -> [ReportBlock] {
        func more(_ count: Int) -> BilingualText {
            BilingualText(nl: "… en nog \(count)", en: "… and \(count) more")
        }
        return blocks.map { block in
            switch block {
            case .list(let entries) where entries.count > items:
                return .list(Array(entries.prefix(items)) + [more(entries.count - items)])
            case .table(let columns, let rows) where rows.count > items:
                let filler = [more(rows.count - items)] + Array(repeating: BilingualText(""), count: max(columns.count - 1, 0))
                return .table(columns: columns, rows: Array(rows.prefix(items)) + [filler])
            default:
                return block
            }
        }
    }
}
