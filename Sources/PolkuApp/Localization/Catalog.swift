import Foundation

/// The UI's words, one catalog per feature: `Features/<F>/<F>.strings.txt`, and the words every page
/// shares in `Localization/Shared.strings.txt`. One line per key, `key | suomi | English | svenska`;
/// `#` starts a comment. Kept as text so that translators can edit them without Swift.
/// `CatalogTests` fails on a key the code uses that no file has, a key no code uses, an empty
/// language, a malformed line and a key written twice.
enum Catalog {
    struct Line: Sendable {
        let key: String
        /// The texts after the key: Finnish, English, Swedish.
        let texts: [String]
        let file: String
        let number: Int
        var translation: Translation {
            Translation(fi: texts.first ?? key, en: texts.count > 1 ? texts[1] : key, sv: texts.count > 2 && !texts[2].isEmpty ? texts[2] : nil)
        }
    }

    static let entries: [String: Translation] = {
        var result: [String: Translation] = [:]
        for line in lines where result[line.key] == nil { result[line.key] = line.translation }
        return result
    }()

    /// Every line of every catalog shipped with the app, in file order.
    static let lines: [Line] = files.flatMap { url in
        parse((try? String(contentsOf: url, encoding: .utf8)) ?? "", file: url.lastPathComponent)
    }

    static var files: [URL] {
        guard let folder = Bundle.module.resourceURL,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".strings.txt") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func parse(_ text: String, file: String) -> [Line] {
        var out: [Line] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let cols = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            out.append(Line(key: cols[0], texts: Array(cols.dropFirst()), file: file, number: i + 1))
        }
        return out
    }
}
