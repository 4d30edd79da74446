import Foundation

/// A small spreadsheet saved as CSV (a financing plan, a list of earlier steps): the separator
/// decided from the header (`;`, tab or `,`), a byte-order mark and quotes around cells dropped,
/// columns found by any of their names in Finnish, Swedish or English. Cells do not hold the
/// separator or line breaks; the participant import has its own reader for files that do.
public struct DelimitedTable: Sendable {
    /// One problem of a refused file: its line (the header is 1), its column, and a message key.
    public struct Problem: Equatable, Sendable {
        public let line: Int
        public let column: String
        public let code: String
        public init(line: Int, column: String, code: String) { self.line = line; self.column = column; self.code = code }
    }

    /// Every problem of a refused file: all or nothing.
    public struct Problems: Error, Equatable, Sendable {
        public let all: [Problem]
        public init(all: [Problem]) { self.all = all }
    }

    /// Lowercased header cells.
    public let header: [String]
    /// Each non-empty line after the header with its number in the file (the header is line 1).
    public let rows: [(line: Int, cells: [String])]

    public init?(_ text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let first = lines.first, !first.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let head = first.hasPrefix("\u{FEFF}") ? String(first.dropFirst()) : first
        let separator: Character = head.contains(";") ? ";" : (head.contains("\t") ? "\t" : ",")
        func cells(_ line: String) -> [String] {
            line.split(separator: separator, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        header = cells(head).map { $0.lowercased() }
        rows = lines.enumerated().dropFirst().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }.map { ($0.offset + 1, cells($0.element)) }
    }

    /// Column → its index, for the columns whose any alias is in the header.
    public func columns(_ aliases: [String: [String]]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (column, names) in aliases { if let i = header.firstIndex(where: names.contains) { index[column] = i } }
        return index
    }
}
