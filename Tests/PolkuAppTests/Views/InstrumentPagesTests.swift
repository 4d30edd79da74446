import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The instrument pages: a project's choice (a form for managers, a list for others) and the library,
/// from fixed models and from their queries on both databases.
@Suite struct InstrumentPagesTests {
    typealias F = PageFixtures

    static let who5 = InstrumentPages.Listed(
        id: F.id(900), key: "who5", version: 1, name: LocalizedText(fi: "WHO-5 hyvinvointi", sv: "WHO-5 välbefinnande", en: "WHO-5 wellbeing"), health: true,
        licence: nil, origin: "bundled")
    static let map = InstrumentPages.Listed(
        id: F.id(901), key: "kykyviisari", version: 2, name: LocalizedText(fi: "Kykyviisari <lisensoitu>"), health: false, licence: "deployment",
        origin: "uploaded")

    @Test func managersGetAFormOthersAList() {
        let model = InstrumentPages.Choice(id: F.project, name: "RUORI2", used: ["who5"], all: [Self.who5, Self.map], canManage: true)
        let form = InstrumentPages.projectPage(model, context: F.context(F.worker())).render()
        #expect(form.contains("name=\"use_who5\" value=\"on\" checked") && form.contains("Kykyviisari &lt;lisensoitu&gt; (v2)"))
        assertSnapshot(of: form, as: .html)
        var reader = model
        reader.canManage = false
        let list = InstrumentPages.projectPage(reader, context: F.context(F.worker(), lang: .sv)).render()
        #expect(!list.contains("instruments_form") && list.contains("<li>WHO-5 välbefinnande (v1)"))
    }

    @Test func aRefusedUploadListsItsProblems() {
        let model = InstrumentPages.Library(instruments: [Self.who5, Self.map], answers: [F.id(900): 12], problems: ["items[2].scale: <missing>"])
        let html = InstrumentPages.libraryPage(model, context: F.context(nil), status: .unprocessableEntity).render()
        #expect(html.contains("<code>items[2].scale: &lt;missing&gt;</code>") && html.contains(">12</td>"))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueries(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let choice = try #require(try await InstrumentPages.project(world.ownProject, canManage: false, on: app.db))
            #expect(choice.name == "Oma hanke" && choice.used == ["who5", "polku-life"])
            #expect(choice.all.contains { $0.key == "who5" && $0.health } && Set(choice.all.map(\.key)).count == choice.all.count, "one line per instrument")
            let library = try await InstrumentPages.library(on: app.db)
            #expect(library.instruments.count >= choice.all.count && library.answers.isEmpty)
            #expect(try await InstrumentPages.project(F.id(1_501), canManage: true, on: app.db) == nil)
        }
    }
}
