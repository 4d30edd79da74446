import Foundation
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
        let html = ImportPage.page(
            .init(project: F.project, name: "RUORI2", run: .decided(.init(.refused(problems))), job: nil), context: F.context(F.worker()), status: .unprocessableEntity
        )
        .render()
        #expect(html.contains(">3</td>") && html.contains(">birth_date</td>") && html.contains(">–</td>"))
        #expect(html.contains("enctype=\"multipart/form-data\"") && html.contains("csrf-fixture"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func whatAFileDid() {
        let html = ImportPage.page(
            .init(project: F.project, name: "RUORI2", run: .decided(.init(.imported(.init(created: 70, updated: 3, unchanged: 1)))), job: nil),
            context: F.context(F.worker(), lang: .en)
        )
        .render()
        #expect(html.contains("role=\"status\"") && html.contains("70"))
    }

    /// A large file is read by a background job: the page says so and links to itself to look again.
    @Test func aFileBeingRead() {
        let job = UUID(uuidString: "00000000-0000-0000-0000-0000000000AB")!
        let html = ImportPage.page(.init(project: F.project, name: "RUORI2", run: .pending, job: job), context: F.context(F.worker())).render()
        #expect(html.contains("role=\"status\"") && html.contains("Tiedostoa luetaan"))
        #expect(html.contains("href=\"\(SiteURL.projectImportRun(.value(F.project), .value(job)).relativeURL())\""))
    }

    /// A file with more problems than a page holds shows the first thousand and says how many there are.
    @Test func manyProblemsAreCounted() {
        let problems = (2...1_502).map { ParticipantImport.Problem(line: $0, column: "birth_date", message: "error.date") }
        let html = ImportPage.page(.init(project: F.project, name: "RUORI2", run: .decided(.init(.refused(problems))), job: nil), context: F.context(F.worker()))
            .render()
        #expect(html.contains("1501 virhettä") && html.contains("ensimmäiset 1000"))
        #expect(html.contains(">1001</td>") && !html.contains(">1002</td>"))
    }
}
