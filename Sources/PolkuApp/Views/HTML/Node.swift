/// A fragment of HTML that is safe by construction: text and attribute values are always escaped,
/// and only this file writes markup.
///
/// Why not Plot (2026-11-24): Plot 0.14 writes attribute values unescaped (a participant named
/// `"><script>` in an `<input value>` would break out) and its text escaper keeps `&amp;`-like
/// sequences as entities, so text would not be shown exactly as typed.
public struct Node: Sendable {
    public let html: String

    init(unsafeRaw html: String) { self.html = html }

    static let empty = Node(unsafeRaw: "")

    static func text(_ text: String) -> Node { Node(unsafeRaw: escape(text)) }

    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: one pass over the bytes, and the string is kept as it is.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Elements with no content and no closing tag.
    static let voidElements: Set<String> = ["input", "meta", "link", "br", "hr", "img"]

    /// An element. An attribute whose value is nil is left out; one whose value is "" is written bare
    /// (`required`, `checked`, `selected`).
    static func element(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [Node]) -> Node {
        var out = "<" + tag
        for (name, value) in attributes {
            guard let value else { continue }
            out += value.isEmpty ? " \(name)" : " \(name)=\"\(escape(value))\""
        }
        out += ">"
        if voidElements.contains(tag) { return Node(unsafeRaw: out) }
        for child in children { out += child.html }
        out += "</\(tag)>"
        return Node(unsafeRaw: out)
    }
}

@resultBuilder
enum NodeBuilder {
    static func buildExpression(_ node: Node) -> [Node] { [node] }
    static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    static func buildExpression(_ node: Node?) -> [Node] { node.map { [$0] } ?? [] }
    static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    static func buildEither(first: [Node]) -> [Node] { first }
    static func buildEither(second: [Node]) -> [Node] { second }
    static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}

/// `h("p", ["class": "lead"]) { "Hello" }`: the one way views build elements.
func h(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], @NodeBuilder _ content: () -> [Node] = { [] }) -> Node {
    .element(tag, attributes, content())
}

/// A group of nodes with no element around them.
func group(@NodeBuilder _ content: () -> [Node]) -> Node {
    Node(unsafeRaw: content().map(\.html).joined())
}
