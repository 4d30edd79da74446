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
}
