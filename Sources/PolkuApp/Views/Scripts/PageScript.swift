import Vapor

/// The one script, loaded only by the pages it helps and never needed by them: the attendance
/// checklist's filter box and live count (without it the count is the saved one, and the box, made
/// by the script, is not shown to a browser that cannot use it), Enter in a form's search for a
/// person (without the script Enter there does what the form's first button does), and a copy button for a link (shown
/// only where the clipboard can be written; the link stays selectable without it).
enum PageScript {
    @Sendable static func serve(req: Request) async throws -> Response {
        Stylesheet.asset(source, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    }

    static let source = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("button[data-copy]").forEach(function (button) {
            if (!navigator.clipboard) return;
            var field = document.getElementById(button.getAttribute("data-copy"));
            var status = document.getElementById(button.getAttribute("data-copy") + "-status");
            button.hidden = false;
            button.addEventListener("click", function () {
              navigator.clipboard.writeText(field.value).then(function () {
                if (status) status.textContent = button.getAttribute("data-copied");
              }, function () { field.select(); });
            });
          });
        });
        document.addEventListener("DOMContentLoaded", function () {
          var list = document.querySelector("fieldset[data-filter-label]");
          if (!list) return;
          var rows = Array.prototype.slice.call(list.querySelectorAll(".field.check"));
          var count = document.getElementById("present-count");
          list.addEventListener("change", function () {
            if (count) count.textContent = String(list.querySelectorAll("input[type=checkbox]:checked").length);
          });
          var field = document.createElement("div");
          field.className = "field";
          var label = document.createElement("label");
          label.htmlFor = "attendance-filter";
          label.textContent = list.getAttribute("data-filter-label");
          var input = document.createElement("input");
          input.type = "search";
          input.id = "attendance-filter";
          input.autocomplete = "off";
          field.appendChild(label);
          field.appendChild(input);
          list.querySelector("legend").insertAdjacentElement("afterend", field);
          // Spaces of any kind count as one, so a name typed as it reads matches.
          var plain = function (s) { return s.replace(/\\s+/g, " ").trim().toLocaleLowerCase(); };
          input.addEventListener("input", function () {
            var q = plain(input.value);
            rows.forEach(function (row) { row.hidden = q !== "" && plain(row.textContent).indexOf(q) < 0; });
          });
          // Enter in the filter keeps the person on the list instead of saving the form.
          input.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
        });
        document.addEventListener("DOMContentLoaded", function () {
          // Enter in a form's search for a person searches (where the form's first button saves).
          document.querySelectorAll("form button[name=find]").forEach(function (find) {
            var search = (find.closest("fieldset") || find.form).querySelector("input[type=search]");
            if (!search) return;
            search.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); find.click(); } });
          });
        });
        """
}
