import Foundation
@testable import PolkuApp
@testable import PolkuTools
import Testing

/// A form's fields come out as the person typed them, whatever the browser escaped, and a body
/// that is not well formed loses nothing that can be read.
@Suite struct FormBodyTests {
    @Test func fieldsAreDecodedAsTyped() {
        let body = "_csrf=abc&note=Kahvi+ja+pulla%3A+5+%E2%82%AC&name=%C3%85ke+%C3%96ster&empty=&flag&=orphan&&p_1=on"
        let pairs = FormBody.pairs(Array(body.utf8))
        #expect(pairs.map(\.0) == ["_csrf", "note", "name", "empty", "flag", "p_1"])
        #expect(pairs.map(\.1) == ["abc", "Kahvi ja pulla: 5 €", "Åke Öster", "", "", "on"])
    }

    @Test func aBrokenEscapeKeepsTheValueAsSent() {
        #expect(FormBody.decode(Array("100%".utf8)) == "100%")
        #expect(FormBody.decode(Array("a%zz+b".utf8)) == "a%zz+b")
        #expect(FormBody.decode(Array("%FF%FE".utf8)) == "%FF%FE")
        #expect(FormBody.decode(Array("%e2%82%ac".utf8)) == "€")
    }

    /// The same result as the Foundation decoding it replaced, on every byte a browser may send.
    @Test func decodesAsFoundationDid() {
        var generator = DemoRandom(seed: 11)
        let alphabet = Array("abcXYZ09+%-_.~&=äö€ \n".unicodeScalars.map(String.init)) + ["%20", "%2B", "%26", "%3D", "%C3%A4", "%E2%82%AC", "%0A", "%F0%9F%98%80", "%C3", "%G1"]
        for _ in 0..<500 {
            let text = (0..<generator.int(0...23)).map { _ in generator.pick(alphabet) }.joined()
            let foundation = text.split(separator: "&").compactMap { pair -> (String, String)? in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func clean(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
                guard let name = parts.first.map(clean), !name.isEmpty else { return nil }
                return (name, parts.count > 1 ? clean(parts[1]) : "")
            }
            let ours = FormBody.pairs(Array(text.utf8))
            #expect(ours.map(\.0) == foundation.map(\.0), "\(text)")
            #expect(ours.map(\.1) == foundation.map(\.1), "\(text)")
        }
    }

    @Test func aLongNoteAndAFullAttendanceListAreRead() {
        let note = String(repeating: "Äö €", count: 1_250)
        let ticked = (0..<74).map { "p_\($0)=on" }
        let body = (["note=" + note.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!] + ticked).joined(separator: "&")
        let pairs = FormBody.pairs(Array(body.utf8))
        #expect(pairs.count == 75 && pairs[0].1 == note && pairs[74] == ("p_73", "on"))
    }
}
