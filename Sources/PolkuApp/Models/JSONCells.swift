import Foundation

/// Reads the JSON PostgreSQL writes (`JSONRows`), byte by byte.
struct JSONReader {
    let bytes: [UInt8]
    private var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return i == bytes.count
        }
    }

    mutating func value() throws -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw JSONRowError.malformed(at: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        default: return try number()
        }
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
    }

    private mutating func expect(_ byte: Character) throws {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte.asciiValue else { throw JSONRowError.malformed(at: i) }
        i += 1
    }

    /// Whether the next byte (after space) is `byte`; taken if so.
    private mutating func take(_ byte: Character) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte.asciiValue else { return false }
        i += 1
        return true
    }

    private mutating func object() throws -> JSONValue {
        i += 1
        var fields: [String: JSONValue] = [:]
        if take("}") { return .object(fields) }
        repeat {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw JSONRowError.malformed(at: i) }
            let key = try string()
            try expect(":")
            fields[key] = try value()
        } while take(",")
        try expect("}")
        return .object(fields)
    }

    private mutating func array() throws -> JSONValue {
        i += 1
        var values: [JSONValue] = []
        if take("]") { return .array(values) }
        repeat { values.append(try value()) } while take(",")
        try expect("]")
        return .array(values)
    }

    private mutating func word(_ text: String, _ value: JSONValue) throws -> JSONValue {
        let w = Array(text.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw JSONRowError.malformed(at: i) }
        i += w.count
        return value
    }

    private mutating func number() throws -> JSONValue {
        let start = i
        while i < bytes.count, (bytes[i] >= 48 && bytes[i] <= 57) || "-+.eE".utf8.contains(bytes[i]) { i += 1 }
        guard i > start else { throw JSONRowError.malformed(at: i) }
        return .number(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    /// A string at `i` (its opening quote); escapes are rare, so a string without one is copied whole.
    private mutating func string() throws -> String {
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
        guard i < bytes.count else { throw JSONRowError.malformed(at: i) }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { break }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
            default: out.append(e)
            }
        }
        throw JSONRowError.malformed(at: i)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count, let n = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
            throw JSONRowError.malformed(at: i)
        }
        i += 4
        return n
    }
}

/// Decodes one cell of a `JSONRow` as the type its reader asks for: the Swift types Polku's rows
/// use (text, integers, reals, booleans, ids, times) and their optionals.
struct JSONCellDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let column: String

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw mismatch("object") }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch("array") }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    private func mismatch(_ type: String) -> JSONRowError { .cannotDecode(column: column, as: type) }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch("Bool") }
        return b
    }

    func decode(_ type: String.Type) throws -> String {
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        default: throw mismatch("String")
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let n) = value, let d = Double(n) else { throw mismatch("Double") }
        return d
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    private func integer<T: FixedWidthInteger>() throws -> T {
        guard case .number(let n) = value else { throw mismatch("\(T.self)") }
        if let v = T(n) { return v }
        // PostgreSQL writes a whole `numeric` (an AVG, a SUM) as "3.0".
        guard let d = Double(n), d.rounded() == d, let v = T(exactly: d) else { throw mismatch("\(T.self)") }
        return v
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self {
            guard case .string(let s) = value, let date = JSONRows.timestamp(s) else { throw mismatch("Date") }
            return date as! T
        }
        if T.self == UUID.self {
            guard case .string(let s) = value, let id = UUID(text: s) else { throw mismatch("UUID") }
            return id as! T
        }
        if T.self == String.self { return try decode(String.self) as! T }
        return try T(from: self)
    }
}
