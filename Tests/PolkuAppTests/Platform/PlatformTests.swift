import Fluent
import Logging
@testable import PolkuApp
@testable import PolkuTools
import PolkuCore
import PolkuTestSupport
import Foundation
import Testing
import Vapor

@Suite struct PlatformTests {
    @Test(arguments: TestDatabase.allCases)
    func healthReportsTheDatabase(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let page = try await TestClient(app).get(SiteURL.health.relativeURL())
            #expect(page.status == .ok)
            #expect(page.body.contains("\"database\":\"up\""))
            #expect(page.body.contains(db == .postgres ? "postgresql" : "sqlite"))
        }
    }

    @Test func healthAnswers503WhenTheDatabaseIsDown() async throws {
        var settings = testSettings(.postgres(url: "postgres://polku:polku@127.0.0.1:1/none"))
        settings.autoMigrate = false
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical  // the refused connection is the point of this test, not news
        do {
            try await configure(app, settings: settings)
            let page = try await TestClient(app).get(SiteURL.health.relativeURL())
            #expect(page.status == .serviceUnavailable)
            #expect(page.body.contains("\"database\":\"down\""))
        } catch { try? await app.asyncShutdown(); throw error }
        try await app.asyncShutdown()
    }

    @Test(arguments: TestDatabase.allCases)
    func metricsArePrometheusText(db: TestDatabase) async throws {
        try await withPolku(db, adjust: { $0.metricsToken = "test-metrics-token" }) { app in
            let client = TestClient(app)
            try await client.get(SiteURL.login.relativeURL())
            // Without the operator's token /metrics is not there at all.
            #expect(try await client.get(SiteURL.metrics.relativeURL()).status == .notFound)
            client.headers["Authorization"] = "Bearer wrong-token"
            #expect(try await client.get(SiteURL.metrics.relativeURL()).status == .notFound)
            client.headers["Authorization"] = "Bearer test-metrics-token"
            let page = try await client.get(SiteURL.metrics.relativeURL())
            #expect(page.status == .ok)
            #expect(page.headers.contentType?.subType == "plain")
            #expect(page.body.contains("polku_http_requests_total{"))
            #expect(page.body.contains("path=\"/login\""))
            #expect(page.body.contains("polku_http_request_duration_seconds"))
            #expect(page.body.contains("polku_database_up 1"))
            #expect(page.body.contains("polku_database_pool_max_connections"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func languageSwitchKeepsThePageAndMarksTheLanguage(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let client = TestClient(app)
            let fi = try await client.get(SiteURL.login.relativeURL())
            #expect(fi.body.contains("<html lang=\"fi\">") && fi.body.contains("Kirjaudu Polkuun"))
            let switched = try await client.get("/lang/en?back=%2Flogin")
            #expect(switched.status == .seeOther && switched.location == SiteURL.login.relativeURL())
            let en = try await client.get(SiteURL.login.relativeURL())
            #expect(en.body.contains("<html lang=\"en\">") && en.body.contains("Log in to Polku"))
            try await client.get("/lang/sv?back=/login")
            let sv = try await client.get(SiteURL.login.relativeURL())
            #expect(sv.body.contains("<html lang=\"sv\">") && sv.body.contains("Logga in i Polku"))
            // Never an open redirect.
            #expect(try await client.get("/lang/fi?back=https://evil.example").location == SiteURL.home.relativeURL())
            #expect(try await client.get("/lang/fi?back=//evil.example").location == SiteURL.home.relativeURL())
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func demoFillsOnlyAnEmptyDatabase(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            guard case .seeded(let accounts) = try await DemoData.seedIfEmpty(app, participantsPerProject: 12) else {
                Issue.record("demo did not seed an empty database"); return
            }
            #expect(Set(accounts.map(\.role)) == Set(Role.allCases.map(\.rawValue)).union(["provider"]), "every role, and a service provider")
            let codes = try await Project.query(on: app.db).filter(\.$parent.$id == nil).all().map(\.code).sorted()
            #expect(codes == ["S20013", "S20250", "S20519", "S21019", "YHDISTAMO"])
            let party = try #require(try await Project.query(on: app.db).filter(\.$code == "S20519").first())
            #expect(party.plannedParticipants == 1118)
            #expect(try await Project.query(on: app.db).filter(\.$parent.$id == party.id!).count() == 3)
            let coImplementers = try await ProjectOrganisation.query(on: app.db).filter(\.$project.$id == party.id!)
                .filter(\.$role == .coImplementer).with(\.$organisation).all()
            #expect(coImplementers.count == 9)
            #expect(coImplementers.allSatisfy { $0.organisation.businessID.flatMap(BusinessID.init) != nil })
            let pori = try await Site.query(on: app.db).filter(\.$municipality == "Pori").all().map(\.name)
            #expect(Set(pori).isSuperset(of: ["Pihlava", "Sampola", "Pormestarinluoto"]))
            let participants = try await Participant.query(on: app.db).count()
            #expect(participants == 195, "3 × 12 + 80 + 50 + 29")
            // The seeds' own figures come out of the records: Duuniin!'s outcome table, PARTY's 28 %.
            let duuniin = try #require(try await Project.query(on: app.db).filter(\.$code == "S20250-DUUNIIN").first())
            let d = try await ESFReport.compute(project: duuniin.id!, filter: .init(), on: app.db)
            #expect(d.leavers == 29)
            let expected: [ServiceOutcome: Int] = [
                .educationOrTraining: 6, .paySubsidisedWork: 2, .openLabourMarket: 2, .activeJobSeeker: 14,
                .vocationalRehabilitation: 1, .workTrial: 1, .apprenticeship: 2, .noKnownOutcome: 1,
            ]
            #expect(d.outcomes == expected)
            let p = try await ESFReport.compute(project: party.id!, filter: .init(), on: app.db)
            #expect(p.leavers == 50 && p.solutionCount == 14, "14 of 50 is 28 %")
            // Lähde mukaan!'s and Kunnolla Töihin's activity figures, from session and attendance records.
            let lahde = try #require(try await Project.query(on: app.db).filter(\.$code == "S20250").first())
            let activities = try await ActivityReport.compute(project: lahde.id!, filter: .init(), today: Clock.system.today, on: app.db)
            func line(_ c: Activity.Category) -> ActivityTally<UUID>? { activities.lines.first { $0.key == c.rawValue }?.tally }
            #expect(line(.communityCoaching)?.sessionsHeld == 125 && line(.communityCoaching)?.uniqueParticipants == 74)
            #expect(line(.employmentEvent)?.sessionsHeld == 15 && line(.employmentEvent)?.totalAttendances == 214)
            #expect(line(.communityEvent)?.sessionsHeld == 32 && line(.communityEvent)?.totalAttendances == 379)
            #expect(line(.publicEvent)?.sessionsHeld == 16 && line(.publicEvent)?.totalAttendances == 2369)
            let kunnolla = try #require(try await Project.query(on: app.db).filter(\.$code == "S20013").first())
            let seminar = try await ActivityReport.compute(project: kunnolla.id!, filter: .init(), today: Clock.system.today, on: app.db)
            #expect(seminar.total.headCount == 160 && seminar.total.onlineHeadCount == 60)
            // RUORI2's wellbeing events brought in two people; its peer group meets this week.
            let ruori = try #require(try await Project.query(on: app.db).filter(\.$code == "S21019").first())
            let ruoriReport = try await ActivityReport.compute(project: ruori.id!, filter: .init(), today: Clock.system.today, on: app.db)
            #expect(ruoriReport.recruited == 2 && ruoriReport.groups.count == 1 && (ruoriReport.groups[0].rate ?? 0) > 0.5)
            let week = Clock.system.today.adding(days: 1 - Clock.system.today.weekday)
            let thisWeek = try await ActivitySession.query(on: app.db).filter(\.$date >= week.iso).filter(\.$date <= week.adding(days: 6).iso).count()
            #expect(thisWeek >= 1)
            // Trainings count their attendees by organisation: PARTY's webinar 49, Yhdistämö's course 4 sessions.
            let partyReport = try await ActivityReport.compute(project: party.id!, filter: .init(by: .kind), today: Clock.system.today, on: app.db)
            #expect(partyReport.lines.first { $0.key == "training" }?.tally.guests == 49)
            // Assessments: Kunnolla Töihin has repeat WHO-5 and WHODAS measurements to show change from.
            let kunnollaMeasures = try await MeasuresReport.compute(project: kunnolla.id!, filter: .init(), on: app.db)
            #expect(kunnollaMeasures.lines.map(\.key) == ["kykyviisari", "polku-life", "who5", "whodas-12"])
            #expect(kunnollaMeasures.lines.allSatisfy { $0.repeated >= 5 && $0.measured >= $0.repeated })
            // No real person from the seeds: steering seats carry no names.
            #expect(try await SteeringMember.query(on: app.db).filter(\.$name != "").count() == 0)
            // The seeds' panels: KARI's six, PARTY's and Lähde mukaan!'s client panels; every member consented.
            struct PanelSize: Decodable, Equatable { let name: String; let n: Int }
            let panels = try await app.db.sql.raw(
                "SELECT p.name, COUNT(*) AS n FROM panels p JOIN panel_members m ON m.panel_id = p.id GROUP BY p.name ORDER BY p.name"
            ).all(decoding: PanelSize.self)
            #expect(panels.map(\.n) == [6, 5, 8] && panels.first?.name.hasPrefix("KARI") == true, "\(panels)")
            let unconsented = try await app.db.sql.raw(
                """
                SELECT COUNT(*) AS n FROM panel_members m WHERE NOT EXISTS
                  (SELECT 1 FROM consents c WHERE c.participant_id = m.participant_id AND c.purpose = 'development' AND c.given = \(bind: true))
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(unconsented == 0)
            // The seeds' public pages: RUORI2's published; PARTY's written, its financing plan the seed's, not yet published.
            let visitor = TestClient(app)
            let ruoriPage = try await visitor.get(SiteURL.publicProject(.value("S21019")).relativeURL())
            #expect(ruoriPage.status == .ok && ruoriPage.body.contains("Kimppakaveritoiminnan muotoutuminen") && ruoriPage.body.contains("Tulokset luvuin"))
            #expect(try await visitor.get(SiteURL.publicProject(.value("S20519")).relativeURL()).status == .notFound)
            struct Sums: Decodable, Equatable { let planned: Int; let realised: Int }
            let sums = try await app.db.sql.raw(
                """
                SELECT CAST(SUM(f.planned) AS BIGINT) AS planned, CAST(SUM(f.realised) AS BIGINT) AS realised FROM project_funding f
                JOIN projects p ON p.id = f.project_id WHERE p.code = 'S20519' AND f.source IN ('eu_state', 'municipal')
                """
            ).first(decoding: Sums.self)
            #expect(sums == Sums(planned: 4_172_355, realised: 3_674_629))
            // Lähde mukaan!'s three neighbourhood plans for 2020.
            let plans = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM sites WHERE development_plan IS NOT NULL").first()?.decode(column: "n", as: Int.self)
            #expect(plans == 3)
            // A second run changes nothing.
            guard case .notEmpty = try await DemoData.seedIfEmpty(app) else { Issue.record("seeded twice"); return }
            let participantsAfter = try await Participant.query(on: app.db).count()
            #expect(participantsAfter == 195, "3 × 12 + 80 + 50 + 29")
            // The demo accounts work through the login page.
            let client = TestClient(app)
            #expect(try await client.login("pm@demo.polku.invalid", DemoData.password).status == .seeOther)
            let projects = try await client.get(SiteURL.projects.relativeURL())
            #expect(projects.body.contains("RUORI2") && projects.body.contains("Lähde mukaan!") && projects.body.contains("Yhdistämö"))
            // The service network: a directory for Pori and Oulu, referrals in every state, and its figures.
            let states = Set(try await Referral.query(on: app.db).all().map(\.state))
            #expect(states == Set(ReferralState.allCases))
            #expect(try await Service.query(on: app.db).count() >= 20)
            let network = try await client.get(SiteURL.network.relativeURL())
            #expect(
                network.status == .ok && network.body.contains("Ohjaukset tiloittain") && network.body.contains("Alueet rinnakkain")
                    && network.body.contains("Oulu") && network.body.contains("Pori"))
            #expect(network.body.contains("mediaanina") && !network.body.contains("mediaanina – päivää"))
            let nothing = try await client.get(SiteURL.network.relativeURL([("from", "1.1.2000"), ("to", "31.12.2000")]))
            #expect(nothing.status == .ok && nothing.body.contains("mediaanina – päivää"), "no referrals in 2000")
            #expect(try await client.get(SiteURL.network.relativeURL([("from", "31.12.2024"), ("to", "1.1.2024")])).status == .badRequest)
            let provider = TestClient(app)
            #expect(try await provider.login("provider@demo.polku.invalid", DemoData.password).status == .seeOther)
            let directory = try await provider.get(SiteURL.directory.relativeURL())
            #expect(directory.body.contains("Saapuneet ohjaukset"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func userCreateMakesTheFirstAdmin(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            await #expect(throws: UserAdministration.Failure.self) {
                try await UserAdministration.create(app, email: "admin@x.test", name: "A", password: "short", role: "admin", projectCode: nil)
            }
            await #expect(throws: UserAdministration.Failure.self) {
                try await UserAdministration.create(app, email: "admin@x.test", name: "A", password: "long enough pass", role: "wizard", projectCode: nil)
            }
            _ = try await UserAdministration.create(app, email: "Admin@X.test", name: "A", password: "long enough pass", role: "admin", projectCode: nil)
            let client = TestClient(app)
            #expect(try await client.login("admin@x.test", "long enough pass").status == .seeOther)
            #expect(try await client.get(SiteURL.adminUsers.relativeURL()).status == .ok)
        }
    }

    @Test func productionLogsAreOneJSONObjectPerLine() throws {
        final class Sink: @unchecked Sendable { var lines: [String] = [] }
        let sink = Sink()
        var handler = JSONLogHandler(label: "polku.test") { sink.lines.append($0) }
        handler[metadataKey: "request-id"] = "abc"
        handler.log(level: .warning, message: "Åke \"quoted\"\nline", metadata: ["n": "1"], source: "t", file: "f", function: "g", line: 1)
        #expect(sink.lines.count == 1 && sink.lines[0].hasSuffix("\n") && sink.lines[0].filter { $0 == "\n" }.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: String]
        #expect(object?["msg"] == "Åke \"quoted\"\nline")
        #expect(object?["level"] == "warning" && object?["request-id"] == "abc" && object?["n"] == "1")
    }

    @Test func everyTextKeyUsedInTheCodeHasFinnishAndEnglish() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources/PolkuApp").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let regex = try Regex(#"\bt\("([a-z_]+(?:\.[a-z_0-9]+)+)""#)
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: regex) {
                let key = String(text[match.range]).dropFirst(3).dropLast()
                guard !key.isEmpty else { continue }
                if Catalog.entries[String(key)] == nil { missing.append(String(key)) }
            }
        }
        #expect(missing.isEmpty, "missing texts: \(Set(missing).sorted())")
        // Keys built from enum values.
        for role in Role.allCases { #expect(Catalog.entries["role." + role.rawValue] != nil) }
        for k in Project.Status.allCases { #expect(Catalog.entries["project.status." + k.rawValue] != nil) }
        for k in Site.Kind.allCases { #expect(Catalog.entries["site.kind." + k.rawValue] != nil) }
        for k in Organisation.Kind.allCases { #expect(Catalog.entries["organisation.kind." + k.rawValue] != nil) }
        for k in ProjectOrganisation.Role.allCases { #expect(Catalog.entries["project.organisation_role." + k.rawValue] != nil) }
        for k in Participant.Gender.allCases { #expect(Catalog.entries["gender." + k.rawValue] != nil) }
        for k in ParticipantForm.languages { #expect(Catalog.entries["language." + k] != nil) }
        for k in Consent.Purpose.allCases { #expect(Catalog.entries["consent.purpose." + k.rawValue] != nil) }
        for k in Goal.Status.allCases { #expect(Catalog.entries["goal.status." + k.rawValue] != nil) }
        for k in Sensitivity.allCases { #expect(Catalog.entries["note.sensitivity." + k.rawValue] != nil) }
        for k in PhasePlan.defaultPhases { #expect(Catalog.entries["phase." + k] != nil) }
        for r in PhaseRefusal.allCasesForTests { #expect(Catalog.entries["error." + r.rawValue] != nil) }
        for code in ["400", "401", "403", "404", "413", "429", "500", "csrf"] {
            #expect(Catalog.entries["errorpage.\(code).title"] != nil && Catalog.entries["errorpage.\(code).body"] != nil)
        }
    }
}

extension PhaseRefusal {
    static let allCasesForTests: [PhaseRefusal] = [.unknownPhase, .samePhase, .alreadyExited]
}
