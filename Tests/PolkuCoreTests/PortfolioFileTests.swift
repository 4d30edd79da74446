import PolkuCore
import Testing

/// What a participant may keep in their portfolio: the type by the name's ending, checked against the
/// file's first bytes, within the size limits.
@Suite struct PortfolioFileTests {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    let pdf = Array("%PDF-1.7\n".utf8)

    @Test func allowedFilesAreKnownByTheirEndingAndBytes() throws {
        let photo = try PortfolioFile.check(name: "Kuva kesältä.PNG", size: 1_000, head: png).get()
        #expect(photo.contentType == "image/png" && photo.isImage)
        #expect(try PortfolioFile.check(name: "cv.pdf", size: 2_000, head: pdf).get().contentType == "application/pdf")
        #expect(try PortfolioFile.check(name: "todistus.docx", size: 9, head: [0x50, 0x4B, 0x03, 0x04, 1]).get().isImage == false)
        #expect(try PortfolioFile.check(name: "muistio.txt", size: 5, head: Array("Hei!\n".utf8)).get().contentType == "text/plain; charset=utf-8")
        let webp = Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WEBP".utf8)
        #expect(try PortfolioFile.check(name: "a.webp", size: 12, head: webp).get().isImage)
    }

    @Test func aPageOrAScriptIsNeverKept() {
        let page = Array("<!DOCTYPE html><script>alert(1)</script>".utf8)
        #expect(PortfolioFile.check(name: "sivu.html", size: 40, head: page) == .failure(.typeNotAllowed(ending: "html")))
        #expect(PortfolioFile.check(name: "kuva.svg", size: 40, head: Array("<svg/>".utf8)) == .failure(.typeNotAllowed(ending: "svg")))
        // Renamed to look harmless: the bytes give it away.
        #expect(PortfolioFile.check(name: "kuva.png", size: 40, head: page) == .failure(.contentMismatch(ending: "png")))
        #expect(PortfolioFile.check(name: "teksti.txt", size: 40, head: Array("  \n<html><body>".utf8)) == .failure(.contentMismatch(ending: "txt")))
        #expect(PortfolioFile.check(name: "teksti.txt", size: 3, head: [0x41, 0, 0x42]) == .failure(.contentMismatch(ending: "txt")))
        #expect(PortfolioFile.check(name: "a.webp", size: 12, head: Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WAVE".utf8)) == .failure(.contentMismatch(ending: "webp")))
        #expect(PortfolioFile.check(name: "ohjelma", size: 10, head: [0x7F, 0x45]) == .failure(.typeNotAllowed(ending: "")))
        #expect(PortfolioFile.check(name: ".pdf", size: 10, head: pdf) == .failure(.typeNotAllowed(ending: "")))
    }

    @Test func sizesAreCheckedAtTheirBoundaries() {
        let max = PortfolioFile.maxBytes
        #expect(PortfolioFile.check(name: "a.pdf", size: 0, head: []) == .failure(.empty))
        #expect((try? PortfolioFile.check(name: "a.pdf", size: max, head: pdf).get()) != nil)
        #expect(PortfolioFile.check(name: "a.pdf", size: max + 1, head: pdf) == .failure(.tooLarge(max: max)))
        let total = PortfolioFile.maxTotalBytes
        #expect((try? PortfolioFile.check(name: "a.pdf", size: 10, head: pdf, usedBytes: total - 10).get()) != nil)
        #expect(PortfolioFile.check(name: "a.pdf", size: 11, head: pdf, usedBytes: total - 10) == .failure(.portfolioFull(max: total)))
    }
}

/// A download keeps the name its owner gave it, and no name breaks the header.
@Suite struct ContentDispositionTests {
    @Test func finnishNamesKeepTheirLetters() {
        #expect(ContentDisposition.attachment("Työhakemus ä.pdf") == "attachment; filename=\"Ty_hakemus _.pdf\"; filename*=UTF-8''Ty%C3%B6hakemus%20%C3%A4.pdf")
        #expect(ContentDisposition.attachment("cv.pdf") == "attachment; filename=\"cv.pdf\"; filename*=UTF-8''cv.pdf")
    }

    @Test func aNameCannotEndTheQuotesOrAddAHeader() {
        let header = ContentDisposition.attachment("a\"; filename=x.html\r\nSet-Cookie: s=1")
        #expect(!header.contains("\r") && !header.contains("\n"))
        #expect(header.hasPrefix("attachment; filename=\"a__ filename=x.htmlSet-Cookie: s=1\"; filename*=UTF-8''a%22%3B%20filename%3Dx.htmlSet-Cookie%3A%20s%3D1"))
        #expect(ContentDisposition.attachment("   ") == "attachment; filename=\"tiedosto\"; filename*=UTF-8''tiedosto")
    }
}
