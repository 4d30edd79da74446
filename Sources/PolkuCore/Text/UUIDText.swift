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
