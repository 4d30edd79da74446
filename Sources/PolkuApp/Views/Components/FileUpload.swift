import Foundation
import PolkuCore
import Vapor

/// A form that sends one file, and reading that file back. The participant import, the directory import
/// and the instrument library share both halves instead of three copies.
enum FileUpload {
    /// The form: one required file field named `file`, posted as multipart to `action`.
    /// `id` tells apart several upload forms on one page; `fields` go before the file.
    static func form(
        _ context: PageContext, action: String, label: String, accept: String, submit submitLabel: String, id: String = "f-file", fields: [Node] = []
    ) -> Node {
        h("form", ["method": "post", "action": action, "enctype": "multipart/form-data"]) {
            csrfField(context)
            for field in fields { field }
            h("div", ["class": "field"]) {
                h("label", ["for": id]) { label }
                h("input", ["type": "file", "id": id, "name": "file", "accept": accept, "required": ""])
            }
            submit(submitLabel)
        }
    }

    /// The problems of a refused small table (a financing plan, earlier steps): "Rivi 3, lähde: …",
    /// each column and message named by its key under `columnPrefix` and `codePrefix`.
    static func problems(_ problems: [DelimitedTable.Problem], t: Texts, columnPrefix: String, codePrefix: String) -> Node? {
        guard !problems.isEmpty else { return nil }
        return h("div", ["class": "error-summary", "role": "alert"]) {
            h("p") { t("public.funding.import_failed", problems.count) }
            h("ul") {
                for p in problems {
                    h("li") { t("public.funding.problem", p.line, p.column.isEmpty ? "–" : t(columnPrefix + p.column), t(codePrefix + p.code)) }
                }
            }
        }
    }

    private struct Posted: Content { var file: File? }

    /// The posted file's bytes; nil when no file, or an empty one, was sent.
    static func read(_ req: Request) -> Data? {
        guard let file = try? req.content.decode(Posted.self).file, file.data.readableBytes > 0 else { return nil }
        return Data(buffer: file.data)
    }
}
