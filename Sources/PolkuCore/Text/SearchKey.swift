/// The form of a name that search compares against: lower-cased, single-spaced.
/// Diacritics are kept, because å, ä and ö are letters of their own in Finnish and Swedish.
public enum SearchKey {
    public static func make(_ parts: String...) -> String { make(parts) }

    public static func make(_ parts: [String]) -> String {
        parts.joined(separator: " ")
            .lowercased()
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}

extension SearchKey {
    /// The distinct three-character pieces of a key, in the order they first occur. Characters are
    /// Unicode scalars, as SQLite's `substr` counts them, so that these are the pieces SQLite's name
    /// index holds for the same text (a decomposed "ä" is two characters to both).
    public static func grams(_ key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 3 else { return [] }
        var seen = Set<[Unicode.Scalar]>(), out: [String] = []
        for start in 0...(scalars.count - 3) {
            let piece = Array(scalars[start..<(start + 3)])
            guard seen.insert(piece).inserted else { continue }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: piece)
            out.append(String(text))
        }
        return out
    }
}
