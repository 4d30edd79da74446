import Foundation
import PolkuAPIContract
import Vapor

/// The contract as a file (`/api/v1/openapi.yaml`) and as a page a person reads: each operation
/// with its summary, who may call it and the scope its token needs, then the whole contract.
enum APIDocs {
    struct Operation: Equatable {
        let method: String
        let path: String
        var summary = ""
    }

    @Sendable static func contract(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(string: Contract.yaml))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        res.headers.cacheControl = .init(maxAge: 300)
        return res
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let t = req.t
        let operations = Self.operations(in: Contract.yaml)
        return Page(req.pageContext, title: t("api.docs.title")) {
            h("p") {
                t("api.docs.intro")
                " "
                h("a", ["href": SiteURL.apiContract.relativeURL()]) { "openapi.yaml" }
            }
            h("h2") { t("api.docs.operations") }
            for op in operations {
                let rule = APIRoutes.rules["\(op.method) \(op.path)"]
                h("section", ["class": "card"]) {
                    h("h3") { h("code") { "\(op.method) \(APIRoutes.base)\(op.path)" } }
                    h("p") { op.summary }
                    h("dl") {
                        h("dt") { t("api.docs.who") }
                        h("dd") { rule.map { $0.audience.description } ?? "" }
                        h("dt") { t("api.docs.scope") }
                        h("dd") { rule?.scope.map { t("api.scope." + $0.rawValue) + " (\($0.rawValue))" } ?? "–" }
                    }
                }
            }
            h("h2") { t("api.docs.contract") }
            h("pre", ["class": "contract", "tabindex": "0", "aria-label": t("api.docs.contract")]) { Contract.yaml }
        }.response()
    }

    /// The operations of the contract in its order, read from its `paths:` block (two spaces before
    /// a path, four before a method, six before its `summary:`).
    static func operations(in yaml: String) -> [Operation] {
        var result: [Operation] = []
        var inPaths = false
        var path = ""
        let methods: Set<String> = ["get", "post", "put", "patch", "delete"]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
            if !line.hasPrefix(" ") { inPaths = line == "paths:"; continue }
            guard inPaths else { continue }
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingCharacters(in: .whitespaces)
            if indent == 2, text.hasPrefix("/"), text.hasSuffix(":") {
                path = String(text.dropLast())
            } else if indent == 4, text.hasSuffix(":"), methods.contains(String(text.dropLast())) {
                result.append(Operation(method: text.dropLast().uppercased(), path: path))
            } else if indent == 6, text.hasPrefix("summary:"), !result.isEmpty {
                result[result.count - 1].summary = text.dropFirst("summary:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return result
    }
}
