import Vapor

/// The one stylesheet, served from the binary so that Polku runs from any working directory.
/// Colours meet WCAG AA contrast; focus is always visible.
enum Stylesheet {
    @Sendable static func serve(req: Request) async throws -> Response {
        asset(css, type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    /// The profile cards' print page prints on A6 (issue 16): a sheet of its own, as `@page` cannot
    /// depend on what a page holds.
    @Sendable static func serveCards(req: Request) async throws -> Response {
        asset("@page{size:105mm 148mm;margin:6mm}\n", type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    /// A file built into the binary, cached by browsers for an hour.
    static func asset(_ text: String, type: HTTPMediaType) -> Response {
        let res = Response(status: .ok, body: .init(string: text))
        res.headers.contentType = type
        res.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return res
    }

    static let css = """
        *{box-sizing:border-box}
        [hidden]{display:none!important}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.05rem;line-height:1.5;color:#1b1b1b;background:#fafaf7}
        a{color:#0b4f8a}
        a:hover{color:#062f52}
        :focus-visible{outline:3px solid #b35900;outline-offset:2px}
        .skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem}
        .skip:focus{left:.5rem;z-index:10}
        header.site{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.25rem 1rem;background:#123c5a;color:#fff}
        header.site a{color:#fff}
        header.site .brand{font-weight:700;font-size:1.3rem;text-decoration:none;min-height:44px;display:flex;align-items:center}
        header.site ul{list-style:none;display:flex;flex-wrap:wrap;gap:0 .75rem;margin:0;padding:0}
        header.site li a{display:flex;align-items:center;min-height:44px}
        header.site .langs a[aria-current]{font-weight:700}
        header.site form{margin:0}
        header.site form.logout button{background:transparent;color:#fff;border:1px solid #fff}
        header.site details.menu{margin-left:auto}
        header.site details.menu>summary{color:#fff;margin:0;min-height:44px;display:flex;align-items:center;padding:0 .75rem;border:1px solid #fff;border-radius:3px}
        header.site details.menu[open]{flex-basis:100%;display:flex;flex-direction:column;gap:.5rem;padding-bottom:.5rem}
        header.site details.menu[open]>summary{align-self:flex-end}
        header.site details.menu ul{flex-direction:column}
        header.site .menu-wide{display:none}
        header.site form.site-search{display:flex;gap:.25rem;flex:1 1 100%;order:3}
        header.site form.site-search input{flex:1;min-width:0}
        header.site form.site-search button{background:#fff;color:#123c5a;border-color:#fff}
        @media (min-width:48rem){
        header.site details.menu{display:none}
        header.site .menu-wide{display:contents}
        header.site form.site-search{order:0;flex:1 1 12rem;max-width:24rem}
        header.site .langs{margin-left:auto}
        }
        main{max-width:72rem;margin:0 auto;padding:1rem}
        h1,h2,h3,main p,main li{overflow-wrap:break-word}
        @media (max-width:40rem){h1{font-size:1.6rem}h2{font-size:1.3rem}}
        footer{max-width:72rem;margin:2rem auto;padding:1rem;color:#4a4a4a;font-size:.9rem}
        .crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:0 0 .5rem}
        .crumbs li+li::before{content:"›";margin-right:.25rem;color:#555}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;background:#fff}
        th,td{border-bottom:1px solid #ccc;padding:.4rem .5rem;text-align:left;vertical-align:top}
        th.num,td.num{text-align:right}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dl.facts dt{font-weight:600}
        dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
        @media (max-width:40rem){dl.facts{grid-template-columns:minmax(0,1fr);gap:0}dl.facts dd{margin-bottom:.5rem}}
        form{margin:.5rem 0 1rem}
        form.narrow{max-width:28rem}
        form.inline{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end}
        form.inline>*{min-width:0;max-width:100%}
        form.inline-button{display:inline;margin:0}
        fieldset{border:1px solid #bbb;margin:0 0 1rem;padding:.5rem 1rem}
        legend{font-weight:600}
        .field{margin:.5rem 0;display:flex;flex-direction:column;gap:.2rem}
        .field.check{flex-direction:row;align-items:center;gap:.5rem;min-height:44px}
        .field.check input{width:1.5rem;height:1.5rem;margin:.35rem 0}
        .field.check label{flex:1;padding:.35rem 0}
        .field.invalid input,.field.invalid select,.field.invalid textarea{border-color:#b00020;border-width:2px}
        input,select,textarea{font:inherit;padding:.35rem .45rem;border:1px solid #666;border-radius:3px;background:#fff;color:#1b1b1b;max-width:100%}
        textarea{width:100%}
        button,.button{font:inherit;display:inline-block;min-height:44px;padding:.4rem .9rem;border:1px solid #0b4f8a;border-radius:3px;background:#0b4f8a;color:#fff;text-decoration:none;cursor:pointer}
        button.secondary,a.button.secondary{background:#fff;color:#0b4f8a}
        .actions{display:flex;gap:.5rem;flex-wrap:wrap}
        img.portfolio-image{display:block;max-width:100%;max-height:24rem;height:auto;width:auto}
        article.profile-card{border:1px solid #999;border-radius:6px;padding:1rem;margin:1rem 0;max-width:105mm}
        article.profile-card img{display:block;max-width:100%;max-height:60mm;margin:.5rem auto}
        .hint{margin:0;color:#4a4a4a;font-size:.92rem}
        .req{color:#b00020}
        .error{margin:0;color:#b00020;font-weight:600}
        .error-summary{border:2px solid #b00020;padding:.25rem 1rem;background:#fff5f5;margin:.5rem 0}
        pre.contract{overflow-x:auto;max-width:100%;font-size:.85rem} h3 code{overflow-wrap:anywhere}
        code.token{overflow-wrap:anywhere;word-break:break-all;font-size:1.05rem}
        .notice{border:2px solid #8a5a00;padding:.25rem 1rem;background:#fffaf0;margin:.5rem 0}
        fieldset.checks{border:0;padding:0}
        .ok{border:2px solid #1e6b34;padding:.25rem 1rem;background:#f2fbf4}
        .flash{position:sticky;top:0;z-index:5;margin:.5rem 0}
        ul.plain{list-style:none;padding-left:0}
        nav.jump ul{list-style:none;display:flex;flex-wrap:wrap;gap:0 1rem;padding:0;margin:.5rem 0 0}
        nav.jump a{display:inline-flex;align-items:center;min-height:44px}
        ul.plain li{margin:.25rem 0;min-height:44px;display:flex;align-items:center;flex-wrap:wrap;gap:.25rem}
        .card,.note{background:#fff;border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem;margin:.5rem 0}
        .note.health{border-left:6px solid #8a3b00}
        .meta{color:#4a4a4a;font-size:.92rem}
        ol.phases{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0}
        ol.phases li{padding:.15rem .6rem;border:1px solid #999;border-radius:1rem}
        ol.phases li[aria-current]{background:#123c5a;color:#fff;border-color:#123c5a}
        ol.timeline{padding-left:1.25rem}
        .lead{font-size:1.1rem;color:#333}
        details summary{cursor:pointer;color:#0b4f8a;margin:.5rem 0}
        ul.sessions{list-style:none;padding:0;margin:.25rem 0}
        ul.sessions li{margin:.15rem 0}
        ul.sessions li.cancelled a{text-decoration:line-through}
        table.month{table-layout:fixed;width:100%}
        table.month td{vertical-align:top;height:5rem;font-size:.9rem;border:1px solid #ccc}
        table.month td.other-month{background:#f3f3f3}
        table.month .day{font-weight:600}
        nav.pager{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0}
        fieldset.scale{border:1px solid #ccc;border-radius:4px;margin:.75rem 0;padding:.25rem .75rem}
        fieldset.scale.invalid{border:2px solid #b00020}
        .options{display:flex;flex-wrap:wrap;gap:.25rem .75rem}
        label.option{display:flex;align-items:center;gap:.35rem;padding:.3rem 0;min-height:44px}
        label.option input{width:1.3rem;height:1.3rem}
        .profile-extras{display:flex;flex-wrap:wrap;gap:0 1.5rem;margin:-.25rem 0 .75rem 1rem}
        p.band{padding:.35rem .75rem;border-left:6px solid #666}
        p.band.red{border-color:#b00020} p.band.amber{border-color:#8a5a00} p.band.green{border-color:#1e6b34}
        p.score{font-size:1.25rem;font-weight:600}
        svg.chart{max-width:640px;display:block;margin:.5rem 0 1rem}
        div.scroll{overflow-x:auto;max-width:100%;position:relative}
        @media (max-width:40rem){
        div.stack thead{display:block;position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        div.stack table,div.stack tbody,div.stack caption{display:block}
        div.stack tr{display:block;border-bottom:1px solid #999;padding:.35rem 0}
        div.stack td{display:grid;grid-template-columns:minmax(0,9rem) minmax(0,1fr);gap:.5rem;border:0;padding:.15rem .25rem;text-align:left;overflow-wrap:anywhere}
        div.stack th[scope=row]{display:block;border:0;padding:.15rem .25rem}
        div.stack td::before{content:attr(data-label);font-weight:600;overflow-wrap:anywhere}
        div.stack table.month td{display:block;height:auto;border:0}
        div.stack table.month td.empty{display:none}
        div.stack table.month td::before{content:attr(data-label) " "}
        }
        fieldset{min-width:0}
        code{overflow-wrap:anywhere}
        select,input,textarea{max-width:100%}
        select,input:not([type=checkbox]):not([type=radio]):not([type=hidden]){min-height:44px}
        details summary{padding:.6rem 0}
        ul.services{list-style:none;padding:0}
        input.wide{width:100%}
        .small-mark{color:#8a3b00;font-weight:700;margin-left:.1rem}
        article.letter{background:#fff;border:1px solid #ccc;padding:1rem 1.5rem;max-width:40rem;margin:1rem 0}
        article.letter svg.qr,section svg.qr{width:12rem;height:12rem;display:block;margin:1rem 0}
        .link-text{overflow-wrap:anywhere}
        .letter-link code{font-size:.95rem}
        svg.chart .grid{stroke:#ddd;stroke-width:1}
        svg.chart .series{fill:none;stroke:#0b4f8a;stroke-width:2.5}
        svg.chart .point{fill:#0b4f8a}
        svg.chart .tick{font-size:11px;fill:#333}
        svg.chart .value{font-size:11px;fill:#123c5a;font-weight:600}
        svg.chart rect.first{fill:#9fbfdc}
        svg.chart rect.latest{fill:#123c5a}
        @page{size:A4;margin:15mm}
        @media print{
        main:has(article.profile-card)>h1{display:none!important}
        article.profile-card{break-after:page;border:0;margin:0;padding:0;max-width:none;font-size:12pt}
        header.site,nav,form,footer,.skip,.flash,button,.button,.no-print,.crumbs,main:has(article.letter)>h1{display:none!important}
        article.letter{border:0;padding:0;margin:0;max-width:none;font-size:13pt}
        body{background:#fff;font-size:11pt;color:#000}
        main{max-width:none;padding:0}
        a{color:#000;text-decoration:none}
        div.scroll{overflow:visible}
        table{font-size:9pt;table-layout:fixed;width:100%}
        th,td{overflow-wrap:anywhere;padding:.15rem .25rem}
        tr,.card,.note,svg.chart,dl.facts{break-inside:avoid}
        h1,h2,h3{break-after:avoid}
        .card{border-color:#999}
        }
        """
}
