import PolkuCore
import Vapor

/// The project page's parts (organisations, sites, steering group, own outcomes), each with its add
/// form; a refused add form comes back with what was typed.
enum ProjectPartsView {
    static func organisations(_ context: PageContext, _ form: FormState, model m: ProjectShow.Model, manages: Bool) -> Node {
        let t = context.t
        let f = Fields(t: t, state: form, prefix: "org-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.organisations.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.organisations.anchor]) { t("project.organisations") }
            dataTable {
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("organisation.name") }
                        h("th", ["scope": "col"]) { t("organisation.business_id") }
                        h("th", ["scope": "col"]) { t("project.organisation_role") }
                        if manages { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for (link, org) in m.organisations {
                        h("tr") {
                            h("td") { org.name }
                            h("td") { org.businessID ?? "–" }
                            h("td") { t("project.organisation_role." + link.role.rawValue) }
                            if manages {
                                h("td") {
                                    removeButton(
                                        context, SiteURL.projectPartDelete(.value(m.project.id!), .organisations, .value(link.id!)).relativeURL(), t("form.remove"), org.name)
                                }
                            }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .organisations).relativeURL(), "class": "inline"]) {
                    csrfField(context)
                    f.select(
                        "organisation_id", t("project.add_organisation"),
                        options: m.allOrganisations.map { ($0.id!.text, $0.name) }, required: true, blank: "")
                    f.select(
                        "organisation_role", t("project.organisation_role"),
                        options: ProjectOrganisation.Role.allCases.map { ($0.rawValue, t("project.organisation_role." + $0.rawValue)) }, required: true)
                    submit(t("form.add"))
                }
            }
        }
    }

    static func sites(_ context: PageContext, _ form: FormState, model m: ProjectShow.Model, manages: Bool, counts: Bool) -> Node {
        let t = context.t
        let f = Fields(t: t, state: form, prefix: "site-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.sites.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.sites.anchor]) { t("project.sites") }
            if let reason = form.errors["remove"], reason == "project.site.in_use" { h("p", ["class": "error", "role": "alert"]) { t(reason) } }
            dataTable {
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("site.name") }
                        h("th", ["scope": "col"]) { t("site.municipality") }
                        h("th", ["scope": "col"]) { t("site.kind") }
                        if counts { h("th", ["scope": "col", "class": "num"]) { t("project.participants") } }
                        if manages { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for site in m.sites {
                        h("tr") {
                            h("td") { h("a", ["href": SiteURL.projectSite(.value(m.project.id!), .value(site.id!)).relativeURL()]) { site.name } }
                            h("td") { site.municipality }
                            h("td") { t("site.kind." + site.kind.rawValue) }
                            if counts { h("td", ["class": "num"]) { String(m.participantsBySite[site.id!] ?? 0) } }
                            if manages {
                                h("td") {
                                    removeButton(context, SiteURL.projectPartDelete(.value(m.project.id!), .sites, .value(site.id!)).relativeURL(), t("form.remove"), site.name)
                                }
                            }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .sites).relativeURL(), "class": "inline"]) {
                    csrfField(context)
                    f.text("site_name", t("site.name"), required: true)
                    f.text("site_municipality", t("site.municipality"))
                    f.select("site_kind", t("site.kind"), options: Site.Kind.allCases.map { ($0.rawValue, t("site.kind." + $0.rawValue)) }, required: true)
                    submit(t("project.add_site"))
                }
            }
        }
    }

    static func outcomes(_ context: PageContext, _ form: FormState, model m: ProjectShow.Model, manages: Bool) -> Node {
        let t = context.t
        let f = Fields(t: t, state: form, prefix: "outcome-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.outcomes.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.outcomes.anchor]) { t("report.own_outcomes") }
            if let reason = form.errors["remove"], reason == "project.outcome.in_use" { h("p", ["class": "error", "role": "alert"]) { t(reason) } }
            if m.ownOutcomes.isEmpty {
                h("p") { t("project.own_outcomes.none") }
            } else {
                h("ul") {
                    for o in m.ownOutcomes {
                        h("li") {
                            "\(o.name) → \(t("outcome." + o.mapsTo.rawValue)) "
                            if manages { removeButton(context, SiteURL.projectPartDelete(.value(m.project.id!), .outcomes, .value(o.id!)).relativeURL(), t("form.remove"), o.name) }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .outcomes).relativeURL(), "class": "inline"]) {
                    csrfField(context)
                    f.text("outcome_name", t("project.own_outcome.name"), required: true)
                    f.select("outcome_maps_to", t("report.maps_to"), options: ServiceOutcome.allCases.map { ($0.rawValue, t("outcome." + $0.rawValue)) }, required: true)
                    submit(t("form.add"))
                }
            }
        }
    }

    static func steering(_ context: PageContext, _ form: FormState, model m: ProjectShow.Model, manages: Bool) -> Node {
        let t = context.t
        let f = Fields(t: t, state: form, prefix: "steer-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.steering.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.steering.anchor]) { t("project.steering") }
            dataTable {
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("steering.role") }
                        h("th", ["scope": "col"]) { t("steering.organisation") }
                        h("th", ["scope": "col"]) { t("steering.name") }
                        if manages { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for s in m.steering {
                        h("tr") {
                            h("td") { s.role }
                            h("td") { s.organisation }
                            h("td") { s.name.isEmpty ? "–" : s.name }
                            if manages {
                                h("td") {
                                    removeButton(context, SiteURL.projectPartDelete(.value(m.project.id!), .steering, .value(s.id!)).relativeURL(), t("form.remove"), s.role)
                                }
                            }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .steering).relativeURL(), "class": "inline"]) {
                    csrfField(context)
                    f.text("steering_role", t("steering.role"), required: true)
                    f.text("steering_organisation", t("steering.organisation"), required: true)
                    f.text("steering_name", t("steering.name"))
                    submit(t("project.add_steering"))
                }
            }
        }
    }
}
