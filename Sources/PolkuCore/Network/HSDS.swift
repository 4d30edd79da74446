/// The public service directory in Open Referral's Human Services Data Specification 3.0 (HSDS):
/// a data package of the specification's tables, written from Polku's directory and read back.
/// The mapping (docs/HSDS.md) keeps every field Polku has, so export → import into an empty
/// database → export gives the same package; rows derived from a service (its schedule, contact,
/// phone, areas, languages, attributes) get ids derived from the service's, so they stay the same.
public enum HSDS {
    /// One service of the directory with its provider, as Polku keeps it.
    public struct Entry: Equatable, Sendable {
        public var organisationID: String
        public var organisationName: String
        public var businessID: String?
        public var website: String?
        public var municipality: String?
        public var serviceID: String
        public var name: String
        public var description: String
        public var category: ServiceCategory
        public var targetGroups: String
        public var areas: [String]
        public var languages: [String]
        public var threshold: Threshold
        public var cost: String
        public var whereWhen: String
        public var contact: String
        public var active: Bool
        public var checkedOn: String

        public init(
            organisationID: String, organisationName: String, businessID: String?, website: String?, municipality: String?, serviceID: String,
            name: String, description: String, category: ServiceCategory, targetGroups: String, areas: [String], languages: [String],
            threshold: Threshold, cost: String, whereWhen: String, contact: String, active: Bool, checkedOn: String
        ) {
            self.organisationID = organisationID; self.organisationName = organisationName; self.businessID = businessID
            self.website = website; self.municipality = municipality; self.serviceID = serviceID; self.name = name
            self.description = description; self.category = category; self.targetGroups = targetGroups; self.areas = areas
            self.languages = languages; self.threshold = threshold; self.cost = cost; self.whereWhen = whereWhen
            self.contact = contact; self.active = active; self.checkedOn = checkedOn
        }
    }

    public struct Organization: Codable, Equatable, Sendable {
        public var id: String; public var name: String; public var description: String; public var website: String?; public var tax_id: String?
    }
    public struct Service: Codable, Equatable, Sendable {
        public var id: String; public var organization_id: String; public var name: String; public var description: String?
        public var status: String; public var fees_description: String?; public var eligibility_description: String?; public var assured_date: String?
    }
    public struct Location: Codable, Equatable, Sendable {
        public var id: String; public var location_type: String; public var name: String?; public var organization_id: String?
    }
    public struct ServiceAtLocation: Codable, Equatable, Sendable { public var id: String; public var service_id: String; public var location_id: String }
    public struct Contact: Codable, Equatable, Sendable { public var id: String; public var service_id: String?; public var email: String? }
    public struct Phone: Codable, Equatable, Sendable {
        public var id: String; public var service_id: String?; public var contact_id: String?; public var number: String; public var description: String?
    }
    public struct Schedule: Codable, Equatable, Sendable { public var id: String; public var service_id: String?; public var description: String? }
    public struct ServiceArea: Codable, Equatable, Sendable { public var id: String; public var service_id: String?; public var name: String? }
    public struct Language: Codable, Equatable, Sendable {
        public var id: String; public var service_id: String?; public var name: String?; public var code: String?
    }
    public struct Taxonomy: Codable, Equatable, Sendable { public var id: String; public var name: String; public var description: String }
    public struct TaxonomyTerm: Codable, Equatable, Sendable {
        public var id: String; public var code: String?; public var name: String; public var description: String; public var taxonomy_id: String?
    }
    public struct Attribute: Codable, Equatable, Sendable {
        public var id: String; public var link_id: String; public var link_type: String?; public var link_entity: String; public var taxonomy_term_id: String
    }

    /// The package: one array per table, in the specification's table names.
    public struct Package: Codable, Equatable, Sendable {
        public var organization: [Organization] = []
        public var service: [Service] = []
        public var location: [Location] = []
        public var service_at_location: [ServiceAtLocation] = []
        public var contact: [Contact] = []
        public var phone: [Phone] = []
        public var schedule: [Schedule] = []
        public var service_area: [ServiceArea] = []
        public var language: [Language] = []
        public var taxonomy: [Taxonomy] = []
        public var taxonomy_term: [TaxonomyTerm] = []
        public var attribute: [Attribute] = []
        public init() {}

        /// A table the package leaves out is empty: a directory without locations is still a directory.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func table<T: Decodable>(_ key: CodingKeys) throws -> [T] { try c.decodeIfPresent([T].self, forKey: key) ?? [] }
            organization = try table(.organization); service = try table(.service); location = try table(.location)
            service_at_location = try table(.service_at_location); contact = try table(.contact); phone = try table(.phone)
            schedule = try table(.schedule); service_area = try table(.service_area); language = try table(.language)
            taxonomy = try table(.taxonomy); taxonomy_term = try table(.taxonomy_term); attribute = try table(.attribute)
        }
    }

    static let categoryTaxonomy = "polku-service-category"
    static let thresholdTaxonomy = "polku-threshold"
    static let languageNames = ["fi": "suomi", "sv": "svenska", "en": "English", "se": "davvisámegiella", "ru": "русский", "so": "Soomaali", "ar": "العربية"]

    /// A stable id for a row derived from others: the same parts give the same UUID-shaped id
    /// (two FNV-1a hashes; not a secret, only a name).
    public static func derivedID(_ parts: String...) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
            for b in parts.joined(separator: "\u{1F}").utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
        var hex = String(fnv(1), radix: 16).leftPadded(16) + String(fnv(2), radix: 16).leftPadded(16)
        hex.replaceSubrange(hex.index(hex.startIndex, offsetBy: 12)...hex.index(hex.startIndex, offsetBy: 12), with: "8")
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
