import Foundation

/// The latest sequence number of the session, for event streams to wait on: each waits for a
/// number newer than the one it sent last, or for the next heartbeat, or for the end.
actor ChangeSignal {
    /// What a wait ended with.
    enum Outcome: Sendable, Equatable {
        case changed(Int)
        case timeout
        case ended
    }

    private(set) var latest: Int
    private var ended = false
    private var waiters: [UUID: (after: Int, continuation: CheckedContinuation<Outcome, Never>)] = [:]

    init(latest: Int) {
        self.latest = latest
    }

    /// The session moved on to `seq`.
    func changed(to seq: Int) {
        guard seq > latest else { return }
        latest = seq
        for (id, waiter) in waiters where waiter.after < seq {
            waiters[id] = nil
            waiter.continuation.resume(returning: .changed(seq))
        }
    }

    /// The session ended: every wait ends.
    func end() {
        ended = true
        for waiter in waiters.values { waiter.continuation.resume(returning: .ended) }
        waiters.removeAll()
    }

    /// Every stream sends its view again, though no event came: the addresses changed.
    func refresh() {
        for waiter in waiters.values { waiter.continuation.resume(returning: .changed(latest)) }
        waiters.removeAll()
    }

    /// Every wait ends with `timeout`, so that each stream sends a heartbeat (and finds out
    /// whether its phone is still there).
    func heartbeat() {
        for waiter in waiters.values { waiter.continuation.resume(returning: .timeout) }
        waiters.removeAll()
    }

    /// Returns once the session has ended.
    func untilEnded() async {
        while await next(after: .max) != .ended {}
    }

    /// Waits until the session is past `seq`, the next heartbeat, or the end of the session.
    func next(after seq: Int) async -> Outcome {
        if ended { return .ended }
        if latest > seq { return .changed(latest) }
        return await withCheckedContinuation { continuation in
            waiters[UUID()] = (seq, continuation)
        }
    }
}
