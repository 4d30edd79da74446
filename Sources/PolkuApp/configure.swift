import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Configures a Polku application. The executable and the tests both call this, with their own settings.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings
    if settings.initialised, case .sqlite(let path) = settings.database, !FileManager.default.fileExists(atPath: path) {
        throw DeploymentError.noDatabase(path)
    }
    // One writer connection per process on SQLite; its queue as patient as SQLite's busy timeout.
    let patience = TimeAmount.milliseconds(Int64(max(1, settings.sqliteBusyMilliseconds)))
    switch settings.database {
    case .sqlite(let path):
        let direct = SQLiteDirectWriter(
            path: path, pragmas: SQLiteTuning.pragmas(synchronous: settings.sqliteSynchronous, busyMilliseconds: settings.sqliteBusyMilliseconds))
        app.databases.use(.oneWriter(.sqlite(.file(path), connectionPoolTimeout: patience), direct: direct), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.oneWriter(.sqlite(.memory, connectionPoolTimeout: patience)), as: .sqlite)
    case .postgres(let url):
        var config = try SQLPostgresConfiguration(url: url)
        config.searchPath = nil
        let wait = TimeAmount.milliseconds(Int64(max(1, settings.postgresWaitMilliseconds)))
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: DatabasePool.connectionsPerEventLoop, connectionPoolTimeout: wait), as: .psql)
        if let replica = settings.replicaURL { try app.useReplica(url: replica) }
    }

    Migrations.register(on: app)
    app.auditBatch = AuditBatch(database: { [unowned app] in app.db }, prepared: settings.postgresPrepared)
    app.reportGate = ReportGate(permits: System.coreCount, patience: .seconds(20))
    app.reportFlights = ReportFlights()

    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.sessions.use(.fluent)
    let fluentSessions = app.sessions.driver
    app.sessions.use { _ in QuietSessions(base: fluentSessions) }
    app.sessions.configuration.cookieName = "polku_session"
    let secure = settings.secureCookies
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(
            string: id.string, expires: nil, maxAge: nil, domain: nil, path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    let inFlight = InFlightRequests()
    app.inFlight = inFlight
    app.middleware.use(InFlightMiddleware(requests: inFlight))
    app.middleware.use(RequestMetricsMiddleware())
    app.middleware.use(SecurityHeaders(hsts: settings.secureCookies))
    app.middleware.use(ErrorPageMiddleware())
    if app.replica != nil { app.middleware.use(LastWrite()) }
    app.middleware.use(PageStack(middlewares: [app.sessions.middleware, LanguageMiddleware(), CurrentUserMiddleware(), CSRFMiddleware(), FlashMiddleware(), FormOnceMiddleware()]))
    app.routes.defaultMaxBodySize = "1mb"

    _ = app.publicPages
    try routes(app)
    app.methodIndex = MethodIndex(app.routes.all)

    if case .sqlite(let path) = settings.database {
        try await SQLiteTuning.apply(app, synchronous: settings.sqliteSynchronous, busyMilliseconds: settings.sqliteBusyMilliseconds)
        let reads = SQLiteReads(path: path)
        app.sqliteReads = reads
        reads.startCheckpoints(
            on: app.eventLoopGroup.next(), writer: (app.db as? SQLiteOneWriterDatabase)?.writer, restartFrames: settings.sqliteWALFrames)
        app.lifecycle.use(SQLiteReadsShutdown(reads: reads))
    }
    if settings.initialised { try await DeploymentError.checkHasUsers(app) }
    app.jobNudge = JobNudge()
    if settings.runJobs { app.lifecycle.use(JobRunner(pollSeconds: settings.jobPollSeconds)) }
    if settings.autoMigrate {
        // One line at start-up instead of two per migration.
        app.fluent.migrationLogLevel = .debug
        try await app.migrator.setupIfNeeded().get()
        let pending = try await app.migrator.previewPrepareBatch().get().count
        try await app.autoMigrate()
        app.logger.notice("Database up to date (\(pending) of \(Migrations.all.count) migrations run now)")
        try await InstrumentLibrary.syncBundled(on: app.db, logger: app.logger)
        if case .postgres = settings.database {
            do { try await PostgresReadFunction.dropAll(on: app.db.sql) } catch {
                app.logger.warning("The read batches' old functions were not dropped: \(String(reflecting: error))")
            }
        }
    }
}
