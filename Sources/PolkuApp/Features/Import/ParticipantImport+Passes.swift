import Foundation
import PolkuCore

extension ParticipantImport {
    /// The first pass over a file: every row is checked, and only what the second pass needs is
    /// kept — each key's number of rows, and whether its rows name one person — never the rows
    /// themselves, so a 60 MB file is not held in memory (issue 13).
    struct FileCheck {
        /// 24 bytes: a 60 MB file has 532,710 keys, and the first layout (a `String` date, `Int`s)
        /// took about 17 MB more of the server's memory.
        struct Key {
            /// Who the key's first row names, as a hash: a later row naming someone else is an error.
            var person: Int
            var rows: UInt32 = 0
            /// The row with the latest entry (its date as yyyymmdd), where a conflict is reported
            /// (as the merge sees it).
            var latestStart: UInt32
            var latestLine: UInt32
            var otherPerson = false

            init(person: Int, start: String, line: Int) {
                self.person = person; rows = 1; latestStart = Self.day(start); latestLine = UInt32(clamping: line)
            }

            static func day(_ iso: String) -> UInt32 { UInt32(iso.filter(\.isNumber)) ?? 0 }
        }

        let sites: [String: UUID]
        let ownOutcomes: [String: ProjectOutcomeChoice]
        let today: CalendarDate
        private(set) var keys: [String: Key] = [:]
        private(set) var problems: [Problem] = []
        private(set) var rows = 0

        init(sites: [String: UUID], ownOutcomes: [String: ProjectOutcomeChoice], today: CalendarDate) {
            self.sites = sites; self.ownOutcomes = ownOutcomes; self.today = today
        }

        mutating func take(_ row: Result<CSVTable.Row, CSVTable.Problem>) {
            rows += 1
            switch row {
            case .failure(let p):
                problems.append(Problem(line: p.line, column: nil, message: p.message))
            case .success(let row):
                var reader = RowReader(row: row, today: today)
                if let r = reader.record(sites: sites, ownOutcomes: ownOutcomes) { count(r) }
                problems += reader.problems
            }
        }

        private mutating func count(_ r: Record) {
            let person = "\(r.firstName)|\(r.lastName)|\(r.birthDate)".hashValue
            guard var key = keys[r.key] else {
                keys[r.key] = Key(person: person, start: r.startDate, line: r.line)
                return
            }
            key.rows += 1
            if person != key.person { key.otherPerson = true }
            let start = Key.day(r.startDate)
            if start >= key.latestStart { key.latestStart = start; key.latestLine = UInt32(clamping: r.line) }
            keys[r.key] = key
        }

        /// Every problem of the file, by line; the header's own problems first decide.
        func allProblems(header: [String]) -> [Problem] {
            let missing = required.filter { !header.contains($0) }
            if !missing.isEmpty { return [Problem(line: 1, column: missing.joined(separator: ", "), message: "import.missing_columns")] }
            var all = problems
            let unknown = header.filter { !columns.contains($0) }
            if !unknown.isEmpty { all.append(Problem(line: 1, column: unknown.joined(separator: ", "), message: "import.unknown_columns")) }
            for key in keys.values where key.otherPerson {
                all.append(Problem(line: Int(key.latestLine), column: "participant_id", message: "import.same_id_other_person"))
            }
            return all.sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        }
    }

    /// The second pass: rows become records again (the file was found right), and a person with
    /// several rows is held until the last of them is read and then merged. Full chunks are handed
    /// to `write`.
    struct RecordStream {
        let check: FileCheck
        private var waiting: [String: [Record]] = [:]
        private(set) var chunk: [Record] = []

        init(check: FileCheck) { self.check = check }

        mutating func take(_ row: CSVTable.Row) {
            var reader = RowReader(row: row, today: check.today)
            guard let r = reader.record(sites: check.sites, ownOutcomes: check.ownOutcomes) else { return }
            let expected = Int(check.keys[r.key]?.rows ?? 1)
            if expected == 1 { chunk.append(r); return }
            var rows = waiting[r.key, default: []]
            rows.append(r)
            if rows.count == expected {
                waiting[r.key] = nil
                chunk.append(merged(rows))
            } else {
                waiting[r.key] = rows
            }
        }

        /// The records gathered so far, handed over once.
        mutating func takeChunk() -> [Record] {
            defer { chunk = [] }
            return chunk
        }
    }
}
