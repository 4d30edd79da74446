import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct AssessmentTests {
    static func who5(_ world: World, date: String, _ v: [Int]) -> [String: String] {
        var form = ["project": world.ownProject.uuidString, "instrument": "who5", "date": date]
        for (i, x) in v.enumerated() { form["a_\(i + 1)"] = String(x) }
        return form
    }

    @Test(arguments: TestDatabase.allCases)
    func who5IsScoredAtOnceAndItsChangeShown(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let health = TestClient(app)
            try await health.login(world.users[.healthProfessional]!)
            let page = try await health.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(page.body.contains("Aloita arviointi") && page.body.contains("\(world.ownProject):who5"))
            let form = try await health.get(SiteURL.participantAssessmentNew(.value(world.ownParticipant)).relativeURL([("pick", "\(world.ownProject):who5")]))
            #expect(form.status == .ok && form.body.contains("Olen ollut hyvällä tuulella") && form.body.contains("5 – Koko ajan"))
            // A missing answer: refused, what was ticked kept, the missing one marked.
            var partial = Self.who5(world, date: "1.3.2024", [3, 3, 2, 2, 2]); partial["a_5"] = nil
            let missing = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), partial)
            #expect(missing.status == .unprocessableEntity && missing.body.contains("Tähän tarvitaan vastaus"))
            #expect(missing.body.contains(#"name="a_1" value="3" checked"#))
            let future = try await health.post(
                SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), Self.who5(world, date: Clock.system.today.adding(days: 2).iso, [3, 3, 3, 3, 3]))
            #expect(future.status == .unprocessableEntity && future.body.contains("tulevaisuudessa"))
            let bad = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), Self.who5(world, date: "1.3.2024", [3, 3, 9, 3, 3]))
            #expect(bad.status == .unprocessableEntity && bad.body.contains("väliltä 0–5"))
            // 12 of 25 = 48 on 0–100: low well-being.
            let first = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), Self.who5(world, date: "1.3.2024", [3, 3, 2, 2, 2]))
            #expect(first.status == .seeOther && first.location?.contains("/measures/who5") == true)
            let result = try await health.get(first.location!)
            #expect(result.body.contains("Pisteet 12") && result.body.contains("0–100: 48") && result.body.contains("Hyvinvointi on heikkoa"))
            // Then 15 = 60: a change of 12 points, meaningful (10 or more).
            _ = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), Self.who5(world, date: "1.6.2024", [3, 3, 3, 3, 3]))
            let history = try await health.get(SiteURL.participantMeasure(.value(world.ownParticipant), .value("who5")).relativeURL())
            #expect(history.body.contains("48 → 60 (+12)") && history.body.contains("Muutos on merkittävä"))
            #expect(history.body.contains("<svg") && history.body.contains("<title id=\"chart-total\">"))
            // Chart and table agree: the points are the table's numbers.
            #expect(history.body.contains(">48</text>") && history.body.contains(">60</text>"))
            #expect(history.body.contains(">48</td>") && history.body.contains(">60</td>"))
            // The same in plain words for the participant.
            let plain = try await health.get(SiteURL.participantMeasure(.value(world.ownParticipant), .value("who5")).relativeURL([("view", "participant")]))
            #expect(plain.body.contains("tuloksesi oli 48/100") && plain.body.contains("tuloksesi oli 60/100") && plain.body.contains("Tulos on noussut selvästi"))
            let stored = try await Assessment.query(on: app.db).sort(\.$date).all()
            #expect(stored.map(\.total) == [12, 15] && stored.map(\.scaled) == [48, 60] && stored[0].answers == "1=3;2=3;3=2;4=2;5=2")
            // The worker sees neither the results nor the instrument.
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let workerPage = try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(!workerPage.body.contains("WHO-5") && !workerPage.body.contains("\(world.ownProject):who5"))
            #expect(try await worker.get(SiteURL.participantMeasure(.value(world.ownParticipant), .value("who5")).relativeURL()).status == .notFound)
            #expect(try await worker.get(SiteURL.participantAssessmentNew(.value(world.ownParticipant)).relativeURL([("pick", "\(world.ownProject):who5")])).status == .forbidden)
            // Audited: each save and each view of the history.
            let events = try await AuditEvent.query(on: app.db).filter(\.$participantID == world.ownParticipant).all().map(\.detail)
            #expect(events.filter { $0.hasPrefix("assessment who5") }.count == 2 && events.contains("measures who5"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func lifeMapGoalsFitnessLicensedAndExternal(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            try await MeasureQueries.setProjectKeys(world.ownProject, ["polku-life", "goal-scale", "fitness", "whodas-12", "kykyviisari"], on: app.db)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let base = ["project": world.ownProject.uuidString, "date": "1.3.2024"]
            // The life map: a profile, the areas that matter and a goal (typed text is shown as text).
            var life = base.merging([
                "instrument": "polku-life", "a_home": "3", "a_money": "2", "important_money": "on",
                "goal_money": "Velat <järjestykseen>",
            ]) { a, _ in a }
            #expect(try await worker.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), life).status == .seeOther)
            life["date"] = "1.9.2024"; life["a_money"] = "6"; life["a_home"] = "4"
            #expect(try await worker.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), life).status == .seeOther)
            let map = try await worker.get(SiteURL.participantMeasure(.value(world.ownParticipant), .value("polku-life")).relativeURL())
            #expect(map.body.contains("<title id=\"chart-profile\">") && map.body.contains("Velat &lt;järjestykseen&gt;") && map.body.contains("6 ★"))
            #expect(!map.body.contains("Pisteet"), "a profile has no total")
            let plainMap = try await worker.get(SiteURL.participantMeasure(.value(world.ownParticipant), .value("polku-life")).relativeURL([("view", "participant")]))
            #expect(plainMap.body.contains("muutosta parempaan") && plainMap.body.contains("Raha-asiat: 2 → 6") && plainMap.body.contains("sinulle tärkeä"))
            // The goal scale rates the participant's own goals.
            let goalForm = try await worker.get(SiteURL.participantAssessmentNew(.value(world.ownParticipant)).relativeURL([("pick", "\(world.ownProject):goal-scale")]))
            #expect(goalForm.body.contains("Työkokeiluun") && goalForm.body.contains("a_\(world.ownGoal)"))
            #expect(
                try await worker.post(
                    SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(),
                    base.merging(["instrument": "goal-scale", "a_\(world.ownGoal)": "4"]) { a, _ in a }
                ).status == .seeOther)
            #expect(try await worker.get(SiteURL.participantMeasure(.value(world.ownParticipant), .value("goal-scale")).relativeURL()).body.contains("Työkokeiluun"))
            // Health instruments are refused to the worker, allowed to the health professional.
            #expect(
                try await worker.get(SiteURL.participantAssessmentNew(.value(world.ownParticipant)).relativeURL([("pick", "\(world.ownProject):fitness")])).status == .forbidden)
            let health = TestClient(app)
            try await health.login(world.users[.healthProfessional]!)
            let fit = base.merging(["instrument": "fitness", "a_walk_2km_time": "18,3", "a_grip_right": "32.5"]) { a, _ in a }
            #expect(try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), fit).status == .seeOther)
            let offStep = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), fit.merging(["a_walk_2km_time": "18,35"]) { _, b in b })
            #expect(offStep.status == .unprocessableEntity && offStep.body.contains("tarkkuus on 0,1") && offStep.body.contains("18,35"))
            let notNumber = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), fit.merging(["a_grip_right": "vahva"]) { _, b in b })
            #expect(notNumber.status == .unprocessableEntity)
            #expect(try await health.get(SiteURL.participantMeasure(.value(world.ownParticipant), .value("fitness")).relativeURL()).body.contains("18,3"))
            // WHODAS without a licence: the form shows item codes and domains, no texts.
            let whodas = try await health.get(SiteURL.participantAssessmentNew(.value(world.ownParticipant)).relativeURL([("pick", "\(world.ownProject):whodas-12")]))
            #expect(whodas.body.contains("S1 – Liikkuminen") && whodas.body.contains("organisaation lisensoimasta"))
            var answers = base.merging(["instrument": "whodas-12"]) { a, _ in a }
            for i in 1...12 { answers["a_S\(i)"] = i <= 2 ? "3" : "1" }
            #expect(try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), answers).status == .seeOther)
            let w = try await Assessment.query(on: app.db).filter(\.$total == 16).first()
            #expect(w?.scaled.map { abs($0 - 4.0 / 48 * 100) < 1e-9 } == true)
            // Kykyviisari: scores typed in from FIOH's service.
            let kyky = try await health.get(SiteURL.participantAssessmentNew(.value(world.ownParticipant)).relativeURL([("pick", "\(world.ownProject):kykyviisari")]))
            #expect(kyky.body.contains("ulkoisessa palvelussa") && kyky.body.contains("Koettu työkyky"))
            // A project that does not use an instrument cannot have it.
            #expect(try await health.get(SiteURL.participantAssessmentNew(.value(world.ownParticipant)).relativeURL([("pick", "\(world.ownProject):nosuch")])).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func managersChooseInstrumentsAndSeeChangeWithSmallCountsSuppressed(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.post(SiteURL.projectInstruments(.value(world.ownProject)).relativeURL(), ["use_fitness": "on"]).status == .forbidden)
            let pm = TestClient(app)
            try await pm.login(world.users[.projectManager]!)
            #expect(
                try await pm.post(SiteURL.projectInstruments(.value(world.ownProject)).relativeURL(), ["use_who5": "on"]).status == .badRequest,
                "a post that is not the form changes nothing")
            #expect(
                try await pm.post(SiteURL.projectInstruments(.value(world.ownProject)).relativeURL(), ["instruments_form": "1", "use_who5": "on", "use_goal-scale": "on"]).status
                    == .ok)
            #expect(try await MeasureQueries.projectKeys(world.ownProject, on: app.db) == ["goal-scale", "who5"])
            // Six participants measured twice with WHO-5 (+8 … +20 on 0–100), one only once.
            let who5 = try #require(try await Instrument.query(on: app.db).filter(\.$key == "who5").first())
            let d = try #require(who5.definition)
            var people: [UUID] = [world.ownParticipant]
            for i in 0..<6 {
                let p = Participant()
                p.firstName = "Testi\(i)"; p.lastName = "Henkilö"; p.searchKey = "henkilo testi\(i)"; p.birthDate = "1990-01-01"; p.gender = .female
                p.municipality = "Pori"; p.language = "fi"
                try await p.create(on: app.db)
                let e = Enrolment()
                e.$participant.id = p.id!; e.$project.id = world.ownProject; e.$site.id = world.ownSite; e.phase = "intake"; e.startDate = "2024-02-01"
                try await e.create(on: app.db)
                people.append(p.id!)
            }
            func add(_ p: UUID, _ date: String, _ values: [Double]) async throws {
                let answers = Dictionary(uniqueKeysWithValues: values.enumerated().map { (String($0.offset + 1), $0.element) })
                let r = try InstrumentScoring.score(d, Answers(values: answers)).get()
                let a = Assessment()
                a.$participant.id = p; a.$project.id = world.ownProject; a.$instrument.id = who5.id!; a.date = date
                a.answers = AnswerCoding.encode(answers); a.total = r.total; a.scaled = r.scaled
                a.scores = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
                try await a.create(on: app.db)
            }
            for (i, p) in people.dropFirst().enumerated() {
                try await add(p, "2024-03-01", [2, 2, 2, 2, 2])
                try await add(p, "2024-09-01", [2, 2, 2, 2, Double(2 + (i % 3))])  // +0, +4, +8 on 0–100
                try await add(p, "2024-12-01", [3, 3, 2, 2, Double(2 + (i % 3))])  // latest: +8, +12, +16
            }
            try await add(world.ownParticipant, "2024-05-01", [4, 4, 4, 4, 4])
            let report = try await MeasuresReport.compute(project: world.ownProject, filter: .init(), on: app.db)
            let line = try #require(report.lines.first { $0.key == "who5" })
            #expect(line.measured == 7 && line.repeated == 6)
            #expect(line.average("scaled") == 12 && line.average("total") == 3, "\(line.changeSums) \(line.changeCounts)")
            #expect(line.meaningfulUp == 4 && line.meaningfulDown == 0, "+12 and +16 are meaningful, +8 is not")
            // WHO-5 is a health instrument: its figures are for the project's health professionals.
            let hidden = try await pm.get(SiteURL.projectMeasures(.value(world.ownProject)).relativeURL())
            #expect(hidden.status == .ok && !hidden.body.contains("id=\"m-who5\"") && hidden.body.contains("vain hankkeen terveydenhuollon"))
            let nurse = TestClient(app)
            try await nurse.login(world.users[.healthProfessional]!)
            let page = try await nurse.get(SiteURL.projectMeasures(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok && page.body.contains("Ensimmäinen mittaus: 7 osallistujaa. Toistomittaus: 6.") && page.body.contains("+12,0"))
            // Only the spring: nobody has a repeat, and the counts are "<5"-free only where 5 or more.
            let spring = try await nurse.get(SiteURL.projectMeasures(.value(world.ownProject)).relativeURL([("to", "31.5.2024")]))
            #expect(spring.body.contains("Toistomittaus: 0.") && spring.body.contains("alle viisi"))
            let oneSite = try await MeasuresReport.compute(project: world.ownProject, filter: .init(site: world.ownSite), on: app.db)
            #expect(oneSite.lines.first?.measured == 7)
            let autumn = try await nurse.get(SiteURL.projectMeasures(.value(world.ownProject)).relativeURL([("from", "1.4.2024"), ("to", "30.9.2024")]))
            #expect(autumn.body.contains("Ensimmäinen mittaus: 7 osallistujaa. Toistomittaus: 0."))
            #expect(try await pm.get(SiteURL.projectMeasures(.value(world.ownProject)).relativeURL([("from", "1.13.2024")])).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func adminUploadsDefinitionsAndAnsweredVersionsAreNeverChanged(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let list = try await admin.get(SiteURL.adminInstruments.relativeURL())
            #expect(list.status == .ok && list.body.contains("whodas-12") && list.body.contains("Polun mukana"))
            let bad = try await admin.upload(SiteURL.adminInstruments.relativeURL(), field: "file", filename: "x.json", content: #"{"key": "x", "version": 1, "reversed": true}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.contains("required field is missing"))
            let garbage = try await admin.upload(SiteURL.adminInstruments.relativeURL(), field: "file", filename: "x.json", content: "<script>alert(1)</script>")
            #expect(garbage.status == .unprocessableEntity && garbage.body.contains("not valid JSON") && !garbage.body.contains("<script>alert"))
            // A deployment supplies WHODAS's texts (here invented stand-ins) under the same version: no answers yet, so it is replaced.
            let whodas = try #require(try await Instrument.query(on: app.db).filter(\.$key == "whodas-12").first())
            var d = try #require(whodas.definition)
            for i in d.items.indices { d.items[i].text = LocalizedText(fi: "Lisensoitu kysymys \(i + 1)") }
            d.licence.kind = .deployment
            let json = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
            let stored = try await admin.upload(SiteURL.adminInstruments.relativeURL(), field: "file", filename: "whodas.json", content: json)
            #expect(stored.status == .ok && stored.body.contains("Tallennettu: whodas-12, versio 1"))
            #expect(try await Instrument.query(on: app.db).filter(\.$key == "whodas-12").count() == 1)
            // With answers given in version 1, a new upload becomes version 2 and the old answer keeps version 1.
            let a = Assessment()
            a.$participant.id = world.ownParticipant; a.$project.id = world.ownProject; a.$instrument.id = whodas.id!; a.date = "2024-03-01"
            a.answers = "S1=1"; a.scores = "{}"
            try await a.create(on: app.db)
            d.name = LocalizedText(fi: "WHODAS 2.0 (12), päivitetty")
            let again = try await admin.upload(
                SiteURL.adminInstruments.relativeURL(), field: "file", filename: "whodas.json",
                content: String(decoding: try JSONEncoder().encode(d), as: UTF8.self))
            #expect(again.status == .ok && again.body.contains("tallennettiin versioksi 2"))
            #expect(try await Instrument.find(whodas.id, on: app.db)?.definition?.items.first?.text?.fi == "Lisensoitu kysymys 1", "version 1 unchanged")
            #expect(try await Instrument.query(on: app.db).filter(\.$key == "whodas-12").filter(\.$version == 2).first()?.name == "WHODAS 2.0 (12), päivitetty")
            #expect(try await Assessment.find(a.id, on: app.db)?.$instrument.id == whodas.id)
            // Only admins.
            let pm = TestClient(app)
            try await pm.login(world.users[.projectManager]!)
            #expect(try await pm.get(SiteURL.adminInstruments.relativeURL()).status == .forbidden)
        }
    }
}
