import Fluent
import PolkuCore
import SQLKit
import Vapor

enum ProjectShow {
    struct Model {
        let project: Project
        let organisations: [(link: ProjectOrganisation, organisation: Organisation)]
        let steering: [SteeringMember]
        let sites: [Site]
        let subProjects: [Project]
        let parent: Project?
        let participants: Int
        let participantsBySite: [UUID: Int]
        let participantsByPhase: [String: Int]
        let allOrganisations: [Organisation]
        let ownOutcomes: [ProjectOutcome]
        /// The financing plan and the latest public figures, for cost per person (issue 17).
        var funding = FundingSummary([])
        var figures: PublicFigures? = nil

        static func query(_ id: UUID, on db: any Database) async throws -> Model? {
            guard let project = try await Project.find(id, on: db) else { return nil }
            let links = try await ProjectOrganisation.query(on: db).filter(\.$project.$id == id).with(\.$organisation).all()
            let steering = try await SteeringMember.query(on: db).filter(\.$project.$id == id).sort(\.$role).all()
            let sites = try await Site.query(on: db).filter(\.$project.$id == id).sort(\.$name).all()
            let subs = try await Project.query(on: db).filter(\.$parent.$id == id).sort(\.$code).all()
            let parent = try await project.$parent.get(on: db)
            struct Row: Decodable { let site_id: UUID?; let phase: String; let n: Int }
            let rows = try await db.sql.raw(
                """
                SELECT site_id, phase, COUNT(*) AS n FROM enrolments WHERE project_id = \(bind: id) GROUP BY site_id, phase
                """
            ).all(decoding: Row.self)
            var bySite: [UUID: Int] = [:], byPhase: [String: Int] = [:]
            for r in rows {
                if let s = r.site_id { bySite[s, default: 0] += r.n }
                byPhase[r.phase, default: 0] += r.n
            }
            let orgs = try await Organisation.query(on: db).sort(\.$name).all()
            let own = try await ProjectOutcome.query(on: db).filter(\.$project.$id == id).sort(\.$name).all()
            let roleOrder = ProjectOrganisation.Role.allCases
            var model = Model(
                project: project,
                organisations: links.map { ($0, $0.organisation) }
                    .sorted { (roleOrder.firstIndex(of: $0.link.role)!, $0.organisation.name) < (roleOrder.firstIndex(of: $1.link.role)!, $1.organisation.name) },
                steering: steering, sites: sites, subProjects: subs, parent: parent,
                participants: rows.reduce(0) { $0 + $1.n }, participantsBySite: bySite,
                participantsByPhase: byPhase, allOrganisations: orgs, ownOutcomes: own)
            model.funding = FundingSummary(try await ProjectPageEditor.funding(id, on: db.sql).compactMap(\.line))
            model.figures = try await PublicFigures.stored(id, on: db.sql)
            return model
        }
    }

    static func page(
        _ m: Model, access: ProjectAccess, actor: Actor, partForm: FormState = FormState(), context: PageContext, status: HTTPResponseStatus = .ok
    ) -> Page {
        let t = context.t
        let p = m.project
        let counts = actor.isAdmin || access.seesAggregates
        let manages = access.managesProject
        return Page(context, title: p.name, breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL())], status: status) {
            h("p", ["class": "lead"]) { "\(p.code) · \(t("project.status." + p.status.rawValue)) · \(t.date(p.startDate))–\(t.date(p.endDate))" }
            h("div", ["class": "actions"]) {
                if manages { h("a", ["class": "button", "href": SiteURL.projectEdit(.value(p.id!)).relativeURL()]) { t("project.edit.link") } }
                if manages { h("a", ["class": "button", "href": SiteURL.projectImport(.value(p.id!)).relativeURL()]) { t("import.link") } }
                if manages { h("a", ["class": "button", "href": SiteURL.projectPublicPage(.value(p.id!)).relativeURL()]) { t("public.editor.link") } }
                if manages { h("a", ["class": "button", "href": SiteURL.projectSurveys(.value(p.id!)).relativeURL()]) { t("survey.list.link") } }
                if manages { h("a", ["class": "button", "href": SiteURL.projectPeers(.value(p.id!)).relativeURL()]) { t("peer.list.link") } }
                if access.seesParticipants {
                    h("a", ["class": "button", "href": SiteURL.participants.relativeURL([("project", "\(p.id!)")])]) { t("project.participants.link") }
                }
                if counts { h("a", ["class": "button", "href": SiteURL.projectReport(.value(p.id!)).relativeURL()]) { t("report.link") } }
                if counts { h("a", ["class": "button", "href": SiteURL.projectActivities(.value(p.id!)).relativeURL()]) { t("activities.link") } }
                if counts { h("a", ["class": "button", "href": SiteURL.projectProgress(.value(p.id!)).relativeURL()]) { t("progress.link") } }
                if counts { h("a", ["class": "button", "href": SiteURL.projectBefore(.value(p.id!)).relativeURL()]) { t("before.report.link") } }
                if counts && !m.sites.isEmpty { h("a", ["class": "button", "href": SiteURL.projectSites(.value(p.id!)).relativeURL()]) { t("sites.link") } }
                if counts { h("a", ["class": "button", "href": SiteURL.projectInstruments(.value(p.id!)).relativeURL()]) { t("instruments.project.link") } }
                if counts { h("a", ["class": "button", "href": SiteURL.projectFeedback(.value(p.id!)).relativeURL()]) { t("feedback.report.link") } }
                if access.writesParticipantData { h("a", ["class": "button", "href": SiteURL.projectFollowUps(.value(p.id!)).relativeURL()]) { t("followup.link") } }
                if access.writesParticipantData { h("a", ["class": "button", "href": SiteURL.projectPanels(.value(p.id!)).relativeURL()]) { t("panel.list.link") } }
                if access.writesParticipantData { h("a", ["class": "button", "href": SiteURL.projectExperiments(.value(p.id!)).relativeURL()]) { t("experiment.link") } }
                if access.writesParticipantData { h("a", ["class": "button", "href": SiteURL.projectCafes(.value(p.id!)).relativeURL()]) { t("cafe.list.link") } }
                if access.writesParticipantData { h("a", ["class": "button", "href": SiteURL.projectCards(.value(p.id!)).relativeURL()]) { t("cards.link") } }
            }
            if !p.summary.isEmpty {
                h("section", ["aria-labelledby": "summary-h"]) {
                    h("h2", ["id": "summary-h"]) { t("project.summary") }
                    for para in p.summary.split(separator: "\n", omittingEmptySubsequences: true) { h("p") { String(para) } }
                }
            }
            h("section", ["aria-labelledby": "facts-h"]) {
                h("h2", ["id": "facts-h"]) { t("project.section.basics") }
                h("dl", ["class": "facts"]) {
                    fact(t("project.code"), p.code)
                    fact(t("project.funder"), p.funder)
                    fact(t("project.priority_axis"), p.priorityAxis)
                    fact(t("project.specific_objective"), p.specificObjective)
                    fact(t("project.region"), p.region)
                    fact(t("project.period"), "\(t.date(p.startDate))–\(t.date(p.endDate))")
                    fact(t("project.budget_band"), p.budgetBand)
                    fact(t("project.planned_funding"), t.euros(p.plannedPublicFunding))
                    fact(t("project.realised_funding"), t.euros(p.realisedPublicFunding))
                    if !m.funding.isEmpty {
                        fact(t("public.funding.public"), t("public.funding.public_sum", t.euros(m.funding.publicFunding.planned), t.euros(m.funding.publicFunding.realised)))
                        if let f = m.figures, counts {
                            fact(t("public.cost.started"), CostPerPerson.of(realised: m.funding.total.realised, people: f.started).map { t.euros($0) } ?? "–")
                            fact(t("public.cost.completed"), CostPerPerson.of(realised: m.funding.total.realised, people: f.completed).map { t.euros($0) } ?? "–")
                        }
                    }
                    fact(
                        t("project.section.retention"),
                        p.retentionMonths.map { t("project.retention.rule", String($0), t("project.retention_basis." + (p.retentionBasis ?? "exit"))) }
                            ?? t("project.retention_basis.none"))
                    if let parent = m.parent {
                        h("dt") { t("project.parent") }
                        h("dd") { h("a", ["href": SiteURL.project(.value(parent.id!)).relativeURL()]) { parent.name } }
                    }
                }
            }
            h("section", ["aria-labelledby": "progress-h"]) {
                h("h2", ["id": "progress-h"]) { t("project.progress") }
                if counts {
                    h("p") {
                        if let planned = p.plannedParticipants, planned > 0 {
                            t("project.progress.of", m.participants, planned, Int((Double(m.participants) / Double(planned) * 100).rounded()))
                        } else {
                            t("project.progress.count", m.participants)
                        }
                    }
                    dataTable {
                        h("caption") { t("project.by_phase") }
                        h("thead") {
                            h("tr") {
                                h("th", ["scope": "col"]) { t("project.phase") }; h("th", ["scope": "col", "class": "num"]) { t("project.participants") }
                            }
                        }
                        h("tbody") {
                            for phase in p.phasePlan.phases {
                                h("tr") {
                                    h("td") { PhaseNames.label(phase, t) }; h("td", ["class": "num"]) { String(m.participantsByPhase[phase] ?? 0) }
                                }
                            }
                        }
                    }
                } else {
                    h("p") { t("project.progress.planned", p.plannedParticipants.map(String.init) ?? "–") }
                }
            }
            h("section", ["aria-labelledby": "tg-h"]) {
                h("h2", ["id": "tg-h"]) { t("project.target_groups") }
                h("ul") { for g in p.targetGroups.split(separator: "\n") { h("li") { String(g) } } }
            }
            ProjectPartsView.organisations(context, partForm, model: m, manages: manages)
            ProjectPartsView.sites(context, partForm, model: m, manages: manages, counts: counts)
            ProjectPartsView.steering(context, partForm, model: m, manages: manages)
            ProjectPartsView.outcomes(context, partForm, model: m, manages: manages)
            if !m.subProjects.isEmpty {
                h("section", ["aria-labelledby": "sub-h"]) {
                    h("h2", ["id": "sub-h"]) { t("project.subprojects") }
                    h("ul") { for s in m.subProjects { h("li") { h("a", ["href": SiteURL.project(.value(s.id!)).relativeURL()]) { "\(s.code) \(s.name)" } } } }
                }
            }
        }
    }

    static func fact(_ label: String, _ value: String) -> Node {
        group {
            h("dt") { label }; h("dd") { value.isEmpty ? "–" : value }
        }
    }
}

/// Phase names: the default phases have translations; a project's own names are shown as written.
enum PhaseNames {
    static func label(_ phase: String, _ t: Texts) -> String {
        PhasePlan.defaultPhases.contains(phase) ? t("phase." + phase) : phase
    }
}
