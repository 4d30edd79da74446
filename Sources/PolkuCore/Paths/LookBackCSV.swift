/// Earlier steps from a spreadsheet (issue 17): one line per step, the person named by the
/// project's own participant number (as in the participant import). All or nothing: a file with
/// any bad line gives every problem and no lines. Whether each number is a participant of the
/// project is for the caller to say; this reads the file.
public enum LookBackCSV {
    public struct Line: Equatable, Sendable {
        public let line: Int
        public let key: String
        public let kind: LookBack.Kind
        public let what: String
        public let from: CalendarDate
        public let to: CalendarDate?
    }

    static let columns: [String: [String]] = [
        "participant_id": ["participant_id", "tunnus", "osallistujanumero", "deltagarnummer"],
        "kind": ["kind", "laji", "typ"],
        "what": ["what", "mikä", "kuvaus", "vad"],
        "from_date": ["from_date", "from", "alkoi", "alku", "började"],
        "to_date": ["to_date", "to", "päättyi", "loppu", "slutade"],
    ]

    /// The kinds by their code and their Finnish, Swedish and English names.
    static let kindNames: [String: LookBack.Kind] = {
        var names: [String: LookBack.Kind] = [:]
        for k in LookBack.Kind.allCases { names[k.rawValue] = k }
        let more: [(String, LookBack.Kind)] = [
            ("työttömyysjakso", .unemployment), ("työttömyys", .unemployment), ("arbetslöshet", .unemployment),
            ("terveystarkastus", .healthCheck), ("hälsokontroll", .healthCheck), ("kuntoutus", .rehabilitation), ("rehabilitering", .rehabilitation),
            ("koulutus", .education), ("utbildning", .education), ("työ", .work), ("arbete", .work), ("työkokeilu", .workTrial),
            ("arbetsprövning", .workTrial), ("sosiaalipalvelu", .socialService), ("socialtjänst", .socialService), ("muu", .other), ("annat", .other),
        ]
        for (name, kind) in more { names[name] = kind }
        return names
    }()

    public static func parse(_ text: String) -> Result<[Line], DelimitedTable.Problems> {
        let (lines, problems) = read(text)
        return problems.isEmpty ? .success(lines) : .failure(.init(all: problems))
    }

    /// The good lines and the problems of the others, so that a caller checking the lines (the
    /// participant numbers) can list its problems together with the file's.
    public static func read(_ text: String) -> (lines: [Line], problems: [DelimitedTable.Problem]) {
        typealias Problem = DelimitedTable.Problem
        guard let table = DelimitedTable(text) else { return ([], [Problem(line: 1, column: "", code: "empty")]) }
        let index = table.columns(columns)
        let missing = ["participant_id", "kind", "what", "from_date"].filter { index[$0] == nil }
        guard missing.isEmpty else { return ([], missing.map { Problem(line: 1, column: $0, code: "missing_column") }) }
        var out: [Line] = [], problems: [Problem] = []
        for (number, row) in table.rows {
            func cell(_ c: String) -> String { index[c].flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            let before = problems.count
            let key = cell("participant_id"), what = cell("what")
            if key.isEmpty { problems.append(Problem(line: number, column: "participant_id", code: "required")) }
            let kind = kindNames[cell("kind").lowercased()]
            if kind == nil { problems.append(Problem(line: number, column: "kind", code: "kind")) }
            if what.isEmpty || what.count > 500 { problems.append(Problem(line: number, column: "what", code: what.isEmpty ? "required" : "too_long")) }
            let from = CalendarDate(parsing: cell("from_date"))
            if from == nil { problems.append(Problem(line: number, column: "from_date", code: "date")) }
            var to: CalendarDate? = nil
            if !cell("to_date").isEmpty {
                to = CalendarDate(parsing: cell("to_date"))
                if to == nil { problems.append(Problem(line: number, column: "to_date", code: "date")) }
            }
            if let from, let to, to < from { problems.append(Problem(line: number, column: "to_date", code: "order")) }
            if problems.count == before, let kind, let from {
                out.append(Line(line: number, key: key, kind: kind, what: what, from: from, to: to))
            }
        }
        if out.isEmpty && problems.isEmpty { problems.append(Problem(line: 2, column: "", code: "empty")) }
        return (out, problems)
    }
}
