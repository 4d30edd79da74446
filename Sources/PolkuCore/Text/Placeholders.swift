/// `{0}`, `{1}` … in a UI text replaced by values, in one pass. Foundation's
/// `replacingOccurrences` goes through NSString on Linux and was a visible share of a page's
/// rendering (issue 11). A placeholder without a value, or any other brace, is kept as written.
public enum Placeholders {
    public static func fill(_ template: String, _ values: [String]) -> String {
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + values.reduce(0) { $0 + $1.utf8.count })
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
                let n = Int(rest[afterOpen..<close]), n >= 0, n < values.count, String(n) == rest[afterOpen..<close]
            {
                out += values[n]
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }
}
