import Fluent
import Foundation
import PolkuCore

/// A provider's service in the directory. `areas` and `languages` are stored as `,pori,ulvila,` so that
/// one LIKE finds a whole item; `search_text` holds the words a search matches.
final class Service: Model, @unchecked Sendable {
    static let schema = "services"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @OptionalField(key: "name_sv") var nameSv: String?
    @OptionalField(key: "name_en") var nameEn: String?
    @Field(key: "description") var description: String
    @OptionalField(key: "description_sv") var descriptionSv: String?
    @OptionalField(key: "description_en") var descriptionEn: String?
    @Field(key: "category") var category: ServiceCategory
    @Field(key: "target_groups") var targetGroups: String
    @Field(key: "areas") var areas: String
    @Field(key: "languages") var languages: String
    @Field(key: "threshold") var threshold: Threshold
    @Field(key: "cost") var cost: String
    @Field(key: "where_when") var whereWhen: String
    @Field(key: "contact") var contact: String
    @Field(key: "active") var active: Bool
    @Field(key: "checked_on") var checkedOn: String
    @Field(key: "search_text") var searchText: String

    init() {}

    static func listKey(_ items: [String]) -> String {
        let cleaned = items.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        return cleaned.isEmpty ? "" : "," + cleaned.joined(separator: ",") + ","
    }

    static func listItems(_ key: String) -> [String] { key.split(separator: ",").map(String.init) }

    /// Recomputes the search words after an edit.
    func index(organisationName: String) {
        searchText = SearchKey.make([
            name, nameSv ?? "", nameEn ?? "", description, descriptionSv ?? "", descriptionEn ?? "", targetGroups,
            Service.listItems(areas).joined(separator: " "), organisationName,
        ])
    }

    func localizedName(_ lang: String) -> String { (lang == "sv" ? nameSv : lang == "en" ? nameEn : nil) ?? name }
    func localizedDescription(_ lang: String) -> String { (lang == "sv" ? descriptionSv : lang == "en" ? descriptionEn : nil) ?? description }
}

final class Referral: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "participant_id") var participant: Participant
    @Parent(key: "service_id") var service: Service
    @Parent(key: "project_id") var project: Project
    @Field(key: "state") var state: ReferralState
    @Field(key: "consent_on") var consentOn: String
    /// Once the participant withdraws consent, the provider no longer sees who the referral is about.
    @OptionalField(key: "consent_withdrawn_on") var consentWithdrawnOn: String?
    /// What the referral shares with the provider: `name,phone,email,language,message`.
    @Field(key: "shared") var shared: String
    @Field(key: "message") var message: String
    @OptionalField(key: "reason") var reason: String?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}
}

final class ReferralEvent: Model, @unchecked Sendable {
    static let schema = "referral_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "referral_id") var referral: Referral
    @Field(key: "at") var at: Date
    @OptionalField(key: "from_state") var fromState: ReferralState?
    @Field(key: "to_state") var toState: ReferralState
    @OptionalField(key: "reason") var reason: String?
    @OptionalParent(key: "user_id") var user: User?

    init() {}
}
