import Dispatch

/// The serial executor of one session: a dispatch queue of its own. Exercises run Lua, and a
/// long Lua call (up to its instruction budget) or a journal sync then holds this queue only,
/// never one of the threads that Swift's tasks share.
final class SessionExecutor: SerialExecutor, @unchecked Sendable {
    // @unchecked: the queue is the only state, and dispatch queues are thread-safe.
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
