import Foundation
import PolkuCore
import SnapshotTesting
import Testing
@testable import PolkuApp

/// WHO-5's history page and the plain-words page from fixed results: the chart, the table and the
/// change rule as a worker and the participant see them.
@Suite struct MeasureHistorySnapshotTests {
    typealias F = PageFixtures

    static func model() throws -> MeasureHistory.Model {
        let file = try #require(InstrumentLibrary.bundledFiles().first { $0.name == "who5.json" })
        let who5 = try DefinitionCheck.load(file.data).get()
        let instrument = F.id(80)
        func result(_ n: Int, _ date: String, _ values: [Double], comment: String? = nil) throws -> MeasureQueries.Stored {
            let answers = Answers(values: Dictionary(uniqueKeysWithValues: zip(who5.items.map(\.id), values)))
            return MeasureQueries.Stored(
                id: F.id(90 + n), project: F.project, date: date, answers: answers,
                scores: try InstrumentScoring.score(who5, answers).get(), instrument: instrument, version: who5.version, ownComment: comment)
        }
        return MeasureHistory.Model(
            participant: F.participant, firstName: "Aino", lastName: "Demonen", key: "who5",
            history: [try result(1, "2026-01-12", [1, 2, 1, 2, 1]), try result(2, "2026-03-01", [3, 3, 4, 3, 3], comment: "Olen eri mieltä: kevät auttoi.")],
            latestDefinition: who5, definitions: [instrument: who5], goalTexts: [:])
    }

    @Test func theTeamSeesScoresChangeAndTheTable() throws {
        let html = MeasureHistory.page(try Self.model(), context: F.context(F.worker(health: true))).render()
        #expect(html.contains("<table"), "the chart's numbers are also a table")
        assertSnapshot(of: html, as: .html)
    }

    /// The participant's own page also has the charts and the table, and their word on the result.
    @Test func theParticipantReadsItInPlainWords() throws {
        let html = MeasureHistory.forParticipant(try Self.model(), own: true, context: F.context(nil)).render()
        #expect(html.contains("id=\"chart-total\"") && html.contains("<table") && html.contains("Kirjoitit: </strong>Olen eri mieltä"))
        assertSnapshot(of: html, as: .html)
    }
}
