import PolkuApp
import PolkuCore

/// The five seed projects' public facts (from `shared/seeds/`). Steering groups are given as roles and
/// organisations only: the seeds name real people with their contact details, and those stay out.
enum DemoProjects {
    struct Org { let name: String; let businessID: String?; let kind: Organisation.Kind; let municipality: String? }
    struct Spec {
        let code, name, summary, funder, axis, objective, start, end, region, budget: String
        let planned: Int?
        let targetGroups: [String]
        let phases: [String]
        let administrators: [String]
        let coImplementers: [String]
        let partners: [String]
        let funders: [String]
        let steering: [(role: String, organisation: String)]
        let sites: [(name: String, municipality: String, kind: Site.Kind)]
        let subProjects: [(code: String, name: String)]
    }

    static let organisations: [Org] = [
        Org(name: "Turun ammattikorkeakoulu", businessID: nil, kind: .university, municipality: "Turku"),
        Org(name: "Keski-Suomen ELY-keskus", businessID: nil, kind: .state, municipality: "Jyväskylä"),
        Org(name: "Turun Seudun TST ry", businessID: nil, kind: .association, municipality: "Turku"),
        Org(name: "Salon alueen Työttömät ry", businessID: nil, kind: .association, municipality: "Salo"),
        Org(name: "Varissuon Työ ja Toiminta VT ry", businessID: nil, kind: .association, municipality: "Turku"),
        Org(name: "Yhdessä yhdistys ry", businessID: nil, kind: .association, municipality: "Turku"),
        Org(name: "Turun kaupunki", businessID: "0204819-8", kind: .municipality, municipality: "Turku"),
        Org(name: "Salon kaupunki", businessID: "0139533-1", kind: .municipality, municipality: "Salo"),
        Org(name: "Raision kaupunki", businessID: nil, kind: .municipality, municipality: "Raisio"),
        Org(name: "Leader Karhuseutu ry", businessID: nil, kind: .association, municipality: "Pori"),
        Org(name: "Diakonia-ammattikorkeakoulu", businessID: nil, kind: .university, municipality: nil),
        Org(name: "Porin kaupunki", businessID: nil, kind: .municipality, municipality: "Pori"),
        Org(name: "Sovatek-säätiö", businessID: nil, kind: .foundation, municipality: "Jyväskylä"),
        Org(name: "Jyväskylän Katulähetys", businessID: nil, kind: .association, municipality: "Jyväskylä"),
        Org(name: "Jyväskylän ammattikorkeakoulu", businessID: nil, kind: .university, municipality: "Jyväskylä"),
        Org(name: "Jyväskylän kaupunki", businessID: nil, kind: .municipality, municipality: "Jyväskylä"),
        Org(name: "Rauman kaupunki", businessID: "0138780-9", kind: .municipality, municipality: "Rauma"),
        Org(name: "Rauman TaitoKunto Oy", businessID: "2759165-6", kind: .company, municipality: "Rauma"),
        Org(name: "Rauman TaitoKunto Oy (aputoiminimi TaitoKunto)", businessID: "2430975-8", kind: .company, municipality: "Rauma"),
        Org(name: "Työterveyslaitos", businessID: "0220266-9", kind: .state, municipality: "Helsinki"),
        Org(name: "Someron kaupunki", businessID: "0153082-0", kind: .municipality, municipality: "Somero"),
        Org(name: "Eurajoen kunta", businessID: "0132322-3", kind: .municipality, municipality: "Eurajoki"),
        Org(name: "Euran kunta", businessID: "0132239-4", kind: .municipality, municipality: "Eura"),
        Org(name: "Vates-säätiö", businessID: "0941232-7", kind: .foundation, municipality: "Helsinki"),
        Org(name: "Työeläkeyhtiö Varma", businessID: nil, kind: .company, municipality: "Helsinki"),
        Org(name: "Turun Työttömät TST ry", businessID: nil, kind: .association, municipality: "Turku"),
        Org(name: "Rauman Seudun Työttömät ry", businessID: nil, kind: .association, municipality: "Rauma"),
        Org(name: "Kaarinan kaupunki", businessID: nil, kind: .municipality, municipality: "Kaarina"),
        Org(name: "Sosiaali- ja terveysministeriö", businessID: nil, kind: .state, municipality: "Helsinki"),
        Org(name: "Oulun Diakonissalaitoksen Säätiö", businessID: nil, kind: .foundation, municipality: "Oulu"),
        Org(name: "Oulun kaupunki", businessID: nil, kind: .municipality, municipality: "Oulu"),
    ]

    /// Where Duuniin!'s 29 participants went (the seed lists 28; the 29th is recorded as not known).
    static let duuniinOutcomes: [ServiceOutcome] =
        Array(repeating: .educationOrTraining, count: 6) + Array(repeating: .paySubsidisedWork, count: 2)
        + Array(repeating: .openLabourMarket, count: 2) + Array(repeating: .activeJobSeeker, count: 14)
        + [.vocationalRehabilitation, .workTrial] + Array(repeating: .apprenticeship, count: 2) + [.noKnownOutcome]

    /// PARTY: about 28 % found a solution (work, study or a disability benefit); most of the rest went
    /// on in rehabilitative work activity. 14 of 50 leavers is 28 %.
    static let partyOutcomes: [ServiceOutcome] =
        Array(repeating: .openLabourMarket, count: 5) + Array(repeating: .paySubsidisedWork, count: 3)
        + Array(repeating: .educationOrTraining, count: 4) + Array(repeating: .disabilityPension, count: 2)
        + Array(repeating: .rehabilitativeWorkActivity, count: 20) + Array(repeating: .activeJobSeeker, count: 8)
        + Array(repeating: .socialRehabilitation, count: 4) + Array(repeating: .otherService, count: 4)

    static let axis5 = "Toimintalinja 5 (ESR): Sosiaalinen osallisuus ja köyhyyden torjunta"
    static let objective = "10.1 Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen"

    static let projects: [Spec] = [
        Spec(
            code: "S21019", name: "RUORI2 – uutta suuntaa terveyteen, työ- ja toimintakykyyn",
            summary:
                "Hankkeen päämääränä on kehittää työttömien työnhakijoiden ja työmarkkinoiden ulkopuolella olevien työikäisten työ- ja toimintakykyä edistäviä palveluita asiakasta aktivoiden ja kuunnellen sekä lisätä kaikkein vaikeimmassa asemassa olevien mahdollisuutta osallisuuteen hyvinvoinnin ja terveyden edistämisessä.\nTuloksena syntyy työttömien vertaisvalmentaja- ja kimppakaveritoiminnan toimintamalli.",
            funder: "Keski-Suomen ELY-keskus", axis: axis5, objective: objective, start: "2017-09-01", end: "2019-06-30",
            region: "Keski-Suomi", budget: "100000-500000 €", planned: nil,
            targetGroups: [
                "Työttömät työnhakijat", "Työmarkkinoiden ulkopuolella olevat työikäiset", "Erityisesti yli 30-vuotiaat ja maahanmuuttajat Turussa, Raisiossa ja Salossa",
            ],
            phases: PhasePlan.defaultPhases,
            administrators: ["Turun ammattikorkeakoulu"], coImplementers: [],
            partners: [
                "Turun Seudun TST ry", "Salon alueen Työttömät ry", "Varissuon Työ ja Toiminta VT ry", "Yhdessä yhdistys ry", "Turun kaupunki", "Salon kaupunki",
                "Raision kaupunki",
            ],
            funders: ["Keski-Suomen ELY-keskus"],
            steering: [
                ("Yliopettaja", "Turun ammattikorkeakoulu"), ("Puheenjohtaja", "Varissuon Työ ja Toiminta VT ry"),
                ("Työttömien terveydenhoitaja", "Turun kaupunki"), ("Hallituksen puheenjohtaja", "Varissuon Työ ja Toiminta VT ry"),
                ("Työttömien terveydenhoitaja", "Turun kaupunki"), ("Hallituksen puheenjohtaja", "Turun Seudun TST ry"),
                ("Ylihoitaja", "Raision kaupunki"), ("Urasuunnittelija, Työpiste", "Turun kaupunki"),
                ("Toiminnanjohtaja", "Salon alueen Työttömät ry"),
            ],
            sites: [
                ("Turku – Varissuo", "Turku", .servicePoint), ("Turku – keskusta", "Turku", .servicePoint),
                ("Raisio", "Raisio", .servicePoint), ("Salo", "Salo", .servicePoint),
            ],
            subProjects: []),
        Spec(
            code: "S20250", name: "Lähde mukaan! Työtä, hyvinvointia ja yhteisöllisyyttä Porin seudulle",
            summary:
                "Hankkeen tavoitteena on parantaa heikoimmassa työmarkkina-asemassa olevien työ- ja toimintakykyä sekä vahvistaa kaupunginosien paikallista yhteisöllisyyttä kansalaistoimijalähtöisin menetelmin.\nHankkeen aikana luotiin paikallisen yhteisövalmennuksen ja sosiaalisen kuntoutuksen porilainen malli (Reeraa!), kynnyksetön valmennuspalvelu (Duuniin!) sekä talous- ja velkaohjauksen tietopaketti.",
            funder: "Keski-Suomen ELY-keskus", axis: axis5, objective: objective, start: "2015-05-01", end: "2017-05-31",
            region: "Satakunta", budget: "100000-500000 €", planned: nil,
            targetGroups: [
                "Työttömyyden takia syrjäytymisvaarassa olevat lähiöiden asukkaat", "Välillisesti alueen muut asukkaat, yhdistystoimijat, yrittäjät ja julkisen sektorin toimijat",
            ],
            phases: PhasePlan.defaultPhases,
            administrators: ["Leader Karhuseutu ry"], coImplementers: ["Diakonia-ammattikorkeakoulu"],
            partners: ["Porin kaupunki"], funders: ["Keski-Suomen ELY-keskus"],
            steering: [("Puheenjohtaja", "Leader Karhuseutu ry"), ("Jäsen", "Porin kaupunki"), ("Jäsen", "Diakonia-ammattikorkeakoulu")],
            sites: [
                ("Pihlava", "Pori", .neighbourhood), ("Sampola", "Pori", .neighbourhood),
                ("Pormestarinluoto", "Pori", .neighbourhood), ("Itä-Pori", "Pori", .neighbourhood),
            ],
            subProjects: [("S20250-DUUNIIN", "Duuniin! – kynnyksetön työ- ja uravalmennus (Lähde mukaan!)")]),
        Spec(
            code: "S20013", name: "Kunnolla Töihin – sosiaalinen kuntoutus ja moniammatillinen yhteistyö työvalmennusympäristöissä",
            summary:
                "Sovatek-säätiölle muodostettiin liikkuva, moniammatillinen työryhmä, joka palvelee työvalmennusyksiköitä kuntoutuksen eri vaiheissa (tulovaihe, starttivaihe, työvalmennusvaihe, päättövaihe). Kuhunkin vaiheeseen valittiin työ- ja toimintakyvyn arvioinnin menetelmät ja mittarit.",
            funder: "Keski-Suomen ELY-keskus", axis: axis5, objective: objective, start: "2015-01-01", end: "2016-12-31",
            region: "Keski-Suomi", budget: "100000-500000 €", planned: nil,
            targetGroups: ["Työvalmennuksessa olevat sosiaalisen kuntoutuksen asiakkaat", "Työvalmennusyksiköiden henkilöstö ja yhteistyökumppanit"],
            phases: PhasePlan.defaultPhases,
            administrators: ["Sovatek-säätiö"], coImplementers: ["Jyväskylän Katulähetys", "Jyväskylän ammattikorkeakoulu"],
            partners: ["Jyväskylän kaupunki"], funders: ["Keski-Suomen ELY-keskus"],
            steering: [
                ("Kehittämisjohtaja", "Jyväskylän kaupunki (työllisyys)"), ("Sosiaaliohjaaja", "Jyväskylän kaupunki (aikuissosiaalityö)"),
                ("Sosiaalityöntekijä", "TYP"), ("Hankesuunnittelija", "K-S SOTE-hanke"), ("Sosiaalityön professori", "Jyväskylän yliopisto"),
            ],
            sites: [("Sovatek-säätiön työvalmennusyksiköt", "Jyväskylä", .servicePoint), ("Jyväskylän Katulähetys", "Jyväskylä", .servicePoint)],
            subProjects: []),
        Spec(
            code: "S20519", name: "PARTY Parempaa työ- ja toimintakykyä -projekti",
            summary:
                "PARTY oli ESR:n/STM:n rahoittama Rauman kaupungin hallinnoima yhdeksän organisaation hankekokonaisuus. Osahankekuntien tavoitteena oli pitkäaikaistyöttömien ja osatyökykyisten työnhakijoiden palvelujen parantaminen ja osallisuuden lisääminen: monialainen yhteispalvelu, työkykykoordinaatio, työttömien terveyspalvelut ja matalan kynnyksen palvelupiste.\nLähes 28 %:lle osallistujista löytyi ratkaisu (työ, opiskelu tai työkyvyttömyysetuus) hankkeen päättyessä.",
            funder: "Sosiaali- ja terveysministeriö (ESR)", axis: axis5, objective: objective, start: "2015-04-01", end: "2018-03-31",
            region: "Valtakunnallinen", budget: "noin 4,2 milj. € (kokonaisnettobudjetti)", planned: 1118,
            targetGroups: ["Pitkäaikaistyöttömät", "Osatyökykyiset työnhakijat", "Välillisesti sosiaali- ja terveysalan sekä kuntien henkilöstö"],
            phases: PhasePlan.defaultPhases,
            administrators: ["Rauman kaupunki"],
            coImplementers: [
                "Rauman TaitoKunto Oy", "Työterveyslaitos", "Someron kaupunki", "Turun kaupunki", "Eurajoen kunta",
                "Euran kunta", "Rauman TaitoKunto Oy (aputoiminimi TaitoKunto)", "Vates-säätiö", "Salon kaupunki",
            ],
            partners: ["Työeläkeyhtiö Varma", "Turun Työttömät TST ry", "Rauman Seudun Työttömät ry", "Porin kaupunki", "Kaarinan kaupunki"],
            funders: ["Sosiaali- ja terveysministeriö"],
            steering: [("Puheenjohtaja", "Rauman kaupunki"), ("Jäsen", "Työterveyslaitos"), ("Jäsen", "Vates-säätiö"), ("Jäsen", "Työeläkeyhtiö Varma")],
            sites: [
                ("Rauma – matalan kynnyksen palvelupiste", "Rauma", .servicePoint), ("Turku", "Turku", .municipality),
                ("Salo", "Salo", .municipality), ("Somero", "Somero", .municipality), ("Eura", "Eura", .municipality),
                ("Eurajoki", "Eurajoki", .municipality),
            ],
            subProjects: [
                ("S20519-TTP", "TTP – työttömien terveyspalvelujen kehittäminen (PARTY-osahanke)"),
                ("S20519-RAU", "PARTY – Rauman osahanke"), ("S20519-TKU", "PARTY – Turun osahanke"),
            ]),
        Spec(
            code: "YHDISTAMO", name: "Yhdistämö",
            summary:
                "Yhdistämö-hankkeen tavoitteena on kehittää hyvinvointialusta-toimintamalli työelämän ja koulutuksen ulkopuolella olevien nuorten aikuisten osallisuuden ja työ- ja toimintakyvyn vahvistamiseksi. Alueellinen palvelukokonaisuus rakennetaan nuorten ja toimijoiden (julkinen, kolmas sektori, seurakunta, yksityinen) yhteistyönä. Haasteena on, että asiakkaat eivät löydä palveluita eivätkä palveluntarjoajat asiakkaita.",
            funder: "", axis: "Hyvinvointisalkku 2014–2020 (Oulun kaupungin kehittämissalkut)", objective: "", start: "2020-08-03", end: "2023-04-30",
            region: "Pohjois-Pohjanmaa", budget: "", planned: nil,
            targetGroups: ["Työelämän ja koulutuksen ulkopuolella olevat nuoret aikuiset", "Välillisesti sosiaali- ja terveysalan, julkiset ja järjestöjen toimijat"],
            phases: PhasePlan.defaultPhases,
            administrators: ["Oulun Diakonissalaitoksen Säätiö"], coImplementers: ["Diakonia-ammattikorkeakoulu"],
            partners: ["Oulun kaupunki"], funders: [],
            steering: [("Yhteyshenkilö", "Oulun Diakonissalaitoksen Säätiö"), ("Yhteyshenkilö", "Oulun kaupunki")],
            sites: [
                ("ODL:n kantakortteli", "Oulu", .pilotArea), ("Pilottialue 2 (Oulun kaupungin nimeämä)", "Oulu", .pilotArea),
                ("Pilottialue 3 (Oulun kaupungin nimeämä)", "Oulu", .pilotArea),
            ],
            subProjects: []),
    ]
}
