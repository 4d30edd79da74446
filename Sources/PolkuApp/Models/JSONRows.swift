import Foundation
import PolkuCore
import SQLKit

/// Rows that PostgreSQL sent as one JSON array (`json_agg`), read as `SQLRow`s so that the code
/// that decodes a query's rows does not change when the query rides in a `ReadBatch`.
///
/// PostgreSQL writes JSON in a narrow form (no comments, no trailing commas, numbers as written), so
/// this reads exactly that and nothing more; anything else is an error, not a guess.
enum JSONRows {
    /// The rows of a `json_agg` of a query's rows: an array of objects.
    static func parse(_ text: String) throws -> [JSONRow] {
        var reader = JSONReader(bytes: Array(text.utf8))
        guard case .array(let values) = try reader.value(), reader.atEnd else { throw JSONRowError.notRows }
        return try values.map {
            guard case .object(let fields) = $0 else { throw JSONRowError.notRows }
            return JSONRow(fields: fields)
        }
    }

    /// A `timestamptz` as PostgreSQL writes it in JSON: `2026-12-06T18:19:33.123456+00:00` (the
    /// fraction and the offset's minutes may be missing). Read by hand: a page has dozens of these.
    static func timestamp(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from..<(from + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard b.count >= 19, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32, b[13] == 58, b[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 46 {
            var scale = 0.1
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        var offset = 0
        if i < b.count, b[i] == 43 || b[i] == 45 {
            guard let h = number(i + 1, 2) else { return nil }
            offset = h * 3600
            if i + 3 < b.count, b[i + 3] == 58, let m = number(i + 4, 2) { offset += m * 60 }
            if b[i] == 45 { offset = -offset }
        } else if i < b.count, b[i] != 90 {
            return nil
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

enum JSONRowError: Error, CustomStringConvertible {
    case notRows
    case malformed(at: Int)
    case cannotDecode(column: String, as: String)

    var description: String {
        switch self {
        case .notRows: "a batched read did not answer with an array of rows"
        case .malformed(let at): "a batched read's JSON is malformed at byte \(at)"
        case .cannotDecode(let column, let type): "a batched read's column \(column) is not a \(type)"
        }
    }
}

/// One value of PostgreSQL's JSON; a number keeps its text, so an integer is read exactly.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// One row of a batched read.
struct JSONRow: SQLRow {
    let fields: [String: JSONValue]

    var allColumns: [String] { Array(fields.keys) }
    func contains(column: String) -> Bool { fields[column] != nil }
    func decodeNil(column: String) throws -> Bool { (fields[column] ?? .null) == .null }

    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        try JSONCellDecoder(value: fields[column] ?? .null, column: column).decode(D.self)
    }
}
