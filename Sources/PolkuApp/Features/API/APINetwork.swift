import Fluent
import Foundation
import PolkuAPIContract
import PolkuCore
import SQLKit
import Vapor

/// The API's service network: organisations and their services (the directory: no person in it),
/// a provider's referral inbox, one referral as the caller's side sees it, and the provider's state
/// changes, with the same rules, audit events and webhooks as the referral pages.
enum APINetwork {
    typealias Schemas = Components.Schemas

    private struct OrganisationRow: Decodable { let id: UUID; let name: String; let kind: String; let municipality: String?; let sector: String? }

    static func organisations(_ req: Request, cursor: UUID?, limit: Int) async throws -> Schemas.OrganisationPage {
        var query: SQLQueryString = "SELECT id, name, kind, municipality, sector FROM organisations"
        if let after = try await APIKeyset.byName(cursor, table: "organisations", on: req.db.sql) { query.appendInterpolation(" WHERE \(after)" as SQLQueryString) }
        query.appendLiteral(" ORDER BY name, id LIMIT \(limit + 1)")
        let rows = try await req.db.sql.raw(query).all(decoding: OrganisationRow.self)
        return Schemas.OrganisationPage(
            items: rows.prefix(limit).map { Schemas.OrganisationSummary(id: $0.id.text, name: $0.name, kind: $0.kind, municipality: $0.municipality ?? "") },
            next: rows.count > limit ? rows[limit - 1].id.text : nil)
    }

    static func organisation(_ req: Request) async throws -> Schemas.Organisation {
        let id = try req.id()
        guard
            let o = try await req.db.sql.raw("SELECT id, name, kind, municipality, sector FROM organisations WHERE id = \(bind: id)")
                .first(decoding: OrganisationRow.self)
        else { throw Abort(.notFound) }
        let services = try await serviceRows(req, where: "s.organisation_id = \(bind: id)", after: nil, limit: 1000)
        return Schemas.Organisation(
            id: o.id.text, name: o.name, kind: o.kind, municipality: o.municipality ?? "", sector: o.sector, services: services.map(service))
    }

    private struct ServiceRow: Decodable {
        let id: UUID; let organisation_id: UUID; let name: String; let description: String; let category: String; let areas: String
        let languages: String; let active: Bool; let ptv_id: String?
    }

    private static func service(_ r: ServiceRow) -> Schemas.Service {
        Schemas.Service(
            id: r.id.text, organisationId: r.organisation_id.text, name: r.name, description: r.description, category: r.category,
            areas: Service.listItems(r.areas), languages: Service.listItems(r.languages), active: r.active, ptvId: r.ptv_id)
    }

    private static func serviceRows(_ req: Request, where condition: SQLQueryString, after: UUID?, limit: Int) async throws -> [ServiceRow] {
        var query: SQLQueryString = """
            SELECT s.id, s.organisation_id, s.name, s.description, s.category, s.areas, s.languages, s.active, s.ptv_id FROM services s WHERE
            """
        query.appendLiteral(" ")
        query.appendInterpolation(condition)
        if let after = try await APIKeyset.byName(after, table: "services", alias: "s", on: req.db.sql) { query.appendInterpolation(" AND \(after)" as SQLQueryString) }
        query.appendLiteral(" ORDER BY s.name, s.id LIMIT \(limit + 1)")
        return try await req.db.sql.raw(query).all(decoding: ServiceRow.self)
    }

    /// The directory's active services; `q`'s words must all be in the service's search text.
    static func services(
        _ req: Request, organisation: UUID?, q: String?, filter: DirectoryQueries.Filter, cursor: UUID?, limit: Int
    ) async throws -> Schemas.ServicePage {
        let q = q ?? ""
        // The contract's maxLengths in code points (as JSON Schema counts): the generated server checks types only.
        for (field, value, max) in [("q", q, 100), ("area", filter.area ?? "", 100), ("language", filter.language ?? "", 20)] where value.unicodeScalars.count > max {
            throw APIRefusal.badParameter(field)
        }
        var condition: SQLQueryString = "s.active = \(bind: true)"
        if let organisation { condition.appendInterpolation(" AND s.organisation_id = \(bind: organisation)" as SQLQueryString) }
        for word in SearchKey.make(q).split(separator: " ").prefix(8) {
            condition.appendInterpolation(" AND s.search_text LIKE \(bind: "%" + ParticipantQueries.likeEscaped(String(word)) + "%") ESCAPE '!'" as SQLQueryString)
        }
        if let c = filter.category { condition.appendInterpolation(" AND s.category = \(bind: c.rawValue)" as SQLQueryString) }
        if let t = filter.threshold { condition.appendInterpolation(" AND s.threshold = \(bind: t.rawValue)" as SQLQueryString) }
        // Areas and languages are stored as ",a,b,": a whole item matches, not a part of one.
        for (column, value) in [("areas", filter.area?.lowercased()), ("languages", filter.language)] {
            guard let value else { continue }
            condition.appendInterpolation(
                " AND s.\(unsafeRaw: column) LIKE \(bind: "%," + ParticipantQueries.likeEscaped(value) + ",%") ESCAPE '!'" as SQLQueryString)
        }
        let rows = try await serviceRows(req, where: condition, after: cursor, limit: limit)
        return Schemas.ServicePage(items: rows.prefix(limit).map(service), next: rows.count > limit ? rows[limit - 1].id.text : nil)
    }

    private struct InboxRow: Decodable {
        let id: UUID; let participant_id: UUID; let state: String; let created_at: Date?; let service: String
        let first_name: String; let last_name: String; let consent_withdrawn_on: String?
    }

    /// The provider's inbox, newest first; a person whose consent was withdrawn is not named (nor told
    /// in the audit: they were not shown).
    static func inbox(_ req: Request, all: Bool, cursor: UUID?, limit: Int) async throws -> Schemas.ReferralPage {
        let org = try req.guardedOrganisation()
        var query: SQLQueryString = """
            SELECT r.id, r.participant_id, r.state, r.created_at, s.name AS service, p.first_name, p.last_name, r.consent_withdrawn_on
            FROM referrals r JOIN services s ON s.id = r.service_id JOIN participants p ON p.id = r.participant_id
            WHERE s.organisation_id = \(bind: org)
            """
        if !all { query.appendInterpolation(" AND r.state \(oneOf: ReferralState.allCases.filter(\.isOpen).map(\.rawValue))" as SQLQueryString) }
        if let after = try await APIKeyset.newestFirst(
            cursor, table: "referrals", alias: "r", within: "service_id IN (SELECT id FROM services WHERE organisation_id = \(bind: org))", on: req.db.sql)
        {
            query.appendInterpolation(" AND \(after)" as SQLQueryString)
        }
        query.appendLiteral(" ORDER BY r.created_at DESC, r.id DESC LIMIT \(limit + 1)")
        let rows = Array(try await req.db.sql.raw(query).all(decoding: InboxRow.self))
        let page = rows.prefix(limit)
        try await req.audit.record(
            .participantList, participants: page.filter { $0.consent_withdrawn_on == nil }.map(\.participant_id), project: nil,
            detail: "referral inbox \(org) (api)")
        return Schemas.ReferralPage(
            items: page.map { r in
                Schemas.ReferralSummary(
                    id: r.id.text, service: r.service, state: Schemas.ReferralState(rawValue: r.state) ?? .sent, createdAt: r.created_at,
                    person: r.consent_withdrawn_on == nil ? "\(r.first_name) \(r.last_name)" : nil)
            },
            next: rows.count > limit ? rows[limit - 1].id.text : nil)
    }

    /// One referral: the provider sees the person only as far as shared, and not at all after consent
    /// was withdrawn; the referring side sees the person's id too. Audited as the page is.
    static func referral(_ req: Request) async throws -> Schemas.Referral {
        guard let (r, side) = req.guarded.referral else { throw Abort(.notFound) }
        let isProvider: Bool = { if case .provider = side { true } else { false } }()
        let m = try await ReferralPage.query(r, isProvider: isProvider, on: req.db)
        try await req.audit.record(
            .referralView, participant: m.person == nil ? nil : r.$participant.id, project: r.$project.id,
            detail: isProvider ? "provider view (api)" : "referring view (api)")
        return json(m)
    }

    static func json(_ m: ReferralPage) -> Schemas.Referral {
        let shows = { (item: String) in !m.isProvider || m.shared.contains(item) }
        let person = m.person.map {
            Schemas.ReferralPerson(
                firstName: $0.first_name, lastName: $0.last_name, phone: shows("phone") ? $0.phone : nil, email: shows("email") ? $0.email : nil,
                language: shows("language") ? $0.language : nil)
        }
        return Schemas.Referral(
            id: m.id.text, side: m.isProvider ? .provider : .referrer, participantId: m.isProvider ? nil : m.participantID.text,
            serviceId: m.serviceID.text, service: m.service, organisationId: m.organisationID.text, organisation: m.organisation,
            state: Schemas.ReferralState(rawValue: m.state.rawValue) ?? .sent, reason: m.reason, consentOn: m.consentOn,
            consentWithdrawnOn: m.consentWithdrawnOn, shared: m.shared.sorted(), person: person,
            message: m.message,
            events: m.events.map {
                Schemas.ReferralEvent(at: $0.at, state: Schemas.ReferralState(rawValue: $0.state.rawValue) ?? .sent, reason: $0.reason, by: $0.user)
            })
    }

    /// The provider moves the referral on: the same checks as the referral page (`ReferralState.move`),
    /// the event, audit and webhooks in one transaction.
    static func move(_ req: Request, _ input: Schemas.ReferralMove) async throws -> Schemas.Referral {
        guard let (r, side) = req.guarded.referral else { throw Abort(.notFound) }
        guard case .provider = side else { throw Abort(.forbidden) }
        guard r.consentWithdrawnOn == nil else { throw APIRefusal(status: .conflict, key: "api.problem.withdrawn") }
        guard let target = ReferralState(rawValue: input.to.rawValue) else { throw APIRefusal.badParameter("to") }
        let reason = try input.reason.map { $0.isEmpty ? "" : try APIInput.text($0, field: "reason", max: 1000) } ?? ""
        if let problem = r.state.move(to: target, reason: reason) {
            throw APIRefusal.unprocessable(problem == .reasonMissing ? "reason" : "to", "referral.error." + problem.rawValue.split(separator: ".").last!)
        }
        try await ReferralController.record(req, r, to: target, reason: reason, actor: try req.guardedActor(), via: " (api)")
        return json(try await ReferralPage.query(r, isProvider: true, on: req.db))
    }
}
