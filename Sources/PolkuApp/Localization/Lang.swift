import PolkuCore
import Vapor

/// The languages of the UI: Finnish first, Swedish and English beside it.
public enum Lang: String, CaseIterable, Sendable {
    case fi, sv, en

    var nativeName: String {
        switch self {
        case .fi: "suomi"
        case .sv: "svenska"
        case .en: "English"
        }
    }
}

/// Looks up UI text. A missing Swedish text falls back to Finnish, then English, so the
/// mechanism takes Swedish as soon as its strings are written.
package struct Texts: Sendable {
    let lang: Lang

    func callAsFunction(_ key: String) -> String {
        guard let entry = Catalog.entries[key] else { return key }
        switch lang {
        case .fi: return entry.fi
        case .en: return entry.en
        case .sv: return entry.sv ?? entry.fi
        }
    }

    /// Text with `{0}`, `{1}` … replaced.
    func callAsFunction(_ key: String, _ args: any CustomStringConvertible...) -> String {
        Placeholders.fill(self(key), args.map(\.description))
    }

    func date(_ iso: String?) -> String {
        guard let iso, let d = CalendarDateFormatter.parse(iso) else { return iso ?? "" }
        return lang == .en ? d.iso : d.finnish
    }

    func dateTime(_ date: Date?) -> String {
        guard let date else { return "" }
        if let local = HelsinkiTime(date) { return lang == .en ? local.iso : local.finnish }
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Europe/Helsinki")
        f.locale = Locale(identifier: lang == .en ? "en_GB" : "fi_FI")
        f.dateFormat = lang == .en ? "yyyy-MM-dd HH:mm" : "d.M.yyyy 'klo' HH.mm"
        return f.string(from: date)
    }

    /// A file's size as people read it: "830 kt", "2,4 Mt" (English "830 kB", "2.4 MB").
    func bytes(_ count: Int) -> String {
        let (value, unit) = count < 1_048_576 ? (Double(count) / 1024, lang == .en ? "kB" : "kt") : (Double(count) / 1_048_576, lang == .en ? "MB" : "Mt")
        let rounded = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
        var text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        if lang != .en { text = text.replacingOccurrences(of: ".", with: ",") }
        return text + "\u{00A0}" + unit
    }

    func euros(_ value: Int?) -> String {
        guard let value else { return "–" }
        var digits = String(abs(value))
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: "\u{00A0}") + "\u{00A0}€"
    }
}

struct Translation: Sendable {
    let fi: String
    let en: String
    let sv: String?
}

extension Request {
    private struct LangKey: StorageKey { typealias Value = Lang }
    var lang: Lang {
        get { storage[LangKey.self] ?? .fi }
        set { storage[LangKey.self] = newValue }
    }
    var t: Texts { Texts(lang: lang) }
}

/// Chooses the language: the `polku_lang` cookie set by the language switch, else Finnish.
/// The browser's Accept-Language is not followed: Finnish public services open in Finnish and offer
/// the switch on every page (a shared workshop computer's browser language says little about its user).
struct LanguageMiddleware: AsyncMiddleware {
    static let cookie = "polku_lang"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let code = req.sentCookies[Self.cookie]?.string, let lang = Lang(rawValue: code) {
            req.lang = lang
        }
        return try await next.respond(to: req)
    }
}

extension Lang {
    /// The language an API client asks for in `Accept-Language` (RFC 9110 12.5.4): the highest
    /// weighted of fi, sv and en; nil when it names none of them. Pages keep the cookie (see above).
    static func preferred(_ header: String) -> Lang? {
        var best: (lang: Lang, q: Double)? = nil
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let lang = Lang(rawValue: String(tag.lowercased().prefix(2))) else { continue }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if q > 0, q > (best?.q ?? 0) { best = (lang, q) }
        }
        return best?.lang
    }
}
