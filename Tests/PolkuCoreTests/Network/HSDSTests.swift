import PolkuCore
import Testing

/// The directory's HSDS mapping: what goes out comes back, derived ids stay the same, and a package
/// that cannot be imported is refused with every problem and its path.
@Suite struct HSDSTests {
    static func entry(_ n: Int, org: String = "0f0e1d2c-3b4a-4958-8776-655443322110") -> HSDS.Entry {
        HSDS.Entry(
            organisationID: org, organisationName: "Porin Kaupunki", businessID: "0204819-8", website: "https://pori.invalid",
            municipality: "pori", serviceID: "6a1b2c3d-4e5f-4a6b-8c7d-00000000000\(n)", name: "Velkaneuvonta \(n)",
            description: "Apua velkoihin.", category: .debtAndFinances, targetGroups: "Kaikki aikuiset", areas: ["pori", "ulvila"],
            languages: ["fi", "sv"], threshold: .low, cost: "Maksuton", whereWhen: "Ma–to 9–15",
            contact: "puh. 040 000 0000 (demo), palvelu@demo.polku.invalid", active: true, checkedOn: "2026-11-15")
    }

    @Test func whatGoesOutComesBack() throws {
        let entries = [Self.entry(1), Self.entry(2)]
        let package = HSDS.package(entries)
        #expect(package.organization.count == 1 && package.service.count == 2 && package.service_area.count == 4)
        #expect(package.phone.first?.number == "040 000 0000" && package.contact.first?.email == "palvelu@demo.polku.invalid")
        #expect(package.taxonomy.map(\.name).sorted() == ["polku-service-category", "polku-threshold"])
        let back = try HSDS.entries(package).get()
        #expect(back.sorted { $0.serviceID < $1.serviceID } == entries)
        #expect(HSDS.package(back) == package, "the same package again")
    }

    @Test func derivedIDsAreStableUUIDs() {
        let a = HSDS.derivedID("x", "phone"), b = HSDS.derivedID("x", "phone"), c = HSDS.derivedID("y", "phone")
        #expect(a == b && a != c)
        #expect(a.count == 36 && a.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    }

    @Test func aBadPackageIsRefusedWithEveryProblemAndItsPath() {
        var package = HSDS.package([Self.entry(1), Self.entry(2)])
        package.service[0].organization_id = "9d9d9d9d-0000-4000-8000-000000000000"
        package.service[1].name = "  "
        package.service[1].id = "not-an-id"
        package.attribute.removeAll { $0.link_id == "not-an-id" }
        guard case .failure(let problems) = HSDS.entries(package) else {
            Issue.record("the package was accepted")
            return
        }
        let said = problems.all.map { "\($0.path) \($0.key)" }
        #expect(said.contains("service[0].organization_id hsds.problem.reference"))
        #expect(said.contains("service[1].id hsds.problem.id"))
        #expect(said.contains("service[1].name hsds.problem.empty"))
        #expect(said.contains("service[1] hsds.problem.category") && said.contains("service[1] hsds.problem.threshold"))
        #expect(said.contains("service[1] hsds.problem.area"), "its areas were under the old id")
    }
}
