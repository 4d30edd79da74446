import PolkuCore
import Testing

/// NIST SP 800-63B 3.1.1.2: length, a list of common passwords, repetition, and context words.
@Suite struct PasswordPolicyTests {
    @Test(arguments: ["aaaaaaaaaa", "qwertyuiop", "1234567890", "password123", "salasana123", "ababababab", "Qwertyuiop"])
    func commonOrRepetitivePasswordsAreRefused(_ password: String) {
        #expect(PasswordPolicy.problem(password) == .common)
    }

    @Test func lengthIsCountedInCharactersAndBcryptsLimitInBytes() {
        #expect(PasswordPolicy.problem("lyhyt sana") == nil, "10 characters is enough")
        #expect(PasswordPolicy.problem("lyhytsana") == .tooShort)
        #expect(PasswordPolicy.problem("äöåäöåäöåx") == nil, "ten characters, nineteen bytes")
        #expect(PasswordPolicy.problem(String(repeating: "äöå", count: 13)) == .tooLong, "39 characters, 78 bytes")
    }

    @Test func thePersonsOwnEmailOrNameIsRefused() {
        let email = "maija.mallikas@example.invalid", name = "Maija Mallikas"
        #expect(PasswordPolicy.problem(email, email: email, name: name) == .personal)
        #expect(PasswordPolicy.problem("maija.mallikas1!", email: email, name: name) == .personal)
        #expect(PasswordPolicy.problem("MAIJAMALLIKAS", email: email, name: name) == .personal)
        #expect(PasswordPolicy.problem("mallikas ja kolme kissaa", email: email, name: name) == nil, "a long phrase around a name part is fine")
        #expect(PasswordPolicy.problem("vihreä hevonen juoksee", email: email, name: name) == nil)
    }
}

/// OWASP's rule against CSV injection, and the quoting a spreadsheet needs.
@Suite struct CSVFieldTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
    func formulaStartsAreNeutralised(_ cell: String) {
        let encoded = CSVField.encode(cell)
        #expect(encoded.hasPrefix("'") || encoded.hasPrefix("\"'"), "\(cell.debugDescription) → \(encoded)")
        #expect(CSVField.decodeImported(CSVField.encode(cell, quoting: "")) == cell, "an import takes back what the export wrote")
    }

    @Test func plainCellsAreUnchangedAndSeparatorsQuoted() {
        #expect(CSVField.encode("Velkaneuvonta") == "Velkaneuvonta")
        #expect(CSVField.encode("a;b") == "\"a;b\"")
        #expect(CSVField.encode("sanoi \"hei\"") == "\"sanoi \"\"hei\"\"\"")
        #expect(CSVField.encode("Pori, Ulvila") == "\"Pori, Ulvila\"")
        #expect(CSVField.encode("Pori, Ulvila", quoting: ";\"\n\r") == "Pori, Ulvila")
        #expect(CSVField.decodeImported("'Tavallinen") == "'Tavallinen", "an apostrophe before text is the text's own")
    }
}
