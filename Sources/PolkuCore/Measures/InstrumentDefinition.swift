import Foundation

/// An assessment instrument as data: items, scales, domains, scoring, interpretation bands and its
/// licence. Definitions live as JSON files (`Instruments/*.json`, format in
/// `docs/instrument.schema.json`) or are uploaded by a deployment's admin; once an instrument has
/// answers it is never changed in place (a new version is made).
public struct InstrumentDefinition: Codable, Sendable, Equatable {
    public var key: String
    public var version: Int
    public var name: LocalizedText
    public var description: LocalizedText?
    /// Health data: shown only to health professionals and the participant.
    public var health: Bool
    public var licence: Licence
    public var scales: [String: Scale]
    public var domains: [Domain]
    public var items: [Item]
    public var scoring: Scoring
    public var bands: [Band]?
    public var change: ChangeRule?

    public struct Licence: Codable, Sendable, Equatable {
        /// Where the item texts come from.
        public enum Kind: String, Codable, Sendable { case bundled, deployment, external }
        public var kind: Kind
        public var notice: LocalizedText
        public var source: String
    }

    public struct Scale: Codable, Sendable, Equatable {
        public var min: Double
        public var max: Double
        /// 1 for whole numbers, 0.1 for one decimal; answers must fall on a step from `min`.
        public var step: Double?
        public var unit: String?
        /// Labels of some or all values, keyed by the value as written ("0", "5").
        public var labels: [String: LocalizedText]?
    }

    public struct Domain: Codable, Sendable, Equatable {
        public var id: String
        public var name: LocalizedText
    }

    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        /// Absent when the texts are licensed and not supplied: the form then shows the item code and domain.
        public var text: LocalizedText?
        public var domain: String?
        public var scale: String
        public var reverse: Bool?
        /// For measurements: whether a bigger number is better (grip strength) or worse (a walking time).
        public var better: Better?
    }

    public enum Better: String, Codable, Sendable { case higher, lower }

    public struct Scoring: Codable, Sendable, Equatable {
        public enum Method: String, Codable, Sendable {
            /// Sum of the items (reverse items mirrored on their scale).
            case sum
            /// Mean of the answered items.
            case mean
            /// Each item is its own score; no total (a life-situation profile).
            case profile
            /// Scores typed in from an external service; each item is a score, no total.
            case entered
            /// Numbers with units; no total.
            case measurements
            /// The participant's own goals, each rated on the scale; the mean is the total.
            case goals
        }
        public var method: Method
        /// Linear rescaling of the total to 0–100: (total − min) ÷ (max − min) × 100.
        public var rescale: Rescale?
        public var domainScores: DomainScores?
        public var missing: Missing

        public struct Rescale: Codable, Sendable, Equatable { public var min: Double; public var max: Double }
        public enum DomainScores: String, Codable, Sendable { case sum, mean }
        public struct Missing: Codable, Sendable, Equatable {
            /// How many items may be left unanswered with a score still given.
            public var maxMissing: Int
            /// For `sum`: a missing item takes the mean of the answered ones (so the range stays the same).
            public var impute: Bool?
            public init(maxMissing: Int, impute: Bool? = nil) { self.maxMissing = maxMissing; self.impute = impute }
        }
    }

    /// An interpretation band: the first whose `below` the score is under (or that has no `below`).
    public struct Band: Codable, Sendable, Equatable {
        public enum On: String, Codable, Sendable { case total, scaled }
        public var id: String
        public var on: On
        public var below: Double?
        public var level: Level
        public var label: LocalizedText
        public enum Level: String, Codable, Sendable { case red, amber, green, neutral }
    }

    /// A change at least this big between two times is meaningful (WHO-5: 10 points on 0–100).
    public struct ChangeRule: Codable, Sendable, Equatable {
        public var on: Band.On
        public var meaningful: Double
        public var source: String?
    }

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }
    public func scale(of item: Item) -> Scale? { scales[item.scale] }
    public var hasTotal: Bool { [.sum, .mean, .goals].contains(scoring.method) }

    /// Whether a participant can fill this in by themself: it asks questions a person answers
    /// (not scores from an external service or measurements a professional takes), and every item
    /// has its text (a licensed instrument without its texts shows only codes).
    public var selfReportable: Bool {
        licence.kind != .external && ![.entered, .measurements].contains(scoring.method) && items.allSatisfy { $0.text != nil }
    }
}

/// Text in Finnish, and optionally Swedish and English; Finnish is the fallback.
public struct LocalizedText: Codable, Sendable, Equatable {
    public var fi: String
    public var sv: String?
    public var en: String?
    public init(fi: String, sv: String? = nil, en: String? = nil) { self.fi = fi; self.sv = sv; self.en = en }
    public func text(_ lang: String) -> String {
        switch lang {
        case "sv": sv ?? fi
        case "en": en ?? fi
        default: fi
        }
    }
}
