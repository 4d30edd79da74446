import Foundation
import VaporCSQLite

/// A SQLite file opened directly, for backup and restore: they work on whole files, outside the
/// application's connections.
final class SQLiteFile {
    private var handle: OpaquePointer?
    let path: String

    init(path: String, readOnly: Bool) throws {
        self.path = path
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            throw BackupError.unreadable(path, message)
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
    }

    deinit { sqlite_nio_sqlite3_close(handle) }

    func exec(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite_nio_sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite_nio_sqlite3_free(message)
            throw BackupError.failed(text)
        }
    }

    /// The first column of the first row, as text (nil when there is no row).
    func scalar(_ sql: String, bind text: String? = nil) throws -> String? {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BackupError.failed(String(cString: sqlite_nio_sqlite3_errmsg(handle)))
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        if let text { sqlite_nio_sqlite3_bind_text(statement, 1, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)) }
        switch sqlite_nio_sqlite3_step(statement) {
        case SQLITE_ROW: return sqlite_nio_sqlite3_column_text(statement, 0).map { String(cString: $0) }
        case SQLITE_DONE: return nil
        default: throw BackupError.failed(String(cString: sqlite_nio_sqlite3_errmsg(handle)))
        }
    }

    func hasTable(_ name: String) throws -> Bool {
        try scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", bind: name) != nil
    }

    /// Copies every page of `source` into this file, replacing what it held (SQLite's online backup).
    func replace(with source: SQLiteFile) throws {
        guard let backup = sqlite_nio_sqlite3_backup_init(handle, "main", source.handle, "main") else {
            throw BackupError.failed(String(cString: sqlite_nio_sqlite3_errmsg(handle)))
        }
        let step = sqlite_nio_sqlite3_backup_step(backup, -1)
        let finish = sqlite_nio_sqlite3_backup_finish(backup)
        guard step == SQLITE_DONE, finish == SQLITE_OK else {
            throw BackupError.failed(String(cString: sqlite_nio_sqlite3_errmsg(handle)))
        }
    }
}
