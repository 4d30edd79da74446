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
