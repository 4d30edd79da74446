import Fluent
import Foundation
@testable import PolkuApp
import SQLKit
import Vapor

/// The two databases every database test runs on. PostgreSQL is real: `.ci/run` (and `scripts/test`)
/// start it and export `DATABASE_URL`; without it, PostgreSQL tests fail with a message saying so.
public enum TestDatabase: String, CaseIterable, Sendable {
    case sqlite, postgres
}

/// Creates one migrated template database per test process and clones it for each test
/// (`CREATE DATABASE … TEMPLATE …`), as Swift Package Index's tests do: migrations run once.
actor PostgresDatabases {
    static let shared = PostgresDatabases()

    // Tasks, not values: an actor is re-entrant at each `await`, and two tests must not both
    // create the admin connection or the template.
    private var admin: Task<Application, any Error>?
    private var template: Task<String, any Error>?
    private var baseURL: String?

    func adminURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else {
            throw TestSetupError("DATABASE_URL is not set to a postgres:// URL: run the tests with scripts/test (it starts PostgreSQL).")
        }
        return url
    }

    private func adminApp() async throws -> Application {
        if let admin { return try await admin.value }
        let url = try adminURL()
        baseURL = url
        let task = Task {
            let app = try await Application.make(.testing)
            var config = try SQLPostgresConfigurationShim.make(url)
            config.searchPath = nil
            // Every test in the process waits here for its clone at start: a long wait is a queue, not a deadlock.
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(180)), as: .psql)
            return app
        }
        admin = task
        return try await task.value
    }

    private func sql() async throws -> any SQLDatabase {
        try await adminApp().db as! any SQLDatabase
    }

    /// A fresh, migrated database; returns its URL.
    func clone() async throws -> (name: String, url: String) {
        let template = try await templateName()
        let name = "polku_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await sql().raw(SQLQueryString("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: template)")).run()
        return (name, url(for: name))
    }

    /// `WITH (FORCE)` ends other sessions on the database, but not an autovacuum worker, which runs as
    /// the superuser: the drop is then refused ("must be a member of the role whose process is being
    /// terminated"). The worker is done within moments on a test database, so the drop is tried again.
    func drop(_ name: String) async throws {
        for attempt in 1...10 {
            do {
                try await sql().raw(SQLQueryString("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)")).run()
                return
            } catch  where attempt < 10 {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private func url(for database: String) -> String {
        var components = URLComponents(string: baseURL!)!
        components.path = SiteURL.home.relativeURL() + database
        return components.string!
    }

    private func templateName() async throws -> String {
        if let template { return try await template.value }
        let task = Task { try await makeTemplate() }
        template = task
        return try await task.value
    }

    private func makeTemplate() async throws -> String {
        let name = "polku_tpl_\(ProcessInfo.processInfo.processIdentifier)"
        try await sql().raw(SQLQueryString("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)")).run()
        try await sql().raw(SQLQueryString("CREATE DATABASE \(unsafeRaw: name)")).run()
        let app = try await Application.make(.testing)
        do {
            var settings = Settings(database: .postgres(url: url(for: name)))
            settings.bcryptCost = 4
            try await configure(app, settings: settings)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return name
    }
}

import FluentPostgresDriver
enum SQLPostgresConfigurationShim {
    static func make(_ url: String) throws -> SQLPostgresConfiguration { try SQLPostgresConfiguration(url: url) }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// Settings for tests: fast bcrypt and no login delay, unless a test asks for them.
public func testSettings(_ database: Settings.Database) -> Settings {
    var s = Settings(database: database)
    s.bcryptCost = 4
    s.loginDelayMilliseconds = 0
    // The suite runs hundreds of tests at once on two cores: a save may wait for SQLite's one writer
    // longer than production's 5 s and be refused 503, which is not what a concurrency test checks.
    // Tests of that refusal set their own (DatabaseOutageTests: 100 ms).
    s.sqliteBusyMilliseconds = 30_000
    // So may a request wait for a PostgreSQL connection: in CI twenty page views at once beside the
    // whole suite waited past production's 10 s and were answered 503 (RequestPathTests).
    s.postgresWaitMilliseconds = 60_000
    return s
}

/// At most this many PostgreSQL tests at once. Swift Testing starts every test together; each
/// Polku may open eight connections, and the server takes 300 (`scripts/postgres`): with 308 tests
/// it ran out ("remaining connection slots are reserved") and a busy test's pool timed out.
actor PostgresSlots {
    static let shared = PostgresSlots(limit: 24)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func take() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// Runs `body` with a configured, migrated Polku on a database of its own, and cleans up even on error.
/// swift-metrics can be bootstrapped once per process; the tests share one Prometheus registry.
private let metricsBootstrap: Void = MetricsRegistry.bootstrap()

public func withPolku(
    _ db: TestDatabase, adjust: (inout Settings) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    _ = metricsBootstrap
    let database: Settings.Database
    var cleanup: () async throws -> Void
    switch db {
    case .sqlite:
        // A directory per test: the database and what Polku keeps beside it (stored files).
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("polku-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = .sqlite(path: directory.appendingPathComponent("polku.sqlite").path)
        cleanup = { try? FileManager.default.removeItem(at: directory) }
    case .postgres:
        await PostgresSlots.shared.take()
        let name: String, url: String
        do { (name, url) = try await PostgresDatabases.shared.clone() } catch {
            await PostgresSlots.shared.give()
            throw error
        }
        database = .postgres(url: url)
        cleanup = {
            defer { Task { await PostgresSlots.shared.give() } }
            try await PostgresDatabases.shared.drop(name)
        }
    }
    var settings = testSettings(database)
    adjust(&settings)
    let app = try await Application.make(.testing)
    do {
        try await configure(app, settings: settings)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? await cleanup()
        throw error
    }
    try await app.asyncShutdown()
    try await cleanup()
}

/// A second Polku process on the same database, for the stateless tests.
public func withSecondPolku(sharing app: Application, _ body: (Application) async throws -> Void) async throws {
    var settings = app.settings
    settings.autoMigrate = false
    let other = try await Application.make(.testing)
    do {
        try await configure(other, settings: settings)
        try await body(other)
    } catch {
        try? await other.asyncShutdown()
        throw error
    }
    try await other.asyncShutdown()
}
