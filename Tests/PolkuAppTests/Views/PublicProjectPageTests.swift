import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The public project page and the manager's editor from fixed models: texts as sections, results
/// with suppression and its complement, the financing plan with cost per person, dated figures.
@Suite struct PublicProjectPageTests {
    typealias F = PageFixtures

    static func model() -> PublicProjectPage.Model {
        let facts = PublicProjectPage.Facts(
            id: F.project, code: "S20519", name: "PARTY", summary: "Rauman kaupungin hallinnoima.\nLähes 28 % löysi ratkaisun.",
            funder: "STM (ESR)", priority_axis: "TL5", specific_objective: "10.1", status: "ended", start_date: "2015-04-01",
            end_date: "2018-03-31", region: "Valtakunnallinen", budget_band: "noin 4,2 milj. €", planned_participants: 1_118,
            target_groups: "Pitkäaikaistyöttömät\nOsatyökykyiset", phases: PhasePlan.defaultPhases.joined(separator: "\n"))
        var figures = PublicFigures(computedAt: F.morning)
        figures.participants = 1_130; figures.started = 1_100; figures.leavers = 900; figures.completed = 640; figures.solutions = 250
        figures.byPhase = [.init(key: "intake", n: 20), .init(key: "start", n: 3), .init(key: "coaching", n: 207), .init(key: "closing", n: 900)]
        figures.byGender = [.init(key: "female", n: 520), .init(key: "male", n: 606), .init(key: "other", n: 4), .init(key: "unknown", n: 0)]
        figures.outcomes = [.init(key: "open_labour_market", n: 120), .init(key: "education_or_training", n: 2), .init(key: "interrupted", n: 60)]
        figures.activities = [.init(key: "social_rehabilitation", sessions: 80, attendances: 640, people: 45)]
        figures.activityTotal = .init(key: "", sessions: 80, attendances: 640, people: 45)
        figures.measures = [.init(key: "polku-life", name: LocalizedText(fi: "Elämäntilanteen kartta", en: "Life map"), measured: 300, repeated: 120, improved: 70, worsened: 3)]
        var m = PublicProjectPage.Model(
            facts: facts,
            texts: ProjectTexts.Stored(
                draft: [:], published: ["solution": "Monialainen yhteispalvelu.", "before": "Kartoitus loi perustan."], publishedAt: F.morning,
                publishedBy: "Maija Manageri"),
            figures: figures)
        m.organisations = [.init(name: "Rauman kaupunki", role: "administrator"), .init(name: "Vates-säätiö", role: "partner")]
        m.steering = [.init(name: "Rauman kaupunki", role: "Puheenjohtaja")]
        m.sites = ["Rauma", "Turku"]
        m.funding = FundingSummary([
            FundingLine(year: nil, source: .euState, planned: 3_361_221, realised: 2_992_663),
            FundingLine(year: nil, source: .municipal, planned: 811_134, realised: 681_966),
        ])
        return m
    }

    @Test func theSeedsSectionsResultsAndBudget() {
        let html = PublicProjectPage.view(Self.model(), context: F.context(nil)).render()
        #expect(html.contains("<h2 id=\"pub-solution\">Ratkaisun kuvaus</h2><p>Monialainen yhteispalvelu.</p>"))
        #expect(html.contains("<h3>Ennen hanketta</h3><p>Kartoitus loi perustan.</p>") && !html.contains("Hyvät käytännöt"))
        #expect(html.contains("Hankkeeseen on tullut 1100 osallistujaa. Tavoite oli 1118."))
        // The start phase's 3 is "<5" and intake's 20, the next smallest, "x"; by gender, "other"'s 4 takes with it the
        // smallest other count, the women's 520.
        #expect(html.contains("data-label=\"Osallistujia\">&lt;5</td>") && !html.contains("data-label=\"Osallistujia\">3</td>"))
        #expect(html.contains("<th scope=\"row\">Tulovaihe</th><td class=\"num\" data-label=\"Osallistujia\">x</td>") && html.contains("data-label=\"Osallistujia\">207</td>"))
        #expect(!html.contains("data-label=\"Osallistujia\">520</td>") && html.contains("data-label=\"Osallistujia\">606</td>"))
        #expect(html.contains("data-label=\"Henkilöitä\">&lt;5</td>") && html.contains("data-label=\"Henkilöitä\">120</td>"))
        #expect(html.contains("4\u{00A0}172\u{00A0}355\u{00A0}€") && html.contains("3\u{00A0}674\u{00A0}629\u{00A0}€"))
        // Cost: 3,674,629 € ÷ 1,100 started = 3,341 €; ÷ 640 completed = 5,742 €.
        #expect(html.contains("3\u{00A0}341\u{00A0}€") && html.contains("5\u{00A0}742\u{00A0}€"))
        #expect(html.contains("Luvut laskettu 10.3.2026"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func theEditorShowsTheDraftTheStateAndEveryImportProblem() {
        let m = ProjectPageEditor.Model(
            project: F.project, name: "PARTY", code: "S20519",
            texts: ProjectTexts.Stored(draft: ["solution": "Uusi luonnos"], published: ["solution": "Vanha"], publishedAt: F.morning, publishedBy: "Maija Manageri"),
            funding: [.init(id: F.id(50), year: nil, source: "eu_state", planned: 3_361_221, realised: 2_992_663)], figures: nil,
            importProblems: [.init(line: 3, column: "source", code: "source"), .init(line: 4, column: "planned", code: "amount")])
        let html = ProjectPageEditor.view(m, context: F.context(F.worker())).render()
        #expect(html.contains("Julkaistu 10.3.2026") && html.contains("Maija Manageri") && html.contains("Luonnoksessa on muutoksia"))
        #expect(html.contains(">Uusi luonnos</textarea>"))
        #expect(html.contains("Rivi 3, lähde: tuntematon lähde") && html.contains("Rivi 4, suunniteltu: summa ei ole euroja"))
        #expect(html.contains("href=\"/p/S20519\""))
        assertSnapshot(of: html, as: .html)
    }
}
