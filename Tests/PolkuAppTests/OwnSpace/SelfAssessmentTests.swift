import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// "Arvioi itse" (issue 15): the participant fills in what their project offers, sees the result and
/// its change at once, says what they think of it, and the coach reads that beside the result.
@Suite struct SelfAssessmentTests {
    static func answers(_ value: Int, date: String, project: UUID) -> [String: String] {
        var form = ["project": project.uuidString, "instrument": "who5", "date": date]
        for item in 1...5 { form["a_\(item)"] = String(value) }
        return form
    }

    @Test(arguments: TestDatabase.allCases)
    func theParticipantAssessesThemselvesAndTheCoachReadsTheirWord(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let index = SiteURL.myAssessments.relativeURL()
            let form = SiteURL.myAssessment(.value("who5")).relativeURL()
            #expect(try await me.get(index).body.contains("Hankkeesi ei ole vielä antanut sinulle kyselyjä."))
            #expect(try await me.get(form).status == .notFound)

            // The manager offers WHO-5 for self-report; measurements cannot be offered whatever is posted.
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let instruments = SiteURL.projectInstruments(.value(base.ownProject)).relativeURL()
            #expect(try await manager.get(instruments).body.contains("name=\"self_who5\""))
            let chosen = try await manager.post(
                instruments, ["instruments_form": "1", "use_who5": "on", "self_who5": "on", "use_fitness": "on", "self_fitness": "on"])
            #expect(chosen.status == .ok && !chosen.body.contains("name=\"self_fitness\""))
            #expect(try await MeasureQueries.selfReportKeys(base.ownProject, on: app.db) == ["who5"])

            let list = try await me.get(index)
            #expect(list.body.contains("WHO-5-hyvinvointi-indeksi") && !list.body.contains("Kunto"))
            let page = try await me.get(form)
            #expect(page.status == .ok && page.body.contains("action=\"\(index)\"") && !page.body.contains("name=\"date\" value=\"\" "))
            // A fitness test or another project's instrument is not theirs to fill in.
            #expect(try await me.get(SiteURL.myAssessment(.value("fitness")).relativeURL()).status == .notFound)
            try await MeasureQueries.setProjectKeys(base.otherProject, ["who5"], selfReport: ["who5"], on: app.db)
            #expect(try await me.get(SiteURL.myAssessment(.value("who5")).relativeURL([("project", base.otherProject.uuidString)])).status == .notFound)
            #expect(try await me.post(index, Self.answers(3, date: "2025-01-10", project: base.otherProject)).status == .notFound)

            // One answer of five is too few: refused, the answer kept.
            let partial = try await me.post(index, ["project": base.ownProject.uuidString, "instrument": "who5", "date": "2025-01-10", "a_1": "3"])
            #expect(partial.status == .unprocessableEntity && partial.body.contains("name=\"a_1\" value=\"3\" checked"))
            let first = try await me.post(index, Self.answers(2, date: "2025-01-10", project: base.ownProject))
            #expect(first.status == .seeOther && first.location?.hasPrefix(SiteURL.myMeasure(.value("who5")).relativeURL()) == true)
            let result = try await me.get(try #require(first.location))
            #expect(result.body.contains("Vastauksesi on tallennettu.") && result.body.contains("id=\"chart-total\"") && result.body.contains("<table"))
            let stored = try await Assessment.query(on: app.db).filter(\.$participant.$id == base.ownParticipant).all()
            #expect(stored.count == 1 && stored[0].scaled == 40 && stored[0].$assessedBy.id != nil)
            #expect(try await me.post(index, Self.answers(4, date: "2025-02-10", project: base.ownProject)).status == .seeOther)
            #expect(try await me.get(SiteURL.myMeasure(.value("who5")).relativeURL()).body.contains("Tulos on noussut selvästi."))
            #expect(try await me.post(index, Self.answers(3, date: "2025-03-10", project: base.ownProject)).status == .seeOther)
            let third = try await me.get(SiteURL.myMeasure(.value("who5")).relativeURL())
            #expect(third.body.contains("Edellisellä kerralla (10.2.2025) tulos oli 80. Nyt se on 60. Tulos on laskenut selvästi."))

            // Their word on the latest result: too long is refused as typed, a post without the field changes nothing.
            let latest = try #require(try await Assessment.query(on: app.db).filter(\.$date == "2025-03-10").first()?.id)
            let comment = SiteURL.myAssessmentComment(.value(latest)).relativeURL()
            let long = String(repeating: "ö", count: MyAssessments.commentMax + 1)
            let refused = try await me.post(comment, ["comment": long])
            #expect(refused.status == .unprocessableEntity && refused.body.contains(long))
            #expect(try await me.post(comment, [:]).status == .badRequest)
            #expect(try await me.post(comment, ["comment": "Olen eri mieltä: viikko oli <poikkeus>."]).status == .seeOther)
            #expect(try await me.get(SiteURL.myMeasure(.value("who5")).relativeURL()).body.contains("Kirjoitit: </strong>Olen eri mieltä"))
            // WHO-5 is health data: the health professional reads the comment beside it, a coach sees neither.
            let measure = SiteURL.participantMeasure(.value(base.ownParticipant), .value("who5")).relativeURL()
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            #expect(try await worker.get(measure).status == .notFound)
            let nurse = TestClient(app)
            try await nurse.login(base.users[.healthProfessional]!)
            let staff = try await nurse.get(measure)
            #expect(staff.body.contains("Osallistujan kommentti: </strong>Olen eri mieltä: viikko oli &lt;poikkeus&gt;."))
            // Another person's result is not theirs to comment on.
            let other = Assessment()
            other.$participant.id = base.otherParticipant; other.$project.id = base.otherProject; other.$instrument.id = stored[0].$instrument.id
            other.date = "2025-01-01"; other.answers = "{}"; other.scores = "{}"
            try await other.create(on: app.db)
            #expect(try await me.post(SiteURL.myAssessmentComment(.value(other.id!)).relativeURL(), ["comment": "x"]).status == .notFound)
            #expect(try await Assessment.find(other.id!, on: app.db)?.ownComment == nil)
        }
    }
}
