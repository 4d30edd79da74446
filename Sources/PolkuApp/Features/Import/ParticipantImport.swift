import Fluent
import Foundation
import PolkuCore
import SQLKit

/// Imports participants with their entry, exit and six-month data from a spreadsheet into one
/// project. All or nothing: every row is checked first, and if any is wrong nothing is written and
/// every problem is reported with its line. Rows are matched by the file's participant ID, so the
/// same file imported again changes nothing. Two rows with one ID are one participation: the first
/// entry's data and the last exit (PolkuCore's `Participation.merging` rule).
package struct ParticipantImport {
    package static let columns = [
        "participant_id", "first_name", "last_name", "birth_date", "gender", "municipality", "language",
        "email", "phone", "site", "start_date", "labour_status", "unemployed_months", "isced", "disability",
        "foreign_background", "minority", "other_disadvantage", "third_country_national", "homeless", "rural",
        "exit_date", "service_outcome", "exit_situation", "exit_situation_date", "qualification_gained",
        "followup_date", "followup_employed", "followup_improvements",
    ]
    static let required = ["participant_id", "first_name", "last_name", "birth_date", "start_date"]

    package struct Problem: Sendable, Equatable, Codable { let line: Int; let column: String?; let message: String }

    /// One participation as it will be stored.
    struct Record: Sendable {
        let key: String
        let line: Int
        var firstName, lastName, birthDate, municipality, language: String
        var gender: Participant.Gender
        var email, phone: String?
        var siteID: UUID?
        var startDate: String
        var labourStatus: LabourStatus?
        var unemployedMonths, isced: Int?
        var disability, foreignBackground, minority, otherDisadvantage: SensitiveAnswer?
        var thirdCountNational, homeless, rural: Bool?
        var exitDate: String?
        var serviceOutcome: ServiceOutcome?
        /// The project's own category, when the file named one.
        var projectOutcomeID: UUID?
        var exitSituation: SituationOnLeaving?
        var exitSituationDate: String?
        var qualificationGained: Bool?
        var followUpDate: String?
        var followUpEmployed: Bool?
        var followUpImprovements: String?

        /// What was imported, so that an identical re-import can be recognised and skipped.
        var fingerprint: String {
            func o(_ v: String?) -> String { v ?? "" }
            func b(_ v: Bool?) -> String { v.map { $0 ? "1" : "0" } ?? "" }
            func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
            var parts: [String] = [firstName, lastName, birthDate, municipality, language, gender.rawValue]
            parts += [o(email), o(phone), o(siteID?.text), startDate, o(labourStatus?.rawValue), n(unemployedMonths), n(isced)]
            parts += [o(disability?.rawValue), o(foreignBackground?.rawValue), o(minority?.rawValue), o(otherDisadvantage?.rawValue)]
            parts += [b(thirdCountNational), b(homeless), b(rural), o(exitDate), o(serviceOutcome?.rawValue), o(exitSituation?.rawValue)]
            parts += [o(exitSituationDate), b(qualificationGained), o(followUpDate), b(followUpEmployed), o(followUpImprovements)]
            parts += [o(projectOutcomeID?.text)]
            return parts.joined(separator: "\u{1F}")
        }
    }

    struct ProjectOutcomeChoice: Sendable { let id: UUID; let mapsTo: ServiceOutcome }

    package struct Summary: Sendable, Equatable, Codable { package var created = 0; package var updated = 0; package var unchanged = 0 }

    package enum Outcome: Sendable {
        case imported(Summary)
        case refused([Problem])
    }

    // MARK: reading

    /// Several rows for one person are one participation: the first entry's data and the last exit.
    static func merged(_ rows: [Record]) -> Record {
        let spells = rows.sorted { $0.startDate < $1.startDate }
        var merged = spells[0]
        if spells.count > 1, let last = spells.last {
            merged.exitDate = last.exitDate; merged.serviceOutcome = last.serviceOutcome; merged.exitSituation = last.exitSituation
            merged.projectOutcomeID = last.projectOutcomeID
            merged.exitSituationDate = last.exitSituationDate; merged.qualificationGained = last.qualificationGained
            merged.followUpDate = last.followUpDate; merged.followUpEmployed = last.followUpEmployed
            merged.followUpImprovements = last.followUpImprovements
        }
        return merged
    }

    struct RowReader {
        let row: CSVTable.Row
        let today: CalendarDate
        var problems: [Problem] = []

        init(row: CSVTable.Row, today: CalendarDate) { self.row = row; self.today = today }

        mutating func fail(_ column: String, _ message: String) { problems.append(Problem(line: row.line, column: column, message: message)) }
        func value(_ c: String) -> String { row.fields[c] ?? "" }

        mutating func text(_ c: String, required: Bool = false, max: Int = 200) -> String {
            let v = value(c)
            if required && v.isEmpty { fail(c, "error.required") }
            if v.count > max { fail(c, "error.too_long:\(max)") }
            return v
        }

        mutating func date(_ c: String, required: Bool = false) -> String? {
            let v = value(c)
            if v.isEmpty { if required { fail(c, "error.required") }; return nil }
            guard let d = CalendarDate(parsing: v) else { fail(c, "error.date"); return nil }
            if d > today { fail(c, "error.future") }
            return d.iso
        }

        mutating func choice<E: RawRepresentable>(_ c: String, _ type: E.Type, aliases: [String: String] = [:]) -> E? where E.RawValue == String {
            let v = value(c).lowercased()
            if v.isEmpty { return nil }
            guard let e = E(rawValue: aliases[v] ?? v) else { fail(c, "import.unknown_value"); return nil }
            return e
        }

        mutating func bool(_ c: String) -> Bool? {
            switch value(c).lowercased() {
            case "": return nil
            case "yes", "kyllä", "kylla", "true", "1", "k": return true
            case "no", "ei", "false", "0", "e": return false
            default: fail(c, "import.unknown_value"); return nil
            }
        }

        mutating func int(_ c: String, _ range: ClosedRange<Int>) -> Int? {
            let v = value(c)
            if v.isEmpty { return nil }
            guard let n = Int(v), range.contains(n) else { fail(c, "error.number"); return nil }
            return n
        }

        mutating func record(sites: [String: UUID], ownOutcomes: [String: ProjectOutcomeChoice]) -> Record? {
            let key = text("participant_id", required: true, max: 64)
            let first = text("first_name", required: true, max: 100)
            let last = text("last_name", required: true, max: 100)
            let birth = date("birth_date", required: true)
            let start = date("start_date", required: true)
            let gender =
                choice(
                    "gender", Participant.Gender.self,
                    aliases: ["nainen": "female", "n": "female", "f": "female", "mies": "male", "m": "male", "muu": "other"]) ?? .unknown
            let municipality = text("municipality", max: 100)
            let language = value("language").isEmpty ? "fi" : value("language").lowercased()
            if !ParticipantForm.languages.contains(language) { fail("language", "import.unknown_value") }
            let email = text("email", max: 200)
            if !email.isEmpty && !ParticipantForm.looksLikeEmail(email) { fail("email", "error.email") }
            let phone = text("phone", max: 40)
            var siteID: UUID? = nil
            let site = value("site")
            if !site.isEmpty { siteID = sites[site.lowercased()]; if siteID == nil { fail("site", "import.unknown_site") } }
            var r = Record(
                key: key, line: row.line, firstName: first, lastName: last, birthDate: birth ?? "", municipality: municipality,
                language: language, gender: gender, email: email.isEmpty ? nil : email, phone: phone.isEmpty ? nil : phone,
                siteID: siteID, startDate: start ?? "")
            r.labourStatus = choice("labour_status", LabourStatus.self)
            r.unemployedMonths = int("unemployed_months", 0...600)
            r.isced = int("isced", 0...8)
            r.disability = choice("disability", SensitiveAnswer.self, aliases: Self.answerAliases)
            r.foreignBackground = choice("foreign_background", SensitiveAnswer.self, aliases: Self.answerAliases)
            r.minority = choice("minority", SensitiveAnswer.self, aliases: Self.answerAliases)
            r.otherDisadvantage = choice("other_disadvantage", SensitiveAnswer.self, aliases: Self.answerAliases)
            r.thirdCountNational = bool("third_country_national")
            r.homeless = bool("homeless")
            r.rural = bool("rural")
            r.exitDate = date("exit_date")
            // A project's own category (by its name) counts as the standard one it maps to.
            if let own = ownOutcomes[value("service_outcome").lowercased()] {
                r.serviceOutcome = own.mapsTo; r.projectOutcomeID = own.id
            } else {
                r.serviceOutcome = choice("service_outcome", ServiceOutcome.self)
            }
            r.exitSituation = choice("exit_situation", SituationOnLeaving.self)
            r.exitSituationDate = date("exit_situation_date")
            r.qualificationGained = bool("qualification_gained")
            r.followUpDate = date("followup_date")
            r.followUpEmployed = bool("followup_employed")
            let improvements = value("followup_improvements").split(whereSeparator: { $0 == "," || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
            if improvements.contains(where: { Improvement(rawValue: $0) == nil }) { fail("followup_improvements", "import.unknown_value") }
            r.followUpImprovements = improvements.isEmpty ? nil : improvements.joined(separator: ",")
            if let b = birth, let s = start, s < b { fail("start_date", "import.start_before_birth") }
            if let x = r.exitDate, let s = start, x < s { fail("exit_date", "error.before_start") }
            if r.exitDate == nil && (r.serviceOutcome != nil || r.exitSituation != nil || r.followUpDate != nil || r.followUpEmployed != nil) {
                fail("exit_date", "error.exit_date_needed")
            }
            return problems.isEmpty ? r : nil
        }

        static let answerAliases = ["kyllä": "yes", "kylla": "yes", "ei": "no", "ei halua vastata": "declined", "kieltäytyi": "declined"]
    }
}
