import Foundation
import PolkuApp
import SQLKit
import Vapor

/// The seeds' client panels and developer group (issue 16): Kunnolla Töihin's KARI (six clients who
/// evaluated the Työkykyviisari method and held a developer-clients' day on 14.1.2016), PARTY's client
/// panel with an experience expert on the steering group, and Lähde mukaan!'s client panel that made
/// the employment services' experts aware of the client's view. Members are the project's first
/// participants, each with the consent "Kehittämiseen pyytäminen" given, as the panel form requires.
enum DemoPanels {
    struct Panel {
        let code, name, kind, joined: String
        let members: Int
        let meetings: [(date: String, topics: String, attendees: Int)]
        let proposals: [(text: String, on: String, effect: String?, effectOn: String?)]
    }

    static let panels = [
        Panel(
            code: "S20013", name: "KARI – kehittäjäasiakastyöryhmä", kind: "developer_group", joined: "2015-09-01", members: 6,
            meetings: [
                ("2015-10-07", "Työkykyviisari-menetelmän arviointi asiakkaan näkökulmasta", 6),
                ("2016-01-14", "Kehittäjäasiakaspäivä yhdessä Jyväskylän Katulähetyksen kehittäjäasiakkaiden kanssa", 6),
            ],
            proposals: [
                ("Työkykyviisarin kysymykset lyhyemmiksi ja selkokielisiksi", "2015-10-07", "THL:n työryhmä muokkasi lomakkeen sanamuotoja", "2015-12-01"),
                ("Valmentautujat mukaan työvalmennuksen kehittämiseen", "2016-01-14", nil, nil),
            ]),
        Panel(
            code: "S20519", name: "PARTY – asiakasraati", kind: "client_panel", joined: "2015-09-15", members: 8,
            meetings: [("2015-11-10", "Matalan kynnyksen palvelut ja terveystarkastukset", 7), ("2016-03-08", "Palautetta TTP-vastaanotosta", 6)],
            proposals: [
                ("Kokemusasiantuntija hankkeen ohjausryhmään", "2015-11-10", "Kokemusasiantuntija valittiin ohjausryhmän varsinaiseksi jäseneksi", "2016-01-20")
            ]),
        Panel(
            code: "S20250", name: "Lähde mukaan! – asiakasraati", kind: "client_panel", joined: "2015-10-01", members: 5,
            meetings: [("2015-11-18", "Miltä TE-palvelut näyttävät asiakkaan silmin", 5)],
            proposals: [
                ("Palveluiden esitteet ja kirjeet selkeämmiksi", "2015-11-18", "TE-palveluiden asiantuntijat muuttivat asiakaskirjeen sanamuotoja", "2016-02-01")
            ]),
    ]

    static func seed(_ app: Application, projects: [String: UUID], manager: UUID, on sql: any SQLDatabase) async throws {
        for panel in panels {
            guard let project = projects[panel.code] else { continue }
            let id = app.newID()
            try await sql.raw(
                "INSERT INTO panels (id, project_id, name, kind, created_at) VALUES (\(bind: id), \(bind: project), \(bind: panel.name), \(bind: panel.kind), \(bind: app.clock.now()))"
            ).run()
            let members = try await sql.raw(
                "SELECT DISTINCT participant_id FROM enrolments WHERE project_id = \(bind: project) ORDER BY participant_id LIMIT \(literal: panel.members)"
            ).all(decoding: [String: UUID].self).compactMap { $0["participant_id"] }
            for person in members {
                try await sql.raw(
                    """
                    INSERT INTO consents (id, created_at, participant_id, purpose, date, given, recorded_by)
                    VALUES (\(bind: app.newID()), \(bind: app.clock.now()), \(bind: person), 'development', \(bind: panel.joined), \(bind: true), \(bind: manager))
                    """
                ).run()
                try await sql.raw(
                    "INSERT INTO panel_members (panel_id, participant_id, joined_on) VALUES (\(bind: id), \(bind: person), \(bind: panel.joined))"
                ).run()
            }
            for m in panel.meetings {
                try await sql.raw(
                    """
                    INSERT INTO panel_meetings (id, panel_id, date, topics, attendees)
                    VALUES (\(bind: app.newID()), \(bind: id), \(bind: m.date), \(bind: m.topics), \(bind: m.attendees))
                    """
                ).run()
            }
            for p in panel.proposals {
                try await sql.raw(
                    """
                    INSERT INTO panel_proposals (id, panel_id, proposal, proposed_on, effect, effect_on, effect_by)
                    VALUES (\(bind: app.newID()), \(bind: id), \(bind: p.text), \(bind: p.on), \(bind: p.effect), \(bind: p.effectOn), \(bind: p.effect == nil ? nil : manager))
                    """
                ).run()
            }
        }
    }
}
