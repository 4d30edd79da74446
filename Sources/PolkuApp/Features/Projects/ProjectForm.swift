import Fluent
import PolkuCore
import Vapor

/// The project form: reads, validates and writes every fact the seeds record about a project.
struct ProjectForm {
    static let fields = [
        "code", "name", "summary", "funder", "priority_axis", "specific_objective", "status",
        "start_date", "end_date", "region", "budget_band", "planned_public_funding",
        "realised_public_funding", "planned_participants", "target_groups", "phases", "parent_id",
        "retention_months", "retention_basis",
    ]

    var state: FormState

    static func from(_ p: Project) -> ProjectForm {
        var s = FormState()
        s.values = [
            "code": p.code, "name": p.name, "summary": p.summary, "funder": p.funder,
            "priority_axis": p.priorityAxis, "specific_objective": p.specificObjective,
            "status": p.status.rawValue, "start_date": p.startDate, "end_date": p.endDate,
            "region": p.region, "budget_band": p.budgetBand,
            "planned_public_funding": p.plannedPublicFunding.map(String.init) ?? "",
            "realised_public_funding": p.realisedPublicFunding.map(String.init) ?? "",
            "planned_participants": p.plannedParticipants.map(String.init) ?? "",
            "target_groups": p.targetGroups, "phases": p.phases,
            "parent_id": p.$parent.id?.text ?? "",
            "retention_months": p.retentionMonths.map(String.init) ?? "", "retention_basis": p.retentionBasis ?? "",
        ]
        return ProjectForm(state: s)
    }

    /// Validates into `project`; returns false (with errors in `state`) when anything is wrong.
    mutating func apply(to project: Project, on db: any Database) async throws -> Bool {
        let code = state.text("code", required: true, max: 40)
        project.code = code
        project.name = state.text("name", required: true)
        project.summary = state.text("summary", max: 5000)
        project.funder = state.text("funder")
        project.priorityAxis = state.text("priority_axis")
        project.specificObjective = state.text("specific_objective")
        if let status = state.choice("status", Project.Status.self) { project.status = status }
        let start = state.date("start_date", required: true)
        let end = state.date("end_date", required: true)
        if let start, let end, end < start { state.errors["end_date"] = "error.end_before_start" }
        project.startDate = start ?? ""
        project.endDate = end ?? ""
        project.region = state.text("region")
        project.budgetBand = state.text("budget_band", max: 60)
        project.plannedPublicFunding = state.integer("planned_public_funding")
        project.realisedPublicFunding = state.integer("realised_public_funding")
        project.plannedParticipants = state.integer("planned_participants", range: 0...10_000_000)
        project.targetGroups = state.text("target_groups", max: 2000)
        let phases = state.text("phases", max: 1000)
        if phases.isEmpty {
            project.phases = PhasePlan.defaultPhases.joined(separator: "\n")
        } else if let plan = PhasePlan(lines: phases) {
            // A phase that participants are in cannot disappear from under them.
            if let id = project.id {
                let inUse = try await Enrolment.query(on: db).filter(\.$project.$id == id).unique().all(\.$phase)
                if let orphan = inUse.first(where: { !plan.contains($0) }) {
                    state.errors["phases"] = "error.phase_in_use:" + orphan
                }
            }
            project.phases = plan.lines
        } else {
            state.errors["phases"] = "error.phases"
        }
        // Retention: both or neither (neither keeps the data until someone decides).
        project.retentionMonths = state.integer("retention_months", range: RetentionRule.allowedMonths)
        project.retentionBasis = state.choice("retention_basis", RetentionRule.Basis.self, required: project.retentionMonths != nil)?.rawValue
        if project.retentionBasis != nil, project.retentionMonths == nil, state.errors["retention_months"] == nil {
            state.errors["retention_months"] = "error.required"
        }
        let parent = state.uuid("parent_id", required: false)
        if let parent {
            if parent == project.id {
                state.errors["parent_id"] = "error.choice"
            } else if try await Project.find(parent, on: db) == nil {
                state.errors["parent_id"] = "error.choice"
            }
        }
        project.$parent.id = parent
        if !code.isEmpty {
            var q = Project.query(on: db).filter(\.$code == code)
            if let id = project.id { q = q.filter(\.$id != id) }
            if try await q.first() != nil { state.errors["code"] = "error.code_taken" }
        }
        return state.isValid
    }

    /// A project others can sit under, as the parent choice names it.
    struct Parent: Decodable, Equatable { let id: UUID; let code: String; let name: String }

    func render(_ context: PageContext, action: String, parents: [Parent]) -> Node {
        let t = context.t
        let f = Fields(t: t, state: state)
        return h("form", ["method": "post", "action": action]) {
            csrfField(context)
            f.summary()
            h("fieldset") {
                h("legend") { t("project.section.basics") }
                f.text("code", t("project.code"), required: true, hint: t("project.code.hint"))
                f.text("name", t("project.name"), required: true)
                f.textarea("summary", t("project.summary"), rows: 6)
                f.select(
                    "status", t("project.status"),
                    options: Project.Status.allCases.map { ($0.rawValue, t("project.status." + $0.rawValue)) }, required: true)
                f.date("start_date", t("project.start"), required: true)
                f.date("end_date", t("project.end"), required: true)
                f.text("region", t("project.region"))
                f.select(
                    "parent_id", t("project.parent"), options: parents.map { ($0.id.text, "\($0.code) \($0.name)") },
                    blank: t("project.parent.none"))
            }
            h("fieldset") {
                h("legend") { t("project.section.funding") }
                f.text("funder", t("project.funder"))
                f.text("priority_axis", t("project.priority_axis"))
                f.text("specific_objective", t("project.specific_objective"))
                f.text("budget_band", t("project.budget_band"), hint: t("project.budget_band.hint"))
                f.text("planned_public_funding", t("project.planned_funding"), hint: t("hint.euros"))
                f.text("realised_public_funding", t("project.realised_funding"), hint: t("hint.euros"))
                f.text("planned_participants", t("project.planned_participants"))
            }
            h("fieldset") {
                h("legend") { t("project.section.people") }
                f.textarea("target_groups", t("project.target_groups"), hint: t("hint.one_per_line"))
                f.textarea("phases", t("project.phases"), hint: t("project.phases.hint"))
            }
            h("fieldset") {
                h("legend") { t("project.section.retention") }
                f.text("retention_months", t("project.retention_months"), hint: t("project.retention_months.hint"))
                f.select(
                    "retention_basis", t("project.retention_basis"),
                    options: RetentionRule.Basis.allCases.map { ($0.rawValue, t("project.retention_basis." + $0.rawValue)) },
                    blank: t("project.retention_basis.none"))
            }
            submit(t("form.save"))
        }
    }
}
