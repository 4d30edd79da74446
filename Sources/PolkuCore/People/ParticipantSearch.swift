import Foundation

/// What a worker typed in the participant search means: a birth date (`12.3.1990` or `1990-03-12`),
/// a project's participant number (anything else with a digit in it, such as `P-0042`; the list
/// searches it as a name when no one has that number), or a name.
/// Names never hold digits, so a digit is what tells a number from a name.
public enum ParticipantSearch: Equatable, Sendable {
    case name(String)
    /// The birth date, ISO.
    case birthDate(String)
    /// The participant number as the project's import gave it, trimmed.
    case number(String)

    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let date = CalendarDate(parsing: trimmed), trimmed.contains(where: { $0 == "." || $0 == "-" }) {
            self = .birthDate(date.iso)
        } else if trimmed.contains(where: \.isNumber) {
            self = .number(trimmed)
        } else {
            self = .name(trimmed)
        }
    }
}
