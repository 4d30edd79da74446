import Fluent
import Foundation
import PolkuCore
import SQLKit

/// Services that fit a participant, with the reasons: their goals, area and language, and weak
/// results in their latest assessments. The rules are PolkuCore's `ServiceSuggestion`; this reads
/// the participant's facts and the services in their area.
package enum Suggestions {
    package struct Suggestion: Sendable { let id: UUID; let name: String; let provider: String; let threshold: Threshold; let reasons: [SuggestionReason] }

    /// Life-map areas and the topics that help with them.
    static let lifeAreaCategories: [String: ServiceCategory] = [
        "money": .debtAndFinances, "home": .housing, "body": .sports, "energy": .health, "people": .peerSupport, "work": .workCoaching,
        "skills": .education, "free_time": .leisureAndCulture, "daily_rhythm": .socialRehabilitation, "belonging": .peerSupport,
    ]

    struct ServiceRow: Decodable {
        let id: UUID; let name: String; let organisation_name: String; let category: String; let threshold: String
        let areas: String; let languages: String; let search_text: String
    }

    package static func forParticipant(_ pid: UUID, scope: ParticipantScope, limit: Int = 5, on db: any Database) async throws -> [Suggestion] {
        struct Facts: Decodable { let municipality: String; let language: String }
        guard
            let p = try await db.sql.raw("SELECT municipality, language FROM participants WHERE id = \(bind: pid)")
                .first(decoding: Facts.self)
        else { return [] }
        struct GoalRow: Decodable { let text: String }
        let goals = try await db.sql.raw(
            """
            SELECT text FROM goals WHERE participant_id = \(bind: pid) AND project_id \(oneOf: scope.projectIDs) AND status = \(bind: "open")
            """
        ).all(decoding: GoalRow.self)
        return try await forParticipant(
            pid, municipality: p.municipality, language: p.language, openGoals: goals.map(\.text),
            scope: scope, limit: limit, on: db)
    }

    /// For a page that has read the person and their open goals (in the scope's projects) already.
    static func forParticipant(
        _ pid: UUID, municipality: String, language: String, openGoals: [String], scope: ParticipantScope,
        limit: Int = 5, on db: any Database
    ) async throws -> [Suggestion] {
        let histories = try await MeasureQueries.histories(participant: pid, keys: measureKeys, scope: scope, on: db)
        let services = try await db.sql.raw(servicesQuery(municipality: municipality, on: db.sql)).all(decoding: ServiceRow.self)
        return suggestions(
            services, histories: histories, municipality: municipality, language: language, openGoals: openGoals, limit: limit)
    }

    /// The instruments whose weak results point to services.
    static let measureKeys = ["polku-life", "who5"]

    /// Only services in the person's municipality are read (the area rule would drop the rest anyway).
    static func servicesQuery(municipality: String, on sql: any SQLDatabase) -> SQLQueryString {
        let area = "," + ParticipantQueries.likeEscaped(municipality.lowercased()) + ","
        return """
            SELECT s.id, s.name, o.name AS organisation_name, s.category, s.threshold, s.areas, s.languages, s.search_text
            FROM services s JOIN organisations o ON o.id = s.organisation_id
            WHERE s.active = \(bind: true) AND s.areas LIKE \(ParticipantQueries.containing(area, on: sql)) ESCAPE '!'
            """
    }

    /// The services of `rows` that fit the person, best first; `histories` are their readable results.
    static func suggestions(
        _ rows: [ServiceRow], histories: [String: [MeasureQueries.Stored]], municipality: String, language: String, openGoals: [String],
        limit: Int
    ) -> [Suggestion] {
        var goalWords = Set<String>()
        for g in openGoals { goalWords.formUnion(ServiceSuggestion.words(g)) }
        // Weak results: a low WHO-5 (health roles only) and life-map areas rated 3 or below.
        var weak: [ServiceCategory: String] = [:]
        for key in measureKeys {
            guard let latest = histories[key]?.last else { continue }
            if key == "who5", latest.scores.band == "low" { weak[.health] = "WHO-5" }
            if key == "polku-life" {
                for (area, v) in latest.scores.items where v <= 3 { if let c = lifeAreaCategories[area] { weak[c] = area } }
            }
        }
        let person = ServiceSuggestion.Person(goalWords: goalWords, municipality: municipality, language: language, weakCategories: weak)
        var out: [Suggestion] = []
        for r in rows {
            guard let category = ServiceCategory(rawValue: r.category), let threshold = Threshold(rawValue: r.threshold) else { continue }
            let candidate = ServiceSuggestion.Candidate(
                words: Set(r.search_text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)),
                category: category, areas: Set(Service.listItems(r.areas)), languages: Set(Service.listItems(r.languages)),
                threshold: threshold)
            if let reasons = ServiceSuggestion.reasons(for: person, candidate) {
                out.append(Suggestion(id: r.id, name: r.name, provider: r.organisation_name, threshold: threshold, reasons: reasons))
            }
        }
        return Array(out.sorted { ($0.reasons.count, $1.name) > ($1.reasons.count, $0.name) }.prefix(limit))
    }

    static func explain(_ r: SuggestionReason, _ t: Texts) -> String {
        switch r {
        case .goal(let w): t("suggestions.reason.goal", w)
        case .area(let a): t("suggestions.reason.area", DirectoryController.display(a))
        case .language(let l): t("suggestions.reason.language", t("service.language." + l))
        case .weakDomain(let d): t("suggestions.reason.weak", d == "WHO-5" ? "WHO-5" : t("suggestions.area." + d))
        case .lowThreshold: t("suggestions.reason.low")
        }
    }
}
