import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
@testable import PolkuTools
import Testing
import Vapor

/// The directory in Open Referral HSDS 3.0: the demo's directory goes out as a package that the
/// schema written down from the specification accepts, an admin imports it into an empty Polku,
/// and that Polku's package is the same; a broken package is refused with its problems' paths.
@Suite struct DirectoryHSDSTests {
    static let schemaFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/hsds/package.schema.json")

    @Test(arguments: TestDatabase.allCases)
    func theDirectoryGoesOutAsHSDSAndComesBackTheSame(db: TestDatabase) async throws {
        var exported = Data()
        try await withPolku(db) { app in
            try await DemoDirectory.seed(on: app.db, providerUser: nil)
            let page = try await TestClient(app).get(SiteURL.directoryHSDS.relativeURL())
            #expect(page.status == .ok && page.headers.contentType == .json)
            let json = try JSONSerialization.jsonObject(with: page.bytes)
            let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaFile))
            let problems = JSONSchemaCheck.problems(json, schema)
            #expect(problems.isEmpty, "\(problems.prefix(10))")
            let active = try await Service.query(on: app.db).filter(\.$active == true).count()
            #expect(((json as? [String: Any])?["service"] as? [Any])?.count == active && active > 10)
            exported = page.bytes
        }
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            var broken = try JSONSerialization.jsonObject(with: exported) as? [String: Any] ?? [:]
            broken["organization"] = Array((broken["organization"] as? [Any] ?? []).dropFirst())
            let refused = try await admin.upload(
                SiteURL.adminDirectoryImportHSDS.relativeURL(), field: "file", filename: "hsds.json",
                content: String(data: try JSONSerialization.data(withJSONObject: broken), encoding: .utf8)!)
            #expect(refused.status == .unprocessableEntity && refused.body.contains(".organization_id: viittaa riviin"))
            #expect(try await Service.query(on: app.db).count() == 0, "all or nothing")
            let notJSON = try await admin.upload(SiteURL.adminDirectoryImportHSDS.relativeURL(), field: "file", filename: "x.json", content: #"{"service": 3}"#)
            #expect(notJSON.status == .unprocessableEntity && notJSON.body.contains("service: väärää tyyppiä"))
            let imported = try await admin.upload(
                SiteURL.adminDirectoryImportHSDS.relativeURL(), field: "file", filename: "hsds.json", content: String(data: exported, encoding: .utf8)!)
            #expect(imported.status == .ok && imported.body.contains("Tuotu:"))
            let again = try await TestClient(app).get(SiteURL.directoryHSDS.relativeURL())
            #expect(again.bytes == exported, "export → import into an empty database → export gives the same package")
            #expect(try await admin.get(SiteURL.directory.relativeURL([("q", "velka")])).body.contains("Velkaneuvonta"))
        }
    }
}

/// The part of JSON Schema the HSDS schema file uses: type (with unions), required, properties,
/// items, enum, and the formats uuid and date.
enum JSONSchemaCheck {
    static func problems(_ value: Any, _ schema: Any, at path: String = "$") -> [String] {
        guard let s = schema as? [String: Any] else { return [] }
        var out: [String] = []
        if let type = s["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { matches(value, $0) }) { return ["\(path): not \(types)"] }
        }
        if let allowed = s["enum"] as? [String], let v = value as? String, !allowed.contains(v) { out.append("\(path): \(v) not in \(allowed)") }
        if let format = s["format"] as? String, let v = value as? String {
            if format == "uuid" && UUID(uuidString: v) == nil { out.append("\(path): \(v) is not a uuid") }
            if format == "date" && CalendarDate(parsing: v)?.iso != v { out.append("\(path): \(v) is not a date") }
        }
        if let object = value as? [String: Any] {
            for key in s["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path).\(key): required") }
            for (key, sub) in s["properties"] as? [String: Any] ?? [:] {
                if let v = object[key] { out += problems(v, sub, at: "\(path).\(key)") }
            }
        }
        if let array = value as? [Any], let items = s["items"] {
            for (i, v) in array.enumerated() { out += problems(v, items, at: "\(path)[\(i)]") }
        }
        return out
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "null": return value is NSNull
        case "integer", "number": return value is NSNumber
        default: return false
        }
    }
}
