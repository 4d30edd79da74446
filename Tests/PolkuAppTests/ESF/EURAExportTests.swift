import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor
import ZIPFoundation

/// The participants' start and exit data in EURA 2021's shape: only the project's managers, Finnish
/// headers, what is missing named on each line and the incomplete records on a sheet of their own,
/// and the file audited as leaving Polku with every person in it.
@Suite struct EURAExportTests {
    @Test(arguments: TestDatabase.allCases)
    func managersGetTheFundersParticipantDataWithTheGapsListed(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            try await app.db.sql.raw(
                """
                UPDATE enrolments SET labour_status = 'unemployed', isced = 3, end_date = '2024-06-30', exit_situation = 'employed'
                WHERE id = \(bind: world.ownEnrolment)
                """
            ).run()
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            let csv = try await manager.get(SiteURL.projectEURACSV(.value(world.ownProject)).relativeURL())
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            let lines = csv.body.split(separator: "\r\n").map(String.init)
            #expect(lines.first?.contains("Hankekoodi;Osallistujanumero;Sukunimi;Etunimi") == true)
            #expect(lines.count == 2 && lines[1].contains("OWN1;") && lines[1].contains("Merkkinen"))
            #expect(lines[1].contains("Lukio tai ammatillinen perustutkinto (ISCED 3)") && lines[1].contains("Työtön") && lines[1].contains("30.6.2024"))
            #expect(lines[1].hasSuffix(";tutkinto tai pätevyys"), "the exit's qualification answer is missing: \(lines[1])")
            #expect(!csv.body.contains("Toisenhankkeinen"), "only this project's people")

            let xlsx = try await manager.get(SiteURL.projectEURAXLSX(.value(world.ownProject)).relativeURL())
            let archive = try Archive(data: xlsx.bytes, accessMode: .read)
            #expect(archive["xl/worksheets/sheet2.xml"] != nil, "the incomplete records on a sheet of their own")
            let report = try await manager.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL())
            #expect(report.body.contains(SiteURL.projectEURACSV(.value(world.ownProject)).relativeURL()))

            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.get(SiteURL.projectEURACSV(.value(world.ownProject)).relativeURL()).status == .forbidden)
            #expect(!(try await worker.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL()).body.contains("eura2021.csv")))
            let events = try await World.auditEvents(app)
            #expect(events.contains { $0.action == "export" && $0.detail == "eura 2021 csv" && $0.participantID == world.ownParticipant })
        }
    }
}
