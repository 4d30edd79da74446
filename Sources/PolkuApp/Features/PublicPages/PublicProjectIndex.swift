import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The public index of projects whose page is published (`/p`), searchable by words, region,
/// funder, target group and year; and the public sitemap that lists them with the directory.
enum PublicProjectIndex {
    struct Row: Decodable, Sendable, Equatable {
        let code: String; let name: String; let summary: String; let funder: String; let region: String
        let start_date: String; let end_date: String; let target_groups: String
    }

    static let fields = ["q", "region", "funder", "group", "year"]

    struct Filter {
        var words = "", region = "", funder = "", group = "", year: Int? = nil

        func admits(_ r: Row) -> Bool {
            func has(_ text: String, _ part: String) -> Bool { part.isEmpty || text.localizedCaseInsensitiveContains(part) }
            if let year, !(r.start_date.prefix(4) <= String(year) && String(year) <= r.end_date.prefix(4)) { return false }
            return has(r.name + " " + r.summary + " " + r.code, words) && (region.isEmpty || r.region == region)
                && (funder.isEmpty || r.funder == funder) && has(r.target_groups, group)
        }
    }

    static func published(on sql: any SQLDatabase) async throws -> [Row] {
        try await sql.raw(
            """
            SELECT p.code, p.name, p.summary, p.funder, p.region, p.start_date, p.end_date, p.target_groups
            FROM projects p JOIN project_pages g ON g.project_id = p.id WHERE g.published IS NOT NULL ORDER BY p.name
            """
        ).all(decoding: Row.self)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        var state = FormState.read(req.query, fields: fields)
        var filter = Filter()
        filter.words = state.text("q", max: 200)
        filter.region = state["region"]; filter.funder = state["funder"]
        filter.group = state.text("group", max: 200)
        filter.year = state.integer("year", range: 1990...2100)
        let all = try await req.reportReading { db in try await published(on: db.sql) }.0
        let shown = state.isValid ? all.filter(filter.admits) : all
        return view(all: all, shown: shown, state: state, context: req.pageContext).response()
    }

    static func view(all: [Row], shown: [Row], state: FormState, context: PageContext) -> PolkuApp.Page {
        let t = context.t
        let f = Fields(t: t, state: state, prefix: "p-")
        let regions = Set(all.map(\.region)).filter { !$0.isEmpty }.sorted()
        let funders = Set(all.map(\.funder)).filter { !$0.isEmpty }.sorted()
        return PolkuApp.Page(context, title: t("public.index.title")) {
            h("p", ["class": "lead"]) { t("public.index.intro") }
            h("form", ["method": "get", "action": SiteURL.publicProjects.relativeURL(), "role": "search"]) {
                f.summary()
                f.text("q", t("public.index.words"), type: "search")
                f.select("region", t("project.region"), options: regions.map { ($0, $0) }, blank: t("public.index.any"))
                f.select("funder", t("project.funder"), options: funders.map { ($0, $0) }, blank: t("public.index.any"))
                f.text("group", t("project.target_groups"))
                f.text("year", t("public.index.year"), hint: t("public.index.year_hint"))
                submit(t("public.index.search"))
            }
            h("p", ["role": "status"]) { t("public.index.count", shown.count, all.count) }
            h("ul", ["class": "plain"]) {
                for r in shown {
                    h("li") {
                        h("h2") { h("a", ["href": SiteURL.publicProject(.value(r.code)).relativeURL()]) { r.name } }
                        h("p") { "\(r.code) · \(r.funder.isEmpty ? "–" : r.funder) · \(r.region) · \(t.date(r.start_date))–\(t.date(r.end_date))" }
                    }
                }
            }
        }
    }

    /// The public sitemap: the project index and pages, and the directory with its services.
    @Sendable static func sitemap(req: Request) async throws -> Response {
        let base = OwnSpaceController.publicBase(req)
        let sql = req.readDatabase.sql
        struct Service: Decodable { let id: UUID }
        let services = try await sql.raw("SELECT id FROM services WHERE active = \(bind: true) ORDER BY id").all(decoding: Service.self)
        var urls = [SiteURL.publicProjects.relativeURL(), SiteURL.directory.relativeURL()]
        urls += try await published(on: sql).map { SiteURL.publicProject(.value($0.code)).relativeURL() }
        urls += services.map { SiteURL.directoryService(.value($0.id)).relativeURL() }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for u in urls { xml += "<url><loc>\(XLSXWorkbook.escape(base + u))</loc></url>\n" }
        xml += "</urlset>\n"
        let res = Response(status: .ok, body: .init(string: xml))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        return res
    }
}
