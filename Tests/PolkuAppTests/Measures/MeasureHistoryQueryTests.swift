import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// The history page's model read without HTTP after two WHO-5 results were saved through the form.
@Suite struct MeasureHistoryQueryTests {
    @Test(arguments: TestDatabase.allCases)
    func twoResultsWithTheirDefinitionAndThePersonsName(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let health = TestClient(app)
            try await health.login(world.users[.healthProfessional]!)
            for (date, values) in [("1.3.2024", [1, 2, 1, 2, 1]), ("1.6.2024", [3, 3, 4, 3, 3])] {
                let saved = try await health.post(
                    SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(),
                    AssessmentTests.who5(world, date: date, values))
                #expect(saved.status == .seeOther)
            }
            let scope = ParticipantScope(
                participantID: world.ownParticipant,
                actor: Actor(userID: UUID(), email: "q@test", name: "Q", isAdmin: false, rolesByProject: [:]),
                projects: [world.ownProject: ProjectAccess(roles: [.healthProfessional])])
            let history = try await MeasureQueries.history(participant: world.ownParticipant, key: "who5", scope: scope, on: app.db)
            let latest = try #require(InstrumentLibrary.bundledFiles().first { $0.name == "who5.json" }).data
            let m = try #require(
                try await MeasureHistory.query(
                    participant: world.ownParticipant, key: "who5", history: history,
                    latestDefinition: try DefinitionCheck.load(latest).get(), on: app.db))
            #expect(m.lastName == World.ownLastName)
            #expect(m.history.map(\.date) == ["2024-03-01", "2024-06-01"])
            #expect(m.history.map(\.scores.total) == [7, 16])
            #expect(m.definitions.count == 1 && m.definitions.values.first?.key == "who5")
            #expect(m.goalTexts.isEmpty, "goals are read only for goal attainment")
        }
    }
}
