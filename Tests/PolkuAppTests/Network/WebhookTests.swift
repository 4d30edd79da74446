import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// A provider's staff register an endpoint; a new referral and a change of its state reach a
/// receiver this test starts on 127.0.0.1, signed with the endpoint's secret and carrying no
/// person; a receiver that fails is tried again, and the delivery log says what happened.
@Suite struct WebhookTests {
    /// A receiver on 127.0.0.1 that keeps what it is sent and answers `status`.
    final class Receiver: @unchecked Sendable {
        let app: Application
        let received = NIOLockedValueBox<[(headers: HTTPHeaders, body: String)]>([])
        let status = NIOLockedValueBox<HTTPResponseStatus>(.ok)
        var port = 0

        init() async throws {
            app = try await Application.make(.testing)
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            app.post("hook") { [received, status] req async -> Response in
                received.withLockedValue { $0.append((req.headers, req.body.string ?? "")) }
                return Response(status: status.withLockedValue { $0 })
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            port = app.http.server.shared.localAddress?.port ?? 0
        }

        func stop() async throws {
            await app.server.shutdown()
            try await app.asyncShutdown()
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func referralsReachTheProvidersEndpointSigned(db: TestDatabase) async throws {
        let receiver = try await Receiver()
        do {
            try await withPolku(db) { app in
                let world = try await World.make(app)
                let (org, email) = try await DirectoryTests.provider(app)
                let service = try await ReferralTests.service(app, org: org)
                let provider = TestClient(app)
                try await provider.login(email)
                let url = "http://127.0.0.1:\(receiver.port)/hook"
                let refused = try await provider.post(SiteURL.organisationWebhooks(.value(org)).relativeURL(), ["url": "http://example.com/hook"])
                #expect(refused.status == .unprocessableEntity && refused.body.contains("Anna https-osoite."))
                let added = try await provider.post(SiteURL.organisationWebhooks(.value(org)).relativeURL(), ["url": url])
                let secret = try #require(added.body.range(of: #"whsec_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(added.body[$0]) })
                let worker = TestClient(app)
                try await worker.login(world.users[.worker]!)
                let other = TestClient(app)
                try await other.login(world.users[.worker]!)
                #expect(try await other.get(SiteURL.organisationWebhooks(.value(org)).relativeURL()).status == .forbidden, "only the provider's staff")

                let sent = try await worker.post(
                    SiteURL.participantReferrals(.value(world.ownParticipant)).relativeURL(),
                    ["service": service.id!.uuidString, "project": world.ownProject.uuidString, "consent": "on", "share_phone": "on"])
                #expect(sent.status == .seeOther)
                let referral = try #require(try await Referral.query(on: app.db).first())
                #expect(try await Jobs.runDue(app) >= 1)
                let first = try #require(receiver.received.withLockedValue { $0.first })
                #expect(first.body.contains("\"event\":\"referral.created\"") && first.body.contains(referral.id!.uuidString.lowercased()))
                for marker in [World.ownLastName, "Åke", "marker@example.invalid", "NORMALMARK"] { #expect(!first.body.contains(marker), "no person in the body") }
                let header = try #require(first.headers.first(name: "Polku-Signature"))
                let time = Int(header.split(separator: ",")[0].dropFirst(2))!
                let mac = HMAC<SHA256>.authenticationCode(for: Data("\(time).\(first.body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
                #expect(header == "t=\(time),v1=" + mac.map { String(format: "%02x", $0) }.joined(), "the receiver verifies the signature")

                // The receiver fails: the delivery waits to be tried again and the log says so.
                receiver.status.withLockedValue { $0 = .serviceUnavailable }
                #expect(try await provider.post(SiteURL.referralState(.value(referral.id!)).relativeURL(), ["to": "received"]).status == .seeOther)
                #expect(try await Jobs.runDue(app) >= 1)
                let waiting = try await app.db.sql.raw("SELECT state, attempts, last_status FROM webhook_deliveries WHERE event = 'referral.state_changed'")
                    .first()
                #expect(try waiting?.decode(column: "state", as: String.self) == "queued" && waiting?.decode(column: "last_status", as: Int.self) == 503)
                let log = try await provider.get(SiteURL.organisationWebhooks(.value(org)).relativeURL())
                #expect(log.body.contains("referral.state_changed") && log.body.contains("Odottaa") && log.body.contains("Toimitettu"))
                #expect(!log.body.contains(secret), "the secret is shown once")
                receiver.status.withLockedValue { $0 = .ok }
                try await app.db.sql.raw("UPDATE jobs SET run_at = \(bind: Date(timeIntervalSince1970: 0)) WHERE kind = 'webhook' AND state = 'queued'").run()
                #expect(try await Jobs.runDue(app) >= 1)
                #expect(receiver.received.withLockedValue { $0.count } == 3 && receiver.received.withLockedValue { $0.last?.body.contains("\"state\":\"received\"") } == true)
            }
        } catch {
            try await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }
}
