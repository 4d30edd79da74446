@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// The participant import's page from fixed outcomes: every problem listed by line and column, or what
/// the file did.
@Suite struct ImportPageTests {
    typealias F = PageFixtures

    @Test func aRefusedFileListsEveryProblem() {
        let problems: [ParticipantImport.Problem] = [
            .init(line: 3, column: "birth_date", message: "error.date"), .init(line: 0, column: nil, message: "import.no_file"),
        ]
        let html = ImportPage.page(.init(project: F.project, name: "RUORI2", outcome: .refused(problems)), context: F.context(F.worker()), status: .unprocessableEntity)
            .render()
        #expect(html.contains("<td>3</td>") && html.contains("<td>birth_date</td>") && html.contains("<td>–</td>"))
        #expect(html.contains("enctype=\"multipart/form-data\"") && html.contains("csrf-fixture"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func whatAFileDid() {
        let html = ImportPage.page(
            .init(project: F.project, name: "RUORI2", outcome: .imported(.init(created: 70, updated: 3, unchanged: 1))), context: F.context(F.worker(), lang: .en)
        )
        .render()
        #expect(html.contains("role=\"status\"") && html.contains("70"))
    }
}
