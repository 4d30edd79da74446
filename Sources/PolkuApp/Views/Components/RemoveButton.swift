/// A button that removes one thing (a role, a site, a seat) by posting to `action`; its accessible name
/// says what it removes, since a row of "Remove" buttons says nothing to a screen reader.
func removeButton(_ context: PageContext, _ action: String, _ label: String, _ what: String) -> Node {
    h("form", ["method": "post", "action": action, "class": "inline-button"]) {
        csrfField(context)
        h("button", ["type": "submit", "class": "secondary", "aria-label": "\(label): \(what)"]) { label }
    }
}
