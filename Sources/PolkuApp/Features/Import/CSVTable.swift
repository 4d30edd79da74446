import Foundation
import SQLKit

/// A spreadsheet saved as CSV: UTF-8 with or without a byte-order mark, separated by commas or
/// semicolons (Finnish Excel writes semicolons), fields quoted as RFC 4180 has it.
///
/// Read a piece at a time (`CSVTable.read`), so that a 60 MB upload is never whole in memory
/// (issue 13): bytes go through a small state machine and each field becomes a `String` when it
/// ends. `parse` collects the rows for the small files that can be held whole (the directory's).
struct CSVTable {
    struct Row { let line: Int; let fields: [String: String] }

    let header: [String]
    let rows: [Row]
    /// Rows that could not be read as rows (wrong number of columns); reported with the others.
    let problems: [Problem]

    struct Problem: Error, Equatable { let line: Int; let message: String }

    /// Where the bytes come from: an uploaded file on disk, or bytes in memory.
    enum Source {
        case data(Data)
        case file(URL)
        /// A file kept in the database (`StoredFiles`), read a part at a time on `db`.
        case stored(UUID, on: any SQLDatabase)

        /// The same file read through another connection: a transaction's, whose own writes it
        /// must not wait for.
        func reading(on db: any SQLDatabase) -> Source {
            if case .stored(let id, _) = self { return .stored(id, on: db) }
            return self
        }
    }

    static func parse(_ data: Data) throws -> CSVTable {
        var rows = Rows()
        let results = try rows.take(data) + rows.finish()
        return CSVTable(
            header: try rows.requireHeader(), rows: results.compactMap { try? $0.get() },
            problems: results.compactMap { if case .failure(let p) = $0 { p } else { nil } })
    }

    /// Reads `source` a piece at a time and hands each data row (or the problem that kept it from
    /// being one) to `body`, in order; returns the header (lower-cased, trimmed). Throws for a file
    /// that cannot be read at all: not UTF-8, an unclosed quote, no header.
    @discardableResult
    static func read(_ source: Source, pieces: Int = 256 * 1024, _ body: (Result<Row, Problem>) async throws -> Void) async throws -> [String] {
        var rows = Rows()
        switch source {
        case .data(let data):
            for r in try rows.take(data) { try await body(r) }
        case .file(let url):
            guard let handle = try? FileHandle(forReadingFrom: url) else { throw Problem(line: 0, message: "import.empty") }
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: pieces), !chunk.isEmpty {
                for r in try rows.take(chunk) { try await body(r) }
            }
        case .stored(let id, let db):
            var n = 0
            while let part = try await StoredFiles.part(n, of: id, on: db) {
                try Task.checkCancellation()
                n += 1
                for r in try rows.take(part) { try await body(r) }
            }
        }
        for r in try rows.finish() { try await body(r) }
        return try rows.requireHeader()
    }

    /// Records into rows: the first record is the header, each later one a row of as many fields.
    private struct Rows {
        var header: [String]? = nil
        var machine = CSVMachine()

        mutating func take(_ chunk: Data) throws -> [Result<Row, Problem>] {
            var records: [(Int, [String])] = []
            try machine.feed(chunk) { records.append(($0, $1)) }
            return records.compactMap { row($0) }
        }

        mutating func finish() throws -> [Result<Row, Problem>] {
            var records: [(Int, [String])] = []
            try machine.finish { records.append(($0, $1)) }
            return records.compactMap { row($0) }
        }

        func requireHeader() throws -> [String] {
            guard let header else { throw Problem(line: 0, message: "import.empty") }
            return header
        }

        private mutating func row(_ record: (line: Int, fields: [String])) -> Result<Row, Problem>? {
            guard let h = header else {
                header = record.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                return nil
            }
            guard record.fields.count == h.count else {
                return .failure(Problem(line: record.line, message: "import.column_count:\(record.fields.count)"))
            }
            var dict: [String: String] = [:]
            for (k, v) in zip(h, record.fields) { dict[k] = v.trimmingCharacters(in: .whitespaces) }
            return .success(Row(line: record.line, fields: dict))
        }
    }
}

/// The byte-level reader behind `CSVTable.read`. Separators, quotes and line ends are ASCII, so the
/// bytes of UTF-8 text between them are kept as they are and checked when a field ends.
private struct CSVMachine {
    private var started = false
    private var firstLine: [UInt8] = []
    private var separator: UInt8 = UInt8(ascii: ",")
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var inQuotes = false
    /// A quote inside quotes: the next byte decides whether it was a doubled quote or the end.
    private var quotePending = false
    private var afterCR = false
    private var line = 1
    private var recordLine = 1

    mutating func feed(_ chunk: Data, _ emit: (Int, [String]) -> Void) throws {
        guard started else {
            // The separator is decided by the header line, so bytes wait until it is whole.
            firstLine += chunk
            if firstLine.contains(0x0A) || firstLine.contains(0x0D) { try start(emit) }
            return
        }
        for b in chunk { try step(b, emit) }
    }

    mutating func finish(_ emit: (Int, [String]) -> Void) throws {
        if !started { try start(emit) }
        if quotePending { quotePending = false; inQuotes = false }
        if inQuotes { throw CSVTable.Problem(line: recordLine, message: "import.unclosed_quote") }
        if !field.isEmpty || !fields.isEmpty { try endRecord(emit) }
    }

    private mutating func start(_ emit: (Int, [String]) -> Void) throws {
        started = true
        var bytes = firstLine
        firstLine = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let header = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        let semicolons = header.filter { $0 == UInt8(ascii: ";") }.count, commas = header.filter { $0 == UInt8(ascii: ",") }.count
        separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
        for b in bytes { try step(b, emit) }
    }

    private mutating func step(_ b: UInt8, _ emit: (Int, [String]) -> Void) throws {
        let wasCR = afterCR
        afterCR = false
        if quotePending {
            quotePending = false
            if b == UInt8(ascii: "\"") { field.append(b); return }
            inQuotes = false
        }
        if inQuotes {
            if b == UInt8(ascii: "\"") { quotePending = true; return }
            if b == 0x0A && !wasCR { line += 1 }
            if b == 0x0D { line += 1; afterCR = true }
            field.append(b)
            return
        }
        switch b {
        case UInt8(ascii: "\"") where field.isEmpty:
            inQuotes = true
        case separator:
            try endField()
        case 0x0A where wasCR:
            break  // the second half of a CRLF that already ended the record
        case 0x0A, 0x0D:
            try endRecord(emit)
            line += 1
            recordLine = line
            afterCR = b == 0x0D
        default:
            field.append(b)
        }
    }

    private mutating func endField() throws {
        guard let text = String(validating: field, as: UTF8.self) else { throw CSVTable.Problem(line: 0, message: "import.not_utf8") }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ emit: (Int, [String]) -> Void) throws {
        try endField()
        if !(fields.count == 1 && fields[0].isEmpty) { emit(recordLine, fields) }
        fields.removeAll(keepingCapacity: true)
    }
}
