/// A QR code (ISO/IEC 18004) for a short text such as an invitation link: byte mode, error
/// correction level M (15 % of the code may be damaged), versions 1–10 (up to 213 bytes), the mask
/// with the lowest penalty unless one is asked for. Written here because the package mirror has no
/// QR library; checked against the Python `qrcode` package's matrices in the tests.
public struct QRCode: Sendable {
    public let version: Int
    public let mask: Int
    /// `modules[y][x]`, true for dark.
    public let modules: [[Bool]]
    public var size: Int { modules.count }

    /// Per version 1–10 at level M: error correction codewords per block, and the blocks' data
    /// codeword counts.
    static let blocks: [(ec: Int, data: [Int])] = [
        (10, [16]), (16, [28]), (26, [44]), (18, [32, 32]), (24, [43, 43]), (16, [27, 27, 27, 27]),
        (18, [31, 31, 31, 31]), (22, [38, 38, 39, 39]), (22, [36, 36, 36, 37, 37]), (26, [43, 43, 43, 43, 44]),
    ]
    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    /// Nil when the text does not fit in version 10.
    public init?(_ text: String, mask requested: Int? = nil) {
        let bytes = Array(text.utf8)
        guard
            let version = (1...10).first(where: { v in
                4 + (v < 10 ? 8 : 16) + bytes.count * 8 <= Self.blocks[v - 1].data.reduce(0, +) * 8
            })
        else { return nil }
        let codewords = Self.codewords(bytes, version: version)
        var grid = Grid(version: version)
        grid.place(codewords)
        let masks = requested.map { [$0] } ?? Array(0..<8)
        var best: (penalty: Int, mask: Int, modules: [[Bool]])? = nil
        for m in masks {
            var g = grid
            g.apply(mask: m)
            g.drawFormat(mask: m)
            let p = g.penalty()
            if best == nil || p < best!.penalty { best = (p, m, g.modules) }
        }
        self.version = version
        self.mask = best!.mask
        self.modules = best!.modules
    }

    /// The data and error correction codewords, interleaved by block as the standard orders them.
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let (ec, dataSizes) = blocks[version - 1]
        let capacity = dataSizes.reduce(0, +)
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in (0..<count).reversed() { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for b in bytes { append(Int(b), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var data = stride(from: 0, to: bits.count, by: 8).map { i in bits[i..<i + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) } }
        var pad: UInt8 = 0xEC
        while data.count < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        var split: [[UInt8]] = []
        var start = 0
        for n in dataSizes {
            split.append(Array(data[start..<start + n]))
            start += n
        }
        let divisor = ReedSolomon.generator(degree: ec)
        let ecBlocks = split.map { ReedSolomon.remainder($0, divisor) }
        var out: [UInt8] = []
        for i in 0..<(dataSizes.max() ?? 0) { for b in split where i < b.count { out.append(b[i]) } }
        for i in 0..<ec { for b in ecBlocks { out.append(b[i]) } }
        return out
    }
}

/// Arithmetic in GF(256) with the QR polynomial 0x11D.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in (0..<8).reversed() {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    static func generator(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for b in data {
            let factor = b ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
