import Foundation

/// The contract itself, as the server serves it at `/api/v1/openapi.yaml`: the same file the
/// generator read, so the document and the code come from one source.
public enum Contract {
    public static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }()
}
