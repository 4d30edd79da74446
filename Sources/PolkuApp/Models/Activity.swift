import Fluent
import Foundation
import PolkuCore

final class Activity: Model, @unchecked Sendable {
    static let schema = "activities"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "project_id") var project: Project
    @OptionalParent(key: "site_id") var site: Site?
    @Field(key: "kind") var kind: Kind
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    /// ISO weekdays, comma-separated, for a group's schedule; nil for a one-off.
    @OptionalField(key: "weekdays") var weekdays: String?
    @OptionalField(key: "week_interval") var weekInterval: Int?
    @Field(key: "from_date") var fromDate: String
    @Field(key: "to_date") var toDate: String
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    @OptionalField(key: "category") var category: Category?
    @OptionalField(key: "target_group") var targetGroup: String?
    /// Partner organisations or people outside Polku who organise it with the project's staff.
    @OptionalField(key: "co_organisers") var coOrganisers: String?
    /// The secret in the activity's public calendar-feed address: the feed holds no personal data,
    /// but the activity's existence is the project's business.
    @OptionalField(key: "feed_token") var feedToken: String?

    init() {}

    enum Kind: String, Codable, CaseIterable, Sendable {
        case group, event, training, coaching
    }

    /// The categories the seeds report activities by.
    enum Category: String, Codable, CaseIterable, Sendable {
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

final class ActivitySession: Model, @unchecked Sendable {
    static let schema = "activity_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "activity_id") var activity: Activity
    @Field(key: "scheduled_date") var scheduledDate: String
    @Field(key: "date") var date: String
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    @Field(key: "cancelled") var cancelled: Bool
    @OptionalField(key: "head_on_site") var headOnSite: Int?
    @OptionalField(key: "head_online") var headOnline: Int?
    @OptionalField(key: "head_women") var headWomen: Int?
    @OptionalField(key: "head_men") var headMen: Int?
    @OptionalField(key: "head_other_gender") var headOtherGender: Int?
    @OptionalField(key: "head_age_under_18") var headAgeUnder18: Int?
    @OptionalField(key: "head_age_18_29") var headAge18to29: Int?
    @OptionalField(key: "head_age_30_54") var headAge30to54: Int?
    @OptionalField(key: "head_age_55_plus") var headAge55plus: Int?
    /// Bumped at each attendance save: a save based on an older version is refused, not merged.
    @Field(key: "version") var version: Int

    init() {}
}

final class Attendance: Model, @unchecked Sendable {
    static let schema = "attendances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: ActivitySession
    @Parent(key: "participant_id") var participant: Participant

    init() {}
    init(sessionID: UUID, participantID: UUID) { self.$session.id = sessionID; self.$participant.id = participantID }
}

/// A participant's membership of a group, from the day they joined to the day they left.
final class ActivityMember: Model, @unchecked Sendable {
    static let schema = "activity_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "activity_id") var activity: Activity
    @Parent(key: "participant_id") var participant: Participant
    @Field(key: "joined_on") var joinedOn: String
    @OptionalField(key: "left_on") var leftOn: String?

    init() {}
}

/// Someone at a session who is not a participant: a visitor by name, or a training's attendee with
/// their organisation.
final class SessionGuest: Model, @unchecked Sendable {
    static let schema = "session_guests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: ActivitySession
    @Field(key: "name") var name: String
    @OptionalField(key: "organisation") var organisation: String?

    init() {}
}

/// A training's attendees counted by the organisation they came from.
final class SessionOrganisation: Model, @unchecked Sendable {
    static let schema = "session_organisations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: ActivitySession
    @Field(key: "organisation") var organisation: String
    @Field(key: "attendees") var attendees: Int

    init() {}
}
