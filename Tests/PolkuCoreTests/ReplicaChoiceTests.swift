import Foundation
import PolkuCore
import Testing

/// The replica is read only when it answers, is within the bound and holds the reader's own writes.
@Suite struct ReplicaChoiceTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func status(caughtUp: Bool, checkedAgo: TimeInterval = 1, replayedAgo: TimeInterval? = 10) -> ReplicaChoice.Status {
        .init(checkedAt: now - checkedAgo, caughtUp: caughtUp, replayedAt: replayedAgo.map { now - $0 })
    }

    @Test func withoutAReplicaEverythingReadsThePrimary() {
        #expect(ReplicaChoice.choose(configured: false, status: status(caughtUp: true), now: now, maxLag: 30, lastWrite: nil) == .primary(.notConfigured))
    }

    @Test func aReplicaThatDidNotAnswerIsNotRead() {
        #expect(ReplicaChoice.choose(configured: true, status: nil, now: now, maxLag: 30, lastWrite: nil) == .primary(.down))
    }

    @Test func aCaughtUpReplicaHoldsEverythingUpToItsCheckEvenWhenThePrimaryWasIdle() {
        // Its last replayed commit is an hour old, but it had replayed all there was a second ago.
        let s = status(caughtUp: true, checkedAgo: 1, replayedAgo: 3600)
        #expect(ReplicaChoice.choose(configured: true, status: s, now: now, maxLag: 30, lastWrite: nil) == .replica(asOf: now - 1))
    }

    @Test func aReplicaBehindByMoreThanTheBoundIsNotRead() {
        let behind = status(caughtUp: false, replayedAgo: 31)
        #expect(ReplicaChoice.choose(configured: true, status: behind, now: now, maxLag: 30, lastWrite: nil) == .primary(.behind))
        // Exactly at the bound it is still read.
        let atBound = status(caughtUp: false, replayedAgo: 30)
        #expect(ReplicaChoice.choose(configured: true, status: atBound, now: now, maxLag: 30, lastWrite: nil) == .replica(asOf: now - 30))
        let nothingYet = status(caughtUp: false, replayedAgo: nil)
        #expect(ReplicaChoice.choose(configured: true, status: nothingYet, now: now, maxLag: 30, lastWrite: nil) == .primary(.behind))
    }

    @Test func whatAPersonJustWroteIsReadFromThePrimaryUntilTheReplicaHoldsIt() {
        let s = status(caughtUp: false, replayedAgo: 5)
        #expect(ReplicaChoice.choose(configured: true, status: s, now: now, maxLag: 30, lastWrite: now - 2) == .primary(.ownWrite))
        #expect(ReplicaChoice.choose(configured: true, status: s, now: now, maxLag: 30, lastWrite: now - 5) == .replica(asOf: now - 5))
        #expect(ReplicaChoice.choose(configured: true, status: s, now: now, maxLag: 30, lastWrite: now - 60) == .replica(asOf: now - 5))
    }
}
