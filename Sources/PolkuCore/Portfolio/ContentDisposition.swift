/// The `Content-Disposition` of a download named by a person (RFC 6266 with RFC 8187's `filename*`):
/// "Työhakemus ä.pdf" keeps its name in every browser, and no name can end the header's quotes or
/// add a header of its own.
public enum ContentDisposition {
    public static func attachment(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).trimmingSpaces()
        let safe = cleaned.isEmpty ? "tiedosto" : String(cleaned.prefix(200))
        let fallback = String(
            safe.unicodeScalars.map { s -> Character in
                s.isASCII && s != "\"" && s != "\\" && s != "%" && s != ";" ? Character(s) : "_"
            })
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(percentEncoded(safe))"
    }

    /// RFC 8187's attr-char kept, every other byte as %XX.
    static func percentEncoded(_ text: String) -> String {
        let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            if kept.contains(byte) { out.append(byte) } else { out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
