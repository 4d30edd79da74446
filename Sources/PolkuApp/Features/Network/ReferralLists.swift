import Fluent
import PolkuCore
import SQLKit
import Vapor

/// The two lists of referrals: a provider's inbox (referrals to its services) and a referring
/// worker's open referrals across their projects.
enum ReferralLists {
    struct Row: Decodable, Equatable {
        let id: UUID; let participant_id: UUID; let state: String; let created_at: Date?; let service: String; let first_name: String; let last_name: String
        let consent_withdrawn_on: String?
    }

    struct Inbox {
        var organisationID: UUID
        var organisation: String
        var openOnly: Bool
        var rows: [Row]
    }

    private static let columns: SQLQueryString = """
        SELECT r.id, r.participant_id, r.state, r.created_at, s.name AS service, p.first_name, p.last_name, r.consent_withdrawn_on
        FROM referrals r JOIN services s ON s.id = r.service_id JOIN participants p ON p.id = r.participant_id
        """

    /// The newest 500 referrals to `organisation`'s services (open ones only unless `openOnly` is
    /// false); nil when there is no such organisation.
    static func inbox(_ organisation: UUID, openOnly: Bool, on db: any Database) async throws -> Inbox? {
        struct Name: Decodable { let name: String }
        guard let org = try await db.sql.raw("SELECT name FROM organisations WHERE id = \(bind: organisation)").first(decoding: Name.self) else { return nil }
        var q = columns
        q.appendLiteral(" WHERE s.organisation_id = ")
        q.appendInterpolation(bind: organisation)
        if openOnly { q.appendLiteral(" AND r.state IN "); q.appendInterpolation(SQLBind.group(ReferralState.allCases.filter(\.isOpen).map(\.rawValue))) }
        q.appendLiteral(" ORDER BY r.created_at DESC, r.id LIMIT 500")
        return Inbox(organisationID: organisation, organisation: org.name, openOnly: openOnly, rows: try await db.sql.raw(q).all(decoding: Row.self))
    }

    /// The newest 500 open referrals made in `projects`.
    static func open(in projects: [UUID], on db: any Database) async throws -> [Row] {
        guard !projects.isEmpty else { return [] }
        var q = columns
        q.appendLiteral(" WHERE r.project_id IN ")
        q.appendInterpolation(SQLBind.group(projects))
        q.appendLiteral(" AND r.state IN ")
        q.appendInterpolation(SQLBind.group(ReferralState.allCases.filter(\.isOpen).map(\.rawValue)))
        q.appendLiteral(" ORDER BY r.created_at DESC, r.id LIMIT 500")
        return try await db.sql.raw(q).all(decoding: Row.self)
    }

    static func inboxPage(_ m: Inbox, context: PageContext) -> Page {
        let t = context.t
        let here = SiteURL.organisationReferrals(.value(m.organisationID))
        return Page(
            context, title: t("provider.inbox.title", m.organisation),
            breadcrumbs: [(t("provider.services.link"), SiteURL.organisationServices(.value(m.organisationID)).relativeURL())]
        ) {
            h("p") {
                h("a", ["href": m.openOnly ? here.relativeURL([("all", "1")]) : here.relativeURL()]) {
                    m.openOnly ? t("provider.inbox.all") : t("provider.inbox.open")
                }
            }
            if m.rows.isEmpty { h("p") { t("provider.inbox.none") } } else { table(m.rows, t: t, hideWithdrawn: true) }
        }
    }

    static func openPage(_ rows: [Row], context: PageContext) -> Page {
        let t = context.t
        return Page(context, title: t("referrals.open.title")) {
            if rows.isEmpty { h("p") { t("referrals.open.none") } } else { table(rows, t: t, hideWithdrawn: false) }
        }
    }

    /// One list of referrals; the provider's side no longer sees who a withdrawn referral is about.
    static func table(_ rows: [Row], t: Texts, hideWithdrawn: Bool) -> Node {
        dataTable {
            h("thead") {
                h("tr") {
                    h("th", ["scope": "col"]) { t("referral.person") }
                    h("th", ["scope": "col"]) { t("referral.service") }
                    h("th", ["scope": "col"]) { t("referral.state") }
                    h("th", ["scope": "col"]) { t("referral.sent") }
                }
            }
            h("tbody") {
                for r in rows {
                    h("tr") {
                        h("th", ["scope": "row"]) {
                            h("a", ["href": SiteURL.referral(.value(r.id)).relativeURL()]) {
                                hideWithdrawn && r.consent_withdrawn_on != nil ? t("referral.withdrawn.person") : "\(r.last_name), \(r.first_name)"
                            }
                        }
                        h("td") { r.service }
                        h("td") { t("referral.state." + r.state) }
                        h("td") { t.dateTime(r.created_at) }
                    }
                }
            }
        }
    }
}
