import Foundation
import MultipartKit
import NIOCore
import NIOPosix
import Vapor

/// A file upload received a piece at a time (issue 13): the form's small fields are kept, the file
/// goes to a temporary file as it arrives, and the CSRF token is checked once the form is read. A
/// 60 MB spreadsheet collected whole, then decoded, took the server from 64 MB to about 1 GB.
///
/// Routes take it through `GuardedRoutes.upload`, which checks the token before the handler runs:
/// the CSRF middleware leaves these routes' bodies alone, so this is their check.
struct StreamedUpload: Sendable {
    /// The form's text fields (each up to 64 KB).
    let fields: [String: String]
    /// The uploaded file on disk, if one was sent and was not empty; `remove()` deletes it.
    let file: URL?
    let fileBytes: Int
    /// The name the browser gave the file.
    let fileName: String?

    static let fieldLimit = 64 * 1024

    func remove() { if let file { try? FileManager.default.removeItem(at: file) } }

    /// The file's first bytes (up to 512), for checking what it really is; empty without a file.
    var head: [UInt8] {
        guard let file, let handle = try? FileHandle(forReadingFrom: file) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 512)) ?? Data())
    }

    /// The token did not match: answered as any refused form is (`FormReplay`).
    struct Refused: Error {}

    static func receive(_ req: Request, maxBody: Int) async throws -> StreamedUpload {
        guard let type = req.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"] else {
            throw Abort(.unsupportedMediaType, reason: "a file upload is sent as multipart/form-data")
        }
        let receiver = try Receiver(boundary: boundary, fileio: req.application.fileio, eventLoop: req.eventLoop)
        do {
            var total = 0
            for try await chunk in req.body {
                total += chunk.readableBytes
                guard total <= maxBody else { throw Abort(.payloadTooLarge) }
                try await receiver.take(chunk)
            }
            try await receiver.finish()
        } catch {
            receiver.discard()
            throw error
        }
        let upload = receiver.upload
        let expected = req.hasSession ? req.session.data[CSRFMiddleware.sessionKey] : nil
        guard let expected, let sent = upload.fields[CSRFMiddleware.field], ConstantTime.equal(expected, sent) else {
            upload.remove()
            throw Refused()
        }
        return upload
    }
}

/// Feeds multipart-kit's parser and writes the file part through NIO's non-blocking file I/O.
private final class Receiver: @unchecked Sendable {
    private let parser: MultipartParser
    private let fileio: NonBlockingFileIO
    private let eventLoop: any EventLoop
    private var fields: [String: String] = [:]
    private var name: String? = nil
    private var isFile = false
    private var text: [UInt8] = []
    private var path: URL? = nil
    private var handle: NIOFileHandle? = nil
    private var fileBytes = 0
    private var fileName: String? = nil
    /// File bytes parsed but not yet written: the parser's callbacks cannot wait.
    private var pending: [ByteBuffer] = []

    init(boundary: String, fileio: NonBlockingFileIO, eventLoop: any EventLoop) throws {
        parser = MultipartParser(boundary: boundary)
        self.fileio = fileio
        self.eventLoop = eventLoop
        parser.onHeader = { [unowned self] field, value in
            guard field.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: value)
            let file = Self.parameter("filename", in: value)
            isFile = file != nil
            if let file, fileName == nil { fileName = file }
        }
        parser.onBody = { [unowned self] buffer in
            if isFile {
                fileBytes += buffer.readableBytes
                pending.append(buffer)
            } else if text.count < StreamedUpload.fieldLimit {
                text += buffer.readableBytesView.prefix(StreamedUpload.fieldLimit - text.count)
            }
        }
        parser.onPartComplete = { [unowned self] in
            if !isFile, let name { fields[name] = String(decoding: text, as: UTF8.self) }
            name = nil; isFile = false; text = []
        }
    }

    func take(_ chunk: ByteBuffer) async throws {
        try parser.execute(chunk)
        try await flush()
    }

    func finish() async throws {
        try await flush()
        if let handle { try handle.close() }
        handle = nil
    }

    private func flush() async throws {
        guard !pending.isEmpty else { return }
        if handle == nil {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("polku-upload-\(UUID().text)")
            path = url
            handle = try await fileio.openFile(
                path: url.path, mode: .write, flags: .allowFileCreation(posixMode: 0o600), eventLoop: eventLoop
            ).get()
        }
        let buffers = pending
        pending = []
        for buffer in buffers where buffer.readableBytes > 0 {
            try await fileio.write(fileHandle: handle!, buffer: buffer, eventLoop: eventLoop).get()
        }
    }

    var upload: StreamedUpload {
        StreamedUpload(fields: fields, file: fileBytes > 0 ? path : nil, fileBytes: fileBytes, fileName: fileName)
    }

    func discard() {
        try? handle?.close()
        handle = nil
        if let path { try? FileManager.default.removeItem(at: path) }
    }

    /// `name="…"` in a Content-Disposition value.
    static func parameter(_ key: String, in value: String) -> String? {
        for part in value.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            return String(pair.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
