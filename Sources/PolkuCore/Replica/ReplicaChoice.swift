import Foundation

/// Where a report or a public page reads (issue 19): the streaming replica when it answers, is not
/// far behind, and already holds what this person last wrote; else the primary. Pure, so the rule is
/// tested without two databases; `Replica` in the app measures the status it is given.
public enum ReplicaChoice: Equatable, Sendable {
    /// Read from the replica; its figures hold everything committed up to `asOf`.
    case replica(asOf: Date)
    /// Read from the primary, and why.
    case primary(Reason)

    public enum Reason: String, Sendable {
        /// No replica is configured.
        case notConfigured = "not_configured"
        /// The replica did not answer its last check.
        case down
        /// The replica is further behind than the bound.
        case behind
        /// This person wrote something the replica has not replayed yet.
        case ownWrite = "own_write"
    }

    /// The replica as last checked.
    public struct Status: Equatable, Sendable {
        public var checkedAt: Date
        /// It had replayed everything the primary had written when it was checked.
        public var caughtUp: Bool
        /// The commit time of the last transaction it replayed (nil: none yet).
        public var replayedAt: Date?

        public init(checkedAt: Date, caughtUp: Bool, replayedAt: Date?) {
            self.checkedAt = checkedAt; self.caughtUp = caughtUp; self.replayedAt = replayedAt
        }

        /// Up to when the replica is known to hold every commit: the check's time if it had caught up,
        /// else its last replayed commit.
        public var holdsUpTo: Date? { caughtUp ? checkedAt : replayedAt }
    }

    /// - Parameters:
    ///   - status: the last check; nil when the replica did not answer it.
    ///   - maxLag: how far behind `now` the replica may be and still be read.
    ///   - lastWrite: when this person last wrote (nil: not known to have written lately).
    public static func choose(configured: Bool, status: Status?, now: Date, maxLag: TimeInterval, lastWrite: Date?) -> ReplicaChoice {
        guard configured else { return .primary(.notConfigured) }
        guard let status else { return .primary(.down) }
        guard let holds = status.holdsUpTo, now.timeIntervalSince(holds) <= maxLag else { return .primary(.behind) }
        if let lastWrite, lastWrite > holds { return .primary(.ownWrite) }
        return .replica(asOf: holds)
    }
}
