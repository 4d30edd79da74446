import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Client profile cards (issue 16): a deck with pictures checked as pictures, printable, removable.
@Suite struct ProfileCardTests {
    @Test(arguments: TestDatabase.allCases)
    func aDeckOfCardsWithPictures(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let cards = SiteURL.projectCards(.value(world.ownProject)).relativeURL()
            #expect(try await worker.get(SiteURL.project(.value(world.ownProject)).relativeURL()).body.contains("href=\"\(cards)\""))
            // A document is not a picture; text too long: refused with what was typed.
            let pdf = try await worker.upload(
                cards, fields: ["title": "Liisa, 34", "text": "Haaveilen puutarhatöistä."], file: ("image", "a.pdf", "application/pdf", Data("%PDF-1.7".utf8)))
            #expect(pdf.status == .unprocessableEntity && pdf.body.contains("Haaveilen puutarhatöistä.") && pdf.body.contains("Valitse kuva"))
            let long = try await worker.upload(cards, fields: ["title": "Liisa", "text": String(repeating: "a", count: ProfileCards.textMax + 1)], file: nil)
            #expect(long.status == .unprocessableEntity)
            let png = PortfolioTests.png
            #expect(
                try await worker.upload(cards, fields: ["title": "Liisa, 34", "text": "Haaveilen puutarhatöistä."], file: ("image", "liisa.png", "image/png", png)).status
                    == .seeOther)
            #expect(try await worker.upload(cards, fields: ["title": "Matti, 58", "text": "Olin rakennuksilla 30 vuotta."], file: nil).status == .seeOther)
            let deck = try await ProfileCards.cards(project: world.ownProject, on: app.db.sql)
            #expect(deck.map(\.title) == ["Liisa, 34", "Matti, 58"])
            let image = try await worker.get(SiteURL.projectCardImage(.value(world.ownProject), .value(deck[0].id)).relativeURL())
            #expect(image.bytes == png && image.headers.first(name: .contentType) == "image/png")
            let print = try await worker.get(SiteURL.projectCardsPrint(.value(world.ownProject)).relativeURL())
            #expect(print.body.components(separatedBy: "class=\"profile-card\"").count == 3)
            // Removing needs its confirming field; the picture goes with the card.
            let remove = SiteURL.projectCardDelete(.value(world.ownProject), .value(deck[0].id)).relativeURL()
            #expect(try await worker.post(remove).status == .badRequest)
            #expect(try await worker.post(remove, ["confirm": "yes"]).status == .seeOther)
            let gone = try await StoredFiles.info(try #require(deck[0].image_id), on: app.db.sql) == nil
            let left = try await ProfileCards.cards(project: world.ownProject, on: app.db.sql)
            #expect(gone && left.count == 1)
            let outsider = TestClient(app)
            try await outsider.login(world.otherWorker)
            #expect(try await outsider.get(cards).status.code >= 400)
        }
    }
}
