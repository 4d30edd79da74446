import Fluent
import Foundation
import PolkuCore

package final class Project: Model, @unchecked Sendable {
    package static let schema = "projects"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    @Field(key: "code") package var code: String
    @Field(key: "name") package var name: String
    @Field(key: "summary") package var summary: String
    @Field(key: "funder") package var funder: String
    @Field(key: "priority_axis") package var priorityAxis: String
    @Field(key: "specific_objective") package var specificObjective: String
    @Field(key: "status") package var status: Status
    @Field(key: "start_date") package var startDate: String
    @Field(key: "end_date") package var endDate: String
    @Field(key: "region") package var region: String
    @Field(key: "budget_band") package var budgetBand: String
    /// Euros, whole; the seeds report budgets to the euro at best.
    @OptionalField(key: "planned_public_funding") package var plannedPublicFunding: Int?
    @OptionalField(key: "realised_public_funding") package var realisedPublicFunding: Int?
    @OptionalField(key: "planned_participants") package var plannedParticipants: Int?
    /// How long participants' personal data are kept (`RetentionRule`); nil: not decided, so kept.
    @OptionalField(key: "retention_months") package var retentionMonths: Int?
    @OptionalField(key: "retention_basis") package var retentionBasis: String?
    /// One target group per line.
    @Field(key: "target_groups") package var targetGroups: String
    /// One phase per line; see `PhasePlan`.
    @Field(key: "phases") package var phases: String
    @OptionalParent(key: "parent_id") package var parent: Project?

    package init() {}

    package var phasePlan: PhasePlan { PhasePlan(lines: phases) ?? PhasePlan(phases: PhasePlan.defaultPhases) }

    package enum Status: String, Codable, CaseIterable, Sendable {
        case planned, running, ended
    }
}

/// An organisation's part in a project: administers it, co-implements it (osatoteuttaja),
/// is a partner, or funds it.
package final class ProjectOrganisation: Model, @unchecked Sendable {
    package static let schema = "project_organisations"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "project_id") package var project: Project
    @Parent(key: "organisation_id") package var organisation: Organisation
    @Field(key: "role") package var role: Role

    package init() {}
    package init(projectID: UUID, organisationID: UUID, role: Role) {
        self.$project.id = projectID; self.$organisation.id = organisationID; self.role = role
    }

    package enum Role: String, Codable, CaseIterable, Sendable {
        case administrator
        case coImplementer = "co_implementer"
        case partner
        case funder
    }
}

/// A seat in the project's steering group (ohjausryhmä). Demo data names roles and organisations only.
package final class SteeringMember: Model, @unchecked Sendable {
    package static let schema = "steering_members"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "project_id") package var project: Project
    @Field(key: "name") package var name: String
    @Field(key: "organisation") package var organisation: String
    @Field(key: "role") package var role: String

    package init() {}
    package init(projectID: UUID, name: String, organisation: String, role: String) {
        self.$project.id = projectID; self.name = name; self.organisation = organisation; self.role = role
    }
}

/// Where a project works: a neighbourhood (Pori), a pilot area (Oulu), a service point (RUORI2).
package final class Site: Model, @unchecked Sendable {
    package static let schema = "sites"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "project_id") package var project: Project
    @Field(key: "name") package var name: String
    @Field(key: "municipality") package var municipality: String
    @Field(key: "kind") package var kind: Kind

    package init() {}
    package init(id: UUID? = nil, projectID: UUID, name: String, municipality: String, kind: Kind) {
        self.id = id; self.$project.id = projectID; self.name = name; self.municipality = municipality; self.kind = kind
    }

    package enum Kind: String, Codable, CaseIterable, Sendable {
        case neighbourhood
        case pilotArea = "pilot_area"
        case servicePoint = "service_point"
        case municipality
    }
}

/// A project's own exit-outcome category ("Duuniin!-jatkovalmennus"), counted under a standard one.
final class ProjectOutcome: Model, @unchecked Sendable {
    package static let schema = "project_outcomes"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "project_id") package var project: Project
    @Field(key: "name") package var name: String
    @Field(key: "maps_to") package var mapsTo: ServiceOutcome

    package init() {}
    package init(projectID: UUID, name: String, mapsTo: ServiceOutcome) {
        self.$project.id = projectID; self.name = name; self.mapsTo = mapsTo
    }
}
