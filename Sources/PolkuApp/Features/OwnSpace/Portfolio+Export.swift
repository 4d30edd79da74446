import Foundation
import PolkuCore
import SQLKit
import Vapor
import ZIPFoundation

extension Portfolio {
    /// The whole portfolio to keep: `portfolio.html`, a page that opens without Polku, and every
    /// file under `tiedostot/`. The ZIP is made in a temporary file a part at a time (a portfolio
    /// holds up to 50 MB) and streamed out, then removed.
    @Sendable static func export(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let sql = req.db.sql
        let entries = try await entries(of: pid, on: sql)
        struct Name: Decodable { let first_name: String; let last_name: String }
        let person = try await sql.raw("SELECT first_name, last_name FROM participants WHERE id = \(bind: pid)").first(decoding: Name.self)
        // Temporary names only: random, so two exports (or two test apps counting ids) never share one.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("polku-portfolio-\(UUID().text)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("tiedostot"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let zipURL = FileManager.default.temporaryDirectory.appendingPathComponent("polku-portfolio-\(UUID().text).zip")
        var paths: [UUID: String] = [:]
        let archive = try Archive(url: zipURL, accessMode: .create)
        for (n, e) in entries.enumerated() {
            guard let fileID = e.file_id, let info = try await StoredFiles.info(fileID, on: sql) else { continue }
            let path = "tiedostot/" + String(format: "%02d-", n + 1) + safeName(info.name)
            FileManager.default.createFile(atPath: work.appendingPathComponent(path).path, contents: nil)
            let handle = try FileHandle(forWritingTo: work.appendingPathComponent(path))
            for part in 0..<info.part_count {
                guard let data = try await StoredFiles.part(part, of: fileID, on: sql) else { break }
                try handle.write(contentsOf: data)
            }
            try handle.close()
            try archive.addEntry(with: path, relativeTo: work, compressionMethod: e.isImage ? .none : .deflate)
            paths[e.id] = path
        }
        let t = req.t
        let name = person.map { "\($0.first_name) \($0.last_name)" } ?? ""
        let page = PersonExportDocument.standalone(
            title: t("portfolio.export.title", name), lang: req.lang,
            body: h("body") {
                h("h1") { t("portfolio.export.title", name) }
                h("p") { t("portfolio.export.intro", t.dateTime(req.now)) }
                for e in entries {
                    h("section") {
                        h("h2") { e.title }
                        content(e, t: t, fileURL: paths[e.id] ?? "")
                        h("p") { h("small") { t("portfolio.export.added", t.dateTime(e.created_at)) } }
                    }
                }
            })
        let bytes = Data(page.utf8)
        try archive.addEntry(with: "portfolio.html", type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
        try await req.audit.record(.export, participant: pid, detail: "own portfolio zip")
        let res = try await req.fileio.asyncStreamFile(at: zipURL.path) { _ in try? FileManager.default.removeItem(at: zipURL) }
        res.headers.replaceOrAdd(name: .contentType, value: "application/zip")
        res.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment("portfolio-\(req.today.iso).zip"))
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    /// A file's name inside the ZIP: letters, digits and `.-_` only, so every system unpacks it.
    static func safeName(_ name: String) -> String {
        let kept = name.unicodeScalars.map { s -> Character in
            (s.properties.isAlphabetic || ("0"..."9").contains(s) || ".-_".unicodeScalars.contains(s)) ? Character(s) : "_"
        }
        let text = String(kept.prefix(80))
        return text.isEmpty || text.hasPrefix(".") ? "tiedosto" + text : text
    }
}
