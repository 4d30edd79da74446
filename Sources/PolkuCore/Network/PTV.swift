/// Services in the shape of Suomi.fi Palvelutietovaranto's open API (PTV, v11): organisations,
/// services and service channels as the API returns them, saved by an operator to one file
/// (`{"organizations": […], "services": […], "serviceChannels": […]}`). No network call is made.
/// What is read (docs/PTV.md): the names and descriptions in fi/sv/en, the municipalities a service
/// is for, its languages, whether it costs, and its channels' phones, e-mails and opening hours.
public enum PTV {
    public struct Text: Codable, Sendable { public var type: String?; public var language: String; public var value: String }
    public struct Municipality: Codable, Sendable { public var code: String; public var name: [Text]? }
    public struct Area: Codable, Sendable { public var type: String?; public var municipalities: [Municipality]? }
    public struct Ref: Codable, Sendable { public var id: String; public var name: String? }
    public struct OrganizationRole: Codable, Sendable { public var roleType: String?; public var organization: Ref? }
    public struct ChannelRef: Codable, Sendable { public var serviceChannel: Ref }

    public struct Organization: Codable, Sendable {
        public var id: String
        public var organizationNames: [Text]?
        public var businessCode: String?
        public var municipality: Municipality?
    }

    public struct Service: Codable, Sendable {
        public var id: String
        public var serviceNames: [Text]
        public var serviceDescriptions: [Text]?
        public var languages: [String]?
        public var areaType: String?
        public var areas: [Area]?
        public var organizations: [OrganizationRole]?
        public var serviceChannels: [ChannelRef]?
        public var chargeType: String?
    }

    public struct Phone: Codable, Sendable { public var prefixNumber: String?; public var number: String; public var language: String? }
    public struct Opening: Codable, Sendable { public var dayFrom: String?; public var dayTo: String?; public var from: String?; public var to: String? }
    public struct Hours: Codable, Sendable { public var openingHour: [Opening]?; public var additionalInformation: [Text]? }

    public struct Channel: Codable, Sendable {
        public var id: String
        public var serviceChannelNames: [Text]?
        public var supportPhones: [Phone]?
        public var supportEmails: [Text]?
        public var serviceHours: [Hours]?
    }

    public struct File: Codable, Sendable {
        public var organizations: [Organization]
        public var services: [Service]
        public var serviceChannels: [Channel]?
    }

    /// A service as Polku keeps it, with the PTV ids a re-import matches on.
    public struct Imported: Equatable, Sendable {
        public var organisationPTV: String
        public var organisationName: String
        public var businessID: String?
        public var municipality: String?
        public var servicePTV: String
        public var name: String, nameSv: String?, nameEn: String?
        public var description: String, descriptionSv: String?, descriptionEn: String?
        public var areas: [String]
        public var languages: [String]
        public var cost: String
        public var whereWhen: String
        public var contact: String
    }

    static let days = [
        "Monday": "ma", "Tuesday": "ti", "Wednesday": "ke", "Thursday": "to", "Friday": "pe", "Saturday": "la", "Sunday": "su",
    ]

    /// The file's services, or every problem with its path (`services[2].serviceNames`).
    public static func read(_ file: File) -> Result<[Imported], HSDS.Problems> {
        var problems: [HSDS.Problem] = []
        let organisations = Dictionary(file.organizations.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let channels = Dictionary((file.serviceChannels ?? []).map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var result: [Imported] = []
        for (i, s) in file.services.enumerated() {
            let at = "services[\(i)]"
            if !HSDS.isUUID(s.id) { problems.append(.init(path: at + ".id", key: "hsds.problem.id", value: s.id)) }
            let responsible = s.organizations?.first { $0.roleType == "Responsible" } ?? s.organizations?.first
            guard let orgID = responsible?.organization?.id.lowercased(), let org = organisations[orgID] else {
                problems.append(.init(path: at + ".organizations", key: "ptv.problem.organisation", value: responsible?.organization?.id ?? ""))
                continue
            }
            let name = text(s.serviceNames, "fi", type: "Name")
            if name == nil { problems.append(.init(path: at + ".serviceNames", key: "ptv.problem.finnish", value: "")) }
            let description = text(s.serviceDescriptions ?? [], "fi", type: "Description") ?? text(s.serviceDescriptions ?? [], "fi", type: "Summary")
            if description == nil { problems.append(.init(path: at + ".serviceDescriptions", key: "ptv.problem.finnish", value: "")) }
            var areas: [String] = []
            for (k, area) in (s.areas ?? []).enumerated() {
                for (m, municipality) in (area.municipalities ?? []).enumerated() {
                    if let n = municipality.name.flatMap({ text($0, "fi", type: nil) }) {
                        areas.append(n.lowercased())
                    } else {
                        problems.append(.init(path: "\(at).areas[\(k)].municipalities[\(m)].name", key: "ptv.problem.municipality", value: municipality.code))
                    }
                }
            }
            if s.areaType == "WholeCountry" { areas.append("koko suomi") }
            if areas.isEmpty && !problems.contains(where: { $0.path.hasPrefix(at + ".areas") }) {
                problems.append(.init(path: at + ".areas", key: "hsds.problem.area", value: name ?? s.id))
            }
            let languages = (s.languages ?? []).map { $0.lowercased() }.filter { ["fi", "sv", "en"].contains($0) }
            if languages.isEmpty { problems.append(.init(path: at + ".languages", key: "hsds.problem.language", value: name ?? s.id)) }
            let linked = (s.serviceChannels ?? []).compactMap { channels[$0.serviceChannel.id.lowercased()] }
            guard let name, let description else { continue }
            result.append(
                Imported(
                    organisationPTV: org.id.lowercased(), organisationName: text(org.organizationNames ?? [], "fi", type: "Name") ?? org.id,
                    businessID: org.businessCode, municipality: org.municipality?.name.flatMap { text($0, "fi", type: nil) }?.lowercased(),
                    servicePTV: s.id.lowercased(), name: name, nameSv: text(s.serviceNames, "sv", type: "Name"), nameEn: text(s.serviceNames, "en", type: "Name"),
                    description: description, descriptionSv: text(s.serviceDescriptions ?? [], "sv", type: "Description"),
                    descriptionEn: text(s.serviceDescriptions ?? [], "en", type: "Description"), areas: Array(Set(areas)).sorted(),
                    languages: languages, cost: s.chargeType == "Free" ? "Maksuton" : s.chargeType == "Charged" ? "Maksullinen" : "",
                    whereWhen: hours(linked), contact: contact(linked)))
        }
        return problems.isEmpty ? .success(result) : .failure(HSDS.Problems(all: problems))
    }

    static func text(_ texts: [Text], _ language: String, type: String?) -> String? {
        texts.first { $0.language == language && (type == nil || $0.type == nil || $0.type == type) && !$0.value.isEmpty }?.value
    }

    /// "ma–pe 9:00–15:00" for each opening of each channel, then the channels' notes.
    static func hours(_ channels: [Channel]) -> String {
        var parts: [String] = []
        for h in channels.flatMap({ $0.serviceHours ?? [] }) {
            for o in h.openingHour ?? [] {
                let from = o.dayFrom.flatMap { days[$0] } ?? "", to = o.dayTo.flatMap { days[$0] }
                parts.append((to.map { "\(from)–\($0)" } ?? from) + " \(o.from ?? "")–\(o.to ?? "")")
            }
            if let note = text(h.additionalInformation ?? [], "fi", type: nil) { parts.append(note) }
        }
        return parts.joined(separator: ", ")
    }

    /// Phones (with the country prefix) and e-mails of the channels, in Finnish first.
    static func contact(_ channels: [Channel]) -> String {
        var parts: [String] = []
        for c in channels {
            for p in c.supportPhones ?? [] where p.language == nil || p.language == "fi" { parts.append("puh. " + (p.prefixNumber.map { $0 + " " } ?? "") + p.number) }
            for e in c.supportEmails ?? [] where e.language == "fi" { parts.append(e.value) }
        }
        return uniqued(parts).joined(separator: ", ")
    }
}

/// The parts once each, in their first order.
private func uniqued(_ parts: [String]) -> [String] {
    var seen = Set<String>()
    return parts.filter { seen.insert($0).inserted }
}
