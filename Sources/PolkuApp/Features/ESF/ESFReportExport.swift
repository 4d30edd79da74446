import Foundation
import PolkuCore
import Vapor

/// The exports meant for the funder (CSV, XLSX, JSON): counts from 1 to 4 always suppressed, labels
/// in the reader's language (the indicator codes as the funder names them, no internal codes), and
/// notes that say what the figures are. One table builder serves the formats.
enum ESFReportExport {
    typealias Cell = XLSXWorkbook.Cell

    static func cell(_ n: Int) -> Cell {
        switch SmallCount(n) {
        case .exact(let v): .number(v)
        case .suppressed: .text(SmallCount.suppressed.description)
        }
    }

    static func indicatorRows(_ r: ESFReport, t: Texts) -> [[Cell]] {
        var rows: [[Cell]] = [
            [t("export.frame"), t("report.code"), t("report.indicator"), t("report.women"), t("report.men"), t("report.non_binary"), t("report.total")]
                .map(Cell.text)
        ]
        func counts<I: IndicatorCode>(_ tally: IndicatorTally<I>, _ i: I) -> [Cell] { ESFGender.allCases.map { cell(tally.count(i, $0)) } + [cell(tally.count(i))] }
        for i in ESFPlusIndicator.allCases { rows.append([.text("ESR+ 2021–2027"), .text(i.code), .text(t("indicator." + i.code))] + counts(r.plus, i)) }
        for i in ESF2014Indicator.allCases { rows.append([.text("ESR 2014–2020"), .text(i.code), .text(t("indicator." + i.code))] + counts(r.esf2014, i)) }
        return rows
    }

    static func outcomeRows(_ r: ESFReport, t: Texts) -> [[Cell]] {
        var rows: [[Cell]] = [[t("report.outcome"), t("report.count")].map(Cell.text)]
        for o in ServiceOutcome.allCases { rows.append([.text(t("outcome." + o.rawValue)), cell(r.outcomes[o] ?? 0)]) }
        rows.append([.text(t("report.outcome.none")), cell(r.leaversWithoutOutcome)])
        return rows
    }

    /// What the figures are: the project, the period and its rule, when computed, how small counts
    /// are shown, and why "started" and EECO01 differ.
    static func noteRows(_ r: ESFReport, project: Project, filter: ESFReport.Filter, today: CalendarDate, t: Texts) -> [[Cell]] {
        notes(
            project: project, from: filter.from, to: filter.to, today: today, t: t,
            more: [
                (t("export.note.rule"), t("report.period_rule")),
                (t("export.note.started"), SmallCount(r.entered).description),
                (t("export.note.incomplete"), t("export.note.incomplete.text", SmallCount(r.missing.count).description)),
            ])
    }

    /// The notes every export carries: the project, the period, the day computed, small counts.
    static func notes(project: Project, from: CalendarDate?, to: CalendarDate?, today: CalendarDate, t: Texts, more: [(String, String)] = []) -> [[Cell]] {
        let period = "\(from.map { t.date($0.iso) } ?? "…")–\(to.map { t.date($0.iso) } ?? "…")"
        let notes: [(String, String)] =
            [
                (t("export.note.project"), "\(project.name) (\(project.code))"), (t("export.note.period"), period),
                (t("export.note.computed"), t.date(today.iso)), (t("export.note.small"), t("export.note.small.text")),
            ] + more
        return [[t("export.notes.what"), t("export.note.value")].map(Cell.text)] + notes.map { [.text($0.0), .text($0.1)] }
    }

    static func csv(_ r: ESFReport, project: Project, filter: ESFReport.Filter, today: CalendarDate, t: Texts) -> String {
        let lines = indicatorRows(r, t: t) + [[]] + outcomeRows(r, t: t) + [[]] + noteRows(r, project: project, filter: filter, today: today, t: t)
        return lines.map { $0.map(csvField).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func xlsx(_ r: ESFReport, project: Project, filter: ESFReport.Filter, today: CalendarDate, t: Texts) throws -> Data {
        try XLSXWorkbook(sheets: [
            .init(name: t("export.sheet.indicators"), rows: indicatorRows(r, t: t)),
            .init(name: t("export.sheet.outcomes"), rows: outcomeRows(r, t: t)),
            .init(name: t("export.sheet.notes"), rows: noteRows(r, project: project, filter: filter, today: today, t: t)),
        ]).data()
    }

    /// `{"project": …, "indicators": {"EECO01": {"female": 3, …, "total": "<5"}}, "outcomes": {…}}`
    static func json(_ r: ESFReport, project: Project, filter: ESFReport.Filter) throws -> Data {
        func value(_ n: Int) -> Any { if case .exact(let v) = SmallCount(n) { return v }; return SmallCount.suppressed.description }
        func counts<I: IndicatorCode>(_ tally: IndicatorTally<I>, _ i: I) -> [String: Any] {
            var d: [String: Any] = ["total": value(tally.count(i))]
            for g in ESFGender.allCases { d[g.rawValue] = value(tally.count(i, g)) }
            return d
        }
        var indicators: [String: Any] = [:]
        for i in ESFPlusIndicator.allCases { indicators[i.code] = counts(r.plus, i) }
        for i in ESF2014Indicator.allCases { indicators[i.code] = counts(r.esf2014, i) }
        var outcomes: [String: Any] = [:]
        for o in ServiceOutcome.allCases { outcomes[o.rawValue] = value(r.outcomes[o] ?? 0) }
        outcomes["not_recorded"] = value(r.leaversWithoutOutcome)
        let object: [String: Any] = [
            "project": project.code, "from": filter.from?.iso ?? NSNull(), "to": filter.to?.iso ?? NSNull(),
            "participants_entered": value(r.entered), "leavers": value(r.leavers), "incomplete_records": value(r.missing.count),
            "indicators": indicators, "outcomes": outcomes,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    /// Semicolon-separated (what Finnish Excel expects), quoted when needed.
    static func csvField(_ c: Cell) -> String {
        let s: String
        switch c {
        case .text(let v): return CSVField.encode(v, quoting: ";\"\n\r");
        case .number(let n): s = String(n);
        case .empty: s = ""
        }
        return s
    }
}
