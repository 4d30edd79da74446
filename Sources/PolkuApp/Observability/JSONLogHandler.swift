import Foundation
import Logging

/// One JSON object per line, for log collectors in production.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        var object: [String: String] = [
            "ts": ISO8601DateFormatter().string(from: Date()), "level": level.rawValue,
            "logger": label, "msg": message.description,
        ]
        for (k, v) in metadata.merging(extra ?? [:], uniquingKeysWith: { $1 }) { object[k] = v.description }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        {
            write(text + "\n")
        }
    }
}
