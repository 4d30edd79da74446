import Foundation
import Vapor

/// Everything that differs between a developer's laptop, a test and a deployment.
/// Built from the command line and the environment by the `polku` executable; tests build their own.
public struct Settings: Sendable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var database: Database
    /// Set cookies with `Secure`: true when Polku is served over TLS (directly or behind a proxy).
    public var secureCookies: Bool
    /// Failed logins before each further attempt is slowed, and before the key must wait a while.
    /// The keys are one account from one address, and one address (OWASP's guidance): nobody can
    /// lock a coach out from elsewhere, and the right password from an address that has not failed
    /// always works.
    public var loginSlowAfter: Int = 3
    public var loginLockAfter: Int = 10
    /// An address that fails this often (across accounts) waits too: a password spray.
    public var loginAddressLockAfter: Int = 50
    /// How long failures are remembered, and the longest wait.
    public var loginLockSeconds: Int = 15 * 60
    /// The first wait after `loginLockAfter`; it doubles with each further failure.
    public var loginFirstWaitSeconds: Int = 30
    /// The bearer token that opens `/metrics` (`POLKU_METRICS_TOKEN`); without it `/metrics` is 404.
    public var metricsToken: String? = nil
    /// The pause per failed attempt past `loginSlowAfter`; tests set it to zero to stay fast.
    public var loginDelayMilliseconds: Int = 500
    /// SQLite's `synchronous` in WAL mode: "normal" (no acknowledged write lost when the process is
    /// killed) or "full" (none lost on power loss either, at an fsync per commit). `POLKU_SQLITE_SYNCHRONOUS`.
    public var sqliteSynchronous: String = "normal"
    /// How long a write waits for SQLite's lock before the request is answered 503 (busy).
    public var sqliteBusyMilliseconds: Int = 5_000
    /// SQLite: past this many 4 KB frames the WAL is copied once more between two writes, so the
    /// next starts it over (`SQLiteReads.startCheckpoints`): 16 MB. Tests set less to stay fast.
    public var sqliteWALFrames: Int = 4_096
    /// How long a request waits for a PostgreSQL connection from the pool before it is answered 503.
    public var postgresWaitMilliseconds: Int = 10_000
    /// Run due jobs in this process (`polku serve` does; tests run them with `Jobs.runDue`), looking
    /// for them every `jobPollSeconds`.
    public var runJobs: Bool = false
    public var jobPollSeconds: Double = 5
    /// This deployment has been set up (`POLKU_INITIALISED=1`): a database without users is then a
    /// wrong path, a wrong URL or a lost file, and Polku refuses to start on it instead of serving an
    /// empty service.
    public var initialised: Bool = false
    /// Run migrations at start (the server does; `polku migrate` does it explicitly).
    public var autoMigrate: Bool = true
    /// Log one JSON object per line (production) or readable text (development).
    public var jsonLogs: Bool = false
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    public var trustForwardedFor: Bool = false
    /// The proxies whose `X-Forwarded-For` is believed (`POLKU_TRUSTED_PROXIES`, comma-separated);
    /// loopback by default, where nginx runs on the same host.
    public var trustedProxies: Set<String> = ["127.0.0.1", "::1"]
    /// The address people reach Polku at, such as `https://polku.example.fi` (`POLKU_PUBLIC_URL`),
    /// for links given on paper (an invitation); without it the request's own host is used.
    public var publicURL: String? = nil
    /// How long a stopping server (SIGTERM, SIGINT) lets the requests it accepted finish before it
    /// exits anyway (`POLKU_SHUTDOWN_SECONDS`). Keep it below the supervisor's own stop timeout
    /// (systemd's `TimeoutStopSec`, 90 s by default; Docker's `--stop-timeout`, 10 s).
    public var shutdownSeconds: Int = 8
    /// A streaming replica of the PostgreSQL database (`DATABASE_REPLICA_URL`) for the reports and
    /// the public pages (issue 19); nil: everything reads the primary.
    public var replicaURL: String? = nil
    /// How far behind the replica may be and still be read (`POLKU_REPLICA_MAX_LAG`, seconds).
    public var replicaMaxLag: TimeInterval = 30
    /// How many months of audit events are kept (`POLKU_AUDIT_KEEP_MONTHS`); nil keeps all. Older
    /// months are dropped whole on PostgreSQL (`AuditPartitions`).
    public var auditKeepMonths: Int? = nil
    /// PostgreSQL's hot reads (a page's reads, the identity read, the guards' checks) as named
    /// prepared statements kept by each connection (`POLKU_PG_PREPARED`, on). Off behind a pooler
    /// that cannot keep them across transactions (PgBouncer before 1.21 in transaction pooling):
    /// the reads are then PL/pgSQL functions, whose plans the server connections keep.
    public var postgresPrepared: Bool = true
    /// bcrypt's cost; 12 in production, lower in tests only so that they stay fast.
    public var bcryptCost: Int = 12

    public init(database: Database, secureCookies: Bool = false) {
        self.database = database
        self.secureCookies = secureCookies
    }

    /// `DATABASE_URL` if it is a PostgreSQL URL, else the SQLite file `polku.sqlite` in the working directory.
    public static func database(from url: String?, sqlitePath: String = "polku.sqlite") throws -> Database {
        guard let url, !url.isEmpty else { return .sqlite(path: sqlitePath) }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url) }
        if url.hasPrefix("sqlite://") { return .sqlite(path: String(url.dropFirst("sqlite://".count))) }
        throw SettingsError.unsupportedDatabaseURL(url)
    }
}

public enum SettingsError: Error, CustomStringConvertible {
    case unsupportedDatabaseURL(String)
    public var description: String {
        switch self {
        case .unsupportedDatabaseURL: "DATABASE_URL must start with postgres:// or sqlite://"
        }
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    public var settings: Settings {
        get { storage[SettingsKey.self] ?? Settings(database: .sqliteMemory) }
        set { storage[SettingsKey.self] = newValue }
    }
}
