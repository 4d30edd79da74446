/// The age bands reports break people down by: ESF+ counts under-18s, 18–29 (young people) and 55+
/// apart; 30–54 has no indicator of its own but completes the breakdown.
public enum AgeBand: String, CaseIterable, Sendable, Codable {
    case under18 = "under_18", from18to29 = "18_29", from30to54 = "30_54", from55 = "55_plus"

    public static func of(age: Int) -> AgeBand { age < 18 ? .under18 : age <= 29 ? .from18to29 : age <= 54 ? .from30to54 : .from55 }
}
