extension HSDS {
    /// The package of `entries`, every table sorted by id so that the same directory gives the same bytes.
    public static func package(_ entries: [Entry]) -> Package {
        var p = Package()
        var organisations: [String: Organization] = [:]
        var locations: [String: Location] = [:]
        for e in entries {
            organisations[e.organisationID] = Organization(
                id: e.organisationID, name: e.organisationName, description: "", website: e.website, tax_id: e.businessID)
            if let m = e.municipality, !m.isEmpty {
                let id = derivedID(e.organisationID, "location")
                locations[id] = Location(id: id, location_type: "physical", name: m, organization_id: e.organisationID)
                p.service_at_location.append(ServiceAtLocation(id: derivedID(e.serviceID, "at", id), service_id: e.serviceID, location_id: id))
            }
            p.service.append(
                Service(
                    id: e.serviceID, organization_id: e.organisationID, name: e.name, description: e.description,
                    status: e.active ? "active" : "inactive", fees_description: e.cost, eligibility_description: e.targetGroups,
                    assured_date: e.checkedOn))
            if !e.whereWhen.isEmpty {
                p.schedule.append(Schedule(id: derivedID(e.serviceID, "schedule"), service_id: e.serviceID, description: e.whereWhen))
            }
            let contactID = derivedID(e.serviceID, "contact")
            p.contact.append(Contact(id: contactID, service_id: e.serviceID, email: firstEmail(in: e.contact)))
            if !e.contact.isEmpty {
                p.phone.append(
                    Phone(
                        id: derivedID(e.serviceID, "phone"), service_id: e.serviceID, contact_id: contactID,
                        number: firstPhone(in: e.contact) ?? e.contact, description: e.contact))
            }
            for area in e.areas { p.service_area.append(ServiceArea(id: derivedID(e.serviceID, "area", area), service_id: e.serviceID, name: area)) }
            for code in e.languages {
                p.language.append(Language(id: derivedID(e.serviceID, "language", code), service_id: e.serviceID, name: languageNames[code] ?? code, code: code))
            }
            for (taxonomy, code) in [(categoryTaxonomy, e.category.rawValue), (thresholdTaxonomy, e.threshold.rawValue)] {
                let term = derivedID("term", taxonomy, code)
                p.attribute.append(
                    Attribute(id: derivedID(e.serviceID, "attribute", term), link_id: e.serviceID, link_type: "service", link_entity: "service", taxonomy_term_id: term))
            }
        }
        p.organization = organisations.values.sorted { $0.id < $1.id }
        p.location = locations.values.sorted { $0.id < $1.id }
        for (taxonomy, description, codes) in [
            (categoryTaxonomy, "Polku's service categories", ServiceCategory.allCases.map(\.rawValue)),
            (thresholdTaxonomy, "How a person gets in: open, low threshold, or by referral", Threshold.allCases.map(\.rawValue)),
        ] {
            let id = derivedID("taxonomy", taxonomy)
            p.taxonomy.append(Taxonomy(id: id, name: taxonomy, description: description))
            for code in codes {
                p.taxonomy_term.append(TaxonomyTerm(id: derivedID("term", taxonomy, code), code: code, name: code, description: "", taxonomy_id: id))
            }
        }
        p.service.sort { $0.id < $1.id }
        p.service_at_location.sort { $0.id < $1.id }
        p.schedule.sort { $0.id < $1.id }
        p.contact.sort { $0.id < $1.id }
        p.phone.sort { $0.id < $1.id }
        p.service_area.sort { $0.id < $1.id }
        p.language.sort { $0.id < $1.id }
        p.taxonomy.sort { $0.id < $1.id }
        p.taxonomy_term.sort { $0.id < $1.id }
        p.attribute.sort { $0.id < $1.id }
        return p
    }

    static func firstEmail(in text: String) -> String? {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\n" }).first { $0.contains("@") && $0.contains(".") }.map(String.init)
    }

    /// The first run of digits, spaces, "+" and "-" with at least six digits ("040 000 0000").
    static func firstPhone(in text: String) -> String? {
        var best = "", current = ""
        for ch in text + " " {
            if ch.isASCII && (ch.isNumber || ch == " " || ch == "+" || ch == "-") {
                current.append(ch)
            } else {
                if current.filter(\.isNumber).count >= 6 { best = current; break }
                current = ""
            }
        }
        if best.isEmpty, current.filter(\.isNumber).count >= 6 { best = current }
        let trimmed = best.trimmingCharacters(in: " -")
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
