import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor
import ZIPFoundation

/// Feedback surveys (issue 16): answered anonymously through a public link, once per form, and
/// shown to the project's managers only when five have answered.
@Suite struct SurveyTests {
    @Test(arguments: TestDatabase.allCases)
    func aSurveyIsAnsweredAnonymouslyAndShownFromFiveAnswers(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let sql = app.db.sql
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            let surveys = SiteURL.projectSurveys(.value(world.ownProject)).relativeURL()
            #expect(try await manager.get(SiteURL.project(.value(world.ownProject)).relativeURL()).body.contains("href=\"\(surveys)\""))
            // No rating question: refused, what was typed kept; a post without the form's fields changes nothing.
            let refused = try await manager.post(surveys, ["title": "Kevään ryhmä", "ratings": " \n ", "open": "Mitä muuttaisit?"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Mitä muuttaisit?"))
            #expect(try await manager.post(surveys, [:]).status == .badRequest)
            let created = try await manager.post(
                surveys, ["title": "Kevään ryhmä", "intro": "Kerro, miten ryhmä meni.", "ratings": "Ryhmä oli hyödyllinen\nOhjaaja kuunteli", "open": "Mitä muuttaisit?"])
            #expect(created.status == .seeOther)
            let page = try await manager.get(try #require(created.location))
            let link = try #require(page.body.range(of: #"/s/[A-Za-z0-9_-]{16}"#, options: .regularExpression).map { String(page.body[$0]) })
            #expect(page.body.contains("svg") && page.body.contains("Tulos näytetään, kun vähintään viisi on vastannut."))
            let auditBefore = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?.decode(column: "n", as: Int.self) ?? -1

            // Anyone with the link answers, once per form.
            func answer(_ q1: String, _ text: String) async throws -> TestClient {
                let person = TestClient(app)
                let form = try await person.get(link)
                let key = TestClient.formValues(form.body, action: link)["form_key"] ?? ""
                #expect(form.status == .ok && !key.isEmpty && form.body.contains("Vastaat nimettömästi."))
                #expect(try await person.post(link, ["form_key": key, "q1": q1, "q2": "4", "open": text]).status == .seeOther)
                return person
            }
            let first = try await answer("5", "Enemmän <retkiä>")
            // The same person's page thanks them; the same form sent again adds nothing.
            #expect(try await first.get(link).body.contains("Kiitos! Vastauksesi on tallennettu."))
            let count = { try await sql.raw("SELECT COUNT(*) AS n FROM survey_answers").first()?.decode(column: "n", as: Int.self) ?? -1 }
            let again = TestClient(app)
            let form = try await again.get(link)
            let key = TestClient.formValues(form.body, action: link)["form_key"] ?? ""
            #expect(try await again.post(link, ["form_key": key, "q1": "9"]).status == .unprocessableEntity)
            #expect(try await again.post(link, ["form_key": key]).status == .unprocessableEntity)
            #expect(try await again.post(link, ["form_key": key, "q1": "3"]).status == .seeOther)
            #expect(try await again.post(link, ["form_key": key, "q1": "1"]).status == .seeOther)
            #expect(try await count() == 2)
            for (rating, text) in [("4", ""), ("2", "Aamut liian aikaisin")] { _ = try await answer(rating, text) }
            let auditAfter = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?.decode(column: "n", as: Int.self) ?? -1
            #expect(auditAfter == auditBefore, "answering writes no audit event")
            // Four answers: nothing but their number.
            var result = try await manager.get(try #require(created.location))
            #expect(result.body.contains("Tulos (vastauksia &lt;5)") && !result.body.contains("retkiä") && !result.body.contains("<table"))
            for rating in ["5", "1"] { _ = try await answer(rating, "") }
            result = try await manager.get(try #require(created.location))
            #expect(result.body.contains("Tulos (vastauksia 6)") && result.body.contains(">3,3<") && result.body.contains("Enemmän &lt;retkiä&gt;"))
            #expect(result.body.contains(">4<"), "q2: six answers of 4")
            let xlsx = try await manager.get(
                SiteURL.projectSurveyXLSX(.value(world.ownProject), .value(try #require(UUID(uuidString: String(created.location!.suffix(36)))))).relativeURL())
            #expect(xlsx.status == .ok && xlsx.headers.first(name: .contentType)?.contains("spreadsheetml") == true)

            // Nothing about who answered: no column for it, only the day.
            let columns = try await sql.raw("SELECT * FROM survey_answers").all().first.map { Set($0.allColumns) } ?? []
            #expect(columns == ["id", "survey_id", "answers", "answered_on"])

            // Closed: the link says so and takes no answer.
            let id = try #require(UUID(uuidString: String(created.location!.suffix(36))))
            #expect(try await manager.post(SiteURL.projectSurveyState(.value(world.ownProject), .value(id)).relativeURL(), ["open": "false"]).status == .seeOther)
            let late = TestClient(app)
            #expect(try await late.get(link).body.contains("Kysely on päättynyt."))
            #expect(try await late.post(link, ["form_key": "x", "q1": "5"]).status == .ok)
            #expect(try await count() == 6)
            // Another project's manager does not reach it.
            let other = TestClient(app)
            try await other.login(world.otherWorker)
            #expect(try await other.get(SiteURL.projectSurvey(.value(world.ownProject), .value(id)).relativeURL()).status.code >= 400)
        }
    }

    /// A survey for a group: its members find it in their own space; the result can be read per period.
    @Test(arguments: TestDatabase.allCases)
    func aGroupsSurveyReachesItsMembersAndIsReadByPeriod(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let surveys = SiteURL.projectSurveys(.value(base.ownProject)).relativeURL()
            let form = ["title": "Ryhmän kysely", "ratings": "Ryhmä auttoi", "activity_id": world.otherActivity.uuidString]
            #expect(try await manager.post(surveys, form).status == .unprocessableEntity, "another project's group")
            let created = try await manager.post(surveys, form.merging(["activity_id": world.ownActivity.uuidString]) { $1 })
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            let id = try #require(UUID(uuidString: String(location.suffix(36))))
            let slug = try #require(try await app.db.sql.raw("SELECT slug FROM surveys WHERE id = \(bind: id)").first()?.decode(column: "slug", as: String.self))
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let home = try await me.get(SiteURL.me.relativeURL())
            #expect(home.body.contains("Kyselyt sinulle") && home.body.contains("href=\"\(SiteURL.survey(.value(slug)).relativeURL())\""))
            // Five answers in January, two in February.
            for day in ["2026-01-10", "2026-01-11", "2026-01-12", "2026-01-20", "2026-01-31", "2026-02-01", "2026-02-10"] {
                try await app.db.sql.raw(
                    """
                    INSERT INTO survey_answers (id, survey_id, answers, answered_on)
                    VALUES (\(bind: UUID()), \(bind: id), '{"ratings":{"q1":4}}', \(bind: day))
                    """
                ).run()
            }
            let page = SiteURL.projectSurvey(.value(base.ownProject), .value(id))
            #expect(try await manager.get(page.relativeURL()).body.contains("Tulos (vastauksia 7)"))
            let january = try await manager.get(page.relativeURL([("from", "1.1.2026"), ("to", "31.1.2026")]))
            #expect(january.body.contains("Tulos (vastauksia 5)") && january.body.contains(">4<"))
            #expect(try await manager.get(page.relativeURL([("from", "1.2.2026")])).body.contains("Tulos (vastauksia &lt;5)"))
            let bad = try await manager.get(page.relativeURL([("from", "32.1.2026")]))
            #expect(bad.status == .ok && bad.body.contains("Tulos (vastauksia 7)") && bad.body.contains("value=\"32.1.2026\""))
            // Closed, it leaves the members' space.
            #expect(try await manager.post(SiteURL.projectSurveyState(.value(base.ownProject), .value(id)).relativeURL(), ["open": "false"]).status == .seeOther)
            let after = try await me.get(SiteURL.me.relativeURL())
            #expect(!after.body.contains("Kyselyt sinulle"))
        }
    }
}
