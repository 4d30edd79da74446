import Fluent
import PolkuCore
import SQLKit
import Vapor

/// One referral as either side sees it: who (unless consent was withdrawn and the reader is the
/// provider), what was shared, the state with its history, and the form each side may use.
struct ReferralPage {
    struct Person: Decodable, Equatable { let first_name: String; let last_name: String; let phone: String?; let email: String?; let language: String }
    struct Event: Equatable { let at: Date; let state: ReferralState; let reason: String?; let user: String? }

    var id: UUID
    var participantID: UUID
    var serviceID: UUID
    var service: String
    var organisationID: UUID
    var organisation: String
    var state: ReferralState
    var reason: String?
    var consentOn: String
    var consentWithdrawnOn: String?
    var message: String
    var shared: Set<String>
    /// Nil for the provider once consent is withdrawn: the page then does not even read the person.
    var person: Person?
    var events: [Event]
    var isProvider: Bool
    var form = FormState()
    /// Why a state change was refused, in the reader's language.
    var refusal: String?

    var withdrawn: Bool { consentWithdrawnOn != nil }

    /// `r` comes from the referral guard with its service and the service's organisation.
    static func query(_ r: Referral, isProvider: Bool, on db: any Database) async throws -> ReferralPage {
        let id = try r.requireID()
        let hidden = isProvider && r.consentWithdrawnOn != nil
        let person =
            hidden
            ? nil
            : try await db.sql.raw("SELECT first_name, last_name, phone, email, language FROM participants WHERE id = \(bind: r.$participant.id)")
                .first(decoding: Person.self)
        struct EventRow: Decodable { let at: Date; let to_state: ReferralState; let reason: String?; let name: String? }
        let events = try await db.sql.raw(
            """
            SELECT e.at, e.to_state, e.reason, u.name FROM referral_events e LEFT JOIN users u ON u.id = e.user_id
            WHERE e.referral_id = \(bind: id) ORDER BY e.at, e.id
            """
        ).all(decoding: EventRow.self)
        return ReferralPage(
            id: id, participantID: r.$participant.id, serviceID: r.$service.id, service: r.service.name, organisationID: r.service.$organisation.id,
            organisation: r.service.organisation.name, state: r.state, reason: r.reason, consentOn: r.consentOn, consentWithdrawnOn: r.consentWithdrawnOn,
            message: r.message, shared: Set(r.shared.split(separator: ",").map(String.init)), person: person,
            events: events.map { Event(at: $0.at, state: $0.to_state, reason: $0.reason, user: $0.name) }, isProvider: isProvider)
    }
}
