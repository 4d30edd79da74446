@testable import PolkuApp
import Testing

/// Text and attribute values are written exactly as typed: every character that HTML reads as
/// markup becomes an entity, and everything else (letters beyond ASCII too) stays as it is.
@Suite struct NodeTests {
    @Test func textAndAttributesAreEscapedAndNothingElseChanges() {
        let typed = "Åke \"Öster\" <b>&amp;</b> 'ä'"
        let node = h("p", ["title": typed, "required": "", "hidden": nil]) { typed }
        let escaped = "Åke &quot;Öster&quot; &lt;b&gt;&amp;amp;&lt;/b&gt; &#39;ä&#39;"
        #expect(node.html == "<p title=\"\(escaped)\" required>\(escaped)</p>")
        #expect(Node.escape("") == "" && Node.escape("&") == "&amp;" && Node.escape("ei mitään") == "ei mitään")
        #expect(Node.escape("<<Nguyễn>>") == "&lt;&lt;Nguyễn&gt;&gt;")
    }

    @Test func voidElementsHaveNoClosingTag() {
        #expect(h("input", ["name": "a"]).html == "<input name=\"a\">")
        #expect(h("br").html == "<br>" && h("span").html == "<span></span>")
    }
}
