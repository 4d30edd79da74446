import Foundation
@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// The assessment form from shipped definitions: WHO-5 as one radio scale per item, a goal scale with
/// the person's goals (and without any), measurements as number fields, and a refused form kept.
@Suite struct AssessmentFormTests {
    typealias F = PageFixtures

    static func definition(_ key: String) throws -> InstrumentDefinition {
        let file = try #require(InstrumentLibrary.bundledFiles().first { $0.name == "\(key).json" })
        return try DefinitionCheck.load(file.data).get()
    }

    static func form(_ key: String, goals: [AssessmentForm.Goal] = [], state: FormState = FormState()) throws -> AssessmentForm {
        var state = state
        if state.values["date"] == nil { state.values["date"] = "2026-03-15" }
        return AssessmentForm(
            participantID: F.participant, project: F.project, personName: "Aino Demonen", definition: try definition(key), goals: goals, state: state)
    }

    @Test func who5HasOneScalePerItem() throws {
        let html = try Self.form("who5").page(context: F.context(F.worker(health: true))).render()
        #expect(html.components(separatedBy: "<fieldset class=\"scale\"").count - 1 == 5)
        #expect(html.contains("name=\"project\" value=\"\(F.project.uuidString)\"") && html.contains("name=\"instrument\" value=\"who5\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aGoalScaleAsksOfEachGoal() throws {
        let goals = [AssessmentForm.Goal(id: F.id(1_950), text: "Työkokeiluun <keväällä>"), .init(id: F.id(1_951), text: "Päivärytmi")]
        let html = try Self.form("goal-scale", goals: goals).page(context: F.context(F.worker(), lang: .en)).render()
        #expect(html.contains("name=\"a_\(F.id(1_950))\"") && html.contains("Työkokeiluun &lt;keväällä&gt;"))
        #expect(!html.contains("class=\"notice\""))
        let none = try Self.form("goal-scale").page(context: F.context(F.worker())).render()
        #expect(none.contains("class=\"notice\""), "without goals the form says so")
    }

    @Test func measurementsAreNumberFieldsAndARefusalKeepsThem() throws {
        let d = try Self.definition("fitness")
        let first = try #require(d.items.first)
        var state = FormState()
        state.values = ["date": "2026-03-15", "a_\(first.id)": "9999"]
        state.errors["a_\(first.id)"] = "measure.error.range:0–300"
        let html = try Self.form("fitness", state: state).page(context: F.context(F.worker()), status: .unprocessableEntity).render()
        #expect(html.contains("value=\"9999\"") && html.contains("aria-invalid=\"true\"") && !html.contains("type=\"radio\""))
        assertSnapshot(of: html, as: .html)
    }
}
