@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// A service's page in the directory from fixed models: the public sees plain facts; staff also see the
/// sector and that the details are out of date, and a provider's staff the edit link.
@Suite struct ServiceDetailTests {
    typealias F = PageFixtures

    static let service = ServiceDetail(
        id: F.id(1_800), name: "Velkaneuvonta", description: "Apua velkoihin <maksutta>", provider: "Diakonia", sector: .parish, category: .debtAndFinances,
        threshold: .low, targetGroups: "", areas: ["pori", "ulvila"], languages: ["fi", "sv"], cost: "Maksuton", whereWhen: "", contact: "p. 040 000 0000",
        checkedOn: "2024-05-01", active: true, staff: false, canEdit: false)

    @Test func thePublicSeesPlainFacts() {
        let html = ServiceDetail.page(Self.service, context: F.context(nil)).render()
        #expect(html.contains("Apua velkoihin &lt;maksutta&gt;") && html.contains("Pori, Ulvila") && !html.contains("class=\"notice\""))
        #expect(!html.contains(SiteURL.serviceEdit(.value(F.id(1_800))).relativeURL()))
        assertSnapshot(of: html, as: .html)
    }

    @Test func providerStaffSeeStalenessAndEdit() {
        var m = Self.service
        m.staff = true; m.canEdit = true
        let html = ServiceDetail.page(m, context: F.context(F.worker(), lang: .sv)).render()
        #expect(html.contains("class=\"notice\"") && html.contains(SiteURL.serviceEdit(.value(F.id(1_800))).relativeURL()))
    }
}
