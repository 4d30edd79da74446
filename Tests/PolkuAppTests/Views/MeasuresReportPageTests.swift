import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The measures report page: its query on both databases (health instruments only for health roles)
/// and its HTML from a fixed model (an average change only from five people measured twice).
@Suite struct MeasuresReportPageTests {
    typealias F = PageFixtures

    @Test func changesFromFivePeopleUp() {
        var line = MeasuresReport.Line(key: "polku-life", name: LocalizedText(fi: "Elämäntilanne <kartta>", sv: "Livssituation", en: "Life situation"))
        line.measured = 9; line.repeated = 6
        line.changeSums = ["total": 9, "d:home": 2]
        line.changeCounts = ["total": 6, "d:home": 3]
        var few = MeasuresReport.Line(key: "goal-scale", name: LocalizedText(fi: "Tavoiteasteikko", sv: "Målskala", en: "Goal scale"))
        few.measured = 3; few.repeated = 2
        var m = MeasuresReportPage.Model(project: .init(id: F.project, name: "RUORI2"), sites: [.init(id: F.site, name: "Pihlava")], state: FormState())
        m.report.lines = [line, few]
        m.hidesHealth = true
        let html = MeasuresReportPage.page(m, context: F.context(F.worker())).render()
        #expect(html.contains("Elämäntilanne &lt;kartta&gt;") && html.contains("+1,5"), "the total's average change: 9 / 6")
        #expect(!html.contains("d:home") && html.contains(">6</td>"))
        #expect(html.contains("class=\"notice\""), "says that health instruments were left out")
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func healthInstrumentsOnlyForHealthRoles(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let who5 = try #require(try await Instrument.query(on: app.db).filter(\.$key == "who5").first())
            let answers: [String: Double] = ["1": 3, "2": 3, "3": 3, "4": 3, "5": 3]
            let scored = try InstrumentScoring.score(try #require(who5.definition), Answers(values: answers)).get()
            let a = Assessment()
            a.$participant.id = world.ownParticipant; a.$project.id = world.ownProject; a.$instrument.id = who5.id!; a.date = "2024-03-01"
            a.answers = AnswerCoding.encode(answers); a.total = scored.total; a.scaled = scored.scaled
            a.scores = String(decoding: try JSONEncoder().encode(scored), as: UTF8.self)
            try await a.create(on: app.db)
            let project = try #require(try await Project.find(world.ownProject, on: app.db))
            func request(_ roles: Set<Role>, _ values: [String: String] = [:]) -> ReportRequest {
                var state = FormState()
                state.values = values
                let period = ReportPeriod.read(&state, sites: [])
                return ReportRequest(project: project, access: ProjectAccess(roles: roles), sites: [], state: state, period: period)
            }
            let worker = try await MeasuresReportPage.query(request([.worker]), on: app.db)
            #expect(worker.hidesHealth && worker.report.lines.isEmpty && worker.definitions["who5"] != nil)
            let nurse = try await MeasuresReportPage.query(request([.worker, .healthProfessional]), on: app.db)
            #expect(!nurse.hidesHealth && nurse.report.lines.map(\.key) == ["who5"] && nurse.report.lines[0].measured == 1)
            let bad = try await MeasuresReportPage.query(request([.worker, .healthProfessional], ["from": "1.13.2024"]), on: app.db)
            #expect(!bad.state.isValid && bad.report.lines.isEmpty)
        }
    }
}
