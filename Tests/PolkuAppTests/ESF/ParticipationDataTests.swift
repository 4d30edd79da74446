import Fluent
import SQLKit
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct ParticipationDataTests {
    @Test(arguments: TestDatabase.allCases)
    func workerRecordsEntryExitAndFollowUp(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let path = SiteURL.enrolmentESF(.value(world.ownParticipant), .value(world.ownEnrolment)).relativeURL()
            // The participant page says how much is missing and links to the form.
            let person = try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(person.body.contains("Seurantatiedot (ESR): 9 puuttuu"))
            var page = try await client.get(path)
            #expect(page.status == .ok && page.body.contains("Seurantatiedoista puuttuu 9"))
            #expect(page.body.contains("Palkkatukityö on työtä"), "plain-language explanation")

            // Entry data, with a declined sensitive answer: complete.
            let entry = [
                "labour_status": "unemployed", "unemployed_months": "14", "isced": "3", "disability": "declined",
                "foreign_background": "no", "minority": "declined", "other_disadvantage": "no",
                "third_country_national": "no", "homeless": "no", "rural": "yes",
            ]
            #expect(try await client.submit(page: path, action: path, entry).status == .seeOther)
            page = try await client.get(path)
            #expect(page.body.contains("Tiedot tallennettu") && !page.body.contains("Seurantatiedoista puuttuu"))
            #expect(!(try await client.get(path).body.contains("Tiedot tallennettu")), "the message is shown once")

            // Bad input: exit data without a date of leaving; a situation before leaving; a future exit.
            var bad = entry; bad["service_outcome"] = "apprenticeship"
            page = try await client.submit(page: path, action: path, bad)
            #expect(page.status == .unprocessableEntity && page.body.contains("Kirjaa ensin päättymispäivä"))
            #expect(page.body.contains("<option value=\"apprenticeship\" selected>"), "what was typed is kept")
            bad["exit_date"] = "1.6.2024"; bad["exit_situation"] = "employed"; bad["exit_situation_date"] = "31.5.2024"
            #expect(try await client.submit(page: path, action: path, bad).body.contains("ennen päättymispäivää"))
            bad["exit_situation_date"] = "3.6.2024"; bad["exit_date"] = "1.1.2099"
            #expect(try await client.submit(page: path, action: path, bad).body.contains("tulevaisuudessa"))
            bad["exit_date"] = "1.6.2024"; bad["isced"] = "12"; bad["labour_status"] = "astronaut"
            #expect(try await client.submit(page: path, action: path, bad).status == .unprocessableEntity)
            var enrolment = try #require(try await Enrolment.find(world.ownEnrolment, on: app.db))
            #expect(enrolment.endDate == nil && enrolment.serviceOutcome == nil, "nothing saved from bad forms")

            // Exit and follow-up.
            var exit = entry
            exit.merge([
                "exit_date": "1.6.2024", "service_outcome": "apprenticeship", "exit_situation": "employed",
                "exit_situation_date": "3.6.2024", "qualification_gained": "no",
                "followup_date": "2.12.2024", "followup_employed": "yes",
            ]) { $1 }
            #expect(try await client.post(path, exit).status == .seeOther)
            enrolment = try #require(try await Enrolment.find(world.ownEnrolment, on: app.db))
            #expect(enrolment.endDate == "2024-06-01" && enrolment.phase == "exit")
            #expect(enrolment.labourStatus == .unemployed && enrolment.disability == .declined && enrolment.rural == true)
            #expect(enrolment.serviceOutcome == .apprenticeship && enrolment.exitSituation == .employed && enrolment.followUpEmployed == true)
            // The stored record gives the indicators the rules say.
            let rows = try await app.db.sql.raw(
                SQLQueryString(
                    "SELECT \(ParticipationRow.columns) FROM enrolments e JOIN participants p ON p.id = e.participant_id WHERE e.id = ")
                    + SQLQueryString("\(bind: world.ownEnrolment)")
            ).all(decoding: ParticipationRow.self)
            let participation = try #require(rows.first?.participation)
            let plus = IndicatorRules.esfPlus(participation)
            #expect(plus.isSuperset(of: [.eeco01, .eeco02, .eeco03, .eeco10, .eeco17, .eecr04, .eecr05]))
            #expect(!plus.contains(.eeco12), "declined disability is not counted")
            // The date of leaving cannot be removed afterwards.
            var cleared = exit; cleared["exit_date"] = ""
            #expect(try await client.post(path, cleared).body.contains("Päättymispäivää ei voi poistaa"))
            let actions = try await AuditEvent.query(on: app.db).filter(\.$participantID == world.ownParticipant).all().map(\.action)
            #expect(actions.contains("participation.view") && actions.filter { $0 == "participation.update" }.count == 2)
            #expect(try await PhaseChange.query(on: app.db).filter(\.$enrolment.$id == world.ownEnrolment).filter(\.$toPhase == "exit").count() == 1)
        }
    }
}
