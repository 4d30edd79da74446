import Foundation
import NIOConcurrencyHelpers
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// A project's public page (issue 17): written as a draft, published by its manager, read by
/// anyone with figures computed from the records (1–4 as "<5", with their complement), the
/// financing plan with the seed's sums, an index to find it, and taken down again.
@Suite struct PublicPageTests {
    /// Nine more people in the own project: seven women and two men (with the world's one man, three).
    static func addPeople(_ app: Application, project: UUID) async throws {
        for (i, gender) in (Array(repeating: Participant.Gender.female, count: 7) + [.male, .male]).enumerated() {
            let p = Participant()
            p.firstName = "Julkinen\(i)"; p.lastName = "Luku"; p.searchKey = SearchKey.make("Luku", "Julkinen\(i)")
            p.birthDate = "1985-01-01"; p.gender = gender; p.municipality = "Pori"; p.language = "fi"
            try await p.create(on: app.db)
            let e = Enrolment()
            e.$participant.id = p.id!; e.$project.id = project; e.phase = "intake"; e.startDate = "2024-03-01"
            try await e.create(on: app.db)
        }
    }

    static let texts: [String: String] = Dictionary(uniqueKeysWithValues: ProjectTexts.Section.allCases.map { ($0.rawValue, "") })

    @Test(arguments: TestDatabase.allCases)
    func aManagerPublishesAndAnyoneReadsTheComputedResultsAndBudget(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            try await Self.addPeople(app, project: base.ownProject)
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let editor = SiteURL.projectPublicPage(.value(base.ownProject)).relativeURL()
            let publicURL = SiteURL.publicProject(.value("OWN1")).relativeURL()
            let visitor = TestClient(app)
            #expect(try await manager.get(SiteURL.project(.value(base.ownProject)).relativeURL()).body.contains("href=\"\(editor)\""))
            #expect(try await manager.get(editor).body.contains("Sivua ei ole julkaistu."))
            #expect(try await visitor.get(publicURL).status == .notFound)

            // The texts: a post without every section changes nothing; one too long keeps what was typed.
            #expect(try await manager.post(editor, ["solution": "x"]).status == .badRequest)
            var typed = Self.texts
            typed["solution"] = "Vertaisvalmennus <b>ryhmissä</b>" + String(repeating: "a", count: ProjectTexts.maxLength)
            let long = try await manager.post(editor, typed)
            #expect(long.status == .unprocessableEntity && long.body.contains("Vertaisvalmennus &lt;b&gt;ryhmissä"))
            typed["solution"] = "Vertaisvalmennus <b>ryhmissä</b>"
            typed["before"] = "Kartoitus loi perustan."
            #expect(try await manager.post(editor, typed).status == .seeOther)
            #expect(try await visitor.get(publicURL).status == .notFound, "a draft is not public")

            // The financing plan: PARTY's sums.
            let funding = SiteURL.projectFunding(.value(base.ownProject)).relativeURL()
            #expect(try await manager.post(funding, ["source": "eu_state"]).status == .badRequest)
            let bad = try await manager.post(funding, ["year": "", "source": "eu_state", "planned": "paljon", "realised": ""])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("paljon"))
            for (source, planned, realised) in [("eu_state", "3 361 221", "2992663"), ("municipal", "811134", "681 966")] {
                #expect(try await manager.post(funding, ["year": "", "source": source, "planned": planned, "realised": realised]).status == .seeOther)
            }

            #expect(try await manager.post(SiteURL.projectPublicPagePublish(.value(base.ownProject)).relativeURL()).status == .seeOther)
            let page = try await visitor.get(publicURL)
            #expect(page.status == .ok)
            let body = page.body
            #expect(body.contains("Vertaisvalmennus &lt;b&gt;ryhmissä&lt;/b&gt;") && body.contains("Ennen hanketta") && body.contains("Kartoitus loi perustan."))
            #expect(!body.contains("Hyvät käytännöt"), "an empty section is left out")
            #expect(body.contains("4\u{00A0}172\u{00A0}355\u{00A0}€") && body.contains("3\u{00A0}674\u{00A0}629\u{00A0}€"), "public funding planned and realised")
            #expect(body.contains("Luvut laskettu"))
            // Ten people, all in intake: exact. By gender 7 women and 3 men: the 3 is "<5", and the 7 is
            // hidden as "x", or the total would give the 3 away.
            #expect(body.contains("data-label=\"Osallistujia\">10</td>"))
            #expect(!body.contains("data-label=\"Osallistujia\">7</td>") && !body.contains("data-label=\"Osallistujia\">3</td>"))
            #expect(body.components(separatedBy: "data-label=\"Osallistujia\">&lt;5</td>").count - 1 == 1)
            #expect(body.contains("<th scope=\"row\">Nainen</th><td class=\"num\" data-label=\"Osallistujia\">x</td>"))
            #expect(!body.contains(World.ownLastName) && !body.contains("Julkinen0"), "no one's name")
            #expect(page.headers.first(name: .cacheControl) == "public, max-age=30")
            // The project's own page shows the plan's public sums and cost per participant: 3,674,629 € ÷ 10 started.
            let own = try await manager.get(SiteURL.project(.value(base.ownProject)).relativeURL()).body
            #expect(own.contains("Julkinen rahoitus: suunniteltu 4\u{00A0}172\u{00A0}355\u{00A0}€, toteutunut 3\u{00A0}674\u{00A0}629\u{00A0}€."))
            #expect(own.contains("<dt>Kustannus osallistujaa kohden</dt><dd>367\u{00A0}463\u{00A0}€</dd>"))

            // In Swedish, from the same figures.
            visitor.cookies["polku_lang"] = "sv"
            #expect(try await visitor.get(publicURL).body.contains("Resultat i siffror"))
            visitor.cookies["polku_lang"] = nil

            // The index finds it by region and year, not by another region; a bad year is said.
            let index = SiteURL.publicProjects.relativeURL()
            #expect(try await visitor.get(index).body.contains("href=\"\(publicURL)\""))
            #expect(try await visitor.get(index + "?region=Satakunta&year=2025").body.contains("href=\"\(publicURL)\""))
            #expect(!(try await visitor.get(index + "?region=Lappi").body.contains("href=\"\(publicURL)\"")))
            #expect(!(try await visitor.get(index + "?year=2030").body.contains("href=\"\(publicURL)\"")))
            #expect(try await visitor.get(index + "?year=ensi+vuonna").body.contains("error"))
            #expect(try await visitor.get(SiteURL.sitemap.relativeURL()).body.contains(publicURL + "</loc>"))

            // Taken down: gone at once for everyone, cached or not.
            #expect(try await manager.post(SiteURL.projectPublicPageUnpublish(.value(base.ownProject)).relativeURL()).status == .seeOther)
            #expect(try await visitor.get(publicURL).status == .notFound)
            #expect(!(try await visitor.get(SiteURL.sitemap.relativeURL()).body.contains(publicURL)))
            let events = try await World.auditEvents(app).filter { $0.action == "project.update" }.map(\.detail)
            #expect(events.contains("public page published") && events.contains("public page taken down") && events.contains("funding line"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFinancingPlanFromCSVIsAllOrNothing(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let importURL = SiteURL.projectFundingImport(.value(base.ownProject)).relativeURL()
            func lines() async throws -> Int {
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM project_funding").first()!.decode(column: "n", as: Int.self)
            }
            #expect(try await manager.upload(importURL, field: "file", filename: "r.csv", content: "vuosi;lähde;suunniteltu\n2024;oma;100\n").status == .seeOther)
            #expect(try await lines() == 1)
            let bad = try await manager.upload(
                importURL, field: "file", filename: "r.csv", content: "vuosi;lähde;suunniteltu;toteutunut\n2024;EU ja valtio;100;50\n2025;arpajaiset;-1;\n")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Rivi 3, lähde: tuntematon lähde") && bad.body.contains("Rivi 3, suunniteltu: summa ei ole euroja"))
            #expect(try await lines() == 1, "a bad file changes nothing")
            let good = try await manager.upload(
                importURL, field: "file", filename: "r.csv", content: "year,source,planned,realised\n2024,eu_state,100,50\n2025,municipal,30,\n")
            #expect(good.status == .seeOther)
            #expect(try await lines() == 2, "the import replaces the plan")
            let page = try await manager.get(SiteURL.projectPublicPage(.value(base.ownProject)).relativeURL())
            #expect(page.body.contains("Julkinen rahoitus: suunniteltu 130\u{00A0}€, toteutunut 50\u{00A0}€."))
            // A worker of the project may not change it.
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            #expect(try await worker.upload(importURL, field: "file", filename: "r.csv", content: "source;planned\nown;1\n").status == .forbidden)
            #expect(try await lines() == 2)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func figuresAreComputedAgainOnceTheyAreOld(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            let now = NIOLockedValueBox(Date(timeIntervalSince1970: 1_780_000_000))
            app.clock = Clock { now.withLockedValue { $0 } }
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            #expect(try await manager.post(SiteURL.projectPublicPagePublish(.value(base.ownProject)).relativeURL()).status == .seeOther)
            let visitor = TestClient(app)
            let url = SiteURL.publicProject(.value("OWN1")).relativeURL()
            #expect(try await visitor.get(url).body.contains("Hankkeeseen on tullut &lt;5 osallistujaa. Tavoite oli 100."))
            try await Self.addPeople(app, project: base.ownProject)
            // Within the page's half a minute, and within the figures' five minutes: as they were.
            now.withLockedValue { $0 += PublicPageCache.ttl + 1 }
            #expect(try await visitor.get(url).body.contains("data-label=\"Osallistujia\">&lt;5</td>"))
            now.withLockedValue { $0 += PublicFigures.maxAge }
            #expect(try await visitor.get(url).body.contains("data-label=\"Osallistujia\">10</td>"))
            let stored = try #require(try await PublicFigures.stored(base.ownProject, on: app.db.sql))
            #expect(stored.participants == 10 && stored.computedAt == now.withLockedValue { $0 })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func sitesSideBySideHideASmallCellAndItsComplement(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            // The world's one person at Pihlava, nine without a site.
            try await Self.addPeople(app, project: base.ownProject)
            let viewer = TestClient(app)
            try await viewer.login(base.users[.viewer]!)
            let url = SiteURL.projectSites(.value(base.ownProject)).relativeURL()
            #expect(try await viewer.get(SiteURL.project(.value(base.ownProject)).relativeURL()).body.contains("href=\"\(url)\""))
            let body = try await viewer.get(url).body
            // Pihlava's 1 is hidden; the 9 without a site would give it away (10 − 9), so it is hidden too, as "x".
            #expect(body.contains("<th scope=\"row\">Pihlava</th><td class=\"num\" data-label=\"Osallistujia\">&lt;5</td>"))
            #expect(body.contains("<th scope=\"row\">Ei toimipistettä</th><td class=\"num\" data-label=\"Osallistujia\">x</td>"))
            #expect(body.contains("<th scope=\"row\">Yhteensä</th><td class=\"num\" data-label=\"Osallistujia\">10</td>"))
            #expect(!body.contains("data-label=\"Osallistujia\">9</td>") && !body.contains(World.ownLastName))
            let outsider = TestClient(app)
            try await outsider.login(base.otherWorker)
            #expect([.forbidden, .notFound].contains(try await outsider.get(url).status))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func progressAgainstPlanPerSiteAndSubProject(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            try await Self.addPeople(app, project: base.ownProject)
            // A sub-project of 20 planned with two people of its own, run by its own implementer.
            let sub = Project()
            sub.code = "OWN1-A"; sub.name = "Osahanke A"; sub.summary = ""; sub.funder = ""; sub.priorityAxis = ""; sub.specificObjective = ""
            sub.status = .running; sub.startDate = "2024-01-01"; sub.endDate = "2026-12-31"; sub.region = ""; sub.budgetBand = ""
            sub.targetGroups = ""; sub.phases = PhasePlan.defaultPhases.joined(separator: "\n"); sub.plannedParticipants = 20
            sub.$parent.id = base.ownProject
            try await sub.create(on: app.db)
            let org = Organisation(name: "Toteuttaja Oy", kind: .company)
            try await org.create(on: app.db)
            try await ProjectOrganisation(projectID: sub.id!, organisationID: org.id!, role: .administrator).create(on: app.db)
            for i in 0..<2 {
                let p = Participant()
                p.firstName = "Osa\(i)"; p.lastName = "Hanke"; p.searchKey = SearchKey.make("Hanke", "Osa\(i)"); p.birthDate = "1980-01-01"
                p.gender = .female; p.municipality = "Pori"; p.language = "fi"
                try await p.create(on: app.db)
                let e = Enrolment()
                e.$participant.id = p.id!; e.$project.id = sub.id!; e.phase = "intake"; e.startDate = "2024-03-01"
                try await e.create(on: app.db)
            }
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let url = SiteURL.projectProgress(.value(base.ownProject)).relativeURL()
            let plan = SiteURL.projectSitePlan(.value(base.ownProject), .value(base.ownSite)).relativeURL()
            #expect(try await manager.post(plan, [:]).status == .badRequest)
            let bad = try await manager.post(plan, ["planned": "kymmenen"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("kymmenen"))
            #expect(try await manager.post(plan, ["planned": "4"]).status == .seeOther)
            let body = try await manager.get(url).body
            // The joint project: its own 10 and the sub-project's 2, of 100 planned; the sub-project has a share of 2/12.
            #expect(body.contains("Aloittaneita 12, suunniteltu 100 (12 %)."))
            #expect(body.contains("<th scope=\"row\">Osahanke A</th><td class=\"num\" data-label=\"Toteuttaja\">Toteuttaja Oy</td>"))
            #expect(body.contains("data-label=\"Osuus aloittaneista\">17 %</td>"))
            #expect(body.contains("<th scope=\"row\">Pihlava</th><td class=\"num\" data-label=\"Suunniteltu\">4</td><td class=\"num\" data-label=\"Aloittaneet\">1</td>"))
            #expect(body.contains("<svg") && body.contains("Osahankkeet: suunniteltu ja aloittaneet"))
            // A viewer sees the progress and may not set a target.
            let viewer = TestClient(app)
            try await viewer.login(base.users[.viewer]!)
            #expect(try await viewer.get(url).status == .ok)
            #expect(try await viewer.post(plan, ["planned": "9"]).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anExperimentAtASiteWithItsEvaluationAndTheSitesCompared(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let url = SiteURL.projectExperiments(.value(base.ownProject)).relativeURL()
            #expect(try await worker.get(SiteURL.project(.value(base.ownProject)).relativeURL()).body.contains("href=\"\(url)\""))
            let form: [String: String] = [
                "title": "Olohuonekokeilu", "what": "Avoin olohuone <torstaisin>", "site_id": base.ownSite.uuidString,
                "started_on": "1.3.2026", "ended_on": "1.2.2026", "m_polku-life": "on",
            ]
            #expect(try await worker.post(url, ["title": "x"]).status == .badRequest)
            let backwards = try await worker.post(url, form)
            #expect(backwards.status == .unprocessableEntity && backwards.body.contains("Päättymispäivä on ennen alkua.") && backwards.body.contains("Olohuonekokeilu"))
            #expect(try await worker.post(url, form.merging(["ended_on": ""]) { $1 }).status == .seeOther)
            let id = try #require(try await app.db.sql.raw("SELECT id FROM experiments").first()?.decode(column: "id", as: UUID.self))
            let evaluate = SiteURL.projectExperiment(.value(base.ownProject), .value(id)).relativeURL()
            #expect(try await worker.post(evaluate, ["evaluation": "Nuoret tulivat"]).status == .badRequest)
            #expect(try await worker.post(evaluate, ["evaluation": "Nuoret tulivat omin ehdoin.", "results": "Kävijöitä 12 kertaa kuussa."]).status == .seeOther)
            let page = try await worker.get(url).body
            #expect(page.contains("Avoin olohuone &lt;torstaisin&gt;") && page.contains(">Nuoret tulivat omin ehdoin.</textarea>"))
            #expect(page.contains("<th scope=\"row\">Pihlava</th><td class=\"num\" data-label=\"Kokeiluja\">1</td><td class=\"num\" data-label=\"Päättyneitä\">0</td>"))
            let outsider = TestClient(app)
            try await outsider.login(base.otherWorker)
            #expect([.forbidden, .notFound].contains(try await outsider.post(evaluate, ["evaluation": "x", "results": "y"]).status))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aSitesOwnPageWithItsPlanPartnersAndFigures(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let base = try await World.make(app)
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let page = SiteURL.projectSite(.value(base.ownProject), .value(base.ownSite)).relativeURL()
            #expect(try await manager.get(SiteURL.project(.value(base.ownProject)).relativeURL()).body.contains("href=\"\(page)\""))
            let plan = SiteURL.projectSitePlanText(.value(base.ownProject), .value(base.ownSite)).relativeURL()
            let partners = SiteURL.projectSitePartners(.value(base.ownProject), .value(base.ownSite)).relativeURL()
            #expect(try await manager.post(plan, [:]).status == .badRequest)
            #expect(try await manager.post(plan, ["development_plan": "Pihlava 2020: kylätalo auki iltaisin."]).status == .seeOther)
            for (name, kind) in [("Pihlavan Kyläyhdistys ry", "association"), ("Porin kaupunki", "public_body"), ("Pihlavan Seudun Työttömät ry", "association")] {
                #expect(try await manager.post(partners, ["name": name, "kind": kind]).status == .seeOther)
            }
            let twice = try await manager.post(partners, ["name": "porin kaupunki", "kind": "public_body"])
            #expect(twice.status == .unprocessableEntity && twice.body.contains("porin kaupunki"))
            let viewer = TestClient(app)
            try await viewer.login(base.users[.viewer]!)
            let body = try await viewer.get(page).body
            #expect(body.contains("Pihlava 2020: kylätalo auki iltaisin.") && body.contains("data-label=\"Lukumäärä\">2</td>"))
            #expect(body.contains("<th scope=\"row\">Osallistujia</th><td class=\"num\">&lt;5</td>") && !body.contains(World.ownLastName))
            #expect(!body.contains("action=\"\(plan)\""), "a viewer gets no form")
            #expect(try await viewer.post(plan, ["development_plan": "x"]).status == .forbidden)
            // Another project's site is not this project's page.
            #expect(try await manager.get(SiteURL.projectSite(.value(base.ownProject), .value(UUID())).relativeURL()).status == .notFound)
        }
    }
}
