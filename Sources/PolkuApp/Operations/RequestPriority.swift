import NIOConcurrencyHelpers
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// The request loops run at a lower priority (nice 5) than the threads every request waits for:
/// SQLite's one writer, its checkpoints, the driver's thread pool (issue 11).
///
/// Those are the process's serial sections. On two cores with both request loops busy, the writer's
/// thread, woken for the next save, waited for a core behind the pages being rendered, and every
/// save and audit batch queued behind it waited as long: at 64 connections the attendance save
/// served 479 a second with the writer busy 57 % of the time and a quarter of the machine idle.
/// With the loops at nice 5 a woken writer runs at once (522–580 saves a second); the loops still
/// get every core nothing else wants.
///
/// Linux keeps the nice value per thread, so each loop sets its own, and a new thread starts with
/// its maker's: `polku serve` lowers the loops once `configure` has started the writer's threads.
/// Once per process: the loops are the process's own (`singleton`).
package enum RequestPriority {
    package static let nice: Int32 = 5

    package static func lower(loops: any EventLoopGroup) {
        guard
            lowered.withLockedValue({ done in
                defer { done = true }; return !done
            })
        else { return }
        for loop in loops.makeIterator() {
            loop.execute {
                #if canImport(Glibc)
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
                #endif
            }
        }
    }

    /// The calling thread's nice value (0 where the platform has none).
    static func own() -> Int32 {
        #if canImport(Glibc)
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
        return 0
        #endif
    }

    private static let lowered = NIOLockedValueBox(false)
}
