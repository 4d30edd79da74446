import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A provider's pages of its own services: the list with what is out of date and the form for a new
/// one, and the edit form. A refused form keeps what was typed.
enum ServicePages {
    struct Choice: Decodable, Equatable { let id: UUID; let name: String }
    struct Row: Decodable, Equatable { let id: UUID; let name: String; let checked_on: String; let active: Bool }

    /// The organisation's services and the new-service form.
    struct Services {
        var organisation: Choice
        var rows: [Row] = []
        var state: FormState
    }

    /// The edit form of one service (`service` nil only for a service not stored yet).
    struct Edit {
        var service: Choice?
        var organisation: UUID
        var state: FormState
    }

    /// The services of `organisation` by name; nil if the organisation is gone.
    static func services(of organisation: UUID, state: FormState, on db: any Database) async throws -> Services? {
        let sql = db.sql
        guard let org = try await sql.select().columns("id", "name").from(Organisation.schema).where("id", .equal, organisation).first(decoding: Choice.self)
        else { return nil }
        let rows = try await sql.select().columns("id", "name", "checked_on", "active").from(Service.schema).where("organisation_id", .equal, organisation)
            .orderBy("name").all(decoding: Row.self)
        return Services(organisation: org, rows: rows, state: state)
    }

    static func servicesPage(_ m: Services, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let today = context.today
        let id = m.organisation.id
        func isStale(_ r: Row) -> Bool { CalendarDate(parsing: r.checked_on).map { ServiceFreshness.isStale(checked: $0, today: today) } ?? true }
        return Page(context, title: t("provider.services.title", m.organisation.name), breadcrumbs: [(t("directory.title"), SiteURL.directory.relativeURL())], status: status) {
            h("p") { h("a", ["href": SiteURL.organisationReferrals(.value(id)).relativeURL()]) { t("provider.inbox.link") } }
            h("p") { h("a", ["href": SiteURL.organisationWebhooks(.value(id)).relativeURL()]) { t("webhooks.link") } }
            let stale = m.rows.filter(isStale)
            if !stale.isEmpty { h("p", ["class": "notice", "role": "status"]) { t("provider.services.stale", stale.count) } }
            if m.rows.isEmpty {
                h("p") { t("provider.services.none") }
            } else {
                dataTable {
                    h("caption", ["class": "visually-hidden"]) { t("provider.services.title", m.organisation.name) }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("service.name") }
                            h("th", ["scope": "col"]) { t("service.checked") }
                            h("th", ["scope": "col"]) { h("span", ["class": "visually-hidden"]) { t("activity.member.actions") } }
                        }
                    }
                    h("tbody") {
                        for s in m.rows {
                            h("tr") {
                                h("th", ["scope": "row"]) {
                                    h("a", ["href": SiteURL.directoryService(.value(s.id)).relativeURL()]) { s.name }
                                    if !s.active { " (" + t("service.inactive.short") + ")" }
                                }
                                h("td") { t.date(s.checked_on) + (isStale(s) ? " – " + t("service.stale.short") : "") }
                                h("td") {
                                    h("a", ["href": SiteURL.serviceEdit(.value(s.id)).relativeURL()]) { t("service.edit") }
                                    h("form", ["method": "post", "action": SiteURL.serviceChecked(.value(s.id)).relativeURL(), "class": "inline"]) {
                                        csrfField(context)
                                        h("button", ["type": "submit", "class": "secondary"]) { t("service.mark_checked", s.name) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h("h2") { t("provider.services.new") }
            form(context, action: SiteURL.organisationServices(.value(id)).relativeURL(), state: m.state, submitLabel: t("form.save"))
        }
    }

    static func editPage(_ m: Edit, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(
            context, title: t("service.edit.title", m.service?.name ?? ""),
            breadcrumbs: [(t("provider.services.link"), SiteURL.organisationServices(.value(m.organisation)).relativeURL())], status: status
        ) {
            if let service = m.service { form(context, action: SiteURL.service(.value(service.id)).relativeURL(), state: m.state, submitLabel: t("form.save")) }
        }
    }

    static func form(_ context: PageContext, action: String, state: FormState, submitLabel: String) -> Node {
        let t = context.t
        let f = Fields(t: t, state: state)
        return h("form", ["method": "post", "action": action]) {
            csrfField(context)
            f.summary()
            f.text("name", t("service.name"), required: true)
            f.textarea("description", t("service.description"), required: true, hint: t("service.description.hint"), rows: 4)
            f.select("category", t("directory.category"), options: ServiceCategory.allCases.map { ($0.rawValue, t("service.category." + $0.rawValue)) }, required: true)
            f.select("threshold", t("directory.threshold"), options: Threshold.allCases.map { ($0.rawValue, t("service.threshold." + $0.rawValue)) }, required: true)
            f.text("target_groups", t("service.target_groups"), hint: t("service.target_groups.hint"))
            f.text("areas", t("directory.area"), required: true, hint: t("service.areas.hint"))
            h("fieldset", ["class": "checks"]) {
                h("legend") { t("directory.language") }
                f.error("lang_fi")
                for l in ServiceEditor.languages { f.checkbox("lang_\(l)", t("service.language." + l)) }
            }
            f.text("cost", t("service.cost"), hint: t("service.cost.hint"))
            f.textarea("where_when", t("service.where_when"), rows: 2)
            f.textarea("contact", t("service.contact"), required: true, hint: t("service.contact.hint"), rows: 2)
            h("details", ["open": ["name_sv", "name_en", "description_sv", "description_en"].contains { !state[$0].isEmpty } ? "" : nil]) {
                h("summary") { t("service.translations") }
                f.text("name_sv", t("service.name") + " (svenska)")
                f.textarea("description_sv", t("service.description") + " (svenska)", rows: 3)
                f.text("name_en", t("service.name") + " (English)")
                f.textarea("description_en", t("service.description") + " (English)", rows: 3)
            }
            f.checkbox("active", t("service.active"))
            submit(submitLabel)
        }
    }

}
