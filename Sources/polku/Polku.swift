import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import PolkuApp
import PolkuTools
import Vapor

@main
struct Polku: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "polku",
        abstract: "Polku: a platform for services that restore work ability and functional capacity.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, UserCommand.self, Report.self, Import.self, BackupCommand.self, RestoreCommand.self, Bench.self,
        ],
        defaultSubcommand: Serve.self)

    /// Swift concurrency's jobs run on NIO's event loops instead of a pool of their own (issue 11).
    /// A page makes about fifteen database calls, each answered on an event loop; with two pools every
    /// answer woke a thread of the other pool to resume the handler, and so did every middleware. Work
    /// that blocks (SQLite's calls, bcrypt) runs on thread pools either way. Installed before any task
    /// starts, as NIO requires.
    static func main() async {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}

/// Options every command shares: where the database is.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("database-url"), help: "postgres://… or sqlite://PATH; default: DATABASE_URL, else polku.sqlite")
    var databaseURL: String?

    var explicitURL: String? { databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"] }

    func settings() throws -> Settings {
        var s = Settings(database: try Settings.database(from: explicitURL))
        let env = ProcessInfo.processInfo.environment
        s.secureCookies = env["POLKU_SECURE_COOKIES"] == "1"
        s.trustForwardedFor = env["POLKU_TRUST_PROXY"] == "1"
        if let list = env["POLKU_TRUSTED_PROXIES"], !list.isEmpty {
            s.trustedProxies = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        s.publicURL = env["POLKU_PUBLIC_URL"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        s.metricsToken = env["POLKU_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let sync = env["POLKU_SQLITE_SYNCHRONOUS"], !sync.isEmpty { s.sqliteSynchronous = sync }
        if let text = env["POLKU_SHUTDOWN_SECONDS"], !text.isEmpty {
            guard let seconds = Int(text), seconds >= 0 else { throw ValidationError("POLKU_SHUTDOWN_SECONDS must be a whole number of seconds, not \(text)") }
            s.shutdownSeconds = seconds
        }
        s.replicaURL = env["DATABASE_REPLICA_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if s.replicaURL != nil {
            guard case .postgres = s.database else { throw ValidationError("DATABASE_REPLICA_URL needs DATABASE_URL to be PostgreSQL") }
        }
        if let text = env["POLKU_REPLICA_MAX_LAG"], !text.isEmpty {
            guard let seconds = Double(text), seconds >= 0 else { throw ValidationError("POLKU_REPLICA_MAX_LAG must be seconds, not \(text)") }
            s.replicaMaxLag = seconds
        }
        switch env["POLKU_PG_PREPARED"] ?? "" {
        case "", "on": break
        case "off": s.postgresPrepared = false
        case let text: throw ValidationError("POLKU_PG_PREPARED must be on or off, not \(text)")
        }
        if let text = env["POLKU_AUDIT_KEEP_MONTHS"], !text.isEmpty {
            guard let months = Int(text), months >= 1 else { throw ValidationError("POLKU_AUDIT_KEEP_MONTHS must be a whole number of months, 1 or more, not \(text)") }
            s.auditKeepMonths = months
        }
        s.jsonLogs = (env["POLKU_ENV"] ?? "development") == "production"
        s.initialised = env["POLKU_INITIALISED"] == "1"
        return s
    }
}

enum Bootstrap {
    nonisolated(unsafe) static var done = false
    static func logging(json: Bool) {
        guard !done else { return }
        done = true
        if json {
            LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        } else {
            LoggingSystem.bootstrap { label in
                var h = StreamLogHandler.standardOutput(label: label)
                h.logLevel = .info
                return h
            }
        }
        MetricsRegistry.bootstrap()
    }

    static func application(_ settings: Settings, arguments: [String] = ["polku"]) async throws -> Application {
        logging(json: settings.jsonLogs)
        let env = Environment(name: settings.jsonLogs ? "production" : "development", arguments: arguments)
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (migrates first).")
    @ArgumentParser.OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option(name: .long) var hostname = "127.0.0.1"
    @ArgumentParser.Option(name: .long) var port = 8080
    @ArgumentParser.Flag(name: .long, help: "Fill an empty database with the seed projects and demo users.") var demo = false

    func run() async throws {
        var settings = try db.settings()
        settings.runJobs = true
        let app = try await Bootstrap.application(settings, arguments: ["polku", "serve", "--hostname", hostname, "--port", String(port)])
        do {
            if demo { try await Demo.seed(app, address: "http://\(hostname.contains(":") ? "[\(hostname)]" : hostname):\(port)") }
            // After `configure`: the threads it started (SQLite's writer, its checkpoints) keep
            // their priority; a thread inherits its maker's.
            RequestPriority.lower(loops: app.eventLoopGroup)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        // SIGTERM or SIGINT: stop accepting, answer what was accepted, then close the pools.
        guard await app.stopServing(deadline: .seconds(Int64(settings.shutdownSeconds))) else {
            // Closing the pools under running requests would crash them; what they were doing was
            // never acknowledged, and every acknowledged write is already committed.
            fflush(nil)
            _exit(0)
        }
        try await app.asyncShutdown()
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent backup of the database while Polku runs (SQLite: a database file; PostgreSQL: a pg_dump archive).")
    @ArgumentParser.OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option(help: "The backup file to write; it must not exist.") var output: String

    func run() async throws {
        var settings = try db.settings()
        settings.autoMigrate = false
        let app = try await Bootstrap.application(settings)
        do {
            let summary = try await Backup.write(app, to: output)
            print("Backup written: \(summary)")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup made by polku backup into the database (stop the server first).")
    @ArgumentParser.OptionGroup var db: DatabaseOptions
    @ArgumentParser.Argument(help: "The backup file.") var file: String
    @ArgumentParser.Flag(help: "Overwrite a database that already holds data.") var replace = false

    func run() async throws {
        let settings = try db.settings()
        Bootstrap.logging(json: settings.jsonLogs)
        let summary = try await Backup.restore(from: file, into: settings, replacing: replace, logger: Logger(label: "polku.restore"))
        print("Restored into \(summary)")
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the database migrations and exit.")
    @ArgumentParser.OptionGroup var db: DatabaseOptions

    func run() async throws {
        var settings = try db.settings()
        settings.autoMigrate = false
        let app = try await Bootstrap.application(settings)
        defer { Task { try? await app.asyncShutdown() } }
        try await app.autoMigrate()
        try await app.syncBundledInstruments()
        print("Migrations are up to date.")
        try await app.asyncShutdown()
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill an empty database with demo data and print the demo accounts.")
    @ArgumentParser.OptionGroup var db: DatabaseOptions

    func run() async throws {
        let app = try await Bootstrap.application(try db.settings())
        do { try await Self.seed(app) } catch { try? await app.asyncShutdown(); throw error }
        try await app.asyncShutdown()
    }

    /// `address` is where the server will listen (`polku serve --demo`); `polku demo` alone names none.
    static func seed(_ app: Application, address: String? = nil) async throws {
        switch try await DemoData.seedIfEmpty(app) {
        case .notEmpty:
            print("The database already has data: demo data is added only to an empty database.")
        case .seeded(let accounts):
            print("\nDemo data added: five seed projects and fictitious participants.")
            print("Demo accounts (password for all: \(DemoData.password)):")
            for a in accounts {
                print("  \(a.email.padding(toLength: 30, withPad: " ", startingAt: 0)) \(a.role.padding(toLength: 20, withPad: " ", startingAt: 0)) \(a.projects)")
            }
            print(address.map { "Open \($0) and log in.\n" } ?? "Start the server with polku serve and log in.\n")
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Create.self, Token.self])

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a personal API token for a staff user and print it (shown once).")
        @ArgumentParser.OptionGroup var db: DatabaseOptions
        @ArgumentParser.Option var email: String
        @ArgumentParser.Option(help: "What the token is for.") var name: String = "command line"
        @ArgumentParser.Option(help: "Scopes, e.g. \"participants:read reports:read\"; every scope when left out.") var scopes: String = ""
        @ArgumentParser.Option(help: "Days until it expires (1–365).") var days: Int = 30

        func run() async throws {
            let app = try await Bootstrap.application(try db.settings())
            do {
                let token = try await APITokens.issue(
                    app, email: email, name: name, scopes: scopes.split(separator: " ").map(String.init), days: days)
                print(token)
            } catch {
                try? await app.asyncShutdown()
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                throw ExitCode.failure
            }
            try await app.asyncShutdown()
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user; the first admin of a deployment is made this way.")
        @ArgumentParser.OptionGroup var db: DatabaseOptions
        @ArgumentParser.Option var email: String
        @ArgumentParser.Option var role: String = "admin"
        @ArgumentParser.Option var name: String?
        @ArgumentParser.Option(help: "Project code for a project role.") var project: String?

        func run() async throws {
            let env = ProcessInfo.processInfo.environment
            var password = env["POLKU_PASSWORD"] ?? ""
            if password.isEmpty {
                print("Password (at least 10 characters): ", terminator: "")
                password = String(cString: getpass("")).trimmingCharacters(in: .newlines)
            }
            let app = try await Bootstrap.application(try db.settings())
            do {
                let id = try await UserAdministration.create(
                    app, email: email, name: name ?? email, password: password,
                    role: role, projectCode: project)
                print("Created user \(email) (\(id)) with role \(role).")
            } catch {
                try? await app.asyncShutdown()
                print("Error: \(error)")
                throw ExitCode.failure
            }
            try await app.asyncShutdown()
        }
    }
}

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a report.", subcommands: [ESF.self])

    struct ESF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "esf", abstract: "The ESF indicators and exit outcomes of a project (counts 1–4 shown as <5).")
        @ArgumentParser.OptionGroup var db: DatabaseOptions
        @ArgumentParser.Option(help: "Project code, e.g. S20519.") var project: String
        @ArgumentParser.Option(help: "First day of the period (2024-03-01 or 1.3.2024).") var from: String?
        @ArgumentParser.Option(help: "Last day of the period.") var to: String?
        @ArgumentParser.Option(help: "json, csv or xlsx.") var format: String = "json"
        @ArgumentParser.Option(help: "File to write; standard output if not given.") var output: String?

        func run() async throws {
            guard let format = ESFReportCLI.Format(rawValue: format) else {
                print("Error: --format must be json, csv or xlsx"); throw ExitCode.validationFailure
            }
            var settings = try db.settings()
            settings.jsonLogs = false
            let app = try await Bootstrap.application(settings)
            app.logger.logLevel = .warning
            do {
                let data = try await ESFReportCLI.export(app, projectCode: project, from: from, to: to, format: format)
                if let output { try data.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(data) }
            } catch let failure as ESFReportCLI.Failure {
                try? await app.asyncShutdown()
                FileHandle.standardError.write(Data("Error: \(failure)\n".utf8))
                throw ExitCode.failure
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import data from a spreadsheet.", subcommands: [Participants.self])

    struct Participants: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Participants with entry, exit and follow-up data (docs/IMPORT.md). All or nothing.")
        @ArgumentParser.OptionGroup var db: DatabaseOptions
        @ArgumentParser.Option(help: "Project code, e.g. S20519.") var project: String
        @ArgumentParser.Argument(help: "The CSV file.") var file: String

        func run() async throws {
            let app = try await Bootstrap.application(try db.settings())
            app.logger.logLevel = .warning
            let result: (ok: Bool, report: String)
            do { result = try await ImportCLI.participants(app, projectCode: project, file: file) } catch { try? await app.asyncShutdown(); throw error }
            try await app.asyncShutdown()
            print(result.report)
            if !result.ok { throw ExitCode.failure }
        }
    }
}

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate data at the issue's scale and print median timings.")
    @ArgumentParser.OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option(help: "Participants to generate.") var participants = 100_000
    @ArgumentParser.Option(help: "Projects to spread them over.") var projects = 10
    @ArgumentParser.Option(help: "Repetitions per measurement.") var repetitions = 50
    @ArgumentParser.Option(help: "Attendance records to generate for the activities benchmark.") var attendances = 1_000_000
    @ArgumentParser.Option(
        help:
            "participants (issue 2: lists and pages), esf (report and import), report-growth (issue 11: the ESF report at --participants ÷ 100, ÷ 10 and all; run it with --participants 1000000), activities (issue 4), measures (issue 5) or network (issue 6); all if not given. Issue 13, one at a time: writers (--writers people saving notes for --seconds), backup (--participants and --attendances), retention (--participants). load-data: fill the database given with --database-url for scripts/load.py (issue 11) and print what it needs as JSON; public-data: the same for scripts/load.py --public (issue 17: one project of --participants people with a published page; prints the figures' computation time)."
    ) var only: String?
    @ArgumentParser.Option(help: "With --only load-data: held sessions to create, one per attendance save.") var sessions = 40_000
    @ArgumentParser.Option(help: "With --only writers: people saving notes at once.") var writers = 30
    @ArgumentParser.Option(help: "With --only writers: how long they write.") var seconds = 10.0

    func run() async throws {
        if only == "load-data" { return try await loadData() }
        if only == "public-data" { return try await publicData() }
        var settings = try db.settings()
        if db.explicitURL == nil {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("polku-bench-\(UUID().uuidString).sqlite").path
            settings.database = .sqlite(path: path)
        }
        let app = try await Bootstrap.application(settings)
        do {
            if only == nil || only == "participants" {
                print(try await ParticipantBench.run(app, participants: participants, projects: projects, repetitions: repetitions))
            }
            if only == nil || only == "esf" {
                print(try await ESFBench.run(app, participants: participants, repetitions: max(3, repetitions / 5)))
            }
            if only == "report-growth" {
                let sizes = [participants / 100, participants / 10, participants].filter { $0 > 0 }
                print(try await ReportGrowthBench.run(app, sizes: sizes, repetitions: max(3, repetitions / 10)))
            }
            if only == nil || only == "activities" {
                print(try await ActivityBench.run(app, attendances: attendances, projects: 20, repetitions: repetitions))
            }
            if only == nil || only == "measures" {
                print(try await MeasureBench.run(app, assessments: 100_000, repetitions: repetitions))
            }
            if only == nil || only == "network" {
                print(try await NetworkBench.run(app, services: 5_000, referrals: 200_000, repetitions: repetitions))
            }
            // Issue 13, each on a database of its own (they change what they generate).
            if only == "writers" { print(try await OperationsBench.writers(app, writers: writers, seconds: seconds)) }
            if only == "backup" { print(try await OperationsBench.backup(app, participants: participants, attendances: attendances)) }
            if only == "retention" { print(try await OperationsBench.retention(app, participants: participants)) }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        if case .sqlite(let path) = settings.database, db.explicitURL == nil { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The public page's data (issue 17) for `scripts/load.py --public`, like `load-data`.
    private func publicData() async throws {
        guard db.explicitURL != nil else { throw ValidationError("--only public-data needs --database-url (sqlite://PATH or postgres://…)") }
        let app = try await Bootstrap.application(try db.settings())
        app.logger.logLevel = .warning
        do {
            let world = try await PublicPageBench.prepare(app, participants: participants)
            print(String(decoding: try JSONEncoder().encode(world), as: UTF8.self))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// The load script's data goes into the database it then serves, so it must be named.
    private func loadData() async throws {
        guard db.explicitURL != nil else { throw ValidationError("--only load-data needs --database-url (sqlite://PATH or postgres://…)") }
        let app = try await Bootstrap.application(try db.settings())
        app.logger.logLevel = .warning
        do {
            let world = try await LoadBench.prepare(app, participants: participants, sessions: sessions)
            print(String(decoding: try JSONEncoder().encode(world), as: UTF8.self))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
