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
}
