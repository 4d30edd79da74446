import Fluent
import Foundation
import PolkuCore

final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "name") var name: String
    @OptionalField(key: "business_id") var businessID: String?
    @Field(key: "kind") var kind: Kind
    @OptionalField(key: "municipality") var municipality: String?
    @OptionalField(key: "website") var website: String?
    /// The provider's sector in the service network, when the kind of organisation does not say it.
    @OptionalField(key: "sector") var sector: Sector?

    init() {}

    init(id: UUID? = nil, name: String, businessID: String? = nil, kind: Kind, municipality: String? = nil, website: String? = nil) {
        self.id = id; self.name = name; self.businessID = businessID; self.kind = kind
        self.municipality = municipality; self.website = website
    }

    enum Kind: String, Codable, CaseIterable, Sendable {
        case municipality, state, foundation, association, university, company, parish, other
    }
}
