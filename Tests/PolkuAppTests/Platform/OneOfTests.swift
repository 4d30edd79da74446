import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing

/// `\(oneOf: values)` (`SQLOneOf`): the rows of one of the values, on both databases; on PostgreSQL
/// one text whatever the number of values, so a read is one prepared statement and one function.
@Suite struct OneOfTests {
    @Test(arguments: TestDatabase.allCases)
    func theRowsOfOneOfTheValuesAndOnPostgreSQLOneTextForAnyNumber(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let sql = app.db.sql
            func query(_ names: [String]) -> SQLQueryString {
                "SELECT name FROM (SELECT 'Oulu' AS name UNION ALL SELECT 'Kemi' UNION ALL SELECT 'Salla') t WHERE name \(oneOf: names) ORDER BY name"
            }
            for names in [["Kemi"], ["Salla", "Kemi", "Inari"]] {
                let rows = try await sql.raw(query(names)).all().map { try $0.decode(column: "name", as: String.self) }
                #expect(rows == names.filter { ["Oulu", "Kemi", "Salla"].contains($0) }.sorted())
            }
            let one = sql.serialize(query(["Kemi"])), three = sql.serialize(query(["Salla", "Kemi", "Inari"]))
            #expect(three.binds.count == (db == .postgres ? 1 : 3))
            #expect((one.sql == three.sql) == (db == .postgres))
        }
    }
}
