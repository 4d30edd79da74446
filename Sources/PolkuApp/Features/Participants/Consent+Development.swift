import SQLKit

extension Consent {
    /// An enrolment's participant (`enrolments.participant_id`) whose latest word on being asked to
    /// develop the services is yes: only they are found for a client panel or as a peer's former
    /// participant.
    static let askedToDevelop: SQLQueryString = """
        (SELECT c.given FROM consents c WHERE c.participant_id = enrolments.participant_id AND c.purpose = 'development'
         ORDER BY c.date DESC, c.created_at DESC LIMIT 1) = \(bind: true)
        """
}
