import Foundation
import ZIPFoundation

/// A ZIP file built in memory from named texts: an XLSX workbook, a person's data export.
struct ZipPackage {
    private let archive: Archive

    init() throws { archive = try Archive(accessMode: .create) }

    func add(_ path: String, _ text: String) throws {
        let bytes = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    var data: Data? { archive.data }
}
