import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// The participant page's model read straight from the database, without HTTP: what a worker and a
/// health professional each get, on both databases.
@Suite struct ParticipantShowQueryTests {
    static func scope(_ world: World, roles: Set<Role>, alsoWritesIn other: Bool = false) -> ParticipantScope {
        var byProject: [UUID: Set<Role>] = [world.ownProject: roles]
        if other { byProject[world.otherProject] = [.worker] }
        let actor = Actor(
            userID: PageFixtures.id(1_600), email: "query@test", name: "Query", isAdmin: false, rolesByProject: byProject,
            projectNames: [world.ownProject: "Oma hanke", world.otherProject: "Toinen hanke"])
        return ParticipantScope(participantID: world.ownParticipant, actor: actor, projects: [world.ownProject: ProjectAccess(roles: roles)])
    }

    @Test(arguments: TestDatabase.allCases)
    func aWorkerGetsThePersonTheirProjectAndNoHealthData(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let m = try #require(
                try await ParticipantShow.query(
                    scope: Self.scope(world, roles: [.worker], alsoWritesIn: true),
                    lang: .fi, today: CalendarDate(year: 2025, month: 1, day: 1)!, on: app.db))
            #expect(m.data.person.last_name == World.ownLastName)
            #expect(m.data.enrolments.map(\.project_name) == ["Oma hanke"])
            #expect(m.data.notes.map(\.body) == [World.normalNote])
            #expect(m.data.goals.map(\.text) == ["Työkokeiluun"])
            #expect(m.enrollable.map(\.name) == ["Toinen hanke"], "the other project the worker writes in, by name")
            #expect(m.measureChoices.map(\.key) == ["polku-life"], "WHO-5 is health data: not offered to a worker")
            #expect(!m.hasAccount)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aHealthProfessionalAlsoGetsHealthNotesAndWHO5(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let m = try #require(
                try await ParticipantShow.query(
                    scope: Self.scope(world, roles: [.worker, .healthProfessional]),
                    lang: .fi, today: CalendarDate(year: 2025, month: 1, day: 1)!, on: app.db))
            #expect(Set(m.data.notes.map(\.body)) == [World.normalNote, World.healthNote])
            #expect(Set(m.measureChoices.map(\.key)) == ["polku-life", "who5"])
            #expect(m.enrollable.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aRemovedPersonIsNil(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            var scope = Self.scope(world, roles: [.worker])
            scope = ParticipantScope(participantID: UUID(), actor: scope.actor, projects: scope.projects)
            #expect(try await ParticipantShow.query(scope: scope, lang: .fi, today: CalendarDate(year: 2025, month: 1, day: 1)!, on: app.db) == nil)
        }
    }
}
