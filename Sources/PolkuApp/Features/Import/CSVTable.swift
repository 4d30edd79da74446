import Foundation

/// A spreadsheet saved as CSV: UTF-8 with or without a byte-order mark, separated by commas or
/// semicolons (Finnish Excel writes semicolons), fields quoted as RFC 4180 has it.
struct CSVTable {
    struct Row { let line: Int; let fields: [String: String] }

    let header: [String]
    let rows: [Row]
    /// Rows that could not be read as rows (wrong number of columns); reported with the others.
    let problems: [Problem]

    struct Problem: Error, Equatable { let line: Int; let message: String }

    static func parse(_ data: Data) throws -> CSVTable {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw Problem(line: 0, message: "import.not_utf8")
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var records: [(line: Int, fields: [String])] = []
        var field = "", fields: [String] = [], inQuotes = false, line = 1, recordLine = 1
        var chars = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            fields.append(field); field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true
            case separator: fields.append(field); field = ""
            case "\n", "\r\n", "\r": endRecord(); line += 1; recordLine = line
            default: field.append(c)
            }
        }
        if inQuotes { throw Problem(line: recordLine, message: "import.unclosed_quote") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let head = records.first else { throw Problem(line: 0, message: "import.empty") }
        let header = head.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var rows: [Row] = []
        var problems: [Problem] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                problems.append(Problem(line: record.line, message: "import.column_count:\(record.fields.count)"))
                continue
            }
            var dict: [String: String] = [:]
            for (k, v) in zip(header, record.fields) { dict[k] = v.trimmingCharacters(in: .whitespaces) }
            rows.append(Row(line: record.line, fields: dict))
        }
        return CSVTable(header: header, rows: rows, problems: problems)
    }
}
