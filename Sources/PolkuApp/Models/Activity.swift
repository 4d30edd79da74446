import Fluent
import Foundation
import PolkuCore

package final class Activity: Model, @unchecked Sendable {
    package static let schema = "activities"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Parent(key: "project_id") package var project: Project
    @OptionalParent(key: "site_id") package var site: Site?
    @Field(key: "kind") package var kind: Kind
    @Field(key: "name") package var name: String
    @Field(key: "description") package var description: String
    /// ISO weekdays, comma-separated, for a group's schedule; nil for a one-off.
    @OptionalField(key: "weekdays") package var weekdays: String?
    @OptionalField(key: "week_interval") package var weekInterval: Int?
    @Field(key: "from_date") package var fromDate: String
    @Field(key: "to_date") package var toDate: String
    @Field(key: "start_time") package var startTime: String
    @Field(key: "end_time") package var endTime: String
    @OptionalField(key: "category") package var category: Category?
    @OptionalField(key: "target_group") package var targetGroup: String?
    /// Partner organisations or people outside Polku who organise it with the project's staff.
    @OptionalField(key: "co_organisers") package var coOrganisers: String?
    /// The secret in the activity's public calendar-feed address: the feed holds no personal data,
    /// but the activity's existence is the project's business.
    @OptionalField(key: "feed_token") package var feedToken: String?

    package init() {}

    package enum Kind: String, Codable, CaseIterable, Sendable {
        case group, event, training, coaching
    }

    /// The categories the seeds report activities by.
    package enum Category: String, Codable, CaseIterable, Sendable {
        case communityCoaching = "community_coaching"
        case socialRehabilitationGroup = "social_rehabilitation_group"
        case peerGroup = "peer_group"
        case employmentEvent = "employment_event"
        case communityEvent = "community_event"
        case publicEvent = "public_event"
        case wellbeingEvent = "wellbeing_event"
        case seminar
        case professionalTraining = "professional_training"
        case individualCoaching = "individual_coaching"
    }
}

package final class ActivitySession: Model, @unchecked Sendable {
    package static let schema = "activity_sessions"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "activity_id") package var activity: Activity
    @Field(key: "scheduled_date") package var scheduledDate: String
    @Field(key: "date") package var date: String
    @Field(key: "start_time") package var startTime: String
    @Field(key: "end_time") package var endTime: String
    @Field(key: "cancelled") package var cancelled: Bool
    @OptionalField(key: "head_on_site") package var headOnSite: Int?
    @OptionalField(key: "head_online") package var headOnline: Int?
    @OptionalField(key: "head_women") package var headWomen: Int?
    @OptionalField(key: "head_men") package var headMen: Int?
    @OptionalField(key: "head_other_gender") package var headOtherGender: Int?
    @OptionalField(key: "head_age_under_18") package var headAgeUnder18: Int?
    @OptionalField(key: "head_age_18_29") package var headAge18to29: Int?
    @OptionalField(key: "head_age_30_54") package var headAge30to54: Int?
    @OptionalField(key: "head_age_55_plus") package var headAge55plus: Int?
    /// Bumped at each attendance save: a save based on an older version is refused, not merged.
    @Field(key: "version") package var version: Int

    package init() {}
}

package final class Attendance: Model, @unchecked Sendable {
    package static let schema = "attendances"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "session_id") package var session: ActivitySession
    @Parent(key: "participant_id") package var participant: Participant

    package init() {}
    package init(sessionID: UUID, participantID: UUID) { self.$session.id = sessionID; self.$participant.id = participantID }
}

/// A participant's membership of a group, from the day they joined to the day they left.
package final class ActivityMember: Model, @unchecked Sendable {
    package static let schema = "activity_members"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "activity_id") package var activity: Activity
    @Parent(key: "participant_id") package var participant: Participant
    @Field(key: "joined_on") package var joinedOn: String
    @OptionalField(key: "left_on") package var leftOn: String?

    package init() {}
}

/// Someone at a session who is not a participant: a visitor by name, or a training's attendee with
/// their organisation.
final class SessionGuest: Model, @unchecked Sendable {
    package static let schema = "session_guests"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "session_id") package var session: ActivitySession
    @Field(key: "name") package var name: String
    @OptionalField(key: "organisation") package var organisation: String?

    package init() {}
}

/// A training's attendees counted by the organisation they came from.
package final class SessionOrganisation: Model, @unchecked Sendable {
    package static let schema = "session_organisations"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "session_id") package var session: ActivitySession
    @Field(key: "organisation") package var organisation: String
    @Field(key: "attendees") package var attendees: Int

    package init() {}
}
