import PolkuApp
import Fluent
import Foundation
import PolkuCore

/// A directory for Pori's neighbourhoods (Lähde mukaan! worked with associations, public bodies and
/// schools there) and Oulu's pilot areas (Yhdistämö's wellbeing platform). Providers and services are
/// invented and marked "(demo)"; a few have not been checked for a long time, so the stale flag shows.
enum DemoDirectory {
    struct Entry {
        let provider: String; let sector: Sector; let name: String; let category: ServiceCategory; let threshold: Threshold
        let areas: [String]; let languages: [String]; let description: String; let cost: String; let whereWhen: String; let staleDays: Int
    }

    static let entries: [Entry] = [
        Entry(
            provider: "Porin talous- ja velkaneuvonta (demo)", sector: .publicSector, name: "Velkaneuvonta", category: .debtAndFinances, threshold: .low,
            areas: ["Pori", "Ulvila"], languages: ["fi", "sv"], description: "Apua velkoihin, maksuvaikeuksiin ja ulosottoon. Neuvoja talouden suunnitteluun.",
            cost: "Maksuton", whereWhen: "Ma–to 9–15, ajanvaraus tai avoin vastaanotto tiistaisin", staleDays: 20),
        Entry(
            provider: "Porin talous- ja velkaneuvonta (demo)", sector: .publicSector, name: "Raha-asiat haltuun -ryhmä", category: .debtAndFinances, threshold: .low,
            areas: ["Pori"], languages: ["fi"], description: "Neljän kerran ryhmä arjen raha-asioista: budjetti, laskut ja säästäminen.",
            cost: "Maksuton", whereWhen: "Keväisin ja syksyisin, Pihlavan olohuone", staleDays: 40),
        Entry(
            provider: "Pihlavan asukasyhdistys (demo)", sector: .thirdSector, name: "Pihlavan olohuone", category: .socialRehabilitation, threshold: .open,
            areas: ["Pihlava", "Pori"], languages: ["fi"], description: "Kohtaamispaikka, jossa voi juoda kahvit, lukea lehden ja tutustua muihin. Arkiaamuisin yhteinen aamupala.",
            cost: "Kahvi 0,50 €", whereWhen: "Ma–pe 9–14", staleDays: 10),
        Entry(
            provider: "Pihlavan asukasyhdistys (demo)", sector: .thirdSector, name: "Työkokeilu kahvilassa", category: .workCoaching, threshold: .referral,
            areas: ["Pori"], languages: ["fi"], description: "Työkokeilu asukasyhdistyksen kahvilassa: asiakaspalvelu, leivonta ja siivous. Ohjaajana kahvilan työntekijä.",
            cost: "Maksuton", whereWhen: "Sovitaan yksilöllisesti", staleDays: 300),
        Entry(
            provider: "Satakunnan vertaistukiyhdistys (demo)", sector: .thirdSector, name: "Vertaistukiryhmä päihteistä toipuville", category: .substanceAbuse, threshold: .low,
            areas: ["Pori", "Ulvila", "Harjavalta"], languages: ["fi"], description: "Keskusteluryhmä kokemusasiantuntijan kanssa. Voit tulla mukaan ilman ilmoittautumista.",
            cost: "Maksuton", whereWhen: "Keskiviikkoisin 17–18.30", staleDays: 60),
        Entry(
            provider: "Satakunnan vertaistukiyhdistys (demo)", sector: .thirdSector, name: "Ystävätoiminta", category: .peerSupport, threshold: .low,
            areas: ["Pori"], languages: ["fi", "sv", "en"], description: "Vapaaehtoinen ystävä tapaa sinua säännöllisesti, esimerkiksi kävelyllä tai kahvilla. Yksinäisyyteen.",
            cost: "Maksuton", whereWhen: "Sovitaan ystävän kanssa", staleDays: 90),
        Entry(
            provider: "Porin seurakuntayhtymä (demo)", sector: .parish, name: "Diakoniatyön ruoka-apu ja keskusteluapu", category: .socialRehabilitation, threshold: .open,
            areas: ["Pori"], languages: ["fi"], description: "Ruoka-apua, keskusteluapua ja tukea vaikeisiin elämäntilanteisiin uskontokunnasta riippumatta.",
            cost: "Maksuton", whereWhen: "Ti ja to 10–12", staleDays: 30),
        Entry(
            provider: "Sampolan liikuntaseura (demo)", sector: .thirdSector, name: "Matalan kynnyksen kuntosalivuoro", category: .sports, threshold: .open,
            areas: ["Sampola", "Pori"], languages: ["fi", "en"],
            description: "Ohjattu kuntosalivuoro aloittelijoille. Ohjaaja neuvoo laitteiden käytössä ja kunnon kohottamisessa.",
            cost: "2 € / kerta", whereWhen: "Ma ja to 13–14.30", staleDays: 15),
        Entry(
            provider: "Sampolan liikuntaseura (demo)", sector: .thirdSector, name: "Kävelyryhmä", category: .sports, threshold: .open,
            areas: ["Pori"], languages: ["fi"], description: "Yhteinen kävelylenkki rauhalliseen tahtiin. Tule sellaisena kuin olet.",
            cost: "Maksuton", whereWhen: "Pe 10–11, lähtö kirjaston edestä", staleDays: 400),
        Entry(
            provider: "Satakunnan ammattiopisto (demo)", sector: .education, name: "Opintojen ohjaus aikuisille", category: .education, threshold: .low,
            areas: ["Pori", "Ulvila", "Kankaanpää"], languages: ["fi", "en"],
            description: "Apua ammatillisen koulutuksen hakemiseen ja opintojen suunnitteluun. Tutkinnon osien tunnustaminen.",
            cost: "Maksuton", whereWhen: "Ajanvarauksella", staleDays: 50),
        Entry(
            provider: "Satakunnan ammattiopisto (demo)", sector: .education, name: "Suomen kielen kurssi työnhakijoille", category: .education, threshold: .referral,
            areas: ["Pori"], languages: ["fi", "en", "ar", "ru"], description: "Suomen kieltä työelämän tilanteisiin. Mukaan pääsee TE-palveluiden tai työntekijän ohjauksella.",
            cost: "Maksuton", whereWhen: "Arkipäivisin 9–13, 12 viikkoa", staleDays: 70),
        Entry(
            provider: "Porin työllisyyspalvelut (demo)", sector: .publicSector, name: "Työnhakuvalmennus", category: .workCoaching, threshold: .referral,
            areas: ["Pori"], languages: ["fi", "sv", "en"], description: "Henkilökohtainen valmentaja auttaa työnhaussa: CV, hakemukset ja työhaastattelut.",
            cost: "Maksuton", whereWhen: "Sovitaan valmentajan kanssa", staleDays: 25),
        Entry(
            provider: "Porin työllisyyspalvelut (demo)", sector: .publicSector, name: "Asumisneuvonta", category: .housing, threshold: .low,
            areas: ["Pori"], languages: ["fi", "en"], description: "Neuvontaa vuokranmaksuun, asunnon hakemiseen ja asumisen ongelmiin.",
            cost: "Maksuton", whereWhen: "Ke 12–15 avoin vastaanotto", staleDays: 35),
        Entry(
            provider: "Kulttuuriyhdistys Reeraa (demo)", sector: .thirdSector, name: "Taidepaja", category: .leisureAndCulture, threshold: .open,
            areas: ["Pori", "Itä-Pori"], languages: ["fi"], description: "Maalausta, kollaaseja ja käsitöitä ohjaajan kanssa. Aiempaa kokemusta ei tarvita.",
            cost: "Maksuton, materiaalit talon puolesta", whereWhen: "Ti 13–15", staleDays: 12),
        Entry(
            provider: "Satakunnan hyvinvointialue – mielenterveyspalvelut (demo)", sector: .publicSector, name: "Matalan kynnyksen mielenterveysneuvonta", category: .health,
            threshold: .low,
            areas: ["Pori", "Ulvila", "Harjavalta", "Kankaanpää"], languages: ["fi", "sv"], description: "Keskusteluapua jaksamiseen, mielialaan ja uneen ilman lähetettä.",
            cost: "Maksuton", whereWhen: "Puhelin ma–pe 8–16, käynnit ajanvarauksella", staleDays: 45),
        Entry(
            provider: "Oulun Diakonissalaitos – Yhdistämö (demo)", sector: .thirdSector, name: "Hyvinvointipiste", category: .socialRehabilitation, threshold: .open,
            areas: ["Oulu", "ODL:n kantakortteli"], languages: ["fi", "en", "ar", "so"],
            description: "Paikka, josta löytää alueen palvelut: neuvontaa, ohjausta ja yhteistä tekemistä.",
            cost: "Maksuton", whereWhen: "Ma–to 10–15", staleDays: 5),
        Entry(
            provider: "Oulun Diakonissalaitos – Yhdistämö (demo)", sector: .thirdSector, name: "Arjen taidot -ryhmä", category: .socialRehabilitation, threshold: .low,
            areas: ["Oulu"], languages: ["fi"], description: "Ryhmä arjen sujumiseen: päivärytmi, ruoanlaitto ja asioiden hoitaminen.",
            cost: "Maksuton", whereWhen: "Ke 10–12", staleDays: 80),
        Entry(
            provider: "Oulun seurakuntayhtymä (demo)", sector: .parish, name: "Perhekahvila", category: .peerSupport, threshold: .open,
            areas: ["Oulu", "Pilottialue 2 (Oulun kaupungin nimeämä)"], languages: ["fi", "en", "ar"], description: "Kahvila vanhemmille ja lapsille. Vertaistukea ja leikkiä.",
            cost: "Maksuton", whereWhen: "Pe 9.30–11.30", staleDays: 20),
        Entry(
            provider: "Oulun kaupunki – työllisyyspalvelut (demo)", sector: .publicSector, name: "Työkokeilu kaupungin yksiköissä", category: .workCoaching, threshold: .referral,
            areas: ["Oulu"], languages: ["fi", "en"], description: "Työkokeilupaikkoja kaupungin yksiköissä esimerkiksi puistoissa, keittiöissä ja kirjastoissa.",
            cost: "Maksuton", whereWhen: "Sovitaan yksilöllisesti", staleDays: 220),
        Entry(
            provider: "Oulun kaupunki – työllisyyspalvelut (demo)", sector: .publicSector, name: "Talous- ja velkaneuvonta Oulu", category: .debtAndFinances, threshold: .low,
            areas: ["Oulu", "Kempele"], languages: ["fi", "sv", "en", "so"], description: "Neuvontaa velkoihin, maksuvaikeuksiin ja talouden suunnitteluun.",
            cost: "Maksuton", whereWhen: "Ajanvarauksella", staleDays: 60),
        Entry(
            provider: "Oulun Seudun Sosiaalinen Yritys (demo)", sector: .socialEnterprise, name: "Palkkatuettu työ kierrätyskeskuksessa", category: .workCoaching,
            threshold: .referral,
            areas: ["Oulu"], languages: ["fi", "ru", "uk"], description: "Palkkatuettuja työpaikkoja kierrätyskeskuksessa: lajittelu, myymälä ja kuljetukset.",
            cost: "Maksuton", whereWhen: "Arkisin", staleDays: 40),
        Entry(
            provider: "Oulun Liikuntayhdistys (demo)", sector: .thirdSector, name: "Uintivuoro maahan muuttaneille naisille", category: .sports, threshold: .low,
            areas: ["Oulu"], languages: ["fi", "ar", "so", "fa"], description: "Naisten uintivuoro ja uimaopetusta. Naisohjaajat.",
            cost: "1 €", whereWhen: "Su 16–17", staleDays: 30),
    ]

    /// Seeds the directory and a provider account for the velkaneuvonta (debt advice) provider.
    static func seed(on db: any Database, providerUser: UUID?) async throws {
        var orgs: [String: Organisation] = [:]
        let today = Clock.system.today
        for e in entries {
            let org: Organisation
            if let o = orgs[e.provider] {
                org = o
            } else {
                let kind: Organisation.Kind =
                    switch e.sector {
                    case .publicSector: .municipality
                    case .thirdSector: .association
                    case .parish: .parish
                    case .company, .socialEnterprise: .company
                    case .education: .university
                    }
                org = Organisation(name: e.provider, kind: kind, municipality: e.areas.first)
                org.sector = e.sector
                try await org.create(on: db)
                orgs[e.provider] = org
            }
            let s = Service()
            s.$organisation.id = org.id!
            s.name = e.name; s.description = e.description; s.category = e.category; s.threshold = e.threshold
            s.targetGroups = ""; s.areas = Service.listKey(e.areas); s.languages = Service.listKey(e.languages)
            s.cost = e.cost; s.whereWhen = e.whereWhen; s.contact = "puh. 040 000 0000 (demo), palvelu@demo.polku.invalid"
            s.active = true; s.checkedOn = today.adding(days: -e.staleDays).iso
            s.index(organisationName: org.name)
            try await s.create(on: db)
        }
        if let providerUser, let org = orgs["Porin talous- ja velkaneuvonta (demo)"] {
            try await Membership(userID: providerUser, projectID: nil, organisationID: org.id!, role: .worker).create(on: db)
        }
    }
}

extension DemoDirectory {
    /// Referrals in every state from Lähde mukaan!'s participants in Pori to Pori's services, with the
    /// history a provider would have written.
    static func seedReferrals(project: UUID, worker: UUID, provider: UUID, rng: inout DemoRandom, on db: any Database) async throws {
        let targets = try await Service.query(on: db).all().filter { $0.areas.contains(",pori,") }
        guard !targets.isEmpty else { return }
        let enrolments = try await Enrolment.query(on: db).filter(\.$project.$id == project).sort(\.$startDate).range(0..<28).all()
        let paths: [[ReferralState]] = [
            [.sent], [.sent, .received], [.sent, .received, .accepted], [.sent, .received, .declined],
            [.sent, .received, .accepted, .started], [.sent, .received, .accepted, .started, .completed],
            [.sent, .received, .accepted, .started, .interrupted],
        ]
        for (i, e) in enrolments.enumerated() {
            let path = paths[i % paths.count]
            let s = targets[i % targets.count]
            let start = CalendarDate(parsing: e.startDate)!.adding(days: 20 + rng.int(0...30))
            let r = Referral()
            r.$participant.id = e.$participant.id; r.$service.id = s.id!; r.$project.id = project; r.state = path.last!
            r.consentOn = start.iso; r.shared = "name,phone"; r.message = ""; r.$createdBy.id = worker
            if path.last == .declined { r.reason = "Ryhmä on täynnä; uusi haku syksyllä" }
            if path.last == .interrupted { r.reason = "Osallistuja muutti toiselle paikkakunnalle" }
            try await r.create(on: db)
            var day = start
            for (k, state) in path.enumerated() {
                let ev = ReferralEvent()
                ev.$referral.id = r.id!; ev.fromState = k == 0 ? nil : path[k - 1]; ev.toState = state
                ev.at = ISO8601DateFormatter().date(from: day.iso + "T10:00:00Z")!
                ev.reason = state.needsReason ? r.reason : nil
                ev.$user.id = k == 0 ? worker : provider
                try await ev.create(on: db)
                day = day.adding(days: 2 + rng.int(0...12))
            }
        }
    }
}
