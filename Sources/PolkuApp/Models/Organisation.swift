import Fluent
import Foundation
import PolkuCore

package final class Organisation: Model, @unchecked Sendable {
    package static let schema = "organisations"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    @Field(key: "name") package var name: String
    @OptionalField(key: "business_id") package var businessID: String?
    @Field(key: "kind") package var kind: Kind
    @OptionalField(key: "municipality") package var municipality: String?
    @OptionalField(key: "website") package var website: String?
    /// The organisation's id in Suomi.fi Palvelutietovaranto when it was imported from there.
    @OptionalField(key: "ptv_id") package var ptvID: String?
    /// The provider's sector in the service network, when the kind of organisation does not say it.
    @OptionalField(key: "sector") package var sector: Sector?

    package init() {}

    package init(id: UUID? = nil, name: String, businessID: String? = nil, kind: Kind, municipality: String? = nil, website: String? = nil) {
        self.id = id; self.name = name; self.businessID = businessID; self.kind = kind
        self.municipality = municipality; self.website = website
    }

    package enum Kind: String, Codable, CaseIterable, Sendable {
        case municipality, state, foundation, association, university, company, parish, other
    }
}
