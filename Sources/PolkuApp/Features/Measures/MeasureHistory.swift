import Fluent
import Foundation
import PolkuCore
import Vapor

/// One instrument's history for one participant: the latest result with its interpretation, the
/// change since the first time by the instrument's own rule, a chart per score and a table of the
/// same numbers.
enum MeasureHistory {
    @Sendable static func show(req: Request) async throws -> Response {
        let pid = try req.id()
        let key = req.parameters.get("key") ?? ""
        let scope = try await req.authz.participant(pid)
        let history = try await MeasureQueries.history(participant: pid, key: key, scope: scope, on: req.db)
        guard let latestInstrument = try await Instrument.query(on: req.db).filter(\.$key == key).sort(\.$version, .descending).first(),
            let latestDefinition = latestInstrument.definition
        else { throw Abort(.notFound) }
        // Someone who may not read this instrument's sensitivity sees the same as for an unknown one.
        if history.isEmpty && !scope.projects.keys.contains(where: { scope.reads(latestDefinition.health ? .health : .normal, in: $0) }) { throw Abort(.notFound) }
        try await req.audit.record(.participantView, participant: pid, detail: "measures \(key)")
        return try await render(
            req, pid: pid, key: key, history: history, latestDefinition: latestDefinition,
            plain: (try? req.query.get(String.self, at: "view")) == "participant", own: false)
    }

    static func render(
        _ req: Request, pid: UUID, key: String, history: [MeasureQueries.Stored], latestDefinition: InstrumentDefinition,
        plain: Bool, own: Bool
    ) async throws -> Response {
        guard var model = try await query(participant: pid, key: key, history: history, latestDefinition: latestDefinition, on: req.db)
        else { throw Abort(.notFound) }
        model.saved = try? req.query.get(UUID.self, at: "saved")
        let context = req.pageContext
        return (plain ? forParticipant(model, own: own, context: context) : page(model, context: context)).response()
    }
}

extension MeasureHistory {
    /// The history page for `m`: latest result, change, charts and the table of the same numbers.
    static func page(_ m: Model, context: PageContext) -> Page {
        let pid = m.participant, key = m.key, history = m.history, saved = m.saved
        let p = (firstName: m.firstName, lastName: m.lastName)
        let t = context.t
        let lang = t.lang.rawValue
        let d = m.latestDefinition
        let first = history.first, latest = history.last
        let latestDef = m.latestDefinitionUsed
        func bandLabel(_ r: ScoreResult, _ def: InstrumentDefinition) -> (String, String)? {
            guard let id = r.band, let b = def.bands?.first(where: { $0.id == id }) else { return nil }
            return (b.label.text(lang), b.level.rawValue)
        }
        return Page(
            context, title: t("measure.history.title", d.name.text(lang), "\(p.firstName) \(p.lastName)"),
            breadcrumbs: [(t("participants.title"), SiteURL.participants.relativeURL()), ("\(p.firstName) \(p.lastName)", SiteURL.participant(.value(pid)).relativeURL())]
        ) {
            if history.isEmpty { h("p") { t("measure.none") } }
            if !history.isEmpty {
                h("p") { h("a", ["href": SiteURL.participantMeasure(.value(pid), .value(key)).relativeURL([("view", "participant")])]) { t("measure.for_participant.link") } }
            }
            if let latest {
                h("section", ["aria-labelledby": "latest-h", "class": saved == latest.id ? "ok" : nil]) {
                    h("h2", ["id": "latest-h"]) { saved == latest.id ? t("measure.saved", t.date(latest.date)) : t("measure.latest", t.date(latest.date)) }
                    if let total = latest.scores.total {
                        h("p", ["class": "score"]) {
                            t("measure.total", Chart.number(total))
                            if let s = latest.scores.scaled { " · " + t("measure.scaled", Chart.number(s)) }
                        }
                    }
                    if let (label, level) = bandLabel(latest.scores, latestDef) { h("p", ["class": "band \(level)"]) { label } }
                    if let said = latest.ownComment {
                        h("p", ["class": "notice"]) {
                            h("strong") { t("measure.own_comment") + " " }; said
                        }
                    }
                    // Change is judged by the latest version's rule (versions of one instrument share their scale).
                    if let first, first.id != latest.id, let change = InstrumentScoring.change(latestDef, first: first.scores, latest: latest.scores) {
                        h("p") {
                            t("measure.change", t.date(first.date), Chart.number(change.from), Chart.number(change.to), (change.delta > 0 ? "+" : "") + Chart.number(change.delta))
                            if let meaningful = change.meaningful {
                                " "
                                h("strong") {
                                    meaningful
                                        ? t("measure.change.meaningful", Chart.number(latestDef.change!.meaningful))
                                        : t("measure.change.small", Chart.number(latestDef.change!.meaningful))
                                }
                            }
                        }
                    }
                }
            }
            if !history.isEmpty { chartsAndTable(m, t: t) }
            comments(m, t: t)
            h("p", ["class": "meta"]) { d.licence.notice.text(lang) }
        }
    }

    /// Charts of every score over time and a table of the same numbers; the staff's page and the
    /// participant's own page show the same (issue 15: "same rule as staff see").
    static func chartsAndTable(_ m: Model, t: Texts) -> Node {
        let history = m.history, definitions = m.definitions, lang = t.lang.rawValue
        let d = m.latestDefinition
        let first = history.first, latest = history.last
        func bandLabel(_ r: ScoreResult, _ def: InstrumentDefinition) -> (String, String)? {
            guard let id = r.band, let b = def.bands?.first(where: { $0.id == id }) else { return nil }
            return (b.label.text(lang), b.level.rawValue)
        }
        func itemLabel(_ id: String) -> String { m.itemLabel(id, t) }
        let itemIDs = m.itemIDs(t)
        let scale = d.items.first.flatMap { d.scale(of: $0) }
        return group {
            h("section", ["aria-labelledby": "charts-h"]) {
                h("h2", ["id": "charts-h"]) { t("measure.charts") }
                if d.hasTotal {
                    let useScaled = d.scoring.rescale != nil
                    let points = history.compactMap { a -> (String, Double)? in
                        (useScaled ? a.scores.scaled : a.scores.total).map { (t.date(a.date), $0) }
                    }
                    let (lo, hi) =
                        useScaled
                        ? (0.0, 100.0)
                        : d.scoring.method == .goals
                            ? (scale?.min ?? 1, scale?.max ?? 10)
                            : (Double(d.items.count) * (scale?.min ?? 0), Double(d.items.count) * (scale?.max ?? 1))
                    Chart.line(title: t("measure.chart.total", d.name.text(lang)), series: .init(label: d.name.text(lang), points: points), min: lo, max: hi, id: "chart-total")
                    for domain in d.domains where history.contains(where: { $0.scores.domains[domain.id] != nil }) {
                        let n = Double(d.items.filter { $0.domain == domain.id }.count)
                        let per = d.scoring.domainScores == .mean ? 1.0 : n
                        Chart.line(
                            title: t("measure.chart.domain", domain.name.text(lang)),
                            series: .init(label: domain.name.text(lang), points: history.compactMap { a in a.scores.domains[domain.id].map { (t.date(a.date), $0) } }),
                            min: (scale?.min ?? 0) * per, max: (scale?.max ?? 1) * per, id: "chart-\(domain.id)")
                    }
                }
                if d.scoring.method == .profile, let first, let latest {
                    Chart.profile(
                        title: t("measure.chart.profile", t.date(first.date), t.date(latest.date)),
                        rows: d.items.map { (itemLabel($0.id), first.scores.items[$0.id], latest.scores.items[$0.id]) },
                        min: scale?.min ?? 0, max: scale?.max ?? 10,
                        firstLabel: t("measure.first", t.date(first.date)), latestLabel: t("measure.latest_short", t.date(latest.date)), id: "chart-profile")
                }
                if [.measurements, .entered, .goals].contains(d.scoring.method) {
                    for id in itemIDs where history.contains(where: { $0.scores.items[id] != nil }) {
                        let s = d.scoring.method == .goals ? scale : d.item(id).flatMap { d.scale(of: $0) }
                        let points = history.compactMap { a in a.scores.items[id].map { (t.date(a.date), $0) } }
                        let values = points.map(\.1)
                        // Measurements are drawn on the range of the results, not the whole possible scale.
                        let lo = d.scoring.method == .measurements ? max(s?.min ?? 0, (values.min() ?? 0) * 0.8) : (s?.min ?? 0)
                        let hi = d.scoring.method == .measurements ? min(s?.max ?? 100, (values.max() ?? 1) * 1.2) : (s?.max ?? 10)
                        Chart.line(
                            title: itemLabel(id) + (s?.unit.map { " (\($0))" } ?? ""), series: .init(label: itemLabel(id), points: points),
                            min: lo, max: max(hi, lo + 1), id: "chart-i-\(id)")
                    }
                }
            }
            if d.hasTotal && d.scoring.method != .goals {
                // One row per time: the total, its 0–100 form, the domains, the interpretation.
                dataTable {
                    h("caption") { t("measure.table", d.name.text(lang)) }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("measure.date") }
                            h("th", ["scope": "col", "class": "num"]) { t("measure.total_short") }
                            if d.scoring.rescale != nil { h("th", ["scope": "col", "class": "num"]) { "0–100" } }
                            for domain in d.domains where d.scoring.domainScores != nil { h("th", ["scope": "col", "class": "num"]) { domain.name.text(lang) } }
                            if d.bands != nil { h("th", ["scope": "col"]) { t("measure.band") } }
                        }
                    }
                    h("tbody") {
                        for a in history {
                            h("tr", ["id": "a-\(a.id)"]) {
                                h("th", ["scope": "row"]) { t.date(a.date) + (a.version != d.version ? " (v\(a.version))" : "") }
                                h("td", ["class": "num"]) { a.scores.total.map(Chart.number) ?? "–" }
                                if d.scoring.rescale != nil { h("td", ["class": "num"]) { a.scores.scaled.map(Chart.number) ?? "–" } }
                                for domain in d.domains where d.scoring.domainScores != nil {
                                    h("td", ["class": "num"]) { a.scores.domains[domain.id].map(Chart.number) ?? "–" }
                                }
                                if d.bands != nil { h("td") { definitions[a.instrument].flatMap { bandLabel(a.scores, $0)?.0 } ?? "–" } }
                            }
                        }
                    }
                }
            } else {
                // One row per area, goal or measurement, one column per time: reads like the chart.
                dataTable(region: t("measure.table", d.name.text(lang))) {
                    h("caption") { t("measure.table", d.name.text(lang)) }
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { d.scoring.method == .goals ? t("measure.goal") : t("measure.area") }
                            for a in history { h("th", ["scope": "col", "class": "num", "id": "a-\(a.id)"]) { t.date(a.date) } }
                        }
                    }
                    h("tbody") {
                        for id in itemIDs {
                            let unit = d.item(id).flatMap { d.scale(of: $0)?.unit }
                            h("tr") {
                                h("th", ["scope": "row"]) { itemLabel(id) + (unit.map { " (\($0))" } ?? "") }
                                for a in history {
                                    h("td", ["class": "num"]) {
                                        (a.scores.items[id].map(Chart.number) ?? "–") + ((a.answers.important ?? []).contains(id) ? " ★" : "")
                                    }
                                }
                            }
                        }
                        if d.scoring.method == .goals {
                            h("tr") {
                                h("th", ["scope": "row"]) { t("measure.goals_mean") }
                                for a in history { h("td", ["class": "num"]) { a.scores.total.map(Chart.number) ?? "–" } }
                            }
                        }
                    }
                }
            }
            if d.scoring.method == .profile, let latest, let goals = latest.answers.areaGoals, !goals.isEmpty {
                h("h3") { t("measure.area_goals") }
                h("ul") {
                    for id in d.items.map(\.id) where goals[id] != nil {
                        h("li") {
                            h("strong") { itemLabel(id) + ": " }; goals[id]!
                        }
                    }
                }
            }
            if d.scoring.method == .profile { h("p", ["class": "hint"]) { t("measure.important_hint") } }
        }
    }

    /// What the participant wrote about their results, beside the results (issue 15).
    static func comments(_ m: Model, t: Texts) -> Node {
        let said = m.history.filter { $0.ownComment != nil }.reversed()
        return group {
            if !said.isEmpty {
                h("section", ["aria-labelledby": "own-comments-h", "id": "own-comments"]) {
                    h("h2", ["id": "own-comments-h"]) { t("measure.own_comments") }
                    h("ul") {
                        for a in said {
                            h("li") {
                                h("strong") { t("measure.own_comment_of", t.date(a.date)) + " " }; a.ownComment!
                            }
                        }
                    }
                }
            }
        }
    }

    /// The same results in plain words for the participant, to go through together or print: what
    /// the first and the latest time said, whether the change counts, and the areas that moved most.
    static func forParticipant(_ m: Model, own: Bool, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        let lang = t.lang.rawValue
        let d = m.latestDefinition, latestDef = m.latestDefinitionUsed, history = m.history, itemIDs = m.itemIDs(t)
        func itemLabel(_ id: String) -> String { m.itemLabel(id, t) }
        return Page(
            context, title: t("measure.for_participant.title", d.name.text(lang)),
            breadcrumbs: own
                ? [(t("me.title"), SiteURL.me.relativeURL())]
                : [
                    ("\(m.firstName) \(m.lastName)", SiteURL.participant(.value(m.participant)).relativeURL()),
                    (d.name.text(lang), SiteURL.participantMeasure(.value(m.participant), .value(d.key)).relativeURL()),
                ],
            status: status
        ) {
            if own && history.isEmpty { h("p") { t("measure.none") } }
            h("p", ["class": "lead"]) { t("measure.for_participant.intro", m.firstName) }
            if let first = history.first, let latest = history.last {
                if d.hasTotal, let a = d.scoring.rescale != nil ? first.scores.scaled : first.scores.total,
                    let b = d.scoring.rescale != nil ? latest.scores.scaled : latest.scores.total
                {
                    let outOf =
                        d.scoring.rescale != nil
                        ? "100"
                        : Chart.number(
                            d.scoring.method == .goals
                                ? (d.items.first.flatMap { d.scale(of: $0)?.max } ?? 10)
                                : Double(d.items.count) * (d.items.first.flatMap { d.scale(of: $0)?.max } ?? 1))
                    h("p") { t("measure.for_participant.first", t.date(first.date), Chart.number(a), outOf) }
                    if first.id != latest.id {
                        h("p") { t("measure.for_participant.latest", t.date(latest.date), Chart.number(b), outOf) }
                        if let change = InstrumentScoring.change(latestDef, first: first.scores, latest: latest.scores) {
                            h("p", ["class": "score"]) {
                                change.delta == 0
                                    ? t("measure.for_participant.same")
                                    : change.meaningful == true
                                        ? t(change.delta > 0 ? "measure.for_participant.up_clear" : "measure.for_participant.down_clear")
                                        : t(change.delta > 0 ? "measure.for_participant.up" : "measure.for_participant.down")
                            }
                        }
                    }
                    if let band = latest.scores.band, let label = latestDef.bands?.first(where: { $0.id == band })?.label.text(lang) {
                        h("p", ["class": "band"]) { label }
                    }
                }
                if !d.hasTotal || d.scoring.method == .goals {
                    let moves = itemIDs.compactMap { id -> (String, Double, Double)? in
                        guard let a = first.scores.items[id], let b = latest.scores.items[id] else { return nil }
                        return (id, a, b)
                    }
                    let better = moves.filter { m in d.item(m.0)?.better == .lower ? m.2 < m.1 : m.2 > m.1 }
                    if first.id != latest.id && !better.isEmpty {
                        h("h2") { t("measure.for_participant.better") }
                        h("ul") { for m in better { h("li") { "\(itemLabel(m.0)): \(Chart.number(m.1)) → \(Chart.number(m.2))" } } }
                    }
                    h("h2") { t("measure.for_participant.now", t.date(latest.date)) }
                    h("ul") {
                        for id in itemIDs {
                            if let v = latest.scores.items[id] {
                                h("li") {
                                    "\(itemLabel(id)): \(Chart.number(v))" + ((latest.answers.important ?? []).contains(id) ? " – " + t("measure.for_participant.important") : "")
                                }
                            }
                        }
                    }
                    if let goals = latest.answers.areaGoals ?? first.answers.areaGoals, !goals.isEmpty {
                        h("h2") { t("measure.area_goals") }
                        h("ul") {
                            for id in d.items.map(\.id) where goals[id] != nil {
                                h("li") {
                                    h("strong") { itemLabel(id) + ": " }; goals[id]!
                                }
                            }
                        }
                    }
                }
            }
            if own && history.count >= 3 { sinceLastTime(m, t: t) }
            if own && !history.isEmpty {
                chartsAndTable(m, t: t)
                ownComment(m, context: context)
            }
            h("p", ["class": "hint"]) { t("measure.for_participant.print") }
        }
    }
}
