import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct ESFReportTests {
    /// Six participants with known data: five complete, one lacking its education.
    static func seed(_ app: Application, _ world: World) async throws {
        let rows: [(String, String, LabourStatus, Int?, Int?, String?, ServiceOutcome?, SituationOnLeaving?)] = [
            ("Aaltonen", "1990-01-01", .unemployed, 14, 3, "2024-06-01", .openLabourMarket, .employed),
            ("Bergström", "2001-05-05", .unemployed, 7, 2, "2024-06-01", .educationOrTraining, .educationOrTraining),
            ("Castrén", "1965-02-02", .inactiveOther, nil, 5, "2024-06-01", .activeJobSeeker, .jobSearching),
            ("Dahl", "1980-03-03", .employed, nil, 6, nil, nil, nil),
            ("Eskola", "1970-04-04", .unemployed, 30, 0, "2024-06-01", .rehabilitativeWorkActivity, .inactive),
            ("Fagerström", "1985-05-05", .unemployed, 3, nil, nil, nil, nil),
        ]
        for (last, born, status, months, isced, exit, outcome, situation) in rows {
            let p = Participant()
            p.firstName = "Testi"; p.lastName = last; p.searchKey = SearchKey.make(last, "Testi"); p.birthDate = born
            p.gender = .female; p.municipality = "Pori"; p.language = "fi"
            try await p.create(on: app.db)
            let e = Enrolment()
            e.$participant.id = p.id!; e.$project.id = world.ownProject; e.phase = exit == nil ? "coaching" : "exit"; e.startDate = "2024-02-01"
            e.labourStatus = status; e.unemployedMonths = months; e.isced = isced
            e.disability = .no; e.foreignBackground = .no; e.minority = .declined; e.otherDisadvantage = .no
            e.thirdCountNational = false; e.homeless = false; e.rural = false
            e.endDate = exit; e.serviceOutcome = outcome; e.exitSituation = situation; e.exitSituationDate = exit
            try await e.create(on: app.db)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func managerSeesIndicatorsOutcomesAndMissingData(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            try await Self.seed(app, world)
            let report = try await ESFReport.compute(project: world.ownProject, filter: .init(), on: app.db)
            // The World's own participant has no entry data; Fagerström lacks education: two incomplete.
            #expect(report.missing.count == 2)
            #expect(report.plus.count(.eeco01) == 5)
            #expect(report.plus.count(.eeco02) == 3 && report.plus.count(.eeco03) == 3)  // 14 months at 34, 7 at 22, 30 at 53
            #expect(report.plus.count(.eeco04) == 1 && report.plus.count(.eeco05) == 1)
            #expect(report.plus.count(.eeco09) == 2, "ISCED 0 and 2")
            #expect(report.esf2014.count(.co09) == 1, "ISCED 0 is not in CO09")
            #expect(report.plus.count(.eecr04) == 1 && report.plus.count(.eecr02) == 1 && report.plus.count(.eecr01) == 1)
            #expect(report.esf2014.count(.cr01) == 1, "Castrén was inactive and is now job searching")
            #expect(report.leavers == 4 && report.solutionCount == 2)
            #expect(report.plus.count(.eeco15) == 0, "declined minority answers count nowhere")

            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            let page = try await client.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok)
            for text in [
                "EECO01", "Osallistujat yhteensä", "EECR04", "CO09", "Avoimet työmarkkinat", "Kuntouttava työtoiminta",
                "Ratkaisu (työ, opiskelu tai työkyvyttömyysetuus) löytyi 2 päättäneelle 4:stä (50 %)", "Puuttuvat tiedot",
                "Fagerström, Testi", "Korkein suoritettu koulutus",
            ] {
                #expect(page.body.contains(text), "report shows \(text)")
            }
            // Figures link to the people behind them, by gender too.
            #expect(page.body.contains("people?code=EECO01&amp;gender=female"))
            // "Started" and EECO01 differ by the records still incomplete, and the page says so; exact
            // small counts are marked as what the exports will suppress.
            #expect(report.entered == 7)
            #expect(page.body.contains("Indikaattoreissa on 5 osallistujaa (EECO01). Erotus, 2,") && page.body.contains("href=\"#missing-h\""))
            #expect(page.body.contains("EECO04&amp;") && page.body.contains("class=\"small-mark\"") && page.body.contains("Tähdellä (*) merkityt"))
            let people = try await client.get(SiteURL.projectReportPeople(.value(world.ownProject)).relativeURL([("code", "EECO03")]))
            #expect(people.status == .ok && people.body.contains("Aaltonen, Testi") && people.body.contains("Bergström, Testi"))
            #expect(!people.body.contains("Castrén"))
            #expect(try await client.get(SiteURL.projectReportPeople(.value(world.ownProject)).relativeURL([("code", "NOPE")])).status == .notFound)
            // A period: nobody entered in 2023, four left in June 2024.
            let period = try await client.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL([("from", "1.6.2024"), ("to", "30.6.2024")]))
            #expect(period.body.contains("0 aloittanutta") && period.body.contains("Päättäneitä 4"))
            let bad = try await client.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL([("from", "31.6.2024")]))
            #expect(bad.status == .badRequest && bad.body.contains("Päivämäärä ei kelpaa"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func viewerSeesSuppressedCountsAndNoPeople(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            try await Self.seed(app, world)
            let client = TestClient(app)
            try await client.login(world.users[.viewer]!)
            let page = try await client.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok)
            #expect(page.body.contains("&lt;5"))
            #expect(!page.body.contains("Fagerström") && !page.body.contains("/report/people"))
            #expect(try await client.get(SiteURL.projectReportPeople(.value(world.ownProject)).relativeURL([("code", "EECO01")])).status == .forbidden)
            // Someone with no role in the project sees no report.
            let other = TestClient(app)
            try await other.login(world.otherWorker)
            #expect(try await other.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL()).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func csvForTheFunderSuppressesSmallCounts(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            try await Self.seed(app, world)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            let csv = try await client.get(SiteURL.projectReportCSV(.value(world.ownProject)).relativeURL())
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            let lines = csv.body.split(separator: "\r\n").map(String.init)
            #expect(lines[0] == "Kehys;Koodi;Indikaattori;Naiset;Miehet;Muunsukupuoliset;Yhteensä")
            #expect(lines.contains("ESR+ 2021–2027;EECO01;Osallistujat yhteensä;5;0;0;5"))
            #expect(lines.contains("ESR+ 2021–2027;EECO02;Työttömät, myös pitkäaikaistyöttömät;<5;0;0;<5"))
            #expect(!csv.body.contains("Aaltonen"))
            // Labels, never internal codes; notes that say what the figures are.
            #expect(!csv.body.contains("open_labour_market") && !csv.body.contains("not_recorded"))
            #expect(lines.contains("Avoimet työmarkkinat;<5") && lines.contains("Huomio;Arvo") && lines.contains("Jaksolla aloittaneita;7"))
            #expect(csv.body.contains("Puutteelliset tiedot;\"<5 osallistujan seurantatiedot"))
            let english = TestClient(app)
            try await english.login(world.users[.projectManager]!)
            _ = try await english.get(SiteURL.language(.value("en")).relativeURL([("back", "/")]))
            let en = try await english.get(SiteURL.projectReportCSV(.value(world.ownProject)).relativeURL())
            #expect(en.body.hasPrefix("Framework;Code;Indicator;Women;Men;Non-binary;Total") && en.body.contains("Computed on;"))
        }
    }
}

@Suite struct FollowUpDueTests {
    @Test(arguments: TestDatabase.allCases)
    func leaversSixMonthsAgoWithoutFollowUpAreListed(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            try await ESFReportTests.seed(app, world)
            // Castrén's follow-up is already recorded; the others who left in June 2024 are due.
            let castren = try #require(try await Participant.query(on: app.db).filter(\.$lastName == "Castrén").first())
            let e = try #require(try await Enrolment.query(on: app.db).filter(\.$participant.$id == castren.id!).first())
            e.followUpDate = "2024-12-05"; e.followUpEmployed = false
            try await e.save(on: app.db)
            let due = try await FollowUpPage.due(project: world.ownProject, today: CalendarDate(parsing: "2024-12-02")!, on: app.db)
            #expect(due.map(\.last_name) == ["Aaltonen", "Bergström", "Eskola"])
            #expect(try await FollowUpPage.due(project: world.ownProject, today: CalendarDate(parsing: "2024-11-30")!, on: app.db).isEmpty)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let page = try await client.get(SiteURL.projectFollowUps(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok && page.body.contains("Aaltonen, Testi") && !page.body.contains("Castrén"))
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            // The viewer knows the project but may not see its people: refused.
            #expect(try await viewer.get(SiteURL.projectFollowUps(.value(world.ownProject)).relativeURL()).status == .forbidden)
        }
    }
}

import ZIPFoundation
import Foundation

@Suite struct ESFExportTests {
    @Test(arguments: TestDatabase.allCases)
    func xlsxHoldsNumbersAsNumbersAndTheCLIWritesTheSame(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            try await ESFReportTests.seed(app, world)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            let res = try await app.testing().sendRequest(.GET, SiteURL.projectReportXLSX(.value(world.ownProject)).relativeURL(), headers: headers)
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let archive = try Archive(data: Data(buffer: res.body), accessMode: .read)
            var sheet = Data()
            _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
            let xml = String(decoding: sheet, as: UTF8.self)
            #expect(xml.contains("<t xml:space=\"preserve\">EECO01</t>"))
            #expect(xml.contains("<v>5</v>"), "five participants in total, as a number")
            #expect(xml.contains("&lt;5"), "small counts suppressed")
            #expect(archive["xl/workbook.xml"] != nil && archive["[Content_Types].xml"] != nil)
            var book = Data()
            _ = try archive.extract(try #require(archive["xl/workbook.xml"])) { book.append($0) }
            #expect(String(decoding: book, as: UTF8.self).contains("name=\"Huomiot\""), "a notes sheet")

            let json = try await ESFReportCLI.export(app, projectCode: "OWN1", from: nil, to: nil, format: .json)
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let indicators = try #require(object["indicators"] as? [String: [String: Any]])
            #expect(indicators["EECO01"]?["total"] as? Int == 5)
            #expect(indicators["EECO02"]?["total"] as? String == "<5")
            #expect(Set(indicators.keys).isSuperset(of: ["EECO01", "EECR06", "CO01", "CR09"]))
            await #expect(throws: ESFReportCLI.Failure.self) {
                _ = try await ESFReportCLI.export(app, projectCode: "OWN1", from: "2024-13-01", to: nil, format: .csv)
            }
            let csv = String(decoding: try await ESFReportCLI.export(app, projectCode: "OWN1", from: nil, to: nil, format: .csv), as: UTF8.self)
            #expect(csv.hasPrefix("Kehys;Koodi;Indikaattori"))
        }
    }
}

@Suite struct OwnOutcomeTests {
    @Test(arguments: TestDatabase.allCases)
    func aProjectsOwnCategoryIsCountedUnderTheStandardOneItMapsTo(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            #expect(
                try await manager.post(
                    SiteURL.projectPart(.value(world.ownProject), .outcomes).relativeURL(), ["outcome_name": "Jatkovalmennus", "outcome_maps_to": "other_service"]
                ).status == .seeOther)
            let duplicate = try await manager.post(
                SiteURL.projectPart(.value(world.ownProject), .outcomes).relativeURL(), ["outcome_name": "Jatkovalmennus", "outcome_maps_to": "other_service"])
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.contains("Tämä on jo lisätty"))
            let own = try #require(try await ProjectOutcome.query(on: app.db).first())
            let path = SiteURL.enrolmentESF(.value(world.ownParticipant), .value(world.ownEnrolment)).relativeURL()
            let form = try await manager.get(path)
            #expect(form.body.contains("Jatkovalmennus (Muu palvelu)"))
            #expect(try await manager.submit(page: path, action: path, ["exit_date": "1.6.2024", "service_outcome": "own:\(own.id!)"]).status == .seeOther)
            #expect(try await manager.submit(page: path, action: path, ["exit_date": "1.6.2024", "service_outcome": "own:\(UUID())"]).status == .unprocessableEntity)
            let e = try #require(try await Enrolment.find(world.ownEnrolment, on: app.db))
            #expect(e.projectOutcomeID == own.id && e.serviceOutcome == .otherService)
            let report = try await ESFReport.compute(project: world.ownProject, filter: .init(), on: app.db)
            #expect(report.outcomes[.otherService] == 1 && report.ownOutcomes[own.id!] == 1)
            let page = try await manager.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL())
            #expect(page.body.contains("Hankkeen omat jatkopolkuluokat") && page.body.contains("Jatkovalmennus"))
            // The import takes the category by its name.
            let project = try #require(try await Project.find(world.ownProject, on: app.db))
            let csv = "participant_id;first_name;last_name;birth_date;start_date;exit_date;service_outcome\nOWN-1;Olli;Omaluokka;1980-01-01;2024-01-01;2024-05-01;jatkovalmennus\n"
            guard case .imported = try await ParticipantImport.run(Data(csv.utf8), project: project, actor: .init(id: nil, email: "t", address: "t"), on: app.db) else {
                Issue.record("refused"); return
            }
            let imported = try #require(try await Enrolment.query(on: app.db).filter(\.$importKey == "OWN-1").first())
            #expect(imported.projectOutcomeID == own.id && imported.serviceOutcome == .otherService)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(
                try await worker.post(SiteURL.projectPart(.value(world.ownProject), .outcomes).relativeURL(), ["outcome_name": "X", "outcome_maps_to": "other_service"]).status
                    == .forbidden)
        }
    }
}
