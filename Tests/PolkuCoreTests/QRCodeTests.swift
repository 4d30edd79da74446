import PolkuCore
import Testing

/// The invitation's QR code, module for module as the Python `qrcode` package draws the same text
/// at level M with the same mask (fingerprints of its matrices, FNV-1a over rows of 0/1).
@Suite struct QRCodeTests {
    static func fingerprint(_ q: QRCode) -> UInt64 {
        let text = q.modules.map { row in String(row.map { $0 ? "1" : "0" }) }.joined(separator: "\n")
        return text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test(arguments: [
        ("https://polku.example/invite/0123456789abcdef0123456789abcdef0123456789abcdef", 3, 5, UInt64(0xc7eb_1ccb_1a81_40e9)),
        ("hello, Polku", 5, 1, 0x1817_8687_8d19_2aa7),
        ("http://127.0.0.1:8080/invite/" + String(repeating: "ab", count: 24) + "?x=" + String(repeating: "y", count: 60), 6, 8, 0xeffc_b0e8_274e_12b1),
        ("Ääkköset ja ß", 0, 2, 0x623f_bb47_6fb0_cfe7),
    ])
    func matchesTheReference(text: String, mask: Int, version: Int, fingerprint: UInt64) throws {
        let q = try #require(QRCode(text, mask: mask))
        #expect(q.version == version && q.size == version * 4 + 17)
        #expect(Self.fingerprint(q) == fingerprint)
    }

    @Test func theFirstRowsOfVersionOne() throws {
        let q = try #require(QRCode("hello, Polku", mask: 5))
        let rows = q.modules.prefix(3).map { row in String(row.map { $0 ? "1" : "0" }) }
        #expect(rows == ["111111100001001111111", "100000101111001000001", "101110101110101011101"])
    }

    @Test func choosesAMaskAndRefusesTooLong() throws {
        let q = try #require(QRCode("https://polku.example/invite/0123456789abcdef0123456789abcdef0123456789abcdef"))
        #expect((0..<8).contains(q.mask) && q.version == 5)
        #expect(QRCode(String(repeating: "x", count: 214)) == nil, "past version 10")
        #expect(QRCode(String(repeating: "x", count: 213))?.version == 10)
        let path = try #require(QRCode("hello, Polku", mask: 5)).svgPath
        #expect(path.hasPrefix("M4 4h1v1h-1zM5 4h1v1h-1z"), "the finder's top row, inside the quiet zone")
    }
}
