import NIOCore

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
        /// Text as typed, escaped when written: a table's heads are read back as labels (`stacked`).
        case text(String)
        /// `label` is a stacked table cell's `data-label`, added after the element was built.
        case element(tag: String, attributes: KeyValuePairs<String, String?>, label: String?, children: [Node])
        case group([Node])
    }

    private let content: Content

    private init(_ content: Content) { self.content = content }

    init(unsafeRaw html: String) { self.content = .raw(html) }

    static let empty = Node(unsafeRaw: "")

    static func text(_ text: String) -> Node { Node(.text(text)) }

    /// The markup as one string.
    public var html: String {
        var out = ByteBufferAllocator().buffer(capacity: 16_384)
        write(to: &out)
        return String(buffer: out)
    }

    /// Writes the markup as UTF-8 into `out`: straight into the response's buffer, with no string
    /// grown append by append (a `String` checks its capacity, uniqueness and ASCII flags on each).
    func write(to out: inout ByteBuffer) {
        switch content {
        case .raw(let html):
            out.writeString(html)
        case .text(let text):
            Self.writeEscaped(text, to: &out)
        case .group(let children):
            for child in children { child.write(to: &out) }
        case .element(let tag, let attributes, let label, let children):
            out.writeInteger(UInt8(ascii: "<"))
            out.writeString(tag)
            for (name, value) in attributes {
                guard let value else { continue }
                out.writeInteger(UInt8(ascii: " "))
                out.writeString(name)
                if !value.isEmpty {
                    out.writeStaticString("=\"")
                    Self.writeEscaped(value, to: &out)
                    out.writeInteger(UInt8(ascii: "\""))
                }
            }
            if let label {
                out.writeStaticString(" data-label=\"")
                Self.writeEscaped(label, to: &out)
                out.writeInteger(UInt8(ascii: "\""))
            }
            out.writeInteger(UInt8(ascii: ">"))
            if Self.isVoid(tag) { return }
            for child in children { child.write(to: &out) }
            out.writeStaticString("</")
            out.writeString(tag)
            out.writeInteger(UInt8(ascii: ">"))
        }
    }

    /// `text` with `& < > " '` as entities, in one pass: the runs between them are copied as they are.
    static func writeEscaped(_ text: String, to out: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<i])))
                out.writeStaticString(entity)
                start = i + 1
            }
            out.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
        }
    }

    /// `text` escaped as a string (for the few places that need one).
    static func escape(_ text: String) -> String {
        var out = ByteBufferAllocator().buffer(capacity: text.utf8.count + 16)
        writeEscaped(text, to: &out)
        return String(buffer: out)
    }

    /// Elements with no content and no closing tag. A switch, not a `Set`: hashing every tag of a
    /// page was ~2 % of the participant page's CPU under load.
    static func isVoid(_ tag: String) -> Bool {
        switch tag {
        case "input", "meta", "link", "br", "hr", "img": true
        default: false
        }
    }

    /// An element. An attribute whose value is nil is left out; one whose value is "" is written bare
    /// (`required`, `checked`, `selected`).
    static func element(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [Node]) -> Node {
        Node(.element(tag: tag, attributes: attributes, label: nil, children: children))
    }

    static func group(_ children: [Node]) -> Node { Node(.group(children)) }
}

// MARK: - Tables that stack on a phone

extension Node {
    /// A table whose body cells carry their column's head as `data-label`, so that under 40 rem each
    /// row reads as "head value" lines (issue 14). The heads are read from the table's own `<thead>`,
    /// so no view writes a label twice.
    func stacked() -> Node {
        guard case .element(let tag, let attributes, let label, let children) = content, tag == "table" else { return self }
        let heads = self.children("thead").first?.children("tr").first?.cells.map(\.plainText) ?? []
        guard !heads.isEmpty else { return self }
        let body = children.map { part -> Node in
            guard case .element("tbody", let a, let l, let rows) = part.content else { return part }
            return Node(.element(tag: "tbody", attributes: a, label: l, children: rows.flatMap(\.flattened).map { $0.labellingCells(heads) }))
        }
        return Node(.element(tag: tag, attributes: attributes, label: label, children: body))
    }

    private func labellingCells(_ heads: [String]) -> Node {
        guard case .element("tr", let a, let l, _) = content else { return self }
        let cells = self.cells.enumerated().map { i, cell -> Node in
            guard case .element("td", let ca, nil, let cc) = cell.content, i < heads.count, !heads[i].isEmpty else { return cell }
            return Node(.element(tag: "td", attributes: ca, label: heads[i], children: cc))
        }
        return Node(.element(tag: "tr", attributes: a, label: l, children: cells))
    }

    /// The node with groups opened up: the nodes a parent really holds.
    private var flattened: [Node] {
        if case .group(let children) = content { return children.flatMap(\.flattened) }
        return [self]
    }

    /// A row's cells (`th` and `td`), groups opened up.
    private var cells: [Node] {
        guard case .element(_, _, _, let children) = content else { return [] }
        return children.flatMap(\.flattened).filter {
            if case .element(let tag, _, _, _) = $0.content { return tag == "td" || tag == "th" }
            return false
        }
    }

    /// The children that are `tag` elements, groups opened up.
    private func children(_ wanted: String) -> [Node] {
        guard case .element(_, _, _, let children) = content else { return [] }
        return children.flatMap(\.flattened).filter {
            if case .element(wanted, _, _, _) = $0.content { return true } else { return false }
        }
    }

    /// The text a screen reader would read, markup left out.
    private var plainText: String {
        switch content {
        case .text(let text): return text
        case .raw: return ""
        case .group(let children): return children.map(\.plainText).joined()
        case .element(_, _, _, let children): return children.map(\.plainText).joined()
        }
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
    .group(content())
}

/// A data table that may be wider than a phone (issue 14): it scrolls sideways inside its own box,
/// which the keyboard can focus, and the page itself does not (WCAG 1.4.10 lets data tables scroll
/// in two dimensions; the rest of the page reflows).
///
/// Under 40 rem its rows stack as "head value" lines (`Node.stacked`), so a phone reads a list.
/// `region` names the scrolling box for a screen reader's landmarks.
func dataTable(_ attributes: KeyValuePairs<String, String?> = [:], region: String? = nil, @NodeBuilder _ content: () -> [Node]) -> Node {
    h("div", ["class": "scroll stack", "tabindex": "0", "role": region == nil ? nil : "region", "aria-label": region]) {
        h("table", attributes, content).stacked()
    }
}
