import PolkuCore
import Testing

/// What the header's search box reads a worker's text as.
@Suite struct ParticipantSearchTests {
    @Test func readsDatesNumbersAndNames() {
        #expect(ParticipantSearch("12.3.1990") == .birthDate("1990-03-12"))
        #expect(ParticipantSearch(" 01.03.1990 ") == .birthDate("1990-03-01"))
        #expect(ParticipantSearch("1990-03-12") == .birthDate("1990-03-12"))
        #expect(ParticipantSearch("P-0042") == .number("P-0042"))
        #expect(ParticipantSearch("42") == .number("42"))
        #expect(ParticipantSearch("Demonen Aino") == .name("Demonen Aino"))
        #expect(ParticipantSearch("Nguyễn-Øster") == .name("Nguyễn-Øster"), "a hyphen in a name is not a date")
        // Not a real day: a number, which matches no one rather than a wrong birth date.
        #expect(ParticipantSearch("31.2.1990") == .number("31.2.1990"))
        #expect(ParticipantSearch("") == .name(""))
    }

    /// The pieces the name index is searched by: each three characters once, counted as SQLite counts.
    @Test func gramsAreEachThreeCharactersOnce() {
        #expect(SearchKey.grams("aino") == ["ain", "ino"])
        #expect(SearchKey.grams("aaaa") == ["aaa"], "a repeated piece once")
        #expect(SearchKey.grams("ai").isEmpty && SearchKey.grams("").isEmpty)
        #expect(SearchKey.grams("nen a") == ["nen", "en ", "n a"], "a space is a character")
        // A precomposed ä is one character, a decomposed one two: as SQLite's substr counts them.
        #expect(SearchKey.grams("\u{E4}iti") == ["\u{E4}it", "iti"])
        #expect(SearchKey.grams("a\u{308}iti").map { Array($0.unicodeScalars).count } == [3, 3, 3])
    }
}
