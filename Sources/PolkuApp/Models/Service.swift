import Fluent
import Foundation
import PolkuCore

/// A provider's service in the directory. `areas` and `languages` are stored as `,pori,ulvila,` so that
/// one LIKE finds a whole item; `search_text` holds the words a search matches.
package final class Service: Model, @unchecked Sendable {
    package static let schema = "services"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @Parent(key: "organisation_id") package var organisation: Organisation
    @Field(key: "name") package var name: String
    @OptionalField(key: "name_sv") package var nameSv: String?
    @OptionalField(key: "name_en") package var nameEn: String?
    @Field(key: "description") package var description: String
    @OptionalField(key: "description_sv") package var descriptionSv: String?
    @OptionalField(key: "description_en") package var descriptionEn: String?
    @Field(key: "category") package var category: ServiceCategory
    @Field(key: "target_groups") package var targetGroups: String
    @Field(key: "areas") package var areas: String
    @Field(key: "languages") package var languages: String
    @Field(key: "threshold") package var threshold: Threshold
    @Field(key: "cost") package var cost: String
    @Field(key: "where_when") package var whereWhen: String
    @Field(key: "contact") package var contact: String
    @Field(key: "active") package var active: Bool
    @Field(key: "checked_on") package var checkedOn: String
    @Field(key: "search_text") package var searchText: String
    /// The service's id in Suomi.fi Palvelutietovaranto when it was imported from there.
    @OptionalField(key: "ptv_id") package var ptvID: String?

    package init() {}

    package static func listKey(_ items: [String]) -> String {
        let cleaned = items.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        return cleaned.isEmpty ? "" : "," + cleaned.joined(separator: ",") + ","
    }

    package static func listItems(_ key: String) -> [String] { key.split(separator: ",").map(String.init) }

    /// Recomputes the search words after an edit.
    package func index(organisationName: String) {
        searchText = SearchKey.make([
            name, nameSv ?? "", nameEn ?? "", description, descriptionSv ?? "", descriptionEn ?? "", targetGroups,
            Service.listItems(areas).joined(separator: " "), organisationName,
        ])
    }

    package func localizedName(_ lang: String) -> String { (lang == "sv" ? nameSv : lang == "en" ? nameEn : nil) ?? name }
    package func localizedDescription(_ lang: String) -> String { (lang == "sv" ? descriptionSv : lang == "en" ? descriptionEn : nil) ?? description }
}

package final class Referral: Model, @unchecked Sendable {
    package static let schema = "referrals"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @Parent(key: "participant_id") package var participant: Participant
    @Parent(key: "service_id") package var service: Service
    @Parent(key: "project_id") package var project: Project
    @Field(key: "state") package var state: ReferralState
    @Field(key: "consent_on") package var consentOn: String
    /// Once the participant withdraws consent, the provider no longer sees who the referral is about.
    @OptionalField(key: "consent_withdrawn_on") package var consentWithdrawnOn: String?
    /// What the referral shares with the provider: `name,phone,email,language,message`.
    @Field(key: "shared") package var shared: String
    @Field(key: "message") package var message: String
    @OptionalField(key: "reason") package var reason: String?
    @OptionalParent(key: "created_by") package var createdBy: User?

    package init() {}
}

package final class ReferralEvent: Model, @unchecked Sendable {
    package static let schema = "referral_events"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "referral_id") package var referral: Referral
    @Field(key: "at") package var at: Date
    @OptionalField(key: "from_state") package var fromState: ReferralState?
    @Field(key: "to_state") package var toState: ReferralState
    @OptionalField(key: "reason") package var reason: String?
    @OptionalParent(key: "user_id") package var user: User?

    package init() {}
}
