import Foundation

/// The phases of a project's service path. Kunnolla Töihin names intake, start, coaching and exit;
/// a project can name its own. The last phase is the exit.
public struct PhasePlan: Sendable, Equatable {
    public static let defaultPhases = ["intake", "start", "coaching", "exit"]

    public let phases: [String]

    /// Builds a plan from one phase per line, dropping blanks and duplicates.
    /// Returns nil when fewer than two phases remain: a path needs a start and an end.
    public init?(lines: String) {
        var seen = Set<String>()
        var result: [String] = []
        for raw in lines.split(whereSeparator: \.isNewline) {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 60, !seen.contains(name.lowercased()) else { continue }
            seen.insert(name.lowercased())
            result.append(name)
        }
        guard result.count >= 2 else { return nil }
        self.phases = result
    }

    public init(phases: [String]) {
        self.phases = phases.isEmpty ? Self.defaultPhases : phases
    }

    public var first: String { phases[0] }
    public var exit: String { phases[phases.count - 1] }

    public func contains(_ phase: String) -> Bool { phases.contains(phase) }

    /// Why a move from one phase to another is refused, or nil when it is allowed.
    /// Moving back is allowed (a path is not a conveyor belt); moving out of the exit is not:
    /// re-entering means a new start date, which the enrolment records.
    public func refusal(from current: String, to next: String) -> PhaseRefusal? {
        guard contains(next) else { return .unknownPhase }
        if current == next { return .samePhase }
        if current == exit { return .alreadyExited }
        return nil
    }

    public var lines: String { phases.joined(separator: "\n") }
}

public enum PhaseRefusal: String, Sendable, Equatable {
    case unknownPhase = "phase.unknown"
    case samePhase = "phase.same"
    case alreadyExited = "phase.exited"
}
