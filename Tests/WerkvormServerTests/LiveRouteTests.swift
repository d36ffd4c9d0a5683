import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LuaHost
import Testing
import Werkvorm
import WerkvormLibrary

@testable import WerkvormServer

/// A live session on a fresh record, with the shipped exercises, served in process.
struct LiveFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library = ExerciseLibrary(directories: [root.appendingPathComponent("Exercises")])

    static let scriptText = """
        title: Live
        language: nl
        date: 2024-05-01
        start: "10:00"
        steps:
          - exercise: engagement-voting
          - exercise: open-question
            moderation: true
          - break: 10

        """

    let server: LiveServer
    let recording: RecordingSession
    let directory: URL

    /// The router test client names the host "localhost" without a port, which is port 80.
    /// `started`: the facilitator has gone to step 1 (event 1), as phones need.
    init(script text: String = Self.scriptText, limits: LiveServer.Limits = LiveServer.Limits(), started: Bool = true) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("werkvorm-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = try SessionScript.parse(text, file: "live.yaml", library: Self.library)
        recording = try RecordingSession(
            script: script, scriptText: text, modules: Self.library.modules, participants: [], seed: 7,
            record: directory.appendingPathComponent("live.json"), anonymise: false)
        if started { try await recording.submit([SessionEvent(step: 1, action: .go)]) }
        server = await LiveServer(recording: recording, keys: LiveKeys(), port: 80, addresses: ["192.168.1.5"], limits: limits)
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let application = Application(router: server.router())
        try await application.test(.router, body)
    }
}

/// The headers of a submission from the server's own page.
func submission(cookie: String? = nil) -> HTTPFields {
    var headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("X-Werkvorm")!: "1", .origin: "http://localhost"]
    if let cookie { headers[.cookie] = cookie }
    return headers
}

func json(_ response: TestResponse) throws -> LuaValue {
    try JSONReader.parse(String(buffer: response.body))
}

/// `name=value` of the response's first cookie.
func cookie(of response: TestResponse) -> String? {
    response.headers[.setCookie].map { String($0.split(separator: ";")[0]) }
}

extension TestClientProtocol {
    func post(_ uri: String, _ body: String, cookie: String? = nil, headers: HTTPFields? = nil) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: headers ?? submission(cookie: cookie), body: ByteBuffer(string: body))
    }

    /// Joins with the right code; the participant's cookie.
    func join(_ server: LiveServer, name: String? = nil) async throws -> String {
        let nameField = name.map { ", \"name\": \"\($0)\"" } ?? ""
        let response = try await post("/api/join", "{\"code\": \"\(server.keys.joinCode)\"\(nameField)}")
        #expect(response.status == .ok)
        return try #require(cookie(of: response))
    }

    /// Opens the facilitator's one-time link; the facilitator's cookie.
    func facilitator(_ server: LiveServer) async throws -> String {
        let link = server.facilitatorLink()
        let path = String(link[link.range(of: "/facilitator")!.lowerBound...])
        let response = try await execute(uri: path, method: .get)
        #expect(response.status == .seeOther)
        return try #require(cookie(of: response))
    }
}

@Suite("Live routes") struct LiveRouteTests {
    @Test func joiningNeedsTheCodeAndGivesAnHttpOnlyStrictCookie() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let wrong = try await client.post("/api/join", #"{"code": "ZZZZZZ"}"#)
            #expect(wrong.status == .forbidden)
            #expect(try json(wrong)["reason"]?.stringValue == "Deze code klopt niet; kijk op het scherm of vraag de begeleider")
            #expect(await live.recording.events.count == 1)  // the go only

            let typed = live.server.keys.joinCode.lowercased()
            let response = try await client.post("/api/join", "{\"code\": \"\(typed.prefix(3)) \(typed.dropFirst(3))\"}")
            #expect(response.status == .ok)
            #expect(try json(response)["participant"]?.stringValue == "deelnemer-1")
            let header = try #require(response.headers[.setCookie])
            #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict"))
            let token = try #require(cookie(of: response))
            #expect(token.split(separator: ".").last?.count == 32)  // 128 bits

            let again = try await client.post("/api/join", "{\"code\": \"\(live.server.keys.joinCode)\"}", cookie: token)
            #expect(try json(again)["participant"]?.stringValue == "deelnemer-1")
            #expect(try json(again)["rejoined"] == .bool(true))
            #expect(await live.recording.participants == ["deelnemer-1"])
        }
    }

    @Test func anInputIsAnsweredOnceJournalledAndARetryCountsOnce() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let token = try await client.join(live.server)
            let body = #"{"id": "a1b2c3d4e5f60718", "step": 1, "input": "engagement", "fields": {"text": "Ik luister beter"}}"#
            let first = try await client.post("/api/phone/input", body, cookie: token)
            #expect(first.status == .ok)
            #expect(try json(first)["result"]?.stringValue == "accepted")
            let seq = try #require(try json(first)["seq"]?.integerValue)
            let retry = try await client.post("/api/phone/input", body, cookie: token)
            #expect(retry.status == .ok)
            #expect(try json(retry)["duplicate"]?.integerValue == seq)
            let notes = await live.recording.events.filter { $0.result == .accepted && $0.duplicateOf == nil && $0.event.step == 1 && $0.event.participant != nil }
            #expect(notes.count == 1)
            // the journal has both, the second marked as the first's repeat
            let journal = try String(contentsOf: live.directory.appendingPathComponent("live.json.journal"), encoding: .utf8)
            #expect(journal.components(separatedBy: "a1b2c3d4e5f60718").count == 3)
        }
    }

    @Test func noTokenOrAForgedOneIsRefused() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let body = #"{"id": "a1b2c3d4e5f60718", "step": 1, "input": "engagement", "fields": {"text": "x"}}"#
            let none = try await client.post("/api/phone/input", body)
            #expect(none.status == .unauthorized)
            #expect(try json(none)["code"]?.stringValue == "no_token")
            let token = try await client.join(live.server)
            let forged = token.replacingOccurrences(of: "deelnemer".utf8.map { String(format: "%02x", $0) }.joined(), with: "bram".utf8.map { String(format: "%02x", $0) }.joined())
            #expect(try await client.post("/api/phone/input", body, cookie: forged).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/phone/stream", method: .get).status == .unauthorized)
            #expect(await live.recording.events.count == 2)  // the go and the join only
        }
    }

    @Test func submissionsFromElsewhereAreRefused() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let body = #"{"code": "ZZZZZZ"}"#
            var foreign = submission()
            foreign[.origin] = "http://evil.example"
            let fromElsewhere = try await client.post("/api/join", body, headers: foreign)
            #expect(fromElsewhere.status == .forbidden)
            #expect(try json(fromElsewhere)["code"]?.stringValue == "foreign_origin")
            let plainForm = try await client.post("/api/join", body, headers: [.contentType: "application/json"])
            #expect(try json(plainForm)["code"]?.stringValue == "missing_header")
            var text = submission()
            text[.contentType] = "text/plain"
            #expect(try await client.post("/api/join", body, headers: text).status == .unsupportedMediaType)
            #expect(await live.recording.events.count == 1)
        }
    }

    @Test func badBodiesGetClearAnswersAndChangeNothing() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let token = try await client.join(live.server)
            let malformed = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e5", "step": 1,"#, cookie: token)
            #expect(malformed.status == .badRequest)
            #expect(try json(malformed)["code"]?.stringValue == "malformed_json")
            let huge = try await client.post("/api/phone/input", "{\"id\": \"" + String(repeating: "a", count: 20_000) + "\"}", cookie: token)
            #expect(huge.status == .contentTooLarge)
            #expect(try json(huge)["reason"]?.stringValue == "De inzending is groter dan 16384 bytes")
            let long = try await client.post(
                "/api/phone/input", "{\"id\": \"a1b2c3d4e5\", \"step\": 1, \"input\": \"engagement\", \"fields\": {\"text\": \"\(String(repeating: "é", count: 2_001))\"}}",
                cookie: token)
            #expect(long.status == .contentTooLarge)
            #expect(try json(long)["code"]?.stringValue == "too_long")
            let unknown = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e5", "step": 1, "input": "engagement", "participant": "bram"}"#, cookie: token)
            #expect(try json(unknown)["reason"]?.stringValue == "Onbekend veld 'participant'; een invoer heeft id, step, input en fields")
            let noID = try await client.post("/api/phone/input", #"{"step": 1, "input": "engagement"}"#, cookie: token)
            #expect(try json(noID)["code"]?.stringValue == "id_needed")
            #expect(await live.recording.events.count == 2)
        }
    }

    @Test func anUnknownStepAndAClosedStepAreRejectedWithTheirReason() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let token = try await client.join(live.server)
            let unknown = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e5", "step": 9, "input": "engagement", "fields": {"text": "x"}}"#, cookie: token)
            #expect(unknown.status == .unprocessableContent)
            #expect(try json(unknown)["code"]?.stringValue == "unknown_step")
            let facilitator = try await client.facilitator(live.server)
            let go = try await client.post("/api/facilitator/event", #"{"id": "f0000000001", "go": 2}"#, cookie: facilitator)
            #expect(try json(go)["result"]?.stringValue == "accepted")
            let closed = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e6", "step": 1, "input": "engagement", "fields": {"text": "te laat"}}"#, cookie: token)
            #expect(closed.status == .unprocessableContent)
            #expect(try json(closed)["code"]?.stringValue == "step_closed")
            let reason = try #require(try json(closed)["reason"]?.stringValue)
            #expect(reason.contains("stap 2"))
            let again = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e6", "step": 1, "input": "engagement", "fields": {"text": "te laat"}}"#, cookie: token)
            #expect(try json(again)["reason"]?.stringValue == reason)  // the same answer every time
        }
    }

    @Test func theFacilitatorLinkWorksOnceAndItsRoutesNeedItsCookie() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let page = try await client.execute(uri: "/facilitator", method: .get)
            #expect(String(buffer: page.body).contains("Alleen voor de begeleider"))
            #expect(try await client.post("/api/facilitator/event", #"{"id": "f0000000001", "go": 1}"#).status == .unauthorized)
            let participant = try await client.join(live.server)
            #expect(try await client.post("/api/facilitator/event", #"{"id": "f0000000001", "go": 1}"#, cookie: participant).status == .unauthorized)

            let link = live.server.facilitatorLink()
            let path = String(link[link.range(of: "/facilitator")!.lowerBound...])
            let opened = try await client.execute(uri: path, method: .get)
            #expect(opened.status == .seeOther)
            let spent = try await client.execute(uri: path, method: .get)
            #expect(String(buffer: spent.body).contains("Deze link is al gebruikt"))
            let facilitator = try #require(cookie(of: opened))
            let control = try await client.execute(uri: "/facilitator", method: .get, headers: [.cookie: facilitator])
            #expect(String(buffer: control.body).contains("Sessie beëindigen"))
            let onBehalf = try await client.post(
                "/api/facilitator/event",
                #"{"id": "f0000000002", "step": 1, "input": "engagement", "participant": "deelnemer-1", "on_behalf": true, "fields": {"text": "Voor Bram"}}"#, cookie: facilitator)
            #expect(try json(onBehalf)["result"]?.stringValue == "accepted")
            let events = await live.recording.events
            #expect(events.last?.event.onBehalf == true)
            let record = try await client.execute(uri: "/api/facilitator/record", method: .get, headers: [.cookie: facilitator])
            #expect(String(buffer: record.body).contains("\"on_behalf\": true"))
            let report = try await client.execute(uri: "/api/facilitator/report", method: .get, headers: [.cookie: facilitator])
            #expect(String(buffer: report.body).contains("Voor Bram"))
        }
    }

    @Test func heldTextsWaitForTheFacilitator() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let token = try await client.join(live.server)
            let facilitator = try await client.facilitator(live.server)
            _ = try await client.post("/api/facilitator/event", #"{"id": "f0000000001", "go": 2}"#, cookie: facilitator)
            let held = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e5", "step": 2, "input": "answer", "fields": {"text": "Meer ontmoeting"}}"#, cookie: token)
            #expect(held.status == .ok)
            #expect(try json(held)["result"]?.stringValue == "held")
            let seq = try #require(try json(held)["seq"]?.integerValue)
            let approve = try await client.post("/api/facilitator/event", "{\"id\": \"f0000000002\", \"approve\": \(seq)}", cookie: facilitator)
            #expect(try json(approve)["result"]?.stringValue == "accepted")
            #expect(await live.recording.facilitatorView().held.isEmpty)
        }
    }

    @Test func theEventStreamSendsTheViewWithItsSequenceNumberAndEnds() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let token = try await client.join(live.server)
            let follower = Task { await live.server.follow() }
            let ender = Task {
                try await Task.sleep(for: .milliseconds(300))
                try await live.server.end()
            }
            let stream = try await client.execute(uri: "/api/phone/stream", method: .get, headers: [.cookie: token])
            try await ender.value
            await follower.value
            let text = String(buffer: stream.body)
            #expect(stream.headers[.contentType] == "text/event-stream")
            #expect(text.hasPrefix("retry: 1500\n\nid: 2\ndata: {"))
            #expect(text.contains("\"participant\":\"deelnemer-1\""))
            #expect(text.hasSuffix("event: end\ndata: {}\n\n"))
            #expect(FileManager.default.fileExists(atPath: live.directory.appendingPathComponent("live.json").path))
        }
    }

    @Test func theProjectorShowsNoNamesAndOnlyRevealedResults() async throws {
        let script = LiveFixture.scriptText.replacingOccurrences(of: "start: \"10:00\"\n", with: "start: \"10:00\"\nask_names: true\n")
        let live = try await LiveFixture(script: script)
        try await live.test { client in
            let dewi = try await client.join(live.server, name: "Dewi")
            _ = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e5", "step": 1, "input": "engagement", "fields": {"text": "Dewi wil luisteren"}}"#, cookie: dewi)
            let hidden = live.server.projectorJSON(await live.recording.projectorView())
            #expect(hidden["html"] == nil)
            let facilitator = try await client.facilitator(live.server)
            _ = try await client.post("/api/facilitator/event", #"{"id": "f0000000000", "go": 1}"#, cookie: facilitator)
            _ = try await client.post("/api/facilitator/event", #"{"id": "f0000000001", "step": 1, "reveal": true}"#, cookie: facilitator)
            let shown = try #require(live.server.projectorJSON(await live.server.projector.view().view)["html"]?.stringValue)  // as the stream sends it
            #expect(shown.contains("een deelnemer wil luisteren"))
            #expect(!shown.contains("Dewi"))
            let projector = try await client.execute(uri: "/api/projector/stream", method: .get)
            #expect(projector.status == .unauthorized)
        }
    }

    @Test func tooManyRequestsFromOnePhoneAreSlowedDown() async throws {
        var limits = LiveServer.Limits()
        limits.participantRate = RequestGuard.Rate(capacity: 3, perSecond: 0.001)
        let live = try await LiveFixture(limits: limits)
        try await live.test { client in
            let token = try await client.join(live.server)
            var statuses: [HTTPResponse.Status] = []
            for index in 0..<4 {
                let body = "{\"id\": \"a1b2c3d4e\(index)\", \"step\": 1, \"input\": \"engagement\", \"fields\": {\"text\": \"\(index)\"}}"
                statuses.append(try await client.post("/api/phone/input", body, cookie: token).status)
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
        }
    }

    @Test func pagesAreSmallAndSelfContained() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let facilitator = try await client.facilitator(live.server)
            let projector = try await client.execute(uri: "/projector?key=\(live.server.keys.projectorToken)", method: .get)
            let projectorCookie = try #require(cookie(of: projector))
            for (uri, cookie) in [("/", ""), ("/facilitator", facilitator), ("/projector", projectorCookie)] {
                let page = try await client.execute(uri: uri, method: .get, headers: cookie.isEmpty ? [:] : [.cookie: cookie])
                let html = String(buffer: page.body)
                #expect(page.body.readableBytes <= 50_000, "\(uri) is \(page.body.readableBytes) bytes")
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
                #expect(!html.contains("https://") && !html.contains("src=\"http"))
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test func theProjectorShowsTheFirstItemsOfALongListAndSaysHowManyMore() {
        let answers = (1...100).map { BilingualText("Antwoord \($0)") }
        let shortened = ProjectorFeed.shortened([.heading(BilingualText("Antwoorden")), .list(answers)])
        #expect(shortened.first == .heading(BilingualText("Antwoorden")))
        guard case .list(let shown) = shortened.last else {
            Issue.record("no list")
            return
        }
        #expect(shown.count == 41)
        #expect(shown[39] == BilingualText("Antwoord 40"))
        #expect(shown[40] == BilingualText(nl: "… en nog 60", en: "… and 60 more"))
    }

    @Test func beforeTheFirstStepPhonesAreAskedToWait() async throws {
        let live = try await LiveFixture(started: false)
        try await live.test { client in
            let token = try await client.join(live.server)
            let early = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e5", "step": 1, "input": "engagement", "fields": {"text": "x"}}"#, cookie: token)
            #expect(early.status == .conflict)
            #expect(try json(early)["reason"]?.stringValue == "De sessie is nog niet begonnen; wacht op de begeleider")
            #expect(await live.recording.events.count == 1)  // the join only
        }
    }

    @Test func afterTheEndAnInputIsToldSoAndNotRetried() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            let token = try await client.join(live.server)
            try await live.server.end()
            let late = try await client.post("/api/phone/input", #"{"id": "a1b2c3d4e5", "step": 1, "input": "engagement", "fields": {"text": "x"}}"#, cookie: token)
            #expect(late.status == .gone)
            #expect(try json(late)["code"]?.stringValue == "session_ended")
        }
    }

    @Test func onePhoneCannotOpenEveryStream() async throws {
        var limits = LiveServer.Limits()
        limits.streamsPerToken = 0
        let live = try await LiveFixture(limits: limits)
        try await live.test { client in
            let token = try await client.join(live.server)
            let stream = try await client.execute(uri: "/api/phone/stream", method: .get, headers: [.cookie: token])
            #expect(stream.status == .tooManyRequests)
            #expect(try json(stream)["code"]?.stringValue == "too_many_streams")
        }
    }

    @Test func whatTheFacilitatorEntersForSomeoneIsMarkedAsSuch() async throws {
        let live = try await LiveFixture()
        try await live.test { client in
            _ = try await client.join(live.server)
            let facilitator = try await client.facilitator(live.server)
            let entered = try await client.post(
                "/api/facilitator/event", #"{"id": "f0000000002", "step": 1, "input": "engagement", "participant": "deelnemer-1", "fields": {"text": "Getypt"}}"#,
                cookie: facilitator)
            #expect(try json(entered)["result"]?.stringValue == "accepted")
            #expect(await live.recording.events.last?.event.onBehalf == true)
        }
    }
}
