import NIOCore
import Vapor

/// The database pool's configured size: connections per event loop times event loops (PostgreSQL);
/// SQLite uses one connection per event loop.
enum DatabasePool {
    static let connectionsPerEventLoop = 4

    static func maxConnections(_ app: Application) -> Int {
        let loops = System.coreCount
        switch app.settings.database {
        case .postgres: return connectionsPerEventLoop * loops
        default: return loops
        }
    }
}
