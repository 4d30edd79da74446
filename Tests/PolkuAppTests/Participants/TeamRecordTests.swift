import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// The team around a participant (issue 17): a consultation asked and answered once, a situation
/// assessment marked as health data seen only by health roles, an observation visit on the timeline.
@Suite struct TeamRecordTests {
    @Test(arguments: TestDatabase.allCases)
    func aConsultationIsAskedAndAnsweredAndHealthRecordsStayWithHealthRoles(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            let pid = base.ownParticipant, project = base.ownProject.uuidString
            let worker = TestClient(app), nurse = TestClient(app)
            try await worker.login(base.users[.worker]!)
            try await nurse.login(base.users[.healthProfessional]!)
            let team = SiteURL.participantTeam(.value(pid)).relativeURL()
            #expect(try await worker.get(SiteURL.participant(.value(pid)).relativeURL()).body.contains("href=\"\(team)\""))
            let ask: [String: String] = [
                "kind": "consultation", "project_id": project, "sensitivity": "normal", "date": "1.3.2026",
                "question": "Miten tukea paluuta <työkokeiluun>?", "urgency": "urgent",
            ]
            // A post without the form's fields changes nothing; no profession chosen keeps what was typed.
            #expect(try await worker.post(team, ["kind": "consultation"]).status == .badRequest)
            #expect(try await worker.post(team, ["kind": "letter"]).status == .badRequest)
            let none = try await worker.post(team, ask)
            #expect(none.status == .unprocessableEntity && none.body.contains("Valitse ainakin yksi ammattiryhmä.") && none.body.contains("&lt;työkokeiluun&gt;"))
            let future = try await worker.post(team, ask.merging(["p_psychologist": "on", "date": "1.1.2099"]) { $1 })
            #expect(future.status == .unprocessableEntity && future.body.contains("Päivä ei voi olla tulevaisuudessa."))
            #expect(try await worker.post(team, ask.merging(["p_psychologist": "on", "p_nurse": "on"]) { $1 }).status == .seeOther)
            var page = try await nurse.get(team).body
            #expect(page.contains("Konsultaatiopyyntö 1.3.2026 – Kiireellinen") && page.contains("Kysytään: Terveydenhoitaja tai sairaanhoitaja, Psykologi"))
            // The nurse answers; the first answer stays.
            let record = try #require(try await app.db.sql.raw("SELECT id FROM team_records").first()?.decode(column: "id", as: UUID.self))
            let answer = SiteURL.participantTeamAnswer(.value(pid), .value(record)).relativeURL()
            #expect(try await nurse.post(answer, [:]).status == .badRequest)
            #expect(try await nurse.post(answer, ["answer": "Aloitetaan lyhyillä päivillä."]).status == .seeOther)
            let again = try await worker.post(answer, ["answer": "Toinen vastaus"])
            #expect(again.status == .unprocessableEntity && again.body.contains("Pyyntöön on jo vastattu."))
            page = try await worker.get(team).body
            #expect(page.contains("Vastaus: Test health_professional") && page.contains("Aloitetaan lyhyillä päivillä.") && !page.contains("Toinen vastaus"))

            // Health data: a worker may not write it; the nurse may, and the worker does not see it.
            let assessment: [String: String] = [
                "kind": "situation_assessment", "project_id": project, "sensitivity": "health", "date": "2.3.2026",
                "situation": "Uniongelmat HEALTHTEAM", "strengths": "Motivoitunut", "obstacles": "", "recommendations": "Unikoulu",
                "next_review": "1.6.2026",
            ]
            let refused = try await worker.post(team, assessment)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Terveystietoja voi kirjata vain terveydenhuollon ammattilainen."))
            #expect(try await nurse.post(team, assessment).status == .seeOther)
            let nursePage = try await nurse.get(team).body
            #expect(nursePage.contains("HEALTHTEAM") && nursePage.contains("Seuraava arvio"))
            #expect(!(try await worker.get(team).body.contains("HEALTHTEAM")))
            #expect(!(try await worker.get(SiteURL.participant(.value(pid)).relativeURL()).body.contains("Tilannearvio")))

            // An observation visit is on the person's timeline.
            let visit = ["kind": "observation", "project_id": project, "sensitivity": "normal", "date": "3.3.2026", "unit": "Puutyöpaja", "findings": "Työskenteli itsenäisesti"]
            #expect(try await worker.post(team, visit).status == .seeOther)
            #expect(try await worker.get(SiteURL.participant(.value(pid)).relativeURL()).body.contains("Havainnointikäynti"))
            let events = try await World.auditEvents(app).filter { $0.action == "team.record" }.map(\.detail)
            #expect(events.sorted() == ["consultation", "consultation answered", "observation", "situation_assessment"])

            // The team's work in the activity report: one of each kind (the health one counted, not shown).
            let activityReport = try await worker.get(SiteURL.projectActivityReport(.value(base.ownProject)).relativeURL()).body
            #expect(activityReport.contains("<th scope=\"row\">Konsultaatiopyyntö</th><td class=\"num\">1</td>"))
            #expect(activityReport.contains("<th scope=\"row\">Tilannearvio</th><td class=\"num\">1</td>") && !activityReport.contains("HEALTHTEAM"))

            // The team around the person: the worker and, for health roles only, the nurse.
            let workerView = try await worker.get(SiteURL.participant(.value(pid)).relativeURL()).body
            #expect(workerView.contains("Test worker – valmentaja tai ohjaaja") && !workerView.contains("– terveydenhuolto"))
            #expect(try await nurse.get(SiteURL.participant(.value(pid)).relativeURL()).body.contains("Test health_professional – terveydenhuolto"))

            // Another project's worker reaches none of it.
            let outsider = TestClient(app)
            try await outsider.login(base.otherWorker)
            #expect([.forbidden, .notFound].contains(try await outsider.get(team).status))
            #expect([.forbidden, .notFound].contains(try await outsider.post(answer, ["answer": "x"]).status))
        }
    }

    @Test func theParticipantReadsWhoWorksWithThemInPlainWords() {
        let members = [TeamAround.Member(name: "Ville Valmentaja", kind: "coach"), .init(name: "Porin velkaneuvonta", kind: "provider")]
        let html = TeamAround.node(members, t: Texts(lang: .fi), own: true).html
        #expect(html.contains("Kuka kanssasi työskentelee") && html.contains("Ville Valmentaja on valmentajasi."))
        #expect(html.contains("Sinut on ohjattu palveluun: Porin velkaneuvonta."))
        #expect(TeamAround.node([], t: Texts(lang: .sv), own: true).html.contains("Här visas de som arbetar med dig."))
    }

    @Test(arguments: TestDatabase.allCases)
    func whatCameBeforeIsOnTheTimelineAndInTheProjectsReport(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            let pid = base.ownParticipant, project = base.ownProject.uuidString
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let url = SiteURL.participantBefore(.value(pid)).relativeURL()
            #expect(try await worker.post(url, ["kind": "health_check"]).status == .badRequest)
            let backwards = try await worker.post(
                url, ["project_id": project, "kind": "unemployment", "what": "TE-toimiston asiakkuus", "from_date": "1.3.2023", "to_date": "1.1.2023"])
            #expect(backwards.status == .unprocessableEntity && backwards.body.contains("Päättymispäivä on ennen alkua.") && backwards.body.contains("TE-toimiston asiakkuus"))
            // The world's person entered on 1.2.2024: unemployed since 1.3.2023 (337 days), a health check before.
            #expect(
                try await worker.post(url, ["project_id": project, "kind": "unemployment", "what": "TE-toimiston asiakkuus", "from_date": "1.3.2023", "to_date": ""]).status
                    == .seeOther)
            #expect(
                try await worker.post(url, ["project_id": project, "kind": "health_check", "what": "Työttömän terveystarkastus", "from_date": "15.1.2024", "to_date": "15.1.2024"])
                    .status == .seeOther)
            let page = try await worker.get(SiteURL.participant(.value(pid)).relativeURL()).body
            #expect(page.contains("Ennen: Terveystarkastus (Työttömän terveystarkastus)"))
            let report = try await worker.get(SiteURL.projectBefore(.value(base.ownProject)).relativeURL()).body
            #expect(report.contains("<th scope=\"row\">Terveystarkastus</th><td class=\"num\" data-label=\"Henkilöitä\">&lt;5</td>"))
            #expect(report.contains("<th scope=\"row\">300 päivää – vuosi</th><td class=\"num\" data-label=\"Henkilöitä\">&lt;5</td>"))
            #expect(report.contains("Mediaania ei näytetä alle viiden henkilön joukosta.") && !report.contains(World.ownLastName))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func earlierStepsFromASpreadsheetAreAllOrNothing(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            try await app.db.sql.raw("UPDATE enrolments SET import_key = 'P001' WHERE id = \(bind: base.ownEnrolment)").run()
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let url = SiteURL.projectBeforeImport(.value(base.ownProject)).relativeURL()
            func count() async throws -> Int {
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM lookback_records").first()!.decode(column: "n", as: Int.self)
            }
            let bad = try await worker.upload(
                url, field: "file", filename: "ennen.csv",
                content: "tunnus;laji;mikä;alkoi;päättyi\nP001;terveystarkastus;Työterveys;15.1.2024;15.1.2024\nP999;työttömyysjakso;TE;1.3.2023;\nP001;loma;Matka;31.2.2023;\n")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Rivi 3, tunnus: hankkeella ei ole osallistujaa tällä tunnuksella"))
            #expect(bad.body.contains("Rivi 4, laji: tuntematon laji") && bad.body.contains("Rivi 4, alkoi: päivämäärä ei ole muotoa 1.3.2023"))
            #expect(try await count() == 0, "a bad file changes nothing")
            let good = try await worker.upload(
                url, field: "file", filename: "ennen.csv",
                content: "tunnus;laji;mikä;alkoi;päättyi\nP001;terveystarkastus;Työterveys;15.1.2024;15.1.2024\nP001;työttömyysjakso;TE-toimisto;2023-03-01;\n")
            #expect(good.status == .seeOther)
            #expect(try await count() == 2)
            let report = try await worker.get(SiteURL.projectBefore(.value(base.ownProject)).relativeURL()).body
            #expect(report.contains("<th scope=\"row\">Terveystarkastus</th><td class=\"num\" data-label=\"Henkilöitä\">&lt;5</td>"))
            let viewer = TestClient(app)
            try await viewer.login(base.users[.viewer]!)
            #expect(!(try await viewer.get(SiteURL.projectBefore(.value(base.ownProject)).relativeURL()).body.contains("action=\"\(url)\"")))
            #expect(try await viewer.upload(url, field: "file", filename: "e.csv", content: "tunnus;laji;mikä;alkoi\nP001;muu;x;1.1.2020\n").status == .forbidden)
            #expect(try await count() == 2)
        }
    }
}
