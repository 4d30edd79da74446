import AsyncKit
import FluentKit
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO
import Vapor

/// Errors that mean "the database cannot be reached right now", not "this request is wrong" (issue 13).
///
/// PostgreSQL stopped or restarting, a pool that cannot get a connection, SQLite locked past its busy
/// timeout or its file unreadable: each is answered 503 with `Retry-After` and a page that keeps what
/// was typed, instead of a 500 (which is a bug in Polku). The pools reconnect by themselves once the
/// database is back.
enum DatabaseOutage {
    /// Seconds a client is asked to wait before trying again.
    static let retryAfterSeconds = 5

    static func isOutage(_ error: any Error) -> Bool {
        switch error {
        case let e as PSQLError:
            switch e.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
                return true
            case .server:
                return e.serverInfo?[.sqlState].map(isOutageState) ?? false
            default:
                return false
            }
        case let e as SQLiteError:
            // The driver keeps its codes internal; its reasons are named after them (`busyTimeout`, `ioErrorFailedSync`).
            let reason = String(describing: e.reason)
            return ["busy", "locked", "ioError", "full", "cantOpen"].contains { reason.hasPrefix($0) }
        case let e as SQLiteReadError:
            return isOutageCode(e.code)
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is NIOConnectionError:
            return true
        case let e as ChannelError:
            switch e {
            case .connectTimeout, .ioOnClosedChannel, .alreadyClosed, .eof: return true
            default: return false
            }
        case let e as IOError:
            return [ECONNREFUSED, ECONNRESET, ECONNABORTED, EPIPE, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH].contains(e.errnoCode)
        default:
            return false
        }
    }

    /// SQLSTATE classes 08 (connection exception) and 57 (operator intervention: the server is
    /// shutting down or starting up), and 53300 (too many connections).
    static func isOutageState(_ state: String) -> Bool {
        state.hasPrefix("08") || state.hasPrefix("57") || state == "53300"
    }

    /// SQLite's primary result codes BUSY (5), LOCKED (6), IOERR (10), FULL (13), CANTOPEN (14):
    /// extended codes keep the primary code in their low byte.
    static func isOutageCode(_ code: Int32) -> Bool {
        [5, 6, 10, 13, 14].contains(code & 0xff)
    }
}

extension Database {
    /// A transaction run once more when SQLite refused it as busy. Two transactions that each read
    /// and then write cannot both take the write lock: SQLite refuses the second at once, without its
    /// busy timeout (two workers enrolling one person at the same moment got a 503). Nothing of the
    /// refused one was written, so running it again is safe; it then sees the other's row.
    func transactionRetryingBusy<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        do {
            return try await writeTransaction(body)
        } catch let error as SQLiteError where DatabaseOutage.isOutage(error) && String(describing: error.reason).hasPrefix("busy") {
            return try await writeTransaction(body)
        }
    }
}
