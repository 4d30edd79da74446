import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// The API's activities and attendance, referrals, assessments, directory and reports, called as the
/// people who use them would: each sees and changes what they may in the browser, a refused write
/// changes nothing, and the pages' audit events are left.
@Suite struct APIOperationsTests {
    typealias JSON = [String: Any]
    static func json(_ page: TestClient.Page) -> JSON { APITokenTests.json(page) }

    static func token(_ app: Application, _ email: String, _ scopes: [APIScope]) async throws -> String {
        let me = TestClient(app)
        try await me.login(email)
        return try await APITokenTests.token(me, scopes: scopes)
    }

    @Test(arguments: TestDatabase.allCases)
    func aWorkerRecordsAttendanceThroughTheAPI(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let w = try await MatrixWorld.make(app)
            let token = try await Self.token(app, w.base.users[.worker]!, [.activitiesRead, .attendanceWrite])
            let api = TestClient(app)
            let activity = "/api/v1/activities/\(w.ownActivity.uuidString)"
            let list = Self.json(try await APITokenTests.call(api, token, "/api/v1/projects/\(w.base.ownProject.uuidString)/activities"))
            #expect((list["items"] as? [JSON])?.map { $0["name"] as? String } == ["Ryhmä"])
            let shown = Self.json(try await APITokenTests.call(api, token, activity))
            #expect((shown["sessions"] as? [JSON])?.first?["id"] as? String == w.ownSession.uuidString)
            let others = try await APITokenTests.call(api, token, "/api/v1/activities/\(w.otherActivity.uuidString)")
            #expect(others.status == .notFound && !others.body.contains("Ryhmä"), "another project's activity")

            let session = "\(activity)/sessions/\(w.ownSession.uuidString)"
            let before = Self.json(try await APITokenTests.call(api, token, session))
            #expect((before["attendees"] as? [Any])?.isEmpty == true && before["version"] as? Int == 0)
            func put(_ body: String) async throws -> TestClient.Page {
                try await APITokenTests.call(api, token, .PUT, session + "/attendance", body: body, headers: ["Content-Type": "application/json"])
            }
            // Someone not in the project: refused, nothing saved.
            let stranger = try await put(#"{"version":0,"participants":["\#(w.base.otherParticipant.uuidString)"]}"#)
            #expect(stranger.status == .unprocessableEntity && Self.json(stranger)["field"] as? String == "participants")
            let twice = #"{"version":0,"participants":["\#(w.base.ownParticipant.uuidString)","\#(w.base.ownParticipant.uuidString.lowercased())"]}"#
            let saved = try await put(twice)
            #expect(saved.status == .ok)
            let after = Self.json(saved)
            #expect((after["attendees"] as? [JSON])?.map { $0["last_name"] as? String } == [World.ownLastName], "one person ticked twice is one attendance")
            #expect(after["version"] as? Int == 1)
            // A save from the old read changes nothing.
            let stale = try await put(#"{"version":0,"participants":[]}"#)
            #expect(stale.status == .conflict && Self.json(stale)["field"] as? String == "version")
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM attendances").first(decodingColumn: "n", as: Int.self) == 1)
            #expect(try await put(#"{"version":1,"participants":[],"extra":1}"#).status == .badRequest, "unknown fields are refused")
            // A session still to come cannot have attendance.
            try await app.db.sql.raw("UPDATE activity_sessions SET date = '2199-01-01' WHERE id = \(bind: w.ownSession)").run()
            #expect(try await put(#"{"version":1,"participants":[]}"#).status == .unprocessableEntity)
            let events = try await World.auditEvents(app)
            #expect(events.contains { $0.action == "attendance.record" && $0.participantID == w.base.ownParticipant && $0.detail.hasSuffix("(api)") })

            // A viewer sees the activity but not who came.
            let viewer = try await Self.token(app, w.base.users[.viewer]!, [.activitiesRead, .attendanceWrite])
            #expect(try await APITokenTests.call(api, viewer, activity).status == .ok)
            #expect(try await APITokenTests.call(api, viewer, session).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theProviderMovesAReferralAndSeesOnlyWhatWasShared(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let w = try await MatrixWorld.make(app)
            try await app.db.sql.raw("UPDATE participants SET email = 'ake@example.invalid', phone = '040 123' WHERE id = \(bind: w.base.ownParticipant)").run()
            let provider = try await Self.token(app, w.providerEmail, [.referralsRead, .referralsWrite, .directoryRead])
            let api = TestClient(app)
            let inbox = Self.json(try await APITokenTests.call(api, provider, "/api/v1/organisations/\(w.ownOrganisation.uuidString)/referrals"))
            #expect((inbox["items"] as? [JSON])?.map { $0["id"] as? String } == [w.ownReferral.uuidString])
            #expect(try await APITokenTests.call(api, provider, "/api/v1/organisations/\(w.otherOrganisation.uuidString)/referrals").status == .forbidden)
            let path = "/api/v1/referrals/\(w.ownReferral.uuidString)"
            let shown = Self.json(try await APITokenTests.call(api, provider, path))
            let person = shown["person"] as? JSON
            #expect(person?["phone"] as? String == "040 123" && person?["email"] == nil, "the phone was shared, the e-mail was not")
            #expect(shown["participant_id"] == nil && shown["side"] as? String == "provider")

            func move(_ body: String) async throws -> TestClient.Page {
                try await APITokenTests.call(api, provider, .POST, path + "/state", body: body, headers: ["Content-Type": "application/json"])
            }
            let skip = try await move(#"{"to":"completed"}"#)
            #expect(skip.status == .unprocessableEntity && Self.json(skip)["field"] as? String == "to")
            #expect(try await move(#"{"to":"received"}"#).status == .ok)
            let noReason = try await move(#"{"to":"declined","reason":"  "}"#)
            #expect(noReason.status == .unprocessableEntity && Self.json(noReason)["field"] as? String == "reason")
            let declined = Self.json(try await move(#"{"to":"declined","reason":"Ei tilaa tällä kaudella"}"#))
            #expect(declined["state"] as? String == "declined" && declined["reason"] as? String == "Ei tilaa tällä kaudella")
            #expect((declined["events"] as? [JSON])?.map { $0["state"] as? String } == ["received", "declined"])
            let states = try await app.db.sql.raw("SELECT to_state FROM referral_events WHERE referral_id = \(bind: w.ownReferral) ORDER BY at")
                .all().map { try $0.decode(column: "to_state", as: String.self) }
            #expect(states == ["received", "declined"])
            #expect(try await World.auditEvents(app).contains { $0.action == "referral.update" && $0.detail == "received → declined (api)" })

            // The referring worker reads it (with the person's id) but cannot move it.
            let worker = try await Self.token(app, w.base.users[.worker]!, [.referralsRead, .referralsWrite])
            let theirs = Self.json(try await APITokenTests.call(api, worker, path))
            #expect(theirs["side"] as? String == "referrer" && theirs["participant_id"] as? String == w.base.ownParticipant.uuidString)
            let refused = try await APITokenTests.call(
                api, worker, .POST, path + "/state", body: #"{"to":"accepted"}"#, headers: ["Content-Type": "application/json"])
            #expect(refused.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func assessmentsAndReportsKeepHealthDataToHealthRoles(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let w = try await MatrixWorld.make(app)
            let nurse = try await w.nurseRecordsWHO5(app, last: 4)
            let api = TestClient(app)
            let assessments = "/api/v1/participants/\(w.base.ownParticipant.uuidString)/assessments"
            let health = try await APITokenTests.call(api, try await APITokenTests.token(nurse, scopes: [.measuresRead, .reportsRead]), assessments)
            let items = Self.json(health)["items"] as? [JSON]
            #expect(items?.map { $0["instrument"] as? String } == ["who5"] && items?.first?["total"] as? Double == 16)
            let worker = try await Self.token(app, w.base.users[.worker]!, [.measuresRead, .reportsRead])
            #expect((Self.json(try await APITokenTests.call(api, worker, assessments))["items"] as? [Any])?.isEmpty == true, "WHO-5 is health data")
            let instruments = Self.json(try await APITokenTests.call(api, worker, "/api/v1/instruments"))["items"] as? [JSON]
            #expect(instruments?.contains { $0["key"] as? String == "who5" && $0["health"] as? Bool == true } == true)

            let report = "/api/v1/projects/\(w.base.ownProject.uuidString)/reports/measures"
            let forWorker = Self.json(try await APITokenTests.call(api, worker, report))
            #expect(forWorker["health_left_out"] as? Bool == true && (forWorker["lines"] as? [Any])?.isEmpty == true)
            let empty = try await APITokenTests.call(api, worker, report + "?from=2024-05-01&to=2024-01-01")
            #expect(empty.status == .ok && Self.json(empty)["to"] as? String == "2024-01-01", "a period ending before it starts holds nothing")
            #expect(try await APITokenTests.call(api, worker, report + "?from=2024-02-30").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theActivityReportSuppressesSmallCountsForThoseWhoDoNotSeePeople(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let w = try await MatrixWorld.make(app)
            try await app.db.sql.raw(
                "INSERT INTO attendances (id, session_id, participant_id) VALUES (\(bind: UUID()), \(bind: w.ownSession), \(bind: w.base.ownParticipant))"
            ).run()
            let api = TestClient(app)
            let path = "/api/v1/projects/\(w.base.ownProject.uuidString)/reports/activity?by=activity"
            let manager = Self.json(try await APITokenTests.call(api, try await Self.token(app, w.base.users[.projectManager]!, [.reportsRead]), path))
            #expect((manager["total"] as? JSON)?["unique_participants"] as? Int == 1 && manager["by"] as? String == "activity")
            #expect((manager["lines"] as? [JSON])?.first?["label"] as? String == "Ryhmä")
            let viewer = Self.json(try await APITokenTests.call(api, try await Self.token(app, w.base.users[.viewer]!, [.reportsRead]), path))
            #expect((viewer["total"] as? JSON)?["unique_participants"] as? String == "<5")
            let events = Self.json(try await APITokenTests.call(api, try await Self.token(app, w.base.users[.projectManager]!, [.reportsRead]), path + "&kind=event"))
            #expect((events["lines"] as? [Any])?.isEmpty == true, "the group is not an event")
            let foreignSite = try await APITokenTests.call(
                api, try await Self.token(app, w.base.users[.projectManager]!, [.reportsRead]), path + "&site=\(UUID().uuidString)")
            #expect(foreignSite.status == .notFound && Self.json(foreignSite)["field"] as? String == "site")
            let ownSite = try await APITokenTests.call(
                api, try await Self.token(app, w.base.users[.projectManager]!, [.reportsRead]),
                "/api/v1/projects/\(w.base.ownProject.uuidString)/reports/esf?site=\(w.base.ownSite.uuidString)&gender=female")
            #expect(ownSite.status == .ok)
            let network = try await APITokenTests.call(api, try await Self.token(app, w.base.users[.projectManager]!, [.reportsRead]), "/api/v1/reports/network")
            #expect(network.status == .ok && (Self.json(network)["referrals_by_state"] as? JSON)?["sent"] as? String == "<5")
            let other = try await APITokenTests.call(
                api, try await Self.token(app, w.base.users[.projectManager]!, [.reportsRead]), "/api/v1/reports/network?project=\(w.base.otherProject.uuidString)")
            #expect(other.status == .notFound && Self.json(other)["field"] as? String == "project", "a project the manager does not manage")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theDirectoryReadsOrganisationsAndServices(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let w = try await MatrixWorld.make(app)
            let api = TestClient(app)
            let token = try await Self.token(app, w.base.users[.viewer]!, [.directoryRead])
            let page = Self.json(try await APITokenTests.call(api, token, "/api/v1/organisations?limit=1"))
            #expect((page["items"] as? [Any])?.count == 1 && page["next"] is String)
            let rest = Self.json(try await APITokenTests.call(api, token, "/api/v1/organisations?limit=100&cursor=\(page["next"] as! String)"))
            #expect(((rest["items"] as? [JSON]) ?? []).allSatisfy { $0["id"] as? String != page["next"] as? String }, "the next page starts after the cursor")
            let org = Self.json(try await APITokenTests.call(api, token, "/api/v1/organisations/\(w.otherOrganisation.uuidString)"))
            #expect((org["services"] as? [JSON])?.map { $0["name"] as? String } == ["Toinen palvelu"])
            let found = Self.json(try await APITokenTests.call(api, token, "/api/v1/services?q=toinen"))
            #expect((found["items"] as? [JSON])?.map { $0["id"] as? String } == [w.otherService.uuidString])
            #expect(try await APITokenTests.call(api, token, "/api/v1/services?organisation=nope").status == .badRequest)
            try await app.db.sql.raw("UPDATE services SET areas = ',oulu,', languages = ',fi,sv,', category = 'housing' WHERE id = \(bind: w.otherService)").run()
            func ids(_ query: String) async throws -> [String] {
                let page = Self.json(try await APITokenTests.call(api, token, "/api/v1/services?" + query))
                return ((page["items"] as? [JSON]) ?? []).compactMap { $0["id"] as? String }
            }
            #expect(try await ids("area=Oulu") == [w.otherService.uuidString])
            #expect(try await ids("area=oul").isEmpty, "an area matches whole, not a part of its name")
            #expect(try await ids("language=sv&category=housing") == [w.otherService.uuidString])
            #expect(try await ids("category=debt_finances&threshold=low") == [w.ownService.uuidString])
            #expect(try await APITokenTests.call(api, token, "/api/v1/services?category=cooking").status == .badRequest)
        }
    }
}
