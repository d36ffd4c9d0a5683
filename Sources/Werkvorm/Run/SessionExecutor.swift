import Dispatch
import Synchronization

/// The serial executor of one session: a dispatch queue of its own. Exercises run Lua, and a
/// long Lua call (up to its instruction budget) or a journal sync then holds this queue only,
/// never one of the threads that Swift's tasks share.
///
/// Jobs run by their priority, in order within each: high first (the journal's group commit,
/// which answers every waiting submission), then the usual ones (submissions), then low ones
/// (the views that pages are sent, which may wait a moment). A thousand phones' views never
/// hold up an acknowledgement.
final class SessionExecutor: SerialExecutor, @unchecked Sendable {
    // @unchecked: the queue and the mutex hold all state, and both are thread-safe.
    private let queue: DispatchQueue
    private let waiting = Mutex(Waiting())

    /// Jobs waiting to run, by class.
    private struct Waiting {
        var lanes: [Lane] = [Lane(), Lane(), Lane()]
        /// Jobs run ahead of a waiting low one since one last ran: every 256th turn is a low
        /// one's, so that views are late under a stream of submissions, never starved.
        var passedLow = 0

        mutating func push(_ job: UnownedJob, lane: Int) { lanes[lane].push(job) }

        mutating func pop() -> UnownedJob? {
            if passedLow >= 256, let job = lanes[2].pop() {
                passedLow = 0
                return job
            }
            for index in lanes.indices {
                if let job = lanes[index].pop() {
                    passedLow = index == 2 || lanes[2].isEmpty ? 0 : passedLow + 1
                    return job
                }
            }
            return nil
        }
    }

    /// A first-in, first-out list of jobs.
    private struct Lane {
        var jobs: [UnownedJob] = []
        var head = 0

        mutating func push(_ job: UnownedJob) { jobs.append(job) }

        var isEmpty: Bool { head == jobs.count }

        mutating func pop() -> UnownedJob? {
            guard head < jobs.count else { return nil }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024 {
                jobs.removeFirst(head)
                head = 0
            }
            return job
        }
    }

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// 0: high and above; 2: low and below; 1: the rest, also jobs without a priority.
    static func lane(of priority: JobPriority) -> Int {
        let raw = priority.rawValue
        if raw >= TaskPriority.high.rawValue { return 0 }
        if raw != 0 && raw <= TaskPriority.low.rawValue { return 2 }
        return 1
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let lane = Self.lane(of: job.priority)
        let job = UnownedJob(job)
        waiting.withLock { $0.push(job, lane: lane) }
        // one run for each job enqueued: each runs the most urgent job waiting then
        queue.async {
            guard let next = self.waiting.withLock({ $0.pop() }) else { return }
            next.runSynchronously(on: self.asUnownedSerialExecutor())
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
