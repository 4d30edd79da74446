import PolkuCore

/// A link as a QR code drawn in SVG (a letter to print, a survey to pass round); nothing when the
/// link is too long for the code.
func qrImage(_ link: String, label: String) -> Node {
    guard let qr = QRCode(link) else { return .empty }
    let side = String(qr.size + 8)
    return h("svg", ["viewBox": "0 0 \(side) \(side)", "class": "qr", "role": "img", "aria-label": label, "shape-rendering": "crispEdges"]) {
        h("rect", ["width": side, "height": side, "fill": "#fff"]) {}
        h("path", ["d": qr.svgPath, "fill": "#000"]) {}
    }
}
