/// Answers stored as `id=value;id=value` (ids never contain `=` or `;`): reading 100,000 stored
/// assessments for a report is then a split, not a JSON parse.
public enum AnswerCoding {
    public static func encode(_ values: [String: Double]) -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\(format($0.value))" }.joined(separator: ";")
    }

    public static func decode(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for pair in text.split(separator: ";") {
            guard let eq = pair.firstIndex(of: "="), let v = Double(pair[pair.index(after: eq)...]) else { continue }
            out[String(pair[..<eq])] = v
        }
        return out
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
