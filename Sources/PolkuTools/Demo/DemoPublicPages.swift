import Foundation
import PolkuApp
import PolkuCore
import SQLKit
import Vapor

/// The seeds' public pages (issue 17): RUORI2's page published with its sections as the seed has
/// them; PARTY's texts written and its financing plan entered from the seed (EU and state granted
/// 3,361,221 €, realised 2,992,663 €; public funding planned 4,172,355 €, realised 3,674,629 €), but
/// left unpublished, so that publishing it is the manager's step to take.
enum DemoPublicPages {
    static let ruori2: [String: String] = [
        "results":
            "Työttömien osallisuuden lisääntyminen.\nYhteistyökumppaneiden kokemukset toiminnan vaikuttavuudesta ja hyödyllisyydestä.\nTyöttömien hyvinvoinnin ja kunnon paraneminen.\nKimppakaveritoiminnan muotoutuminen ja osallistujien yhteisen tekemisen lisääntyminen.",
        "solution":
            "Vertaisvalmennusohjelman suunnittelu, pilotointi ja toteutus kolmella paikkakunnalla (neljässä eri pisteessä).\nPienryhmätoiminta ja erilaisten työkalujen sekä oheismateriaalin tuottaminen.\nHyvinvointitapahtumat.\nKäsikirja työttömien kanssa toimiville.",
        "good_practices": "Osallisuutta lisäävät työmuodot.\nVoimavarojen vahvistaminen positiivisen työotteen avulla.",
        "transfer": "Palvelumuotoilun hyväksi käyttö ja soveltaminen työttömien kanssa työskentelyyn.\nTyöpajatyöskentely.\nKäsikirja työttömien kanssa toimiville.",
        "before":
            "Mikä on mennyt hyvin? Ruori-hankkeen kartoitusvaihe loi perustan RUORI2-jatkohankkeelle.\nMikä on mennyt huonosti? Ihmisiä oli vaikea tavoittaa, koska jatkohankkeen aloitukseen kului lähes vuosi.\nMitä olemme oppineet? Tarvekartoituksen tekemistä, asiakkaiden osallistamista ja asiakasrekrytointia.",
        "during":
            "Mikä on mennyt hyvin? Yhteistyö kumppaneiden kanssa ja kimppakaveritoiminnan toteuttaminen.\nMikä on mennyt huonosti? Asiakasrekrytointi on ollut varsinkin alussa haasteellista.\nMitä olemme vieneet käytäntöön? Palvelumuotoilun ja kimppakaveri-toimintamallin.",
        "after": "Implementointi työttömien yhdistyksiin ja kaupunkien toiminnaksi.",
    ]

    static let party: [String: String] = [
        "results":
            "Lähes 28 %:lle osallistujista löytyi ratkaisu (työ, opiskelu tai työkyvyttömyysetuus) hankkeen päättyessä. Suuri osa jatkoi kuntouttavassa työtoiminnassa.",
        "solution":
            "Osahankekunnissa kehitettiin työ- ja toimintakyvyn arviointimalli, monialainen yhteispalvelu, työkykykoordinaatio, työttömien terveyspalvelut ja matalan kynnyksen palvelupiste.",
        "good_practices": "Kykyviisarikyselyn pilotointi yhdessä Työterveyslaitoksen Solmu-hankkeen kanssa.\nKokemusasiantuntija hanketyöntekijänä ja ohjausryhmän jäsenenä.",
        "during": "Moniammatillinen verkostoyhteistyö vakiintui ja löysi paikkansa osana TYP-työtä.",
    ]

    static let partyFunding = [
        FundingLine(year: nil, source: .euState, planned: 3_361_221, realised: 2_992_663),
        FundingLine(year: nil, source: .municipal, planned: 4_172_355 - 3_361_221, realised: 3_674_629 - 2_992_663),
    ]

    /// Lähde mukaan!'s neighbourhoods' 2020 plans, as the seed points to them (the plans were put
    /// together from the project's future work and published on Karhuseutu's pages).
    static let sitePlans: [String: String] = [
        "Pihlava":
            "Pihlava 2020 – alueen kehittämissuunnitelma, koottu hankkeen tulevaisuustyöstä asukkaiden ja yhdistysten kanssa.\nhttp://karhuseutu.fi/leader_karhuseutu/porin_lahiot/lahde_mukaan!_2015-2017/pihlava/pihlava_2020",
        "Sampola":
            "Sampola 2020 – alueen kehittämissuunnitelma, koottu hankkeen tulevaisuustyöstä.\nhttp://karhuseutu.fi/leader_karhuseutu/porin_lahiot/lahde_mukaan!_2015-2017/sampola/sampola_2020",
        "Pormestarinluoto":
            "Porkka 2020 – alueen kehittämissuunnitelma, koottu hankkeen tulevaisuustyöstä.\nhttp://karhuseutu.fi/leader_karhuseutu/porin_lahiot/lahde_mukaan!_2015-2017/pormestarinluoto/porkka_2020",
    ]

    static func seed(_ app: Application, projects: [String: UUID], publisher: String, on sql: any SQLDatabase) async throws {
        let now = app.clock.now()
        if let lahde = projects["S20250"] {
            for (site, plan) in sitePlans {
                try await sql.raw(
                    "UPDATE sites SET development_plan = \(bind: plan) WHERE project_id = \(bind: lahde) AND name = \(bind: site)"
                ).run()
            }
        }
        if let ruori = projects["S21019"] {
            try await ProjectTexts.saveDraft(ruori, ruori2, now: now, on: sql)
            try await ProjectTexts.publish(ruori, by: publisher, now: now, on: sql)
        }
        if let id = projects["S20519"] {
            try await ProjectTexts.saveDraft(id, party, now: now, on: sql)
            for line in partyFunding {
                try await sql.raw(
                    """
                    INSERT INTO project_funding (id, project_id, year, source, planned, realised)
                    VALUES (\(bind: app.newID()), \(bind: id), \(bind: line.year), \(bind: line.source.rawValue), \(bind: line.planned), \(bind: line.realised))
                    """
                ).run()
            }
        }
    }
}
