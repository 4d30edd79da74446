/// Paging links of a keyset-paged list: back to the first page when not on it, and on to the next
/// page when there is one. A landmark of its own, so a screen reader can jump to it.
struct Pager {
    var label: String
    /// The first page's address, when the list is not on its first page.
    var first: (text: String, href: String)?
    /// The next page's address, when there are more rows.
    var next: (text: String, href: String)?

    /// Nothing when the list has a single page: an empty landmark would be announced for nothing.
    var node: Node {
        guard first != nil || next != nil else { return .empty }
        return h("nav", ["aria-label": label, "class": "pager"]) {
            if let first { h("a", ["href": first.href]) { first.text }; " " }
            if let next { h("a", ["href": next.href, "rel": "next"]) { next.text } }
        }
    }
}
