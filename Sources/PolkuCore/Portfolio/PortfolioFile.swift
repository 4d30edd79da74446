/// Which files a participant may keep in their portfolio (issue 15), decided from the name's ending
/// and the file's first bytes together: a file named `cv.pdf` must start as a PDF does. Only types
/// that a browser never runs are allowed (no HTML, no SVG), and every file is served as an
/// attachment with its type from this table, so a file cannot pose as a page of Polku.
public enum PortfolioFile {
    /// Per file; a portfolio holds at most `maxTotalBytes` of files.
    public static let maxBytes = 10 * 1024 * 1024
    public static let maxTotalBytes = 50 * 1024 * 1024

    public struct Kind: Equatable, Sendable {
        public let ending: String
        public let contentType: String
        /// Shown as a picture on the portfolio page.
        public let isImage: Bool
    }

    public enum Problem: Error, Equatable {
        case empty
        case tooLarge(max: Int)
        case portfolioFull(max: Int)
        /// The name's ending is not one of the allowed types.
        case typeNotAllowed(ending: String)
        /// The bytes are not what the name says (a page renamed `photo.png`).
        case contentMismatch(ending: String)
    }

    private static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let office = "application/vnd.openxmlformats-officedocument."
    private static let open = "application/vnd.oasis.opendocument."

    /// Allowed endings, their type and how their bytes begin (nil: plain text, checked apart).
    static let table: [String: (type: String, image: Bool, magic: [[UInt8]]?)] = [
        "pdf": ("application/pdf", false, [Array("%PDF-".utf8)]),
        "png": ("image/png", true, [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        "jpg": ("image/jpeg", true, [[0xFF, 0xD8, 0xFF]]),
        "jpeg": ("image/jpeg", true, [[0xFF, 0xD8, 0xFF]]),
        "gif": ("image/gif", true, [Array("GIF87a".utf8), Array("GIF89a".utf8)]),
        "webp": ("image/webp", true, [Array("RIFF".utf8)]),
        "docx": (office + "wordprocessingml.document", false, [zip]),
        "xlsx": (office + "spreadsheetml.sheet", false, [zip]),
        "pptx": (office + "presentationml.presentation", false, [zip]),
        "odt": (open + "text", false, [zip]),
        "ods": (open + "spreadsheet", false, [zip]),
        "odp": (open + "presentation", false, [zip]),
        "txt": ("text/plain; charset=utf-8", false, nil),
    ]

    /// The endings allowed, for the form's `accept` and its hint.
    public static var endings: [String] { table.keys.sorted() }

    /// The file's kind, or why it is refused. `head` is the file's first bytes (up to 512 are
    /// looked at); `usedBytes` what the portfolio holds already.
    public static func check(name: String, size: Int, head: [UInt8], usedBytes: Int = 0) -> Result<Kind, Problem> {
        guard size > 0 else { return .failure(.empty) }
        guard size <= maxBytes else { return .failure(.tooLarge(max: maxBytes)) }
        guard usedBytes + size <= maxTotalBytes else { return .failure(.portfolioFull(max: maxTotalBytes)) }
        let ending = Self.ending(of: name)
        guard let entry = table[ending] else { return .failure(.typeNotAllowed(ending: ending)) }
        let start = Array(head.prefix(512))
        if let magic = entry.magic {
            guard magic.contains(where: { start.starts(with: $0) }) else { return .failure(.contentMismatch(ending: ending)) }
            if ending == "webp" && !(start.count >= 12 && Array(start[8..<12]) == Array("WEBP".utf8)) {
                return .failure(.contentMismatch(ending: ending))
            }
        } else if start.contains(0) || looksLikeMarkup(start) {
            // Text must be text, and not a page a browser would run if it ever sniffed it.
            return .failure(.contentMismatch(ending: ending))
        }
        return .success(Kind(ending: ending, contentType: entry.type, isImage: entry.image))
    }

    /// The ending in lower case without the dot; "" when the name has none.
    public static func ending(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    private static func looksLikeMarkup(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{feff}" }
        return ["<!doctype", "<html", "<script", "<svg", "<?xml"].contains { trimmed.hasPrefix($0) }
    }
}
