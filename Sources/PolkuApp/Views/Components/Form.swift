import PolkuCore
import Vapor

/// What a form was filled with and what was wrong with it: a failed form is shown again with both,
/// so nothing typed is lost.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    subscript(_ name: String) -> String { values[name] ?? "" }
    var isValid: Bool { errors.isEmpty }

    /// Reads the named fields of a url-encoded form; unknown fields are ignored.
    static func read(_ req: Request, fields: [String]) -> FormState {
        var state = FormState()
        for field in fields {
            if let v = try? req.content.get(String.self, at: field) { state.values[field] = v }
        }
        return state
    }

    /// Reads a form whose `requiring` fields must all be sent (empty is fine: that clears a value).
    /// A post that lacks one did not come from the form; it is a 400 and changes nothing, so a
    /// stray or forged post cannot blank what is stored. Checkboxes are never in `requiring`: an
    /// unticked box is not sent.
    static func read(_ req: Request, fields: [String], requiring: [String]) throws -> FormState {
        let state = read(req, fields: fields)
        let missing = requiring.filter { state.values[$0] == nil }
        guard missing.isEmpty else { throw Abort(.badRequest, reason: "missing fields: " + missing.joined(separator: ", ")) }
        return state
    }

    /// Trimmed text; an error key when required and empty or longer than `max`.
    mutating func text(_ name: String, required: Bool = false, max: Int = 200) -> String {
        let v = self[name].trimmingCharacters(in: .whitespacesAndNewlines)
        if required && v.isEmpty { errors[name] = "error.required" } else if v.count > max { errors[name] = "error.too_long:\(max)" }
        return v
    }

    mutating func date(_ name: String, required: Bool = false) -> String? {
        let v = self[name].trimmingCharacters(in: .whitespaces)
        if v.isEmpty { if required { errors[name] = "error.required" }; return nil }
        guard let d = CalendarDateFormatter.parse(v) else { errors[name] = "error.date"; return nil }
        return d.iso
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type, required: Bool = true) -> E? where E.RawValue == String {
        let v = self[name]
        if v.isEmpty { if required { errors[name] = "error.required" }; return nil }
        guard let e = E(rawValue: v) else { errors[name] = "error.choice"; return nil }
        return e
    }

    mutating func integer(_ name: String, required: Bool = false, range: ClosedRange<Int> = 0...2_000_000_000) -> Int? {
        let v = self[name].filter { !$0.isWhitespace && $0 != "\u{00A0}" }
        if v.isEmpty { if required { errors[name] = "error.required" }; return nil }
        guard let n = Int(v), range.contains(n) else { errors[name] = "error.number"; return nil }
        return n
    }

    mutating func uuid(_ name: String, required: Bool = true) -> UUID? {
        let v = self[name]
        if v.isEmpty { if required { errors[name] = "error.required" }; return nil }
        guard let id = UUID(text: v) else { errors[name] = "error.choice"; return nil }
        return id
    }
}

/// Form controls with a label, the error beside the field, and the error linked for screen readers.
struct Fields {
    let t: Texts
    let state: FormState
    var prefix: String = ""

    private func id(_ name: String) -> String { "f-\(prefix)\(name)" }

    func error(_ name: String) -> Node? {
        guard let key = state.errors[name] else { return nil }
        return h("p", ["class": "error", "id": id(name) + "-error"]) { message(key) }
    }

    private func describedBy(_ name: String, hint: String?) -> String? {
        var ids: [String] = []
        if hint != nil { ids.append(id(name) + "-hint") }
        if state.errors[name] != nil { ids.append(id(name) + "-error") }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    func text(
        _ name: String, _ label: String, type: String = "text", required: Bool = false,
        hint: String? = nil, autocomplete: String? = nil, value: String? = nil
    ) -> Node {
        h("div", ["class": state.errors[name] == nil ? "field" : "field invalid"]) {
            h("label", ["for": id(name)]) {
                label; if required { h("span", ["class": "req"]) { " *" } }
            }
            if let hint { h("p", ["class": "hint", "id": id(name) + "-hint"]) { hint } }
            error(name)
            h(
                "input",
                [
                    "type": type, "id": id(name), "name": name, "value": value ?? state[name],
                    "required": required ? "" : nil, "autocomplete": autocomplete,
                    "aria-invalid": state.errors[name] == nil ? nil : "true",
                    "aria-describedby": describedBy(name, hint: hint),
                ])
        }
    }

    /// A file field: a browser cannot be given a file back, so after a refusal the hint asks again.
    func file(_ name: String, _ label: String, accept: String, hint: String? = nil) -> Node {
        h("div", ["class": state.errors[name] == nil ? "field" : "field invalid"]) {
            h("label", ["for": id(name)]) { label }
            if let hint { h("p", ["class": "hint", "id": id(name) + "-hint"]) { hint } }
            error(name)
            h(
                "input",
                [
                    "type": "file", "id": id(name), "name": name, "accept": accept,
                    "aria-invalid": state.errors[name] == nil ? nil : "true", "aria-describedby": describedBy(name, hint: hint),
                ])
        }
    }

    func date(_ name: String, _ label: String, required: Bool = false) -> Node {
        text(name, label, required: required, hint: t("hint.date"))
    }

    func textarea(_ name: String, _ label: String, required: Bool = false, hint: String? = nil, rows: Int = 4) -> Node {
        h("div", ["class": state.errors[name] == nil ? "field" : "field invalid"]) {
            h("label", ["for": id(name)]) {
                label; if required { h("span", ["class": "req"]) { " *" } }
            }
            if let hint { h("p", ["class": "hint", "id": id(name) + "-hint"]) { hint } }
            error(name)
            h(
                "textarea",
                [
                    "id": id(name), "name": name, "rows": String(rows), "required": required ? "" : nil,
                    "aria-invalid": state.errors[name] == nil ? nil : "true",
                    "aria-describedby": describedBy(name, hint: hint),
                ]
            ) { state[name] }
        }
    }

    func select(
        _ name: String, _ label: String, options: [(value: String, label: String)],
        required: Bool = false, blank: String? = nil, hint: String? = nil
    ) -> Node {
        h("div", ["class": state.errors[name] == nil ? "field" : "field invalid"]) {
            h("label", ["for": id(name)]) {
                label; if required { h("span", ["class": "req"]) { " *" } }
            }
            if let hint { h("p", ["class": "hint", "id": id(name) + "-hint"]) { hint } }
            error(name)
            h(
                "select",
                [
                    "id": id(name), "name": name, "required": required ? "" : nil,
                    "aria-invalid": state.errors[name] == nil ? nil : "true",
                    "aria-describedby": describedBy(name, hint: hint),
                ]
            ) {
                if let blank { h("option", ["value": ""]) { blank } }
                for option in options {
                    h("option", ["value": option.value, "selected": option.value == state[name] ? "" : nil]) { option.label }
                }
            }
        }
    }

    func checkbox(_ name: String, _ label: String) -> Node {
        h("div", ["class": "field check"]) {
            h(
                "input",
                [
                    "type": "checkbox", "id": id(name), "name": name, "value": "on",
                    "checked": state[name] == "on" ? "" : nil,
                ])
            h("label", ["for": id(name)]) { label }
        }
    }

    /// A summary at the top of a failed form, focusable so the user hears that it failed.
    func summary() -> Node? {
        guard !state.isValid else { return nil }
        return h("div", ["class": "error-summary", "role": "alert"]) {
            h("p") { t("error.summary") }
            h("ul") {
                for (name, key) in state.errors.sorted(by: { $0.key < $1.key }) {
                    h("li") { h("a", ["href": "#" + id(name)]) { message(key) } }
                }
            }
        }
    }

    func message(_ key: String) -> String {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        return parts.count == 2 ? t(parts[0], parts[1]) : t(key)
    }
}

/// A form's first button, unseen, for what Enter in a field does (HTML's implicit submission): in a
/// form with a search button of its own (`PersonFinder`) Enter still saves.
func defaultSubmit(_ label: String) -> Node {
    h("button", ["type": "submit", "class": "visually-hidden", "tabindex": "-1", "aria-hidden": "true"]) { label }
}

func submit(_ label: String) -> Node {
    h("button", ["type": "submit"]) { label }
}
