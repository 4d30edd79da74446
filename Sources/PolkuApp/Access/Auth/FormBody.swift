import NIOCore
import Vapor

/// The fields of a url-encoded form body, parsed once per request (issue 11). The CSRF check, the
/// double-submit check and the handler each read the body; each parsed it again through Foundation
/// (`replacingOccurrences`, `removingPercentEncoding`, both bridged through `NSString`), which was a
/// quarter of an attendance save's CPU.
enum FormBody {
    /// `name=value` pairs in order, `+` as a space and `%XX` decoded. A pair whose escapes are broken
    /// or do not make UTF-8 is kept as sent (as `removingPercentEncoding` left it); a pair without a
    /// name is dropped.
    static func pairs(_ body: some Collection<UInt8>) -> [(String, String)] {
        var out: [(String, String)] = []
        var start = body.startIndex
        while start != body.endIndex {
            let end = body[start...].firstIndex(of: UInt8(ascii: "&")) ?? body.endIndex
            let pair = body[start..<end]
            start = end == body.endIndex ? end : body.index(after: end)
            guard !pair.isEmpty else { continue }
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = decode(pair[..<(equals ?? pair.endIndex)])
            guard !name.isEmpty else { continue }
            out.append((name, equals.map { decode(pair[pair.index(after: $0)...]) } ?? ""))
        }
        return out
    }

    /// One name or value: `+` is a space, `%XX` a byte.
    static func decode(_ part: some Collection<UInt8>) -> String {
        let raw = String(decoding: part, as: UTF8.self)
        guard part.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return raw }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.count)
        var i = part.startIndex
        while i != part.endIndex {
            let byte = part[i]
            i = part.index(after: i)
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard i != part.endIndex, let high = hex(part[i]) else { return raw }
                let next = part.index(after: i)
                guard next != part.endIndex, let low = hex(part[next]) else { return raw }
                bytes.append(high << 4 | low)
                i = part.index(after: next)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? raw
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Request {
    private struct FormPairs: StorageKey { typealias Value = [(String, String)] }

    /// The url-encoded body's fields in order (none for another kind of body, or one not yet
    /// collected), parsed on first use and kept for the rest of the request.
    var formPairs: [(String, String)] {
        guard headers.contentType == .urlEncodedForm, let buffer = body.data else { return [] }
        if let pairs = storage[FormPairs.self] { return pairs }
        let pairs = buffer.withUnsafeReadableBytes { FormBody.pairs($0) }
        storage[FormPairs.self] = pairs
        return pairs
    }

    /// The url-encoded body as a dictionary (a name sent twice keeps its last value), for handlers
    /// that read flat fields.
    var formFields: [String: String] {
        Dictionary(formPairs, uniquingKeysWith: { _, last in last })
    }
}

extension Request {
    private struct ParsedCookies: StorageKey { typealias Value = HTTPCookies }

    /// The request's cookies, parsed once: Vapor's `cookies` parses the header at every use, and the
    /// language, the flash message and the replica's freshness each read one (3 % of a list view).
    var sentCookies: HTTPCookies {
        if let cookies = storage[ParsedCookies.self] { return cookies }
        let cookies = self.cookies
        storage[ParsedCookies.self] = cookies
        return cookies
    }
}
