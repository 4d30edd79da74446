import Foundation

/// One cell of a CSV file that people open in a spreadsheet. Quoted when it holds the separator, a
/// quote or a line break; and, by OWASP's rule against CSV injection, a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so that a spreadsheet shows it
/// as text instead of running it as a formula (a provider could otherwise plant `=HYPERLINK(…)`).
public enum CSVField {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func encode(_ value: String, quoting: String = ";\"\n\r,") -> String {
        var s = value
        if let first = s.unicodeScalars.first, formulaStarts.contains(Character(first)) { s = "'" + s }
        guard s.contains(where: { quoting.contains($0) }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Undoes `encode`'s neutralising apostrophe when a file Polku exported is imported again.
    public static func decodeImported(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.dropFirst().unicodeScalars.first,
            formulaStarts.contains(Character(second))
        else { return value }
        return String(value.dropFirst())
    }
}
