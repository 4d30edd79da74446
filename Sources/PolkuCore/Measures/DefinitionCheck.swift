import Foundation

/// Why a definition file cannot be used, with where in the file the problem is. A bad file is refused
/// as a whole; nothing of it is stored.
public struct DefinitionProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
    public init(path: String, message: String) { self.path = path; self.message = message }
}

/// A refused definition: every problem found, not only the first.
public struct DefinitionProblems: Error, Sendable, Equatable {
    public var problems: [DefinitionProblem]
    public init(problems: [DefinitionProblem]) { self.problems = problems }
}

public enum DefinitionCheck {
    /// Reads a definition from JSON: the JSON must decode and then pass `problems(_:)`.
    public static func load(_ data: Data) -> Result<InstrumentDefinition, DefinitionProblems> {
        let definition: InstrumentDefinition
        do {
            definition = try JSONDecoder().decode(InstrumentDefinition.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(DefinitionProblems(problems: [DefinitionProblem(path: path(context.codingPath + [key]), message: "required field is missing")]))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return .failure(DefinitionProblems(problems: [DefinitionProblem(path: path(context.codingPath), message: "wrong type: \(context.debugDescription)")]))
        } catch let DecodingError.dataCorrupted(context) {
            return .failure(
                DefinitionProblems(problems: [DefinitionProblem(path: path(context.codingPath), message: context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription)])
            )
        } catch {
            return .failure(DefinitionProblems(problems: [DefinitionProblem(path: "", message: "not valid JSON")]))
        }
        let unknown = unknownKeys(data)
        let problems = unknown + problems(definition)
        return problems.isEmpty ? .success(definition) : .failure(DefinitionProblems(problems: problems))
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// A misspelt field ("reversed" for "reverse") would silently change a score: refuse unknown fields.
    static func unknownKeys(_ data: Data) -> [DefinitionProblem] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var out: [DefinitionProblem] = []
        func check(_ object: Any?, _ allowed: Set<String>, _ at: String) {
            guard let dict = object as? [String: Any] else { return }
            for key in dict.keys.sorted() where !allowed.contains(key) {
                out.append(DefinitionProblem(path: at.isEmpty ? key : "\(at).\(key)", message: "unknown field"))
            }
        }
        let text: Set<String> = ["fi", "sv", "en"]
        check(root, ["$schema", "key", "version", "name", "description", "health", "licence", "scales", "domains", "items", "scoring", "bands", "change"], "")
        check(root["licence"], ["kind", "notice", "source"], "licence")
        for (id, scale) in (root["scales"] as? [String: Any] ?? [:]) { check(scale, ["min", "max", "step", "unit", "labels"], "scales.\(id)") }
        for (i, d) in (root["domains"] as? [Any] ?? []).enumerated() { check(d, ["id", "name"], "domains[\(i)]") }
        for (i, item) in (root["items"] as? [Any] ?? []).enumerated() {
            check(item, ["id", "text", "domain", "scale", "reverse", "better"], "items[\(i)]")
            check((item as? [String: Any])?["text"], text, "items[\(i)].text")
        }
        check(root["scoring"], ["method", "rescale", "domainScores", "missing"], "scoring")
        check((root["scoring"] as? [String: Any])?["missing"], ["maxMissing", "impute"], "scoring.missing")
        for (i, b) in (root["bands"] as? [Any] ?? []).enumerated() { check(b, ["id", "on", "below", "level", "label"], "bands[\(i)]") }
        check(root["change"], ["on", "meaningful", "source"], "change")
        check(root["name"], text, "name")
        return out
    }

    /// What is wrong with a decoded definition; empty when it can be used.
    public static func problems(_ d: InstrumentDefinition) -> [DefinitionProblem] {
        var out: [DefinitionProblem] = []
        func add(_ path: String, _ message: String) { out.append(DefinitionProblem(path: path, message: message)) }
        if d.key.range(of: "^[a-z][a-z0-9_-]{1,40}$", options: .regularExpression) == nil { add("key", "use 2–41 lower-case letters, digits, - or _, starting with a letter") }
        if d.version < 1 { add("version", "must be 1 or more") }
        if d.name.fi.trimmingCharacters(in: .whitespaces).isEmpty { add("name.fi", "a Finnish name is required") }
        if d.licence.notice.fi.isEmpty { add("licence.notice.fi", "say whose the instrument is and on what terms it is used") }
        if d.items.isEmpty { add("items", "at least one item is required") }
        if d.items.count > 500 { add("items", "at most 500 items") }
        for (id, s) in d.scales {
            if !(s.min < s.max) { add("scales.\(id)", "min must be below max") }
            if let step = s.step, !(step > 0) { add("scales.\(id).step", "must be above 0") }
            if !s.min.isFinite || !s.max.isFinite { add("scales.\(id)", "min and max must be numbers") }
            for value in (s.labels ?? [:]).keys where Double(value).map({ $0 < s.min || $0 > s.max }) ?? true {
                add("scales.\(id).labels.\(value)", "a label for a value outside the scale")
            }
        }
        var seenDomains = Set<String>()
        for (i, dm) in d.domains.enumerated() where !seenDomains.insert(dm.id).inserted { add("domains[\(i)].id", "\"\(dm.id)\" appears twice") }
        var seenItems = Set<String>()
        for (i, item) in d.items.enumerated() {
            if !seenItems.insert(item.id).inserted { add("items[\(i)].id", "\"\(item.id)\" appears twice") }
            if item.id.range(of: "^[A-Za-z0-9_.-]{1,40}$", options: .regularExpression) == nil { add("items[\(i)].id", "1–40 letters, digits, _, . or -") }
            if d.scales[item.scale] == nil { add("items[\(i)].scale", "no scale \"\(item.scale)\"") }
            if let dm = item.domain, !seenDomains.contains(dm) { add("items[\(i)].domain", "no domain \"\(dm)\"") }
            if d.licence.kind == .bundled && item.text == nil { add("items[\(i)].text", "a bundled instrument carries its item texts") }
            if d.scoring.method == .measurements && d.scales[item.scale]?.unit == nil { add("items[\(i)].scale", "a measurement needs a unit") }
        }
        if d.scoring.domainScores != nil && d.items.contains(where: { $0.domain == nil }) { add("scoring.domainScores", "every item needs a domain") }
        if d.scoring.missing.maxMissing < 0
            || d.scoring.missing.maxMissing >= max(1, d.items.count) && d.scoring.method != .goals
                && d.scoring.method != .measurements && d.scoring.method != .entered && d.scoring.method != .profile
        {
            add("scoring.missing.maxMissing", "must be 0 or more and below the number of items")
        }
        if let r = d.scoring.rescale {
            if !(r.min < r.max) { add("scoring.rescale", "min must be below max") }
            if !d.hasTotal { add("scoring.rescale", "only a score with a total can be rescaled") }
        }
        if d.scoring.method == .goals && d.items.count != 1 { add("items", "a goal scale has one item: the rating each goal gets") }
        for (i, b) in (d.bands ?? []).enumerated() {
            if b.on == .scaled && d.scoring.rescale == nil { add("bands[\(i)].on", "no rescaled score to band") }
            if b.on == .total && !d.hasTotal { add("bands[\(i)].on", "this instrument has no total") }
        }
        if let bands = d.bands, bands.last?.below != nil { add("bands", "the last band must have no \"below\" so that every score has a band") }
        if let c = d.change {
            if c.on == .scaled && d.scoring.rescale == nil { add("change.on", "no rescaled score") }
            if !(c.meaningful > 0) { add("change.meaningful", "must be above 0") }
        }
        return out
    }
}
