import Foundation
import NIOCore
import PolkuCore
import PostgresNIO

/// Reads a PostgreSQL row's cells in order straight from their bytes, for the reports that read
/// 100,000 rows. postgres-nio's generic `decode` looked up type metadata and checked exclusivity for
/// every cell; at that size the decoding cost more than PostgreSQL's own work (perf, issue 11).
/// Binary and text formats are both read; a type it does not know is an error, never a guess.
struct PostgresCells {
    private var iterator: PostgresRow.Iterator

    init(_ row: PostgresRow) { iterator = row.makeIterator() }

    struct Unexpected: Error, CustomStringConvertible {
        let column: String
        let dataType: PostgresDataType
        var description: String { "cannot read column \(column) of type \(dataType)" }
    }

    private mutating func next() throws -> PostgresCell {
        guard let cell = iterator.next() else { throw Unexpected(column: "(past the last column)", dataType: .null) }
        return cell
    }

    mutating func string() throws -> String? {
        let cell = try next()
        guard let bytes = cell.bytes else { return nil }
        return String(buffer: bytes)
    }

    mutating func uuid() throws -> UUID? {
        let cell = try next()
        guard var bytes = cell.bytes else { return nil }
        if cell.format == .binary, cell.dataType == .uuid, bytes.readableBytes == 16,
            let b = bytes.readBytes(length: 16)
        {
            return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        }
        if let text = bytes.readString(length: bytes.readableBytes), let id = UUID(text: text) { return id }
        throw Unexpected(column: cell.columnName, dataType: cell.dataType)
    }

    mutating func int() throws -> Int? {
        let cell = try next()
        guard var bytes = cell.bytes else { return nil }
        if cell.format == .binary {
            switch cell.dataType {
            case .int2: if let v = bytes.readInteger(as: Int16.self) { return Int(v) }
            case .int4: if let v = bytes.readInteger(as: Int32.self) { return Int(v) }
            case .int8: if let v = bytes.readInteger(as: Int64.self) { return Int(v) }
            default: break
            }
        } else if let text = bytes.readString(length: bytes.readableBytes), let v = Int(text) {
            return v
        }
        throw Unexpected(column: cell.columnName, dataType: cell.dataType)
    }

    mutating func bool() throws -> Bool? {
        let cell = try next()
        guard var bytes = cell.bytes else { return nil }
        if cell.format == .binary, cell.dataType == .bool, let v = bytes.readInteger(as: UInt8.self) { return v != 0 }
        if cell.format == .text, let v = bytes.readString(length: bytes.readableBytes), v == "t" || v == "f" { return v == "t" }
        throw Unexpected(column: cell.columnName, dataType: cell.dataType)
    }
}
