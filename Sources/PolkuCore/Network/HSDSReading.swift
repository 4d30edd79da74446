extension HSDS {
    /// A reason a package cannot be imported, with where it is (`service[3].organization_id`).
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public let path: String
        /// A text key (`hsds.problem.*`), said in the reader's language by the app.
        public let key: String
        public let value: String
        public var description: String { "\(path): \(key) \(value)" }
    }

    /// Every problem of a refused package.
    public struct Problems: Error, Equatable, Sendable { public let all: [Problem] }

    /// The directory entries of a package, or every problem found: all or nothing. A service needs
    /// its organization, a name and description, a known category and threshold (attributes of
    /// Polku's taxonomies), at least one area and one language; ids are UUIDs.
    public static func entries(_ p: Package) -> Result<[Entry], Problems> {
        var problems: [Problem] = []
        func uuid(_ value: String, _ path: String) {
            if !isUUID(value) { problems.append(Problem(path: path, key: "hsds.problem.id", value: value)) }
        }
        for (i, o) in p.organization.enumerated() {
            uuid(o.id, "organization[\(i)].id")
            if o.name.trimmed.isEmpty { problems.append(Problem(path: "organization[\(i)].name", key: "hsds.problem.empty", value: "")) }
        }
        let organisations = Dictionary(p.organization.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if organisations.count != p.organization.count { problems.append(Problem(path: "organization", key: "hsds.problem.duplicate", value: "")) }
        let terms = Dictionary(p.taxonomy_term.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let taxonomies = Dictionary(p.taxonomy.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let locations = Dictionary(p.location.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func rows<T>(_ table: [T], _ service: (T) -> String?) -> [String: [T]] {
            Dictionary(grouping: table.filter { service($0) != nil }, by: { service($0)! })
        }
        let schedules = rows(p.schedule, \.service_id), phones = rows(p.phone, \.service_id)
        let contacts = rows(p.contact, \.service_id), areas = rows(p.service_area, \.service_id)
        let languages = rows(p.language, \.service_id), attributes = rows(p.attribute) { $0.link_id }
        let atLocations = rows(p.service_at_location) { $0.service_id }
        var entries: [Entry] = []
        var seen = Set<String>()
        for (i, s) in p.service.enumerated() {
            let at = "service[\(i)]"
            uuid(s.id, at + ".id")
            if !seen.insert(s.id).inserted { problems.append(Problem(path: at + ".id", key: "hsds.problem.duplicate", value: s.id)) }
            guard let org = organisations[s.organization_id] else {
                problems.append(Problem(path: at + ".organization_id", key: "hsds.problem.reference", value: s.organization_id))
                continue
            }
            if s.name.trimmed.isEmpty { problems.append(Problem(path: at + ".name", key: "hsds.problem.empty", value: "")) }
            let description = s.description ?? ""
            if description.trimmed.isEmpty { problems.append(Problem(path: at + ".description", key: "hsds.problem.empty", value: "")) }
            var category: ServiceCategory?, threshold: Threshold?
            for a in attributes[s.id] ?? [] {
                guard let term = terms[a.taxonomy_term_id] else {
                    problems.append(Problem(path: "attribute[\(a.id)].taxonomy_term_id", key: "hsds.problem.reference", value: a.taxonomy_term_id))
                    continue
                }
                let code = term.code ?? term.name
                switch term.taxonomy_id.flatMap({ taxonomies[$0] }) {
                case categoryTaxonomy: category = ServiceCategory(rawValue: code)
                case thresholdTaxonomy: threshold = Threshold(rawValue: code)
                default: break
                }
            }
            if category == nil { problems.append(Problem(path: at, key: "hsds.problem.category", value: s.name)) }
            if threshold == nil { problems.append(Problem(path: at, key: "hsds.problem.threshold", value: s.name)) }
            // Sorted: HSDS rows have no order, so the same package always gives the same lists.
            let areaNames = (areas[s.id] ?? []).compactMap(\.name).filter { !$0.trimmed.isEmpty }.sorted()
            if areaNames.isEmpty { problems.append(Problem(path: at, key: "hsds.problem.area", value: s.name)) }
            let codes = (languages[s.id] ?? []).compactMap(\.code).filter { !$0.isEmpty }.sorted()
            if codes.isEmpty { problems.append(Problem(path: at, key: "hsds.problem.language", value: s.name)) }
            guard let category, let threshold else { continue }
            let phone = phones[s.id]?.first
            let contact = phone?.description ?? phone?.number ?? contacts[s.id]?.first?.email ?? ""
            let municipality =
                atLocations[s.id]?.compactMap { locations[$0.location_id]?.name }.first
                ?? p.location.first { $0.organization_id == org.id }?.name
            entries.append(
                Entry(
                    organisationID: org.id, organisationName: org.name, businessID: org.tax_id, website: org.website, municipality: municipality,
                    serviceID: s.id, name: s.name, description: description, category: category, targetGroups: s.eligibility_description ?? "",
                    areas: areaNames, languages: codes, threshold: threshold, cost: s.fees_description ?? "",
                    whereWhen: schedules[s.id]?.first?.description ?? "", contact: contact, active: s.status == "active",
                    checkedOn: s.assured_date ?? ""))
        }
        return problems.isEmpty ? .success(entries) : .failure(Problems(all: problems))
    }

    static func isUUID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 36 else { return false }
        for (i, b) in u.enumerated() {
            if [8, 13, 18, 23].contains(i) { if b != UInt8(ascii: "-") { return false } } else if !(48...57 ~= b || 65...70 ~= b || 97...102 ~= b) { return false }
        }
        return true
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
