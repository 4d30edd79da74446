import Fluent
import Foundation
import PolkuCore

final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "summary") var summary: String
    @Field(key: "funder") var funder: String
    @Field(key: "priority_axis") var priorityAxis: String
    @Field(key: "specific_objective") var specificObjective: String
    @Field(key: "status") var status: Status
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "region") var region: String
    @Field(key: "budget_band") var budgetBand: String
    /// Euros, whole; the seeds report budgets to the euro at best.
    @OptionalField(key: "planned_public_funding") var plannedPublicFunding: Int?
    @OptionalField(key: "realised_public_funding") var realisedPublicFunding: Int?
    @OptionalField(key: "planned_participants") var plannedParticipants: Int?
    /// One target group per line.
    @Field(key: "target_groups") var targetGroups: String
    /// One phase per line; see `PhasePlan`.
    @Field(key: "phases") var phases: String
    @OptionalParent(key: "parent_id") var parent: Project?

    init() {}

    var phasePlan: PhasePlan { PhasePlan(lines: phases) ?? PhasePlan(phases: PhasePlan.defaultPhases) }

    enum Status: String, Codable, CaseIterable, Sendable {
        case planned, running, ended
    }
}

/// An organisation's part in a project: administers it, co-implements it (osatoteuttaja),
/// is a partner, or funds it.
final class ProjectOrganisation: Model, @unchecked Sendable {
    static let schema = "project_organisations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "role") var role: Role

    init() {}
    init(projectID: UUID, organisationID: UUID, role: Role) {
        self.$project.id = projectID; self.$organisation.id = organisationID; self.role = role
    }

    enum Role: String, Codable, CaseIterable, Sendable {
        case administrator
        case coImplementer = "co_implementer"
        case partner
        case funder
    }
}

/// A seat in the project's steering group (ohjausryhmä). Demo data names roles and organisations only.
final class SteeringMember: Model, @unchecked Sendable {
    static let schema = "steering_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "name") var name: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "role") var role: String

    init() {}
    init(projectID: UUID, name: String, organisation: String, role: String) {
        self.$project.id = projectID; self.name = name; self.organisation = organisation; self.role = role
    }
}

/// Where a project works: a neighbourhood (Pori), a pilot area (Oulu), a service point (RUORI2).
final class Site: Model, @unchecked Sendable {
    static let schema = "sites"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "name") var name: String
    @Field(key: "municipality") var municipality: String
    @Field(key: "kind") var kind: Kind

    init() {}
    init(id: UUID? = nil, projectID: UUID, name: String, municipality: String, kind: Kind) {
        self.id = id; self.$project.id = projectID; self.name = name; self.municipality = municipality; self.kind = kind
    }

    enum Kind: String, Codable, CaseIterable, Sendable {
        case neighbourhood
        case pilotArea = "pilot_area"
        case servicePoint = "service_point"
        case municipality
    }
}

/// A project's own exit-outcome category ("Duuniin!-jatkovalmennus"), counted under a standard one.
final class ProjectOutcome: Model, @unchecked Sendable {
    static let schema = "project_outcomes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "name") var name: String
    @Field(key: "maps_to") var mapsTo: ServiceOutcome

    init() {}
    init(projectID: UUID, name: String, mapsTo: ServiceOutcome) {
        self.$project.id = projectID; self.name = name; self.mapsTo = mapsTo
    }
}
