import Foundation

extension UUID {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The same text as `uuidString` (upper case, 8-4-4-4-12). Foundation on Linux formats it with
    /// `snprintf`, which was 6 % of a list request's CPU under load (issue 11): every row's link and
    /// every id bound on SQLite is one.
    public var text: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var i = 0
                for (k, b) in bytes.enumerated() {
                    if k == 4 || k == 6 || k == 8 || k == 10 { out[i] = 0x2D; i += 1 }
                    out[i] = Self.hexDigits[Int(b >> 4)]
                    out[i + 1] = Self.hexDigits[Int(b & 0x0F)]
                    i += 2
                }
                return i
            }
        }
    }
}

extension UUID {
    /// A version 7 UUID (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest
    /// random. Audit events are written many at a time (issue 11); with random ids each event
    /// dirtied its own page of the id index, so a list view of 25 people wrote ~90 pages to SQLite's
    /// WAL. Time-ordered ids land at the end of the index, a few pages per batch.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var random: (UInt64, UInt16) = (0, 0)
        withUnsafeMutableBytes(of: &random) { RandomBytes.system(UnsafeMutableRawBufferPointer(rebasing: $0[0..<randomBytes])) }
        return withUnsafeBytes(of: &random) { make(milliseconds: milliseconds(date), random: UnsafeRawBufferPointer(rebasing: $0[0..<randomBytes])) }
    }

    /// `count` version 7 UUIDs at `date`, their random bits drawn by one call of `fill`: a list view
    /// writes an event per person shown, and the system's generator is a system call per draw
    /// (`getrandom`; two per id were 2 % of a list's CPU under load).
    public static func timeOrdered(count: Int, at date: Date, fill: (UnsafeMutableRawBufferPointer) -> Void = RandomBytes.system) -> [UUID] {
        guard count > 0 else { return [] }
        let ms = milliseconds(date)
        var random = [UInt8](repeating: 0, count: count * randomBytes)
        random.withUnsafeMutableBytes { fill($0) }
        return random.withUnsafeBytes { bytes in
            (0..<count).map { make(milliseconds: ms, random: UnsafeRawBufferPointer(rebasing: bytes[$0 * randomBytes..<($0 + 1) * randomBytes])) }
        }
    }

    /// The random bits of one id: 4 of the first byte's, then 8, 6 of the third's, then 56.
    private static let randomBytes = 10

    private static func milliseconds(_ date: Date) -> UInt64 { UInt64(max(0, date.timeIntervalSince1970 * 1000)) }

    private static func make(milliseconds ms: UInt64, random r: UnsafeRawBufferPointer) -> UUID {
        UUID(
            uuid: (
                UInt8(truncatingIfNeeded: ms >> 40), UInt8(truncatingIfNeeded: ms >> 32), UInt8(truncatingIfNeeded: ms >> 24),
                UInt8(truncatingIfNeeded: ms >> 16), UInt8(truncatingIfNeeded: ms >> 8), UInt8(truncatingIfNeeded: ms),
                0x70 | (r[0] & 0x0F), r[1], 0x80 | (r[2] & 0x3F), r[3], r[4], r[5], r[6], r[7], r[8], r[9]
            ))
    }
}

/// Bytes from the operating system's generator, as `SystemRandomNumberGenerator` draws them, but
/// up to 256 in one system call (`getentropy`'s most) instead of eight.
public enum RandomBytes {
    public static func system(_ buffer: UnsafeMutableRawBufferPointer) {
        var done = 0
        while done < buffer.count {
            let n = min(256, buffer.count - done)
            // It fails only for more than 256 bytes or a bad address; `SystemRandomNumberGenerator`
            // stops the process when its own draw fails, too.
            guard getentropy(buffer.baseAddress! + done, n) == 0 else { fatalError("getentropy failed: \(errno)") }
            done += n
        }
    }
}

extension UUID {
    /// Parses the 8-4-4-4-12 text (either case) as `UUID(uuidString:)` does, without Foundation's
    /// C parser and without allocating: SQLite keeps ids as text, a report reads two of them per
    /// attendance row, and every hot page reads dozens.
    public init?(text: some StringProtocol) {
        guard let parsed = text.utf8.withContiguousStorageIfAvailable(Self.parse) ?? Self.parse(Array(text.utf8)) else { return nil }
        self = parsed
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36, bytes[8] == 0x2D, bytes[13] == 0x2D, bytes[18] == 0x2D, bytes[23] == 0x2D else { return nil }
        var out: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &out) { target -> Bool in
            var i = 0
            for k in 0..<16 {
                if i == 8 || i == 13 || i == 18 || i == 23 { i += 1 }
                guard let high = nibble(bytes[i]), let low = nibble(bytes[i + 1]) else { return false }
                target[k] = high << 4 | low
                i += 2
            }
            return true
        }
        return ok ? UUID(uuid: out) : nil
    }

    private static func parse(_ bytes: [UInt8]) -> UUID? { bytes.withUnsafeBufferPointer(parse) }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
