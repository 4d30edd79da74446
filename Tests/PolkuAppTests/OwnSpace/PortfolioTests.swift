import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor
import ZIPFoundation

/// "Oma portfolioni" (issue 15): the participant keeps texts and files, orders and removes them, and
/// chooses what the coach sees; files are only ever downloads; the whole portfolio leaves as a ZIP.
@Suite struct PortfolioTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data((0..<3000).map { UInt8($0 % 251) })

    @Test(arguments: TestDatabase.allCases)
    func theParticipantKeepsAPortfolioAndSharesWhatTheyChoose(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let portfolio = SiteURL.myPortfolio.relativeURL()
            #expect(try await me.get(portfolio).body.contains("Portfoliossasi ei ole vielä mitään."))
            let entries = { try await Portfolio.entries(of: base.ownParticipant, on: app.db.sql) }

            // Nothing but a title, a page posing as a picture, a link that is not one: refused, what was typed kept.
            let empty = try await me.upload(portfolio, fields: ["title": "Pelkkä otsikko"], file: nil)
            #expect(empty.status == .unprocessableEntity && empty.body.contains("value=\"Pelkkä otsikko\""))
            let page = Data("<!DOCTYPE html><script>alert(1)</script>".utf8)
            let posing = try await me.upload(portfolio, fields: ["title": "Kuva"], file: ("file", "kuva.png", "image/png", page))
            #expect(posing.status == .unprocessableEntity && posing.body.contains("Tiedosto ei ole sitä, mitä sen nimi sanoo (.png)."))
            let link = try await me.upload(portfolio, fields: ["title": "Linkki", "url": "javascript:alert(1)"], file: nil)
            #expect(link.status == .unprocessableEntity && link.body.contains("Linkin pitää alkaa"))
            let big = Data([0x25, 0x50, 0x44, 0x46, 0x2D]) + Data(count: PortfolioFile.maxBytes)
            let tooBig = try await me.upload(portfolio, fields: ["title": "Iso"], file: ("file", "iso.pdf", "application/pdf", big))
            #expect(tooBig.status == .unprocessableEntity && tooBig.body.contains("Tiedosto on liian suuri. Enintään 10 Mt."))
            #expect(try await entries().isEmpty)

            // A text shared with the coach, then a picture kept to themself.
            let story = String(repeating: "Tein kahvilassa asiakaspalvelua. ", count: 150)
            #expect(try await me.upload(portfolio, fields: ["title": "Työharjoittelu", "body": story, "shared": "on"], file: nil).status == .seeOther)
            let saved = try await me.upload(portfolio, fields: ["title": "Kakku jonka leivoin"], file: ("file", "kakku ä.png", "image/png", Self.png))
            #expect(saved.status == .seeOther)
            var all = try await entries()
            #expect(all.map(\.title) == ["Työharjoittelu", "Kakku jonka leivoin"] && all[0].shared && !all[1].shared && all[1].kind == "file")
            let picture = all[1]
            // Files are downloads with the stored type, never pages.
            let file = try await me.get(SiteURL.myPortfolioFile(.value(picture.id)).relativeURL())
            #expect(file.status == .ok && file.bytes == Self.png && file.headers.first(name: .contentType) == "image/png")
            #expect(file.headers.first(name: .contentDisposition) == "attachment; filename=\"kakku _.png\"; filename*=UTF-8''kakku%20%C3%A4.png")
            #expect(file.headers.first(name: "X-Content-Type-Options") == "nosniff")

            // Order: the picture first.
            #expect(try await me.post(SiteURL.myPortfolioMove(.value(picture.id)).relativeURL(), ["direction": "up"]).status == .seeOther)
            #expect(try await me.post(SiteURL.myPortfolioMove(.value(picture.id)).relativeURL(), [:]).status == .badRequest)
            all = try await entries()
            #expect(all.map(\.title) == ["Kakku jonka leivoin", "Työharjoittelu"])

            // The coach sees the shared text only; the picture's address answers as if it were not there.
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let person = SiteURL.participant(.value(base.ownParticipant)).relativeURL()
            let staffFile = SiteURL.participantPortfolioFile(.value(base.ownParticipant), .value(picture.id)).relativeURL()
            var seen = try await worker.get(person)
            #expect(seen.body.contains("Osallistujan jakama portfolio") && seen.body.contains("Työharjoittelu") && !seen.body.contains("Kakku jonka leivoin"))
            #expect(try await worker.get(staffFile).status == .notFound)
            #expect(try await me.post(SiteURL.myPortfolioShare(.value(picture.id)).relativeURL(), ["shared": "true"]).status == .seeOther)
            seen = try await worker.get(person)
            #expect(seen.body.contains("Kakku jonka leivoin") && seen.body.contains("src=\"\(staffFile)\""))
            #expect(try await worker.get(staffFile).bytes == Self.png)
            let outsider = TestClient(app)
            try await outsider.login(base.otherWorker)
            #expect(try await outsider.get(staffFile).status == .notFound)

            // Another person's entry is not theirs.
            let foreign = UUID()
            try await app.db.sql.raw(
                """
                INSERT INTO portfolio_entries (id, participant_id, kind, title, body, position, shared, created_at)
                VALUES (\(bind: foreign), \(bind: base.otherParticipant), 'text', 'Vieras', 'x', 1, \(bind: true), \(bind: Date()))
                """
            ).run()
            #expect(try await me.post(SiteURL.myPortfolioShare(.value(foreign)).relativeURL(), ["shared": "false"]).status == .notFound)
            #expect(try await me.post(SiteURL.myPortfolioDelete(.value(foreign)).relativeURL(), ["confirm": "yes"]).status == .notFound)
            #expect(try await Portfolio.entries(of: base.otherParticipant, sharedOnly: true, on: app.db.sql).count == 1)

            // The ZIP holds a page that opens anywhere and the files as they were.
            let zip = try await me.get(SiteURL.myPortfolioExport.relativeURL())
            #expect(zip.status == .ok && zip.headers.first(name: .contentType) == "application/zip")
            let archive = try Archive(data: zip.bytes, accessMode: .read)
            func read(_ path: String) throws -> Data {
                var out = Data()
                _ = try archive.extract(try #require(archive[path]), consumer: { out.append($0) })
                return out
            }
            let html = String(decoding: try read("portfolio.html"), as: UTF8.self)
            #expect(html.contains("<h2>Kakku jonka leivoin</h2>") && html.contains("src=\"tiedostot/01-kakku_ä.png\"") && html.contains("Tein kahvilassa"))
            #expect(try read("tiedostot/01-kakku_ä.png") == Self.png)

            // "Everything about me" lists the whole portfolio; the team's copy of the person's data only what is shared.
            func json(_ client: TestClient, _ path: String) async throws -> String {
                let archive = try Archive(data: try await client.get(path).bytes, accessMode: .read)
                var out = Data()
                _ = try archive.extract(try #require(archive["tiedot.json"]), consumer: { out.append($0) })
                return String(decoding: out, as: UTF8.self)
            }
            try await me.post(SiteURL.myPortfolioShare(.value(picture.id)).relativeURL(), ["shared": "false"])
            let own = try await json(me, SiteURL.myExport.relativeURL())
            #expect(own.contains("Kakku jonka leivoin") && own.contains("Työharjoittelu"))
            let team = try await json(worker, SiteURL.participantExport(.value(base.ownParticipant)).relativeURL())
            #expect(!team.contains("Kakku jonka leivoin") && team.contains("Työharjoittelu"))

            // Removing asks first; a post without the confirming field changes nothing.
            let remove = SiteURL.myPortfolioDelete(.value(picture.id)).relativeURL()
            #expect(try await me.get(remove).body.contains("Se ja sen tiedosto poistuvat kokonaan."))
            #expect(try await me.post(remove).status == .badRequest)
            #expect(try await entries().count == 2)
            #expect(try await me.post(remove, ["confirm": "yes"]).status == .seeOther)
            #expect(try await entries().map(\.title) == ["Työharjoittelu"])
            #expect(try await StoredFiles.info(try #require(picture.file_id), on: app.db.sql) == nil)

            // When the person's time is up, the portfolio goes with its files.
            #expect(try await me.upload(portfolio, fields: ["title": "Toinen kuva"], file: ("file", "b.png", "image/png", Self.png)).status == .seeOther)
            let kept = try #require(try await entries().compactMap(\.file_id).first)
            #expect(try await Anonymiser.anonymise([base.ownParticipant], now: Date(), on: app.db) == 1)
            let gone = try await StoredFiles.info(kept, on: app.db.sql) == nil
            #expect(try await entries().isEmpty && gone)
        }
    }
}
