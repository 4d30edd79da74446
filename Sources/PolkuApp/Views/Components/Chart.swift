import Foundation

/// Small SVG charts that print and need no script. Each one names what it shows (`<title>`), and every
/// page that draws one also gives the same numbers as a table, for screen readers and for checking.
enum Chart {
    struct Series { let label: String; let points: [(x: String, y: Double)] }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v).replacingOccurrences(of: ".", with: ",")
    }

    /// A line chart over times (evenly spaced, in order) on a fixed y-range.
    static func line(title: String, series: Series, min: Double, max: Double, id: String) -> Node {
        let w = 560.0, hgt = 220.0, left = 44.0, right = 16.0, top = 14.0, bottom = 40.0
        let n = series.points.count
        func x(_ i: Int) -> Double { n <= 1 ? left + (w - left - right) / 2 : left + Double(i) * (w - left - right) / Double(n - 1) }
        func y(_ v: Double) -> Double { top + (1 - (v - min) / Swift.max(1e-9, max - min)) * (hgt - top - bottom) }
        let points = series.points.enumerated().map { "\(fmt(x($0.offset))),\(fmt(y($0.element.y)))" }.joined(separator: " ")
        let ticks = [min, (min + max) / 2, max]
        return h("svg", ["viewBox": "0 0 \(Int(w)) \(Int(hgt))", "width": "100%", "role": "img", "aria-labelledby": id, "class": "chart"]) {
            h("title", ["id": id]) { title }
            for t in ticks {
                h("line", ["x1": fmt(left), "x2": fmt(w - right), "y1": fmt(y(t)), "y2": fmt(y(t)), "class": "grid"])
                h("text", ["x": fmt(left - 6), "y": fmt(y(t) + 4), "text-anchor": "end", "class": "tick"]) { number(t) }
            }
            if n > 1 { h("polyline", ["points": points, "class": "series"]) }
            for (i, p) in series.points.enumerated() {
                h("circle", ["cx": fmt(x(i)), "cy": fmt(y(p.y)), "r": "4", "class": "point"])
                h("text", ["x": fmt(x(i)), "y": fmt(hgt - bottom + 18), "text-anchor": "middle", "class": "tick"]) { p.x }
                h("text", ["x": fmt(x(i)), "y": fmt(y(p.y) - 8), "text-anchor": "middle", "class": "value"]) { number(p.y) }
            }
        }
    }

    /// A profile: one row per area, the first time as a light bar and the latest as a dark one.
    static func profile(
        title: String, rows: [(label: String, first: Double?, latest: Double?)], min: Double, max: Double,
        firstLabel: String, latestLabel: String, id: String
    ) -> Node {
        let w = 640.0, labelW = 270.0, rowH = 26.0, top = 30.0
        let hgt = top + Double(rows.count) * rowH + 10
        func bar(_ v: Double) -> Double { Swift.max(0, (v - min) / Swift.max(1e-9, max - min)) * (w - labelW - 40) }
        return h("svg", ["viewBox": "0 0 \(Int(w)) \(Int(hgt))", "width": "100%", "role": "img", "aria-labelledby": id, "class": "chart"]) {
            h("title", ["id": id]) { title }
            h("rect", ["x": fmt(labelW), "y": "6", "width": "12", "height": "10", "class": "first"])
            h("text", ["x": fmt(labelW + 16), "y": "15", "class": "tick"]) { firstLabel }
            h("rect", ["x": fmt(labelW + 150), "y": "6", "width": "12", "height": "10", "class": "latest"])
            h("text", ["x": fmt(labelW + 166), "y": "15", "class": "tick"]) { latestLabel }
            for (i, r) in rows.enumerated() {
                let y0 = top + Double(i) * rowH
                h("text", ["x": fmt(labelW - 8), "y": fmt(y0 + 15), "text-anchor": "end", "class": "tick"]) { r.label }
                if let f = r.first { h("rect", ["x": fmt(labelW), "y": fmt(y0 + 2), "width": fmt(bar(f)), "height": "9", "class": "first"]) }
                if let l = r.latest {
                    h("rect", ["x": fmt(labelW), "y": fmt(y0 + 12), "width": fmt(bar(l)), "height": "9", "class": "latest"])
                    h("text", ["x": fmt(labelW + bar(l) + 4), "y": fmt(y0 + 20), "class": "value"]) { number(l) }
                }
            }
        }
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
