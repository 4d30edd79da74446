/// Suppression for a line of counts shown with its total (a table column with a "total" row, a
/// breakdown under a headline figure). Suppressing the counts from 1 to 4 alone is not enough: with
/// one cell hidden, the total minus the others gives it back, and with two hidden cells of 1 and 2
/// the total still tells that both are small. So when anything is hidden, the hidden cells must be
/// at least two and hold together at least `SmallCount.threshold`; the smallest shown non-zero
/// cells are hidden until they do (complementary suppression). When no cell is left to hide, the
/// total itself is hidden.
///
/// A cell hidden as a complement is shown as "x", not "<5": it is not small, and two "<5" cells
/// adding up to, say, 15 would tell the reader which one is not small anyway.
public enum ComplementarySuppression {
    public struct Line: Equatable, Sendable {
        public var cells: [SmallCount]
        public var total: SmallCount
        /// The cells hidden only to protect another one.
        public var complements: Set<Int> = []

        /// What a table shows for cell `i`: the count, "<5", or "x" for a complement.
        public func label(_ i: Int) -> String { complements.contains(i) ? Self.complementMark : cells[i].description }
        public static let complementMark = "x"
    }

    public static func line(_ counts: [Int]) -> Line {
        var hidden = counts.map { (1..<SmallCount.threshold).contains($0) }
        func safe() -> Bool {
            let n = hidden.filter { $0 }.count
            guard n > 0 else { return true }
            let sum = zip(counts, hidden).filter(\.1).map(\.0).reduce(0, +)
            return n >= 2 && sum >= SmallCount.threshold
        }
        while !safe() {
            // The smallest count still shown that is not zero (zero identifies no one and, hidden,
            // would not make the hidden sum any less telling).
            let candidate = counts.indices.filter { !hidden[$0] && counts[$0] > 0 }.min { counts[$0] < counts[$1] }
            guard let i = candidate else {
                let total = counts.reduce(0, +)
                return Line(
                    cells: zip(counts, hidden).map { $1 ? .suppressed : .exact($0) }, total: total == 0 ? .exact(0) : .suppressed,
                    complements: complements(counts, hidden))
            }
            hidden[i] = true
        }
        let total = counts.reduce(0, +)
        return Line(cells: zip(counts, hidden).map { $1 ? .suppressed : .exact($0) }, total: SmallCount(total), complements: complements(counts, hidden))
    }

    static func complements(_ counts: [Int], _ hidden: [Bool]) -> Set<Int> {
        Set(counts.indices.filter { hidden[$0] && counts[$0] >= SmallCount.threshold })
    }
}
