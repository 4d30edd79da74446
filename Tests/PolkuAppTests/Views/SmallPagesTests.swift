import Foundation
@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// Pages with no query of their own, from fixed values: the ESF data form, the people behind a figure,
/// the error page and the page that keeps a refused form's fields.
@Suite struct SmallPagesTests {
    typealias F = PageFixtures

    @Test func theESFDataFormListsWhatIsMissing() {
        var state = FormState()
        state.values = ["labour_status": "long_term_unemployed", "unemployed_months": "14", "service_outcome": "own:\(F.id(2_100))"]
        let form = ParticipationDataForm(
            participantID: F.participant, enrolmentID: F.id(2_101), personName: "Aino Demonen", projectName: "Polku <Pori>", startDate: "2026-02-01",
            ownOutcomes: [.init(id: F.id(2_100), name: "Vapaaehtoistyö", mapsTo: .workTrial)], missing: [.education, .disability],
            state: state)
        var context = F.context(F.worker())
        context.flash = Flash("esf.saved")
        let html = form.page(context: context).render()
        #expect(html.contains("href=\"#f-isced\"") && html.contains("href=\"#f-disability\"") && html.contains("role=\"status\""))
        #expect(html.contains("value=\"own:\(F.id(2_100))\" selected") && html.contains("Polku &lt;Pori&gt;") && html.contains("value=\"14\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test func thePeopleBehindAFigureAreSortedByName() {
        let people = [(id: F.id(2_110), name: "Virtanen, Ville"), (id: F.id(2_111), name: "Aalto, Aino")]
        let html = ReportPeople.page(
            "1a Työttömät", project: (F.project, "Polku"), listing: .init(people, after: nil), query: [("code", "1a")], context: F.context(F.worker())
        ).render()
        let a = html.range(of: "Aalto, Aino"), v = html.range(of: "Virtanen, Ville")
        #expect(a != nil && v != nil && a!.lowerBound < v!.lowerBound)
        assertSnapshot(of: html, as: .html)
        let none = ReportPeople.page("1a", project: (F.project, "Polku"), listing: .init([], after: nil), query: [], context: F.context(F.worker())).render()
        #expect(!none.contains("<ul>\n") && !none.contains("<ul></ul>"))
    }

    @Test func anErrorPageSaysWhatHappenedInTheReadersLanguage() {
        let notFound = ErrorPageMiddleware.page(.notFound, reason: nil, context: F.context(nil)).render()
        let csrf = ErrorPageMiddleware.page(.forbidden, reason: "csrf", context: F.context(F.worker(), lang: .en)).render()
        let forbidden = ErrorPageMiddleware.page(.forbidden, reason: nil, context: F.context(F.worker(), lang: .en)).render()
        #expect(notFound.contains("<html lang=\"fi\">") && csrf.contains("<html lang=\"en\">") && csrf != forbidden)
        assertSnapshot(of: notFound, as: .html)
    }

    @Test func aRefusedFormComesBackWithWhatWasTyped() {
        let note = String(repeating: "Pitkä muistiinpano. ", count: 250)
        let fields = [("project", F.project.uuidString), ("body", note), ("password", "salasana"), ("kind", "normal")]
        let html = FormReplay.page(
            action: SiteURL.participant(.value(F.participant)).relativeURL(), fields: fields, message: "Lomake vanheni.", context: F.context(F.worker()),
            status: .forbidden
        ).render()
        #expect(html.contains("name=\"body\" value=\"\(note)\"") && !html.contains("salasana"), "the whole note rides along; the password never")
        #expect(html.contains("<li>Pitkä muistiinpano.") && !html.contains("<li>normal</li>") && html.contains("name=\"_csrf\" value=\"csrf-fixture\""))
    }
}
