import Foundation
@testable import PolkuApp
import Testing

/// The catalogs against the code that uses them: every key the code names exists, every key is
/// used, every line has its three languages, no key is written twice.
@Suite struct CatalogTests {
    static let sources: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every string literal in the app's and the rules' Swift files that has the shape of a key; the
    /// literal beginnings of keys built at run time (`"gender." + …`, `"esf.field.\(…)"`); and enum raw
    /// values (`case common = "password.common"`), which may or may not be shown through the catalog.
    static func literals() throws -> (keys: Set<String>, prefixes: Set<String>, rawValues: Set<String>) {
        var keys = Set<String>(), prefixes = Set<String>(), rawValues = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50, "the app's sources were found at \(sources.path)")
        let literal = try Regex(#""([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\.?)(\\\(|"|:)"#)
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let rawValue = line.trimmingCharacters(in: .whitespaces).hasPrefix("case ") && line.contains(" = \"")
                for match in line.matches(of: literal) {
                    let body = String(match.output[1].substring ?? "")
                    let interpolated = match.output[2].substring == "\\("
                    if body.hasSuffix(".") || (interpolated && body.contains(".")) {
                        prefixes.insert(body)
                    } else if !interpolated && body.contains(".") {
                        if rawValue { rawValues.insert(body) } else { keys.insert(body) }
                    }
                }
            }
        }
        return (keys, prefixes, rawValues)
    }

    @Test func everyLineHasItsThreeLanguages() {
        #expect(Catalog.files.count >= 10, "one catalog per feature")
        for line in Catalog.lines {
            #expect(line.texts.count == 3, "\(line.file):\(line.number) \(line.key): key | suomi | English | svenska")
            #expect(line.texts.allSatisfy { !$0.isEmpty }, "\(line.file):\(line.number) \(line.key) has an empty language")
        }
    }

    @Test func noKeyIsWrittenTwice() {
        let byKey = Dictionary(grouping: Catalog.lines, by: \.key).filter { $0.value.count > 1 }
        #expect(byKey.isEmpty, "\(byKey.map { "\($0.key) in " + $0.value.map { "\($0.file):\($0.number)" }.joined(separator: ", ") })")
    }

    @Test func everyKeyTheCodeNamesExists() throws {
        let known = Set(Catalog.lines.map(\.key))
        let prefixesOfKeys = Set(known.compactMap { $0.split(separator: ".").first.map(String.init) })
        // A literal is a key if it starts like one (`participant.…`); other dotted literals (file names,
        // storage keys) start otherwise.
        // A literal that begins keys (`"errorpage.404"` + `".title"`) is not missing either; file names
        // in paths (`"report.csv"`) are not keys.
        let files: Set<Substring> = ["csv", "xlsx", "json", "ics", "txt", "css", "js", "html", "zip"]
        let missing = try Self.literals().keys.filter { k in
            !files.contains(k.split(separator: ".").last ?? "") && prefixesOfKeys.contains(String(k.split(separator: ".")[0])) && !known.contains(k)
                && !known.contains { $0.hasPrefix(k + ".") }
        }
        #expect(missing.isEmpty, "named in code, in no catalog: \(missing.sorted())")
    }

    @Test func everyKeyIsUsed() throws {
        let (keys, prefixes, rawValues) = try Self.literals()
        let used = keys.union(rawValues)
        let unused = Catalog.lines.map(\.key).filter { k in
            !used.contains(k) && !prefixes.contains { k.hasPrefix($0) } && !used.contains { k.hasPrefix($0 + ".") }
        }
        #expect(unused.isEmpty, "in a catalog, used by no code: \(unused.sorted())")
    }
}
