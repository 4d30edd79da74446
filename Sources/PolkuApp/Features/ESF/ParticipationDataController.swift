import Fluent
import PolkuCore
import SQLKit
import Vapor

/// Entry, exit and six-month data of one participation, in one form with a section for each moment.
/// Missing answers may be saved (the record is then marked incomplete); wrong ones may not.
enum ParticipationDataController {
    static let fields = [
        "labour_status", "unemployed_months", "isced", "disability", "foreign_background", "minority",
        "other_disadvantage", "third_country_national", "homeless", "rural", "exit_date", "exit_situation",
        "exit_situation_date", "qualification_gained", "service_outcome", "followup_date", "followup_employed",
    ]

    struct Context {
        let enrolment: Enrolment
        let participant: Participant
        let scope: ParticipantScope
        let ownOutcomes: [ProjectOutcome]
    }

    static func context(_ req: Request) async throws -> Context {
        let participantID = try req.guardedParticipant().participantID
        let enrolmentID = try req.id("enrolment")
        guard
            let enrolment = try await Enrolment.query(on: req.db).filter(\.$id == enrolmentID)
                .filter(\.$participant.$id == participantID).with(\.$project).with(\.$participant).first()
        else { throw Abort(.notFound) }
        let scope = try await req.authz.writeParticipant(participantID, in: enrolment.$project.id)
        let own = try await ProjectOutcome.query(on: req.db).filter(\.$project.$id == enrolment.$project.id).sort(\.$name).all()
        return Context(enrolment: enrolment, participant: enrolment.participant, scope: scope, ownOutcomes: own)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        try await req.audit.record(.participationView, participant: ctx.participant.id, project: ctx.enrolment.$project.id)
        return page(req, ctx, state: values(of: ctx.enrolment))
    }

    static func values(of e: Enrolment) -> FormState {
        func yn(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "" }
        var s = FormState()
        s.values = [
            "labour_status": e.labourStatus?.rawValue ?? "", "unemployed_months": e.unemployedMonths.map(String.init) ?? "",
            "isced": e.isced.map(String.init) ?? "", "disability": e.disability?.rawValue ?? "",
            "foreign_background": e.foreignBackground?.rawValue ?? "", "minority": e.minority?.rawValue ?? "",
            "other_disadvantage": e.otherDisadvantage?.rawValue ?? "", "third_country_national": yn(e.thirdCountNational),
            "homeless": yn(e.homeless), "rural": yn(e.rural), "exit_date": e.endDate ?? "",
            "exit_situation": e.exitSituation?.rawValue ?? "", "exit_situation_date": e.exitSituationDate ?? "",
            "qualification_gained": yn(e.qualificationGained),
            "service_outcome": e.projectOutcomeID.map { "own:\($0)" } ?? e.serviceOutcome?.rawValue ?? "",
            "followup_date": e.followUpDate ?? "", "followup_employed": yn(e.followUpEmployed),
        ]
        for i in (e.followUpImprovements ?? "").split(separator: ",") { s.values["improvement_" + i] = "on" }
        return s
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let e = ctx.enrolment
        var state = try FormState.read(req, fields: fields + Improvement.allCases.map { "improvement_" + $0.rawValue }, requiring: fields)
        func yn(_ name: String) -> Bool? {
            switch state[name] {
            case "yes": return true;
            case "no": return false;
            case "": return nil
            default: state.errors[name] = "error.choice"; return nil
            }
        }
        e.labourStatus = state.choice("labour_status", LabourStatus.self, required: false)
        e.unemployedMonths = state.integer("unemployed_months", range: 0...600)
        e.isced = state.integer("isced", range: 0...8)
        e.disability = state.choice("disability", SensitiveAnswer.self, required: false)
        e.foreignBackground = state.choice("foreign_background", SensitiveAnswer.self, required: false)
        e.minority = state.choice("minority", SensitiveAnswer.self, required: false)
        e.otherDisadvantage = state.choice("other_disadvantage", SensitiveAnswer.self, required: false)
        e.thirdCountNational = yn("third_country_national")
        e.homeless = yn("homeless")
        e.rural = yn("rural")
        let today = req.today
        let exitDate = state.date("exit_date")
        if let exitDate {
            if exitDate < e.startDate { state.errors["exit_date"] = "error.before_start" }
            if let d = CalendarDate(parsing: exitDate), d > today { state.errors["exit_date"] = "error.future" }
        } else if e.endDate != nil {
            state.errors["exit_date"] = "error.exit_kept"
        }
        e.exitSituation = state.choice("exit_situation", SituationOnLeaving.self, required: false)
        e.exitSituationDate = state.date("exit_situation_date")
        if let s = e.exitSituationDate, let x = exitDate, s < x { state.errors["exit_situation_date"] = "error.before_exit" }
        e.qualificationGained = yn("qualification_gained")
        if state["service_outcome"].hasPrefix("own:") {
            let own = UUID(text: String(state["service_outcome"].dropFirst(4))).flatMap { id in ctx.ownOutcomes.first { $0.id == id } }
            if let own { e.projectOutcomeID = own.id; e.serviceOutcome = own.mapsTo } else { state.errors["service_outcome"] = "error.choice" }
        } else {
            e.projectOutcomeID = nil
            e.serviceOutcome = state.choice("service_outcome", ServiceOutcome.self, required: false)
        }
        e.followUpDate = state.date("followup_date")
        if let f = e.followUpDate, let x = exitDate, f < x { state.errors["followup_date"] = "error.before_exit" }
        e.followUpEmployed = yn("followup_employed")
        let improvements = Improvement.allCases.filter { state["improvement_" + $0.rawValue] == "on" }
        e.followUpImprovements = improvements.isEmpty ? nil : improvements.map(\.rawValue).joined(separator: ",")
        let exitFields = [e.exitSituation != nil, e.serviceOutcome != nil, e.qualificationGained != nil, e.followUpDate != nil, e.followUpEmployed != nil]
        if exitDate == nil, exitFields.contains(true), state.errors["exit_date"] == nil { state.errors["exit_date"] = "error.exit_date_needed" }
        guard state.isValid else { return page(req, ctx, state: state, status: .unprocessableEntity) }

        let plan = e.project.phasePlan
        let wasOpen = e.endDate == nil
        let from = e.phase
        try await req.db.writeTransaction { db in
            e.endDate = exitDate
            if wasOpen, let exitDate, e.phase != plan.exit {
                // Recording the exit moves the participant to the exit phase, as the phase form would.
                e.phase = plan.exit
                let c = PhaseChange()
                c.$enrolment.id = try e.requireID(); c.fromPhase = from; c.toPhase = plan.exit; c.date = exitDate
                c.$changedBy.id = ctx.scope.actor.userID
                try await c.create(on: db)
            }
            try await e.update(on: db)
            try await req.audit.record(.participationUpdate, participant: ctx.participant.id, project: e.$project.id, on: db)
        }
        req.flash("esf.saved")
        return req.redirect(SiteURL.enrolmentESF(.value(ctx.participant.id!), .value(e.id!)).relativeURL())
    }

    static func page(_ req: Request, _ ctx: Context, state: FormState, status: HTTPResponseStatus = .ok) -> Response {
        let p = ctx.participant, e = ctx.enrolment
        let model = ParticipationDataForm(
            participantID: p.id!, enrolmentID: e.id!, personName: "\(p.firstName) \(p.lastName)", projectName: e.project.name, startDate: e.startDate,
            ownOutcomes: ctx.ownOutcomes.map { .init(id: $0.id!, name: $0.name, mapsTo: $0.mapsTo) },
            missing: missingFields(state: state, enrolment: e, participant: p), state: state)
        return model.page(context: req.pageContext, status: status).response()
    }

    /// What the record still lacks, judged by the same rule the reports use.
    static func missingFields(state: FormState, enrolment e: Enrolment, participant p: Participant) -> [EntryField] {
        let row = ParticipationRow(
            enrolment_id: e.id!, participant_id: p.id!, site_id: nil, birth_date: p.birthDate, gender: p.gender.rawValue,
            start_date: e.startDate, end_date: nil, labour_status: e.labourStatus?.rawValue,
            unemployed_months: e.unemployedMonths, isced: e.isced, disability: e.disability?.rawValue,
            foreign_background: e.foreignBackground?.rawValue, minority: e.minority?.rawValue,
            other_disadvantage: e.otherDisadvantage?.rawValue, third_country_national: e.thirdCountNational,
            homeless: e.homeless, rural: e.rural, exit_situation: nil, exit_situation_date: nil,
            qualification_gained: nil, service_outcome: nil, followup_date: nil, followup_employed: nil,
            followup_improvements: nil, project_outcome_id: nil)
        return row.entry?.missingFields ?? EntryField.allCases
    }
}

extension EntryField {
    /// The form field a missing entry field is answered in.
    var formField: String {
        switch self {
        case .gender: "gender"
        case .education: "isced"
        default: rawValue
        }
    }
}
