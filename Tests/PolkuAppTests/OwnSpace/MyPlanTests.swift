import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// "Oma suunnitelmani" (issue 15): the participant marks a goal done, comments on one and adds their
/// own; the coach reads each on the person's page and in "Tänään".
@Suite struct MyPlanTests {
    @Test(arguments: TestDatabase.allCases)
    func theParticipantWorksOnTheirPlanAndTheCoachSeesIt(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let goal = try #require(try await Goal.find(base.ownGoal, on: app.db))
            #expect(try await me.get(SiteURL.me.relativeURL()).body.contains("href=\"\(SiteURL.myPlan.relativeURL())\""))
            let plan = try await me.get(SiteURL.myPlan.relativeURL())
            #expect(plan.status == .ok && plan.body.contains(Node.escape(goal.text)) && plan.body.contains("Sovittu ohjaajan kanssa"))
            #expect(!plan.body.contains("Toisenhankkeinen"), "only their own goals")

            // A comment: empty or too long is refused with what was typed; then sent.
            let comment = SiteURL.myGoalComment(.value(base.ownGoal)).relativeURL()
            let long = String(repeating: "å", count: MyPlan.maxLength + 1)
            let refused = try await me.post(comment, ["comment": long])
            #expect(refused.status == .unprocessableEntity && refused.body.contains(long) && refused.body.contains("<details open"))
            #expect(try await me.post(comment, [:]).status == .badRequest)
            #expect(try await me.post(comment, ["comment": "Tämä ei ole <minun> tavoitteeni."]).status == .seeOther)
            // Marking it done; a second time changes nothing.
            #expect(try await me.post(SiteURL.myGoalDone(.value(base.ownGoal)).relativeURL()).status == .seeOther)
            #expect(try await Goal.find(base.ownGoal, on: app.db)?.status == .achieved)
            #expect(try await me.post(SiteURL.myGoalDone(.value(base.ownGoal)).relativeURL()).status == .seeOther)
            let rows = { try await app.db.sql.raw("SELECT COUNT(*) AS n FROM goal_comments").first()?.decode(column: "n", as: Int.self) ?? -1 }
            #expect(try await rows() == 2)
            // Another person's goal is not theirs to touch.
            let foreign = Goal()
            foreign.$participant.id = base.otherParticipant; foreign.$project.id = base.otherProject; foreign.text = "Vieras"; foreign.status = .open
            try await foreign.create(on: app.db)
            #expect(try await me.post(SiteURL.myGoalDone(.value(foreign.id!)).relativeURL()).status == .notFound)
            #expect(try await me.post(SiteURL.myGoalComment(.value(foreign.id!)).relativeURL(), ["comment": "x"]).status == .notFound)
            #expect(try await Goal.find(foreign.id!, on: app.db)?.status == .open)
            // A goal of their own: a bad date is refused keeping the text; then added to their project.
            let bad = try await me.post(SiteURL.myPlan.relativeURL(), ["text": "Opin ajamaan polkupyörällä", "target_date": "31.2.2027"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("Opin ajamaan polkupyörällä"))
            #expect(try await me.post(SiteURL.myPlan.relativeURL(), ["text": "Opin ajamaan polkupyörällä", "target_date": "1.6.2027"]).status == .seeOther)
            let own = try #require(try await Goal.query(on: app.db).filter(\.$text == "Opin ajamaan polkupyörällä").first())
            #expect(own.$participant.id == base.ownParticipant && own.$project.id == base.ownProject && own.targetDate == "2027-06-01")
            #expect(try await me.get(SiteURL.myPlan.relativeURL()).body.contains("Sinun tavoitteesi"))

            // The coach reads all three on the person's page and in "Tänään".
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let page = try await worker.get(SiteURL.participant(.value(base.ownParticipant)).relativeURL())
            #expect(page.body.contains("Tämä ei ole &lt;minun&gt; tavoitteeni.") && page.body.contains("Osallistuja merkitsi tehdyksi"))
            #expect(page.body.contains("Osallistujan oma tavoite"))
            let today = try await worker.get(SiteURL.today.relativeURL())
            #expect(today.body.contains("Osallistujien viestit suunnitelmistaan") && today.body.contains("lisäsi oman tavoitteen"))
            #expect(today.body.contains("kommentoi tavoitetta") && today.body.contains("merkitsi tavoitteen tehdyksi"))
            // Another project's worker sees none of it.
            let outsider = TestClient(app)
            try await outsider.login(base.otherWorker)
            #expect(!(try await outsider.get(SiteURL.today.relativeURL())).body.contains("Osallistujien viestit suunnitelmistaan"))
        }
    }
}
