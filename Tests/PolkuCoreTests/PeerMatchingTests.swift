import PolkuCore
import Testing

/// Peer suggestions: approved peers only, ranked by what they share, each with its reasons.
@Suite struct PeerMatchingTests {
    let wish = PeerMatching.Wish(interests: ["kalastus", "ruoka"], languages: ["fi"], area: "Pori", days: ["ma", "ke"])

    func peer(
        _ id: String, _ interests: Set<String> = [], languages: Set<String> = ["fi"], area: String = "Turku", days: Set<String> = [],
        approved: Bool = true, endsOn: String? = nil
    ) -> PeerMatching.Peer {
        PeerMatching.Peer(id: id, interests: interests, languages: languages, area: area, days: days, approved: approved, endsOn: endsOn)
    }

    @Test func rankedByWhatTheyShareWithReasons() {
        let ranked = PeerMatching.rank(wish, [peer("a"), peer("b", ["kalastus"], area: "pori", days: ["ke", "pe"]), peer("c", ["ruoka", "kalastus"])], today: "2026-12-04")
        #expect(ranked.map(\.peer) == ["b", "c", "a"])
        #expect(ranked[0].reasons == [.language(["fi"]), .interests(["kalastus"]), .area("pori"), .days(["ke"])])
        #expect(ranked[0].score == 10 + 3 + 4 + 1 && ranked[1].score == 16 && ranked[2].score == 10)
    }

    @Test func onlyApprovedPeersWhoseTimeHasNotEnded() {
        let peers = [peer("late", endsOn: "2026-12-03"), peer("last day", endsOn: "2026-12-04"), peer("new", approved: false), peer("mute", languages: ["sv"])]
        #expect(PeerMatching.rank(wish, peers, today: "2026-12-04").map(\.peer) == ["last day"])
    }

    @Test func wordsAreReadAsPeopleTypeThem() {
        #expect(PeerMatching.words(" Kalastus, RUOKA;  pelit ") == ["kalastus", "ruoka", "pelit"])
        #expect(PeerMatching.words(" , ") == [])
    }
}
