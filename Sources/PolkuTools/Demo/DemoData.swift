import PolkuApp
import Fluent
import Foundation
import PolkuCore
import Vapor

/// Fills an empty database with the seed projects, invented staff and clearly fictitious participants.
public enum DemoData {
    public static let password = "polku-demo-2026"

    public struct Account: Sendable { public let email: String; public let role: String; public let projects: String }

    public enum Outcome: Sendable {
        case seeded([Account])
        case notEmpty
    }

    /// Seeds only when there are no projects and no users, so demo data never mixes with real data.
    public static func seedIfEmpty(_ app: Application, participantsPerProject: Int = 60) async throws -> Outcome {
        let db = app.db
        let projects = try await Project.query(on: db).count()
        let users = try await User.query(on: db).count()
        if projects > 0 || users > 0 { return .notEmpty }
        let accounts: [Account] = try await db.transaction { db in
            var accounts: [Account] = []
            var orgIDs: [String: UUID] = [:]
            for o in DemoProjects.organisations {
                let org = Organisation(name: o.name, businessID: o.businessID, kind: o.kind, municipality: o.municipality)
                try await org.create(on: db)
                orgIDs[o.name] = org.id!
            }
            var projectIDs: [String: UUID] = [:]
            var subProjectIDs: [String: UUID] = [:]
            var sitesByProject: [UUID: [Site]] = [:]
            for spec in DemoProjects.projects {
                let p = project(spec)
                try await p.create(on: db)
                let id = p.id!
                projectIDs[spec.code] = id
                let links: [(String, ProjectOrganisation.Role)] =
                    spec.administrators.map { ($0, .administrator) }
                    + spec.coImplementers.map { ($0, .coImplementer) } + spec.partners.map { ($0, .partner) } + spec.funders.map { ($0, .funder) }
                for (name, role) in links {
                    try await ProjectOrganisation(projectID: id, organisationID: orgIDs[name]!, role: role).create(on: db)
                }
                for s in spec.steering {
                    try await SteeringMember(projectID: id, name: "", organisation: s.organisation, role: s.role).create(on: db)
                }
                for s in spec.sites {
                    let site = Site(projectID: id, name: s.name, municipality: s.municipality, kind: s.kind)
                    try await site.create(on: db)
                    sitesByProject[id, default: []].append(site)
                }
                for sub in spec.subProjects {
                    let child = project(spec)
                    child.code = sub.code; child.name = sub.name; child.summary = ""; child.plannedParticipants = nil
                    child.$parent.id = id
                    try await child.create(on: db)
                    subProjectIDs[sub.code] = child.id!
                }
            }
            let all = DemoProjects.projects.map { projectIDs[$0.code]! }
            let staff: [(String, String, Role, [String])] = [
                ("admin@demo.polku.invalid", "Aino Pääkäyttäjä (demo)", .admin, []),
                ("pm@demo.polku.invalid", "Paula Projektipäällikkö (demo)", .projectManager, DemoProjects.projects.map(\.code)),
                ("worker@demo.polku.invalid", "Ville Valmentaja (demo)", .worker, ["S20250", "S21019"]),
                ("health@demo.polku.invalid", "Helena Hoitaja (demo)", .healthProfessional, ["S20013", "S20519"]),
                // Before the peer below, whose id `staffIDs[.peer]` keeps.
                ("expert@demo.polku.invalid", "Eero Kokemus (demo)", .peer, ["S20250"]),
                ("peer@demo.polku.invalid", "Veera Vertainen (demo)", .peer, ["S21019", "S20250"]),
                ("viewer@demo.polku.invalid", "Kalle Katselija (demo)", .viewer, DemoProjects.projects.map(\.code)),
            ]
            let hash = try await app.password.async.hash(password)
            var staffIDs: [Role: UUID] = [:]
            for (email, name, role, codes) in staff {
                let user = User(email: email, name: name, passwordHash: hash)
                try await user.create(on: db)
                staffIDs[role] = user.id!
                if role.isGlobal { try await Membership(userID: user.id!, projectID: nil, role: role).create(on: db) }
                for code in codes { try await Membership(userID: user.id!, projectID: projectIDs[code]!, role: role).create(on: db) }
                if codes.contains("S20250") {
                    try await Membership(userID: user.id!, projectID: subProjectIDs["S20250-DUUNIIN"]!, role: role).create(on: db)
                }
                accounts.append(Account(email: email, role: role.rawValue, projects: codes.isEmpty ? "–" : codes.joined(separator: ", ")))
            }
            var rng = DemoRandom(seed: 2026)
            for (index, projectID) in all.enumerated() {
                let spec = DemoProjects.projects[index]
                let outcomes = spec.code == "S20519" ? DemoProjects.partyOutcomes : []
                // Lähde mukaan!'s community coaching had 74 participants: the project needs at least that many.
                let minimum = spec.code == "S20250" ? 80 : outcomes.count
                try await participants(
                    count: max(participantsPerProject, minimum), project: projectID, spec: spec,
                    sites: sitesByProject[projectID] ?? [], outcomes: outcomes,
                    author: staffIDs[.projectManager]!, health: staffIDs[.healthProfessional]!, rng: &rng, on: db)
            }
            if let duuniin = subProjectIDs["S20250-DUUNIIN"], let spec = DemoProjects.projects.first(where: { $0.code == "S20250" }) {
                try await participants(
                    count: DemoProjects.duuniinOutcomes.count, project: duuniin, spec: spec, sites: [],
                    outcomes: DemoProjects.duuniinOutcomes, municipality: "Pori",
                    author: staffIDs[.projectManager]!, health: staffIDs[.healthProfessional]!, rng: &rng, on: db)
            }
            let lahde = projectIDs["S20250"]!
            let lahdePeople = try await Enrolment.query(on: db).filter(\.$project.$id == lahde).sort(\.$startDate).all().map(\.$participant.id)
            try await DemoActivities.seed(lahde: lahde, lahdeParticipants: lahdePeople, kunnolla: projectIDs["S20013"]!, rng: &rng, on: db)
            try await DemoActivities.seedMore(
                projects: projectIDs, sites: sitesByProject, worker: staffIDs[.worker]!, manager: staffIDs[.projectManager]!,
                peer: staffIDs[.peer]!, rng: &rng, on: db)
            try await DemoMeasures.seed(projects: projectIDs, assessor: staffIDs[.healthProfessional]!, rng: &rng, on: db)
            try await DemoPeers.seed(app, projects: projectIDs, peer: staffIDs[.peer]!, manager: staffIDs[.projectManager]!, on: db)
            try await DemoPanels.seed(app, projects: projectIDs, manager: staffIDs[.projectManager]!, on: db.sql)
            try await DemoPublicPages.seed(app, projects: projectIDs, publisher: "Paula Projektipäällikkö (demo)", on: db.sql)
            let provider = User(email: "provider@demo.polku.invalid", name: "Pirjo Palveluntarjoaja (demo)", passwordHash: hash)
            try await provider.create(on: db)
            try await DemoDirectory.seed(on: db, providerUser: provider.id!)
            try await DemoDirectory.seedReferrals(project: lahde, worker: staffIDs[.worker]!, provider: provider.id!, rng: &rng, on: db)
            accounts.append(Account(email: provider.email, role: "provider", projects: "Porin talous- ja velkaneuvonta (demo)"))
            return accounts
        }
        return .seeded(accounts)
    }

    static func project(_ spec: DemoProjects.Spec) -> Project {
        let p = Project()
        p.code = spec.code; p.name = spec.name; p.summary = spec.summary; p.funder = spec.funder
        p.priorityAxis = spec.axis; p.specificObjective = spec.objective; p.status = .ended
        p.startDate = spec.start; p.endDate = spec.end; p.region = spec.region; p.budgetBand = spec.budget
        p.plannedParticipants = spec.planned; p.targetGroups = spec.targetGroups.joined(separator: "\n")
        // ESF projects keep their documents for years after the end; the demo says five.
        p.retentionMonths = 60; p.retentionBasis = RetentionRule.Basis.projectEnd.rawValue
        p.phases = spec.phases.joined(separator: "\n")
        return p
    }

    static let femaleNames = ["Aino", "Helmi", "Leena", "Noora", "Pirjo", "Tiina", "Fatima", "Olena", "Nguyễn Thị", "Amina", "Marja", "Sofia", "Iida"]
    static let maleNames = ["Eero", "Juho", "Mikko", "Onni", "Sami", "Ville", "Åke", "Ahmed", "Jari", "Kalle", "Tuomas"]
    static let firstNames = femaleNames + maleNames
    /// Surnames that are plainly invented, so nobody mistakes a demo person for a real one.
    static let lastNames = [
        "Esimerkki", "Kuvitelma", "Testinen", "Mallinen", "Keksitty", "Demonen", "Harjoitus", "Kokeilu",
        "Leikkinen", "Näytekäs", "Malli-Øster", "Sepite",
    ]

    /// `outcomes[i]`, when given, makes participant i a leaver with that outcome; the rest are still in
    /// the project, or (without `outcomes`) leave at random.
    static func participants(
        count: Int, project: UUID, spec: DemoProjects.Spec, sites: [Site], outcomes: [ServiceOutcome] = [],
        municipality: String = "Oulu", author: UUID, health: UUID,
        rng: inout DemoRandom, on db: any Database
    ) async throws {
        let plan = PhasePlan(phases: spec.phases)
        let start = CalendarDate(parsing: spec.start)!
        var made = 0
        for _ in 0..<count {
            let p = Participant()
            let roll = rng.int(0...19)
            p.gender = roll < 10 ? .female : (roll < 19 ? .male : .other)
            p.firstName = rng.pick(p.gender == .male ? maleNames : p.gender == .female ? femaleNames : firstNames)
            p.lastName = rng.pick(lastNames)
            p.searchKey = SearchKey.make(p.lastName, p.firstName)
            p.birthDate = CalendarDate(year: rng.int(1958...2003), month: rng.int(1...12), day: rng.int(1...28))!.iso
            let site = sites.isEmpty ? nil : rng.pick(sites)
            p.municipality = site?.municipality ?? municipality
            p.language = rng.int(0...9) < 8 ? "fi" : rng.pick(["sv", "ar", "ru", "so", "en"])
            try await p.create(on: db)
            let e = Enrolment()
            e.$participant.id = p.id!; e.$project.id = project; e.$site.id = site?.id
            let entry = CalendarDate(year: start.year, month: min(12, start.month + rng.int(0...8)), day: rng.int(1...28))!
            e.startDate = entry.iso
            let index = made
            made += 1
            let outcome: ServiceOutcome? =
                index < outcomes.count
                ? outcomes[index]
                : outcomes.isEmpty && rng.int(0...2) == 0 ? rng.pick(ServiceOutcome.allCases) : nil
            let reached = outcome != nil ? plan.phases.count - 1 : rng.int(0...(plan.phases.count - 2))
            e.phase = plan.phases[reached]
            entryData(e, rng: &rng)
            if let outcome {
                let left = CalendarDate(year: entry.year + 1, month: entry.month, day: entry.day)!
                e.endDate = left.iso
                e.serviceOutcome = outcome
                e.exitSituation = outcome.impliedSituation
                e.exitSituationDate = outcome.impliedSituation == nil ? nil : left.adding(days: rng.int(0...14)).iso
                e.qualificationGained = outcome == .educationOrTraining ? rng.int(0...3) == 0 : false
                if rng.int(0...1) == 0 {
                    e.followUpDate = left.adding(days: 183).iso
                    e.followUpEmployed = [.employed, .selfEmployed].contains(outcome.impliedSituation)
                }
            }
            try await e.create(on: db)
            for i in 0...reached {
                let c = PhaseChange()
                c.$enrolment.id = e.id!; c.fromPhase = i == 0 ? nil : plan.phases[i - 1]; c.toPhase = plan.phases[i]
                c.date = CalendarDate(year: entry.year + (entry.month + i * 2 > 12 ? 1 : 0), month: (entry.month + i * 2 - 1) % 12 + 1, day: entry.day)!.iso
                c.$changedBy.id = author
                try await c.create(on: db)
            }
            let consent = Consent()
            consent.$participant.id = p.id!; consent.purpose = .service; consent.date = entry.iso; consent.given = true
            try await consent.create(on: db)
            if rng.int(0...2) == 0 {
                let g = Goal()
                g.$participant.id = p.id!; g.$project.id = project; g.text = rng.pick(goals); g.status = rng.pick(Goal.Status.allCases)
                try await g.create(on: db)
            }
            let n = Note()
            n.$participant.id = p.id!; n.$project.id = project; n.sensitivity = .normal; n.body = rng.pick(notes); n.$author.id = author
            try await n.create(on: db)
            if rng.int(0...3) == 0 {
                let h = Note()
                h.$participant.id = p.id!; h.$project.id = project; h.sensitivity = .health; h.body = rng.pick(healthNotes); h.$author.id = health
                try await h.create(on: db)
            }
        }
    }

    /// ESF entry data, mostly complete; about one in twelve records lacks an answer, as real ones do.
    static func entryData(_ e: Enrolment, rng: inout DemoRandom) {
        let roll = rng.int(0...19)
        let status: LabourStatus = roll < 14 ? .unemployed : roll < 17 ? .inactiveOther : roll < 18 ? .inactiveInEducation : .employed
        e.labourStatus = status
        e.unemployedMonths = status == .unemployed ? rng.int(1...72) : nil
        e.isced = rng.pick([1, 2, 2, 3, 3, 3, 3, 4, 5, 6, 7])
        func answer() -> SensitiveAnswer { let r = rng.int(0...9); return r < 7 ? .no : r < 9 ? .yes : .declined }
        e.disability = answer(); e.foreignBackground = answer(); e.minority = rng.int(0...9) < 9 ? .no : .declined
        e.otherDisadvantage = answer()
        e.thirdCountNational = rng.int(0...9) == 0
        e.homeless = rng.int(0...19) == 0
        e.rural = rng.int(0...4) == 0
        if rng.int(0...11) == 0 { e.isced = nil }
    }

    static let goals = [
        "Säännöllinen päivärytmi", "Työkokeiluun syksyllä", "Ammatillinen koulutus haussa keväällä",
        "Velkaneuvontaan ajanvaraus", "Ryhmätoimintaan kerran viikossa", "Kuntosalille kahdesti viikossa",
    ]
    static let notes = [
        "Tapaaminen sujui hyvin, seuraava tapaaminen kahden viikon päästä.", "Osallistui ryhmään aktiivisesti.",
        "Keskusteltiin työnhausta ja ansioluettelosta.", "Ohjattu talous- ja velkaneuvontaan.",
    ]
    static let healthNotes = ["Uniongelmia; ohjattu työttömien terveystarkastukseen.", "Fysioterapeutin arvio: selkävaiva rajoittaa raskasta työtä."]
}

/// A small deterministic generator (SplitMix64), so the demo is the same on every machine.
struct DemoRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
