import Foundation
import LuaHost

/// Stable pseudonyms for a session's participants: the first participant is `deelnemer-1`
/// (`participant-1` in English), and so on in roster order (or order of first appearance).
/// With `--anonymise`, names are replaced before the exercises see them, so no outcome and no
/// record holds a name.
public struct Pseudonyms: Sendable {
    /// Name → pseudonym.
    public private(set) var mapping: [String: String] = [:]
    /// The pseudonyms, in the participants' order.
    public private(set) var participants: [String] = []
    private var taken: Set<String> = []
    private let word: String

    /// Pseudonyms for `participants`, in their order.
    public init(participants: [String], language: Language) {
        word = language == .nl ? "deelnemer" : "participant"
        for name in participants { _ = pseudonym(for: name) }
    }

    /// The pseudonym of `name`: the next free one if it has none yet (someone who joins later).
    /// A pseudonym stands for itself.
    public mutating func pseudonym(for name: String) -> String {
        if let known = mapping[name] { return known }
        if taken.contains(name) { return name }
        var number = participants.count + 1
        while taken.contains("\(word)-\(number)") { number += 1 }
        let pseudonym = "\(word)-\(number)"
        mapping[name] = pseudonym
        participants.append(pseudonym)
        taken.insert(pseudonym)
        return pseudonym
    }

    /// Takes a pseudonym that is in use already (read back from a journal) as one of its own,
    /// so that it stands for itself and no newcomer gets it.
    public mutating func adopt(_ pseudonym: String) {
        guard !taken.contains(pseudonym) else { return }
        taken.insert(pseudonym)
        participants.append(pseudonym)
    }

    /// The event with its participant, whoever joins, and every field that names a
    /// participant, replaced: a name never reaches the journal, an exercise or the record.
    public mutating func apply(to event: SessionEvent, in script: SessionScript) -> SessionEvent {
        var copy = event
        switch event.action {
        case .join(let name):
            copy.action = .join(pseudonym(for: name))
        case .input(var input):
            if let who = input.participant { input.participant = pseudonym(for: who) }
            if let step = event.step, let sessionStep = script.steps.first(where: { $0.id == step }), case .exercise(let exerciseStep) = sessionStep.kind,
                let declaration = exerciseStep.exercise.input(named: input.name)?.input
            {
                for field in declaration.fields where field.kind == .participant {
                    if let name = input.fields[field.name]?.stringValue {
                        input.fields[field.name] = .string(pseudonym(for: name))
                    }
                }
            }
            copy.action = .input(input)
        default: break
        }
        return copy
    }

    /// The script's text with every participant's name replaced where it stands alone (the roster).
    public func apply(toScript text: String) -> String {
        var result = text
        for name in mapping.keys.sorted(by: { $0.count > $1.count }) {
            guard let pseudonym = mapping[name] else { continue }
            let pattern = "(?<![\\p{L}\\p{N}_-])" + NSRegularExpression.escapedPattern(for: name) + "(?![\\p{L}\\p{N}_-])"
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: NSRegularExpression.escapedTemplate(for: pseudonym))
        }
        return result
    }
}
