import Foundation

/// A financing plan from a spreadsheet saved as CSV: a header row naming the columns (Finnish,
/// Swedish or English: `vuosi;lähde;suunniteltu;toteutunut`), then one line per source and year.
/// All or nothing: a file with any bad row gives every problem and no lines.
public enum FundingCSV {
    public typealias Problem = DelimitedTable.Problem
    public typealias Problems = DelimitedTable.Problems

    static let columns: [String: [String]] = [
        "year": ["year", "vuosi", "år"],
        "source": ["source", "lähde", "rahoituslähde", "källa"],
        "planned": ["planned", "suunniteltu", "myönnetty", "planerat", "beviljat"],
        "realised": ["realised", "realized", "toteutunut", "förverkligat", "utfall"],
    ]

    static let sourceNames: [String: FundingSource] = [
        "eu_state": .euState, "eu ja valtio": .euState, "eu- ja valtion rahoitus": .euState, "eu och staten": .euState, "eu and state": .euState,
        "municipal": .municipal, "kunta": .municipal, "kuntarahoitus": .municipal, "kommun": .municipal, "municipality": .municipal,
        "own": .own, "oma": .own, "omarahoitus": .own, "egen": .own,
        "private": .private, "yksityinen": .private, "privat": .private,
    ]

    public static func parse(_ text: String) -> Result<[FundingLine], Problems> {
        guard let table = DelimitedTable(text) else { return .failure(Problems(all: [Problem(line: 1, column: "", code: "empty")])) }
        let index = table.columns(columns)
        let missing = ["source", "planned"].filter { index[$0] == nil }
        guard missing.isEmpty else { return .failure(Problems(all: missing.map { Problem(line: 1, column: $0, code: "missing_column") })) }

        var out: [FundingLine] = [], problems: [Problem] = [], seen: Set<String> = []
        for (number, row) in table.rows {
            func cell(_ c: String) -> String { index[c].flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            var year: Int? = nil
            if !cell("year").isEmpty {
                if let y = Int(cell("year")), (1990...2100).contains(y) { year = y } else { problems.append(Problem(line: number, column: "year", code: "year")) }
            }
            let source = sourceNames[cell("source").lowercased()]
            if source == nil { problems.append(Problem(line: number, column: "source", code: "source")) }
            let planned = amount(cell("planned"))
            if planned == nil || cell("planned").isEmpty { problems.append(Problem(line: number, column: "planned", code: "amount")) }
            let realisedText = cell("realised")
            let realised = realisedText.isEmpty ? nil : amount(realisedText)
            if !realisedText.isEmpty && realised == nil { problems.append(Problem(line: number, column: "realised", code: "amount")) }
            if let source {
                let key = "\(year.map(String.init) ?? "-")/\(source.rawValue)"
                if !seen.insert(key).inserted { problems.append(Problem(line: number, column: "source", code: "duplicate")) }
            }
            if let source, let planned { out.append(FundingLine(year: year, source: source, planned: planned, realised: realised)) }
        }
        if out.isEmpty && problems.isEmpty { problems.append(Problem(line: 2, column: "", code: "empty")) }
        return problems.isEmpty ? .success(out) : .failure(Problems(all: problems))
    }

    /// Whole euros as spreadsheets write them: "3 361 221", "3361221 €", "3 361 221,00"; never negative.
    public static func amount(_ text: String) -> Int? {
        var s = text.replacingOccurrences(of: "€", with: "").filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        for cents in [",00", ".00", ",0", ".0"] where s.hasSuffix(cents) { s.removeLast(cents.count); break }
        guard !s.isEmpty, s.allSatisfy(\.isASCII), let n = Int(s), n >= 0, n <= 10_000_000_000 else { return nil }
        return n
    }
}
