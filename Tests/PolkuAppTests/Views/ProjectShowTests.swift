import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The project page from a fixed model: what a manager sees (counts, parts with their add forms), what a
/// partner's worker without aggregate rights sees, a refused add form with what was typed; and its query.
@Suite struct ProjectShowTests {
    typealias F = PageFixtures

    static func model() -> ProjectShow.Model {
        let p = Project()
        p.id = F.project; p.code = "OMA1"; p.name = "Polku <Pori>"; p.summary = "Kuvaus\nToinen kappale"; p.funder = "ELY"; p.priorityAxis = "TL5"
        p.specificObjective = "10.1"; p.status = .running; p.startDate = "2024-01-01"; p.endDate = "2026-12-31"; p.region = "Satakunta"
        p.budgetBand = ""; p.plannedParticipants = 40; p.targetGroups = "Työttömät\nNuoret"; p.phases = PhasePlan.defaultPhases.joined(separator: "\n")
        let org = Organisation(id: F.id(1_900), name: "Porin kaupunki", businessID: "0204819-8", kind: .municipality)
        let link = ProjectOrganisation(projectID: F.project, organisationID: F.id(1_900), role: .administrator)
        link.id = F.id(1_901)
        let site = Site(id: F.site, projectID: F.project, name: "Pihlava", municipality: "Pori", kind: .neighbourhood)
        let seat = SteeringMember(projectID: F.project, name: "", organisation: "TE-palvelut", role: "Puheenjohtaja")
        seat.id = F.id(1_902)
        let outcome = ProjectOutcome(projectID: F.project, name: "Vapaaehtoistyö", mapsTo: .workTrial)
        outcome.id = F.id(1_903)
        return ProjectShow.Model(
            project: p, organisations: [(link, org)], steering: [seat], sites: [site], subProjects: [], parent: nil, participants: 12,
            participantsBySite: [F.site: 9], participantsByPhase: ["intake": 5, "coaching": 7], allOrganisations: [org], ownOutcomes: [outcome])
    }

    static func manager() -> Actor {
        Actor(userID: F.id(101), email: "m@example.invalid", name: "Maija Manageri", isAdmin: false, rolesByProject: [F.project: [.projectManager]])
    }

    @Test func aManagerSeesCountsAndForms() {
        let actor = Self.manager()
        let html = ProjectShow.page(Self.model(), access: actor.access(to: F.project), actor: actor, context: F.context(actor)).render()
        #expect(html.contains("Polku &lt;Pori&gt;") && html.contains("12 osallistujaa 40 suunnitellusta (30 %)"))
        #expect(html.contains(SiteURL.projectPart(.value(F.project), .sites).relativeURL()))
        #expect(html.contains(SiteURL.projectPartDelete(.value(F.project), .steering, .value(F.id(1_902))).relativeURL()))
        assertSnapshot(of: html, as: .html)
    }

    @Test func withoutAggregateRightsNoCountsNorForms() {
        let actor = Actor(userID: F.id(102), email: "v@example.invalid", name: "Vieras", isAdmin: false, rolesByProject: [:])
        let html = ProjectShow.page(Self.model(), access: actor.access(to: F.project), actor: actor, context: F.context(actor, lang: .en)).render()
        #expect(
            !html.contains("12 osallistujaa 40 suunnitellusta (30 %)")
                && !html.contains("<form method=\"post\" action=\"\(SiteURL.projectPart(.value(F.project), .sites).relativeURL())"))
        #expect(!html.contains(SiteURL.projectEdit(.value(F.project)).relativeURL()))
    }

    @Test func aRefusedAddFormKeepsWhatWasTyped() {
        let actor = Self.manager()
        var form = FormState()
        form.values = ["site_name": "", "site_municipality": "Ulvila <x>"]
        form.errors["site_name"] = "error.required"
        let html = ProjectShow.page(Self.model(), access: actor.access(to: F.project), actor: actor, partForm: form, context: F.context(actor), status: .unprocessableEntity)
            .render()
        #expect(html.contains("value=\"Ulvila &lt;x&gt;\"") && html.contains("aria-invalid=\"true\""))
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryCountsBySiteAndPhase(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let m = try #require(try await ProjectShow.Model.query(world.ownProject, on: app.db))
            #expect(m.project.name == "Oma hanke" && m.sites.map(\.name) == ["Pihlava"] && m.participants == 1)
            #expect(m.participantsBySite == [world.ownSite: 1] && m.participantsByPhase == ["intake": 1])
            #expect(try await ProjectShow.Model.query(F.id(1_904), on: app.db) == nil)
        }
    }
}
