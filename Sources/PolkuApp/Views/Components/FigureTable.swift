/// A table of figures as the reports show them: a caption, the column heads, and rows whose first cell
/// names the row (`<th scope="row">`) and whose other cells are numbers aligned right. One component
/// instead of hand-written tables, so every report's table reads the same way to a screen reader.
struct FigureTable {
    struct Row {
        /// What the row counts: text, or a link to it.
        var label: Node
        /// The figures: text, or a figure that links to the people behind it.
        var cells: [Node]

        init(_ label: String, _ cells: [String]) { self.label = .text(label); self.cells = cells.map(Node.text) }
        init(label: Node, _ cells: [Node]) { self.label = label; self.cells = cells }
    }

    var caption: String
    /// The column heads, the row names' column first; empty for a table of label–figure pairs.
    var head: [String]
    var rows: [Row]
    /// A caption only screen readers hear, where a heading above already says it.
    var captionHidden = false

    init(caption: String, head: [String] = [], rows: [Row], captionHidden: Bool = false) {
        self.caption = caption; self.head = head; self.rows = rows; self.captionHidden = captionHidden
    }

    /// Rows given as strings, the first of each naming the row.
    init(caption: String, head: [String] = [], strings: [[String]]) {
        self.init(caption: caption, head: head, rows: strings.map { Row($0.first ?? "", Array($0.dropFirst())) })
    }

    var node: Node {
        dataTable {
            h("caption", ["class": captionHidden ? "visually-hidden" : nil]) { caption }
            if !head.isEmpty {
                h("thead") { h("tr") { for (i, c) in head.enumerated() { h("th", ["scope": "col", "class": i == 0 ? nil : "num"]) { c } } } }
            }
            h("tbody") {
                for r in rows {
                    h("tr") {
                        h("th", ["scope": "row"]) { r.label }
                        for c in r.cells { h("td", ["class": "num"]) { c } }
                    }
                }
            }
        }
    }
}
