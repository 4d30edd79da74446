/// A fragment of HTML that is safe by construction: text and attribute values are always escaped,
/// and only this file writes markup.
///
/// Why not Plot (2026-11-24): Plot 0.14 writes attribute values unescaped (a participant named
/// `"><script>` in an `<input value>` would break out) and its text escaper keeps `&amp;`-like
/// sequences as entities, so text would not be shown exactly as typed.
public struct Node: Sendable {
    /// A tree, written out once at the end: building each element's HTML as its own string copied
    /// every child's text again at each level of nesting (issue 11: a participant page's markup was
    /// copied about ten times over and took a millisecond to render).
    private indirect enum Content: Sendable {
        case raw(String)
        case element(tag: String, attributes: KeyValuePairs<String, String?>, children: [Node])
        case group([Node])
    }

    private let content: Content

    private init(_ content: Content) { self.content = content }

    init(unsafeRaw html: String) { self.content = .raw(html) }

    static let empty = Node(unsafeRaw: "")

    static func text(_ text: String) -> Node { Node(unsafeRaw: escape(text)) }

    /// The markup as one string.
    public var html: String {
        var out = ""
        out.reserveCapacity(16_384)
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch content {
        case .raw(let html):
            out += html
        case .group(let children):
            for child in children { child.write(to: &out) }
        case .element(let tag, let attributes, let children):
            out += "<"; out += tag
            for (name, value) in attributes {
                guard let value else { continue }
                out += " "; out += name
                if !value.isEmpty { out += "=\""; out += Self.escape(value); out += "\"" }
            }
            out += ">"
            if Self.voidElements.contains(tag) { return }
            for child in children { child.write(to: &out) }
            out += "</"; out += tag; out += ">"
        }
    }

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
        Node(.element(tag: tag, attributes: attributes, children: children))
    }

    static func group(_ children: [Node]) -> Node { Node(.group(children)) }
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
    .group(content())
}

/// A data table that may be wider than a phone (issue 14): it scrolls sideways inside its own box,
/// which the keyboard can focus, and the page itself does not (WCAG 1.4.10 lets data tables scroll
/// in two dimensions; the rest of the page reflows).
func dataTable(_ attributes: KeyValuePairs<String, String?> = [:], @NodeBuilder _ content: () -> [Node]) -> Node {
    h("div", ["class": "scroll", "tabindex": "0"]) { h("table", attributes, content) }
}
