import PolkuCore
import Testing

/// The completion rule of a peer's training: four in five of the sessions held, rounded up.
@Suite struct PeerTrainingTests {
    @Test func fourInFiveRoundedUp() {
        #expect(PeerTraining.required(held: 10) == 8)
        #expect(PeerTraining.required(held: 5) == 4)
        #expect(PeerTraining.required(held: 3) == 3, "2.4 rounds up: with three sessions none may be missed")
        #expect(PeerTraining.required(held: 11) == 9)
        #expect(PeerTraining.required(held: 0) == 0)
    }

    @Test func completedOnTheBoundaryAndNotBefore() {
        #expect(PeerTraining.isCompleted(held: 10, attended: 8))
        #expect(!PeerTraining.isCompleted(held: 10, attended: 7))
        #expect(PeerTraining.isCompleted(held: 10, attended: 10))
        #expect(!PeerTraining.isCompleted(held: 0, attended: 0), "nothing held yet: not completed")
        #expect(PeerTraining.isCompleted(held: 4, attended: 2, share: (1, 2)), "the project may choose another share")
    }
}
