/// The UI's words. One line per key: `key | suomi | English | svenska` (Swedish may be left empty:
/// it then falls back to Finnish). Kept as text so that translators can edit it without Swift.
enum Catalog {
    static let entries: [String: Translation] = {
        var result: [String: Translation] = [:]
        for line in table.split(separator: "\n") {
            let cols = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 3, !cols[0].isEmpty else { continue }
            let sv = cols.count > 3 && !cols[3].isEmpty ? cols[3] : nil
            result[cols[0]] = Translation(fi: cols[1], en: cols[2], sv: sv)
        }
        return result
    }()

    static let table = """
    layout.skip | Siirry sisältöön | Skip to content | Hoppa till innehållet
    layout.breadcrumbs | Murupolku | Breadcrumbs | Brödsmulor
    layout.nav | Päävalikko | Main menu | Huvudmeny
    layout.language | Kieli | Language | Språk
    layout.footer | Polku – avoimen lähdekoodin alusta työ- ja toimintakyvyn tukemiseen | Polku – an open-source platform for work ability and functional capacity services | Polku – en plattform med öppen källkod för arbets- och funktionsförmåga
    nav.projects | Hankkeet | Projects | Projekt
    nav.participants | Osallistujat | Participants | Deltagare
    nav.organisations | Organisaatiot | Organisations | Organisationer
    nav.users | Käyttäjät | Users | Användare
    nav.audit | Lokitiedot | Audit log | Logg
    nav.account | Oma tili | My account | Mitt konto
    nav.logout | Kirjaudu ulos ({0}) | Log out ({0}) | Logga ut ({0})
    login.title | Kirjaudu Polkuun | Log in to Polku | Logga in i Polku
    login.intro | Kirjaudu sisään työsähköpostillasi ja salasanallasi. | Log in with your work e-mail and password. | Logga in med din e-post och ditt lösenord.
    login.email | Sähköposti | E-mail | E-post
    login.password | Salasana | Password | Lösenord
    login.submit | Kirjaudu | Log in | Logga in
    login.failed | Sähköposti tai salasana on väärin. | The e-mail or password is wrong. | E-posten eller lösenordet är fel.
    login.locked | Liian monta epäonnistunutta yritystä. Yritä uudelleen 15 minuutin kuluttua. | Too many failed attempts. Try again in 15 minutes. | För många misslyckade försök. Försök igen om 15 minuter.
    form.save | Tallenna | Save | Spara
    form.add | Lisää | Add | Lägg till
    form.edit | Muokkaa | Edit | Redigera
    form.remove | Poista | Remove | Ta bort
    form.actions | Toiminnot | Actions | Åtgärder
    hint.date | Muodossa 1.3.2024 tai 2024-03-01 | As 1.3.2024 or 2024-03-01 | Som 1.3.2024 eller 2024-03-01
    hint.euros | Euroina, kokonaislukuna | In euros, whole number | I euro, heltal
    hint.one_per_line | Yksi riville | One per line | En per rad
    error.summary | Lomakkeessa on virheitä. Korjaa kentät, joiden kohdalla on viesti. | The form has errors. Please correct the fields with a message. | Formuläret har fel. Rätta fälten med ett meddelande.
    error.required | Tämä tieto puuttuu. | This is required. | Uppgiften saknas.
    error.too_long | Teksti on liian pitkä (enintään {0} merkkiä). | The text is too long (at most {0} characters). | Texten är för lång (högst {0} tecken).
    error.date | Päivämäärä ei kelpaa. Kirjoita esimerkiksi 1.3.2024. | Not a valid date. Write e.g. 1.3.2024. | Ogiltigt datum. Skriv t.ex. 1.3.2024.
    error.choice | Valitse jokin vaihtoehdoista. | Choose one of the options. | Välj ett av alternativen.
    error.number | Kirjoita kokonaisluku. | Enter a whole number. | Ange ett heltal.
    error.end_before_start | Päättymispäivä on ennen alkamispäivää. | The end date is before the start date. | Slutdatumet är före startdatumet.
    error.phase_in_use | Vaiheessa {0} on osallistujia: sitä ei voi poistaa. Siirrä heidät ensin toiseen vaiheeseen. | Participants are in the phase {0}: it cannot be removed. Move them to another phase first. | Fasen {0} har deltagare och kan inte tas bort.
    error.phases | Anna vähintään kaksi vaihetta, yksi riville. | Give at least two phases, one per line. | Ange minst två faser, en per rad.
    error.code_taken | Toisella hankkeella on jo tämä tunnus. | Another project already has this code. | Ett annat projekt har redan denna kod.
    error.business_id | Y-tunnus ei kelpaa (muoto 1234567-8, tarkistusnumero). | Not a valid business ID (format 1234567-8, check digit). | Ogiltigt FO-nummer (format 1234567-8).
    error.duplicate | Tämä on jo lisätty. | This has already been added. | Detta har redan lagts till.
    error.future | Päivämäärä on tulevaisuudessa. | The date is in the future. | Datumet är i framtiden.
    error.email | Sähköpostiosoite ei kelpaa. | Not a valid e-mail address. | Ogiltig e-postadress.
    error.email_taken | Tällä sähköpostilla on jo käyttäjä. | A user with this e-mail already exists. | En användare med denna e-post finns redan.
    error.phone | Puhelinnumerossa voi olla vain numeroita, välilyöntejä ja merkit + - ( ). | A phone number may contain only digits, spaces and + - ( ). | Telefonnumret får bara innehålla siffror, mellanslag och + - ( ).
    error.site_project | Toimipiste ei kuulu valittuun hankkeeseen. | The site does not belong to the chosen project. | Verksamhetsstället hör inte till projektet.
    error.already_enrolled | Osallistuja on jo tässä hankkeessa. | The participant is already in this project. | Deltagaren är redan med i projektet.
    error.before_start | Päivämäärä on ennen osallistumisen alkua. | The date is before the enrolment started. | Datumet är före deltagandets början.
    error.phase.unknown | Hankkeella ei ole tällaista vaihetta. | The project has no such phase. | Projektet har ingen sådan fas.
    error.phase.same | Osallistuja on jo tässä vaiheessa. | The participant is already in this phase. | Deltagaren är redan i denna fas.
    error.phase.exited | Osallistuja on jo päättänyt. | The participant has already exited. | Deltagaren har redan avslutat.
    error.admin_global | Pääkäyttäjän rooli ei kuulu hankkeeseen: jätä hanke valitsematta. | The admin role is not tied to a project: leave the project empty. | Administratörsrollen hör inte till ett projekt.
    error.project_required | Valitse joko hanke tai organisaatio, jossa rooli on. | Choose either the project or the organisation the role is in. | Välj antingen projektet eller organisationen.
    error.password_short | Salasanassa pitää olla vähintään 10 merkkiä. | The password must have at least 10 characters. | Lösenordet måste ha minst 10 tecken.
    error.password_long | Salasana on liian pitkä (enintään 72 tavua). | The password is too long (at most 72 bytes). | Lösenordet är för långt.
    error.password_mismatch | Salasanat eivät ole samat. | The passwords do not match. | Lösenorden är olika.
    error.password_wrong | Nykyinen salasana on väärin. | The current password is wrong. | Det nuvarande lösenordet är fel.
    errorpage.home | Etusivulle | To the front page | Till startsidan
    errorpage.400.title | Pyyntö ei kelpaa | Bad request | Ogiltig begäran
    errorpage.400.body | Pyynnössä oli virheellisiä tietoja. Palaa edelliselle sivulle ja yritä uudelleen. | The request had invalid data. Go back and try again. | Begäran hade ogiltiga uppgifter.
    errorpage.401.title | Kirjaudu sisään | Please log in | Logga in
    errorpage.401.body | Tämä sivu vaatii kirjautumisen. | This page requires you to log in. | Sidan kräver inloggning.
    errorpage.403.title | Ei käyttöoikeutta | Not allowed | Ingen behörighet
    errorpage.403.body | Sinulla ei ole oikeutta tähän toimintoon. | You are not allowed to do this. | Du har inte behörighet till detta.
    errorpage.csrf.title | Lomake vanheni | The form expired | Formuläret har gått ut
    errorpage.csrf.body | Lomakkeen turvatunniste puuttui tai oli vanha. Lataa sivu uudelleen ja lähetä lomake uudestaan. | The form's security token was missing or old. Reload the page and send the form again. | Formulärets säkerhetskod saknades.
    measures_report.health_hidden | Terveysmittarien (esim. WHO-5) tulokset näkyvät vain hankkeen terveydenhuollon ammattilaisille. | Results of health measures (such as WHO-5) are shown only to the project's health professionals. | Resultat av hälsomätare (t.ex. WHO-5) visas bara för projektets hälso- och sjukvårdspersonal.
    replay.title | Lähetä lomake uudelleen | Send the form again | Skicka formuläret igen
    replay.csrf | Lomakkeen turvatunniste oli vanha, joten mitään ei vielä tallennettu. Kirjoittamasi tiedot ovat tallessa: tarkista ne ja lähetä uudelleen. | The form's security token was old, so nothing was saved yet. What you typed is kept: check it and send it again. | Formulärets säkerhetskod var gammal, så inget sparades ännu. Det du skrev finns kvar: kontrollera och skicka igen.
    replay.session | Istuntosi oli päättynyt, joten mitään ei vielä tallennettu. Kirjoittamasi tiedot ovat tallessa: kirjaudu, niin voit lähettää ne uudelleen. | Your session had ended, so nothing was saved yet. What you typed is kept: log in and you can send it again. | Din session hade gått ut, så inget sparades ännu. Det du skrev finns kvar: logga in så kan du skicka det igen.
    replay.after_login | Olet nyt kirjautunut. Kirjoittamasi tiedot ovat tallessa: tarkista ne ja lähetä uudelleen. | You are now logged in. What you typed is kept: check it and send it again. | Du är nu inloggad. Det du skrev finns kvar: kontrollera och skicka igen.
    replay.kept | Kirjoittamasi tiedot | What you typed | Det du skrev
    replay.send | Lähetä uudelleen | Send again | Skicka igen
    replay.nothing | Lomakkeesta ei jäänyt tallennettavaa (tiedosto on valittava uudelleen). Palaa lomakkeeseen ja lähetä se uudelleen. | Nothing from the form could be kept (a file must be chosen again). Go back to the form and send it again. | Inget från formuläret kunde sparas (en fil måste väljas igen). Gå tillbaka och skicka igen.
    login.wait | Liian monta epäonnistunutta yritystä tältä osoitteelta tälle tilille. Odota {0} sekuntia ja yritä uudelleen. | Too many failed attempts for this account from this address. Wait {0} seconds and try again. | För många misslyckade försök. Vänta {0} sekunder och försök igen.
    password.common | Salasana on liian yleinen: se löytyy yleisimpien salasanojen luettelosta. Valitse pidempi tai harvinaisempi. | The password is too common: it is on the list of the most used passwords. Choose a longer or rarer one. | Lösenordet är för vanligt. Välj ett längre eller ovanligare.
    password.personal | Salasana ei saa olla sähköpostisi tai nimesi. | The password must not be your e-mail or your name. | Lösenordet får inte vara din e-post eller ditt namn.
    errorpage.405.title | Menetelmä ei käy | Method not allowed | Metoden tillåts inte
    errorpage.405.body | Tähän osoitteeseen ei voi lähettää näin. | This address does not accept this kind of request. | Adressen tar inte emot den här typen av begäran.
    errorpage.503.title | Palvelu on hetken poissa käytöstä | The service is briefly unavailable | Tjänsten är tillfälligt otillgänglig
    errorpage.503.body | Yritä hetken kuluttua uudelleen. | Try again in a moment. | Försök igen om en stund.
    errorpage.404.title | Sivua ei löytynyt | Page not found | Sidan hittades inte
    errorpage.404.body | Sivua ei ole, tai sinulla ei ole oikeutta nähdä sitä. | The page does not exist, or you may not see it. | Sidan finns inte, eller så får du inte se den.
    errorpage.413.title | Liian suuri | Too large | För stor
    errorpage.413.body | Lähetetty tieto oli liian suuri. | The data sent was too large. | Uppgifterna var för stora.
    errorpage.429.title | Liian monta yritystä | Too many attempts | För många försök
    errorpage.429.body | Odota hetki ja yritä uudelleen. | Wait a while and try again. | Vänta en stund och försök igen.
    errorpage.500.title | Jokin meni vikaan | Something went wrong | Något gick fel
    errorpage.500.body | Virhe on kirjattu. Yritä hetken päästä uudelleen. | The error has been logged. Try again in a moment. | Felet har loggats.
    projects.title | Hankkeet | Projects | Projekt
    projects.new | Uusi hanke | New project | Nytt projekt
    project.edit | Muokkaa hanketta: {0} | Edit project: {0} | Redigera projekt: {0}
    project.edit.link | Muokkaa hanketta | Edit project | Redigera projektet
    project.participants.link | Hankkeen osallistujat | The project's participants | Projektets deltagare
    project.code | Hanketunnus (EURA) | Project code (EURA) | Projektkod (EURA)
    project.code.hint | Esimerkiksi S20519 | For example S20519 | Till exempel S20519
    project.name | Nimi | Name | Namn
    project.summary | Lyhyt kuvaus | Short description | Kort beskrivning
    project.status | Tila | Status | Status
    project.status.planned | Suunnitteilla | Planned | Planerat
    project.status.running | Käynnissä | Running | Pågår
    project.status.ended | Päättynyt | Ended | Avslutat
    project.start | Aloituspäivä | Start date | Startdatum
    project.end | Lopetuspäivä | End date | Slutdatum
    project.period | Toteutusaika | Period | Period
    project.region | Maakunta tai alue | Region | Landskap eller område
    project.parent | Päähanke | Parent project | Huvudprojekt
    project.parent.none | Ei päähanketta | No parent project | Inget huvudprojekt
    project.section.basics | Perustiedot | Basic facts | Grunduppgifter
    project.section.funding | Rahoitus | Funding | Finansiering
    project.section.people | Kohderyhmät ja vaiheet | Target groups and phases | Målgrupper och faser
    project.funder | Rahoittaja | Funder | Finansiär
    project.priority_axis | Toimintalinja | Priority axis | Insatsområde
    project.specific_objective | Erityistavoite | Specific objective | Specifikt mål
    project.budget_band | Budjetti (luokka) | Budget (band) | Budget (klass)
    project.budget_band.hint | Esimerkiksi 100000-500000 € | For example 100000-500000 € | Till exempel 100000-500000 €
    project.planned_funding | Suunniteltu julkinen rahoitus | Planned public funding | Planerad offentlig finansiering
    project.realised_funding | Toteutunut julkinen rahoitus | Realised public funding | Förverkligad offentlig finansiering
    project.planned_participants | Suunniteltu osallistujamäärä | Planned number of participants | Planerat antal deltagare
    project.target_groups | Kohderyhmät | Target groups | Målgrupper
    project.phases | Palvelupolun vaiheet | Phases of the service path | Faser i servicestigen
    project.phases.hint | Yksi vaihe riville; viimeinen on päättövaihe. | One phase per line; the last is the exit. | En fas per rad; den sista är avslutningen.
    project.progress | Eteneminen | Progress | Framsteg
    project.progress.of | {0} osallistujaa {1} suunnitellusta ({2} %). | {0} participants of {1} planned ({2} %). | {0} deltagare av {1} planerade ({2} %).
    project.progress.count | {0} osallistujaa. | {0} participants. | {0} deltagare.
    project.progress.planned | Suunniteltu osallistujamäärä: {0}. | Planned participants: {0}. | Planerat antal deltagare: {0}.
    project.by_phase | Osallistujat vaiheittain | Participants by phase | Deltagare per fas
    project.phase | Vaihe | Phase | Fas
    project.participants | Osallistujia | Participants | Deltagare
    project.organisations | Organisaatiot | Organisations | Organisationer
    project.organisation_role | Rooli hankkeessa | Role in the project | Roll i projektet
    project.organisation_role.administrator | Hallinnoija | Administrator | Förvaltare
    project.organisation_role.co_implementer | Osatoteuttaja | Co-implementer | Delgenomförare
    project.organisation_role.partner | Kumppani | Partner | Partner
    project.organisation_role.funder | Rahoittaja | Funder | Finansiär
    project.add_organisation | Lisää organisaatio | Add an organisation | Lägg till organisation
    project.sites | Toimipisteet ja alueet | Sites and areas | Verksamhetsställen och områden
    project.add_site | Lisää toimipiste | Add a site | Lägg till verksamhetsställe
    project.steering | Ohjausryhmä | Steering group | Styrgrupp
    project.add_steering | Lisää jäsen | Add a member | Lägg till medlem
    project.subprojects | Osahankkeet | Sub-projects | Delprojekt
    site.name | Nimi | Name | Namn
    site.municipality | Kunta | Municipality | Kommun
    site.kind | Tyyppi | Kind | Typ
    site.kind.neighbourhood | Kaupunginosa | Neighbourhood | Stadsdel
    site.kind.pilot_area | Pilottialue | Pilot area | Pilotområde
    site.kind.service_point | Toimipiste | Service point | Verksamhetsställe
    site.kind.municipality | Kunta | Municipality | Kommun
    steering.role | Rooli | Role | Roll
    steering.organisation | Organisaatio | Organisation | Organisation
    steering.name | Nimi (vapaaehtoinen) | Name (optional) | Namn (frivilligt)
    organisations.title | Organisaatiot | Organisations | Organisationer
    organisations.new | Uusi organisaatio | New organisation | Ny organisation
    organisation.edit | Muokkaa organisaatiota: {0} | Edit organisation: {0} | Redigera organisation: {0}
    organisation.name | Nimi | Name | Namn
    organisation.business_id | Y-tunnus | Business ID | FO-nummer
    organisation.business_id.hint | Muodossa 0138780-9 | As 0138780-9 | Som 0138780-9
    organisation.kind | Tyyppi | Kind | Typ
    organisation.kind.municipality | Kunta | Municipality | Kommun
    organisation.kind.state | Valtio | State | Staten
    organisation.kind.foundation | Säätiö | Foundation | Stiftelse
    organisation.kind.association | Yhdistys | Association | Förening
    organisation.kind.university | Korkeakoulu | University | Högskola
    organisation.kind.company | Yritys | Company | Företag
    organisation.kind.parish | Seurakunta | Parish | Församling
    organisation.kind.other | Muu | Other | Annan
    organisation.municipality | Kotikunta | Municipality | Hemkommun
    organisation.website | Verkkosivu | Website | Webbplats
    participants.title | Osallistujat | Participants | Deltagare
    participants.new | Uusi osallistuja | New participant | Ny deltagare
    participants.search | Hae nimellä | Search by name | Sök med namn
    participants.search.submit | Hae | Search | Sök
    participants.project | Hanke | Project | Projekt
    participants.all_projects | Kaikki hankkeeni | All my projects | Alla mina projekt
    participants.none | Ei osallistujia. | No participants. | Inga deltagare.
    participants.paging | Sivut | Pages | Sidor
    participants.first_page | Ensimmäinen sivu | First page | Första sidan
    participants.next_page | Seuraava sivu | Next page | Nästa sida
    participant.name | Nimi | Name | Namn
    participant.first_name | Etunimet | First names | Förnamn
    participant.last_name | Sukunimi | Last name | Efternamn
    participant.birth_date | Syntymäaika | Date of birth | Födelsedatum
    participant.age | {0} v | {0} y | {0} år
    participant.gender | Sukupuoli | Gender | Kön
    participant.municipality | Kotikunta | Municipality | Hemkommun
    participant.language | Asiointikieli | Language | Språk
    participant.email | Sähköposti | E-mail | E-post
    participant.phone | Puhelin | Phone | Telefon
    participant.edit | Muokkaa perustietoja | Edit basic details | Redigera grunduppgifter
    participant.section.person | Perustiedot | Basic details | Grunduppgifter
    participant.section.enrolment | Hankkeeseen liittyminen | Joining a project | Anslutning till projekt
    participant.section.enrolments | Hankkeet ja vaiheet | Projects and phases | Projekt och faser
    participant.section.consents | Suostumukset | Consents | Samtycken
    participant.section.goals | Henkilökohtainen suunnitelma: tavoitteet | Personal plan: goals | Personlig plan: mål
    participant.section.notes | Muistiinpanot | Notes | Anteckningar
    participant.section.timeline | Aikajana | Timeline | Tidslinje
    gender.female | Nainen | Female | Kvinna
    gender.male | Mies | Male | Man
    gender.other | Muu | Other | Annat
    gender.unknown | Ei tiedossa | Not known | Okänt
    language.fi | suomi | Finnish | finska
    language.sv | ruotsi | Swedish | svenska
    language.en | englanti | English | engelska
    language.ru | venäjä | Russian | ryska
    language.et | viro | Estonian | estniska
    language.ar | arabia | Arabic | arabiska
    language.so | somali | Somali | somaliska
    language.fa | persia | Persian | persiska
    language.ku | kurdi | Kurdish | kurdiska
    language.uk | ukraina | Ukrainian | ukrainska
    language.other | muu | other | annat
    enrolment.project | Hanke | Project | Projekt
    enrolment.site | Toimipiste | Site | Verksamhetsställe
    enrolment.site.none | Ei toimipistettä | No site | Inget verksamhetsställe
    enrolment.start | Aloituspäivä | Start date | Startdatum
    enrolment.summary | Vaihe: {0}. Aloitti {1}. | Phase: {0}. Started {1}. | Fas: {0}. Började {1}.
    enrolment.phases | Vaiheet | Phases | Faser
    enrolment.move_to | Siirrä vaiheeseen | Move to phase | Flytta till fas
    enrolment.phase_date | Siirron päivä | Date of the move | Datum
    enrolment.move | Siirrä | Move | Flytta
    enrolment.add | Liitä toiseen hankkeeseen | Enrol in another project | Anslut till ett annat projekt
    enrolment.add.submit | Liitä hankkeeseen | Enrol | Anslut
    consent.service.checkbox | Osallistuja on antanut suostumuksen tietojensa käsittelyyn palvelua varten tänään. | The participant consented today to their data being processed for the service. | Deltagaren har i dag samtyckt till behandling av sina uppgifter för tjänsten.
    consent.none | Suostumuksia ei ole kirjattu. | No consents recorded. | Inga samtycken.
    consent.purpose | Tarkoitus | Purpose | Ändamål
    consent.purpose.service | Palvelun järjestäminen | Providing the service | Ordnande av tjänsten
    consent.purpose.esf_reporting | ESR-seuranta ja raportointi | ESF monitoring and reporting | ESF-uppföljning
    consent.purpose.data_sharing | Tietojen luovutus yhteistyötahoille | Sharing data with partners | Utlämnande till samarbetspartner
    consent.purpose.research | Tutkimus ja arviointi | Research and evaluation | Forskning och utvärdering
    consent.state | Suostumus | Consent | Samtycke
    consent.given | Annettu | Given | Givet
    consent.withdrawn | Peruttu | Withdrawn | Återkallat
    consent.date | Päivämäärä | Date | Datum
    consent.record | Kirjaa suostumus | Record consent | Registrera samtycke
    consent.given_on | {0}: annettu {1} | {0}: given {1} | {0}: givet {1}
    consent.withdrawn_on | {0}: peruttu {1} | {0}: withdrawn {1} | {0}: återkallat {1}
    goal.none | Tavoitteita ei vielä ole. | No goals yet. | Inga mål ännu.
    goal.text | Tavoite | Goal | Mål
    goal.target_date | Tavoitepäivä | Target date | Måldatum
    goal.target | tavoite {0} | by {0} | senast {0}
    goal.add | Lisää tavoite | Add goal | Lägg till mål
    goal.status.open | Työn alla | In progress | Pågår
    goal.status.achieved | Saavutettu | Achieved | Uppnått
    goal.status.dropped | Luovuttu | Dropped | Slopat
    goal.status.change | Tavoitteen tila: {0} | Status of goal: {0} | Målets status: {0}
    note.project | Hanke | Project | Projekt
    note.sensitivity | Luottamuksellisuus | Sensitivity | Känslighet
    note.sensitivity.normal | Tavallinen | Normal | Normal
    note.sensitivity.health | Terveystieto | Health information | Hälsouppgift
    note.body | Muistiinpano | Note | Anteckning
    note.add | Tallenna muistiinpano | Save note | Spara anteckning
    note.none | Ei muistiinpanoja. | No notes. | Inga anteckningar.
    phase.intake | Tulovaihe | Intake | Intag
    phase.start | Starttivaihe | Start | Start
    phase.coaching | Valmennusvaihe | Coaching | Coachning
    phase.exit | Päättövaihe | Exit | Avslutning
    timeline.enrolled | Aloitti hankkeessa | Joined the project | Började i projektet
    timeline.phase | Siirtyi vaiheeseen: {0} | Moved to phase: {0} | Flyttade till fas: {0}
    timeline.consent_given | Suostumus annettu: {0} | Consent given: {0} | Samtycke givet: {0}
    timeline.consent_withdrawn | Suostumus peruttu: {0} | Consent withdrawn: {0} | Samtycke återkallat: {0}
    timeline.goal | Tavoite asetettu: {0} | Goal set: {0} | Mål satt: {0}
    timeline.note | Muistiinpano | Note | Anteckning
    timeline.health_note | Terveysmuistiinpano | Health note | Hälsoanteckning
    users.title | Käyttäjät | Users | Användare
    users.new | Uusi käyttäjä | New user | Ny användare
    user.name | Nimi | Name | Namn
    user.email | Sähköposti | E-mail | E-post
    user.password | Salasana | Password | Lösenord
    user.state | Tila | State | Status
    user.active | Käytössä | Active | Aktiv
    user.inactive | Poistettu käytöstä | Deactivated | Inaktiverad
    user.deactivate | Poista käytöstä | Deactivate | Inaktivera
    user.activate | Ota käyttöön | Activate | Aktivera
    user.memberships | Roolit | Roles | Roller
    membership.role | Rooli | Role | Roll
    membership.project | Hanke | Project | Projekt
    membership.project.none | Koko järjestelmä | Whole system | Hela systemet
    membership.grant | Anna rooli | Give role | Ge roll
    membership.organisation | Organisaatio (rooli kaikissa sen hallinnoimissa ja osatoteuttamissa hankkeissa) | Organisation (the role in every project it administers or co-implements) | Organisation (rollen i alla projekt den förvaltar eller delgenomför)
    membership.organisation.none | Ei organisaatiota | No organisation | Ingen organisation
    membership.in_organisation | Organisaatio: {0} | Organisation: {0} | Organisation: {0}
    role.admin | Pääkäyttäjä | Administrator | Administratör
    role.project_manager | Projektipäällikkö | Project manager | Projektledare
    role.worker | Ohjaaja | Worker | Handledare
    role.health_professional | Terveydenhuollon ammattilainen | Health professional | Hälsovårdspersonal
    role.peer | Vertainen | Peer | Kamrat
    role.viewer | Katselija (vain yhteenvedot) | Viewer (aggregates only) | Granskare (endast sammandrag)
    password.rules | Vähintään 10 merkkiä. Pitkä lause on hyvä salasana. | At least 10 characters. A long sentence makes a good password. | Minst 10 tecken.
    account.password.title | Vaihda salasana | Change password | Byt lösenord
    account.password.current | Nykyinen salasana | Current password | Nuvarande lösenord
    account.password.new | Uusi salasana | New password | Nytt lösenord
    account.password.repeat | Uusi salasana uudelleen | New password again | Nytt lösenord igen
    account.password.submit | Vaihda salasana | Change password | Byt lösenord
    account.password.changed | Salasana vaihdettu. | Password changed. | Lösenordet har bytts.
    esf.title | Seurantatiedot: {0} | Monitoring data: {0} | Uppföljningsuppgifter: {0}
    esf.link | Seurantatiedot (ESR) | Monitoring data (ESF) | Uppföljningsuppgifter (ESF)
    esf.link.missing | Seurantatiedot (ESR): {0} puuttuu | Monitoring data (ESF): {0} missing | Uppföljningsuppgifter (ESF): {0} saknas
    esf.intro | Nämä tiedot tarvitaan rahoittajan seurantaan (ESR-indikaattorit) hankkeessa {0}. Kysy ne osallistujalta aloittaessa, päättäessä ja puoli vuotta päättymisen jälkeen. Arkaluonteisiin kysymyksiin osallistuja voi jättää vastaamatta. | These answers are needed for the funder's monitoring (ESF indicators) in the project {0}. Ask them when the participant starts, leaves and six months after leaving. The participant may decline the sensitive questions. | Uppgifterna behövs för finansiärens uppföljning (ESF) i projektet {0}.
    esf.saved | Tiedot tallennettu. | Saved. | Sparat.
    esf.missing | Seurantatiedoista puuttuu {0}: | {0} answers are missing: | {0} uppgifter saknas:
    esf.section.entry | Aloitustilanne ({0}) | Situation at entry ({0}) | Utgångsläge ({0})
    esf.section.exit | Päättymistilanne | Situation on leaving | Slutläge
    esf.section.followup | Puoli vuotta päättymisen jälkeen | Six months after leaving | Sex månader efter avslutningen
    esf.field.gender | Sukupuoli (osallistujan perustiedoissa) | Gender (in the participant's basic details) | Kön
    esf.field.labour_status | Työmarkkina-asema aloittaessa | Labour-market status at entry | Ställning på arbetsmarknaden
    esf.field.unemployed_months | Yhtäjaksoinen työttömyys ennen aloitusta, kuukautta | Continuous unemployment before entry, months | Sammanhängande arbetslöshet, månader
    esf.field.education | Korkein suoritettu koulutus | Highest completed education | Högsta avlagda utbildning
    esf.field.disability | Vamma tai pitkäaikaissairaus | Disability or long-term illness | Funktionsnedsättning
    esf.field.foreign_background | Ulkomaalaistausta | Foreign background | Utländsk bakgrund
    esf.field.minority | Kuuluu vähemmistöön (esim. romanit) | Belongs to a minority (e.g. Roma) | Tillhör en minoritet
    esf.field.other_disadvantage | Muu heikommassa asemassa oleminen | Other disadvantage | Annan utsatt ställning
    esf.field.third_country_national | EU:n ulkopuolisen maan kansalainen | National of a country outside the EU | Medborgare i ett land utanför EU
    esf.field.homeless | Asunnoton tai asumisessa vaikeuksia | Homeless or affected by housing exclusion | Bostadslös
    esf.field.rural | Asuu maaseudulla | Lives in a rural area | Bor på landsbygden
    esf.field.unemployed_months.short | Työttömyyden kesto | Length of unemployment | Arbetslöshetens längd
    esf.field.exit_date | Päättymispäivä | Date of leaving | Slutdatum
    esf.field.service_outcome | Mihin osallistuja siirtyi (jatkopolku) | Where the participant went next | Vart deltagaren gick vidare
    esf.field.exit_situation | Tilanne neljän viikon kuluessa päättymisestä | Situation within four weeks of leaving | Situation inom fyra veckor
    esf.field.exit_situation_date | Tilanteen alkamispäivä | Date the situation began | Datum då situationen började
    esf.field.qualification_gained | Suoritti tutkinnon tai pätevyyden osallistumisen ansiosta | Gained a qualification thanks to taking part | Avlade en examen
    esf.field.followup_date | Seurannan päivä | Date of the follow-up | Uppföljningsdatum
    esf.field.followup_employed | Töissä tai yrittäjänä puoli vuotta päättymisen jälkeen | Employed or self-employed six months after leaving | I arbete sex månader efter
    esf.field.improvements | Parantunut työmarkkinatilanne (vain niille, jotka olivat töissä aloittaessa) | Improved labour-market situation (only for those employed at entry) | Förbättrad situation
    esf.hint.labour_status | Palkkatukityö on työtä. Kuntouttava työtoiminta ja työkokeilu eivät ole työtä. | Pay-subsidised work is employment. Rehabilitative work activity and work trials are not. | Lönesubventionerat arbete är arbete; arbetsverksamhet i rehabiliteringssyfte är det inte.
    esf.hint.unemployed_months | Tarvitaan, jos osallistuja on työtön. Alle 25-vuotiaalla yli 6 kuukautta ja muilla yli 12 kuukautta on pitkäaikaistyöttömyyttä. | Needed if the participant is unemployed. Over 6 months (under 25) or over 12 months (25 and over) is long-term unemployment. | Behövs för arbetslösa.
    esf.hint.education | Vain todistuksella suoritettu koulutus lasketaan. | Only education completed with a certificate counts. | Endast utbildning med betyg räknas.
    esf.hint.sensitive | Arkaluonteinen tieto: osallistuja voi jättää vastaamatta. Kirjaa silloin ”Ei halua vastata”. | Sensitive: the participant may decline. Then record "Declined to answer". | Känslig uppgift: deltagaren får avstå.
    esf.hint.foreign_background | Osallistuja tai molemmat vanhemmat ovat syntyneet ulkomailla. Osallistuja voi jättää vastaamatta. | The participant or both parents were born abroad. The participant may decline. | Deltagaren eller båda föräldrarna är födda utomlands.
    esf.hint.third_country_national | Kansalaisuus jossakin muussa kuin EU-maassa. | Citizenship of a country outside the EU. | Medborgarskap utanför EU.
    esf.hint.homeless | Ei vakituista asuntoa tai asuminen on epävarmaa. | No permanent home, or insecure housing. | Ingen fast bostad.
    esf.hint.rural | Kotikunnan tai -alueen mukaan. | According to the home municipality or area. | Enligt hemkommun.
    esf.hint.exit_situation | Jos tilanne muuttui neljän viikon aikana, kirjaa viimeisin. | If the situation changed within four weeks, record the latest. | Ange den senaste.
    esf.hint.qualification_gained | Tutkinto, tutkinnon osa tai muu todistus. | A degree, part of a degree or another certificate. | Examen eller intyg.
    esf.hint.followup_employed | Kysytään puolen vuoden kuluttua päättymisestä. | Asked six months after leaving. | Frågas efter sex månader.
    esf.hint.improvements | Pelkkä palkankorotus ei ole parannus. | A pay rise alone is not an improvement. | Enbart löneförhöjning räknas inte.
    answer.yes | Kyllä | Yes | Ja
    answer.no | Ei | No | Nej
    answer.declined | Ei halua vastata | Declined to answer | Vill inte svara
    answer.not_asked | Ei vielä kysytty | Not asked yet | Inte frågat ännu
    answer.not_recorded | Ei kirjattu | Not recorded | Inte registrerat
    labour.employed | Työssä | Employed | Anställd
    labour.self_employed | Yrittäjä | Self-employed | Företagare
    labour.unemployed | Työtön | Unemployed | Arbetslös
    labour.inactive_in_education | Opiskelija (työvoiman ulkopuolella) | Student (outside the labour force) | Studerande
    labour.inactive_other | Muu työvoiman ulkopuolella (esim. kotona, eläkkeellä) | Otherwise outside the labour force (e.g. at home, retired) | Annan utanför arbetskraften
    isced.0 | Ei peruskoulua suoritettuna (ISCED 0) | No completed primary education (ISCED 0) | Ingen grundskola (ISCED 0)
    isced.1 | Alakoulu (ISCED 1) | Primary education (ISCED 1) | Lågstadiet (ISCED 1)
    isced.2 | Peruskoulu (ISCED 2) | Lower secondary, basic education (ISCED 2) | Grundskola (ISCED 2)
    isced.3 | Lukio tai ammatillinen perustutkinto (ISCED 3) | Upper secondary or vocational qualification (ISCED 3) | Gymnasium eller yrkesexamen (ISCED 3)
    isced.4 | Erikoisammattitutkinto tms. (ISCED 4) | Post-secondary non-tertiary (ISCED 4) | Eftergymnasial (ISCED 4)
    isced.5 | Opistoaste (ISCED 5) | Short-cycle tertiary (ISCED 5) | Kort högskoleutbildning (ISCED 5)
    isced.6 | Alempi korkeakoulututkinto (ISCED 6) | Bachelor's or equivalent (ISCED 6) | Kandidatexamen (ISCED 6)
    isced.7 | Ylempi korkeakoulututkinto (ISCED 7) | Master's or equivalent (ISCED 7) | Magisterexamen (ISCED 7)
    isced.8 | Tohtori (ISCED 8) | Doctorate (ISCED 8) | Doktorsexamen (ISCED 8)
    situation.employed | Työssä | Employed | Anställd
    situation.self_employed | Yrittäjä | Self-employed | Företagare
    situation.job_searching | Työnhakija | Job searching | Arbetssökande
    situation.education_or_training | Koulutuksessa | In education or training | I utbildning
    situation.inactive | Muu työvoiman ulkopuolella | Otherwise outside the labour force | Utanför arbetskraften
    outcome.open_labour_market | Avoimet työmarkkinat | Open labour market | Öppna arbetsmarknaden
    outcome.pay_subsidised_work | Palkkatukityö | Pay-subsidised work | Lönesubventionerat arbete
    outcome.self_employment | Yrittäjyys | Self-employment | Företagande
    outcome.education_or_training | Koulutus | Education or training | Utbildning
    outcome.apprenticeship | Oppisopimuskoulutus | Apprenticeship | Läroavtal
    outcome.work_trial | Työkokeilu | Work trial | Arbetsprövning
    outcome.vocational_rehabilitation | Ammatillinen kuntoutus | Vocational rehabilitation | Yrkesinriktad rehabilitering
    outcome.rehabilitative_work_activity | Kuntouttava työtoiminta | Rehabilitative work activity | Arbetsverksamhet i rehabiliteringssyfte
    outcome.social_rehabilitation | Sosiaalinen kuntoutus | Social rehabilitation | Social rehabilitering
    outcome.other_service | Muu palvelu | Other service | Annan tjänst
    outcome.disability_pension | Työkyvyttömyyseläke tai kuntoutustuki | Disability pension or rehabilitation allowance | Sjukpension eller rehabiliteringsstöd
    outcome.active_job_seeker | Aktiivinen työnhakija | Active job seeker | Aktiv arbetssökande
    outcome.no_known_outcome | Ei tiedossa | No known outcome | Okänt
    outcome.moved_away | Muutti pois | Moved away | Flyttade
    outcome.interrupted | Keskeytti | Interrupted | Avbröt
    improvement.precarious_to_stable | Epävarmasta työstä pysyvään | From precarious to stable employment | Från osäker till fast anställning
    improvement.under_to_full_employment | Osa-aikatyöstä kokoaikatyöhön | From under- to full employment | Från undersysselsättning till heltid
    improvement.higher_skilled_job | Vaativampaan työhön | To a job needing higher skills | Till mer kvalificerat arbete
    improvement.promotion | Ylennys | Promotion | Befordran
    error.exit_kept | Päättymispäivää ei voi poistaa. Jos osallistuja palaa, kirjaa uusi päättymispäivä myöhemmin. | The date of leaving cannot be removed. If the participant returns, record the later date when they leave again. | Slutdatumet kan inte tas bort.
    error.before_exit | Päivä on ennen päättymispäivää. | The date is before the date of leaving. | Datumet är före slutdatumet.
    error.exit_date_needed | Kirjaa ensin päättymispäivä. | Record the date of leaving first. | Ange slutdatum först.
    indicator.EECO01 | Osallistujat yhteensä | Total number of participants | Deltagare totalt
    indicator.EECO02 | Työttömät, myös pitkäaikaistyöttömät | Unemployed, including long-term unemployed | Arbetslösa
    indicator.EECO03 | Pitkäaikaistyöttömät | Long-term unemployed | Långtidsarbetslösa
    indicator.EECO04 | Työvoiman ulkopuolella olevat | Inactive | Utanför arbetskraften
    indicator.EECO05 | Työlliset, myös yrittäjät | Employed, including self-employed | Sysselsatta
    indicator.EECO06 | Alle 18-vuotiaat | Children below 18 years of age | Under 18 år
    indicator.EECO07 | 18–29-vuotiaat | Young people between 18 and 29 years of age | 18–29 år
    indicator.EECO08 | 55 vuotta täyttäneet | Participants 55 years of age and above | 55 år och äldre
    indicator.EECO09 | Enintään perusasteen koulutus (ISCED 0–2) | Lower secondary education or less (ISCED 0–2) | Högst grundskola (ISCED 0–2)
    indicator.EECO10 | Toisen asteen tai sen jälkeinen ei-korkea-asteen koulutus (ISCED 3–4) | Upper secondary or post-secondary education (ISCED 3–4) | Andra stadiet (ISCED 3–4)
    indicator.EECO11 | Korkea-asteen koulutus (ISCED 5–8) | Tertiary education (ISCED 5–8) | Högre utbildning (ISCED 5–8)
    indicator.EECO12 | Osallistujat, joilla on vamma | Participants with disabilities | Deltagare med funktionsnedsättning
    indicator.EECO13 | Kolmansien maiden kansalaiset | Third-country nationals | Medborgare i tredjeland
    indicator.EECO14 | Ulkomaalaistaustaiset | Participants with a foreign background | Utländsk bakgrund
    indicator.EECO15 | Vähemmistöt (myös romanit) | Minorities (including Roma) | Minoriteter
    indicator.EECO16 | Asunnottomat tai asuntomarkkinoilta syrjäytyneet | Homeless or affected by housing exclusion | Bostadslösa
    indicator.EECO17 | Maaseutualueilla asuvat | Participants from rural areas | Från landsbygden
    indicator.EECR01 | Työnhakijana osallistumisen päättyessä | Engaged in job searching upon leaving | Arbetssökande vid avslutning
    indicator.EECR02 | Koulutuksessa osallistumisen päättyessä | In education or training upon leaving | I utbildning vid avslutning
    indicator.EECR03 | Saivat tutkinnon tai pätevyyden päättyessä | Gaining a qualification upon leaving | Avlagt examen vid avslutning
    indicator.EECR04 | Työssä, myös yrittäjänä, osallistumisen päättyessä | In employment, including self-employment, upon leaving | I arbete vid avslutning
    indicator.EECR05 | Työssä, myös yrittäjänä, kuusi kuukautta päättymisen jälkeen | In employment six months after leaving | I arbete sex månader efter
    indicator.EECR06 | Työmarkkinatilanne parantunut kuusi kuukautta päättymisen jälkeen | Improved labour market situation six months after leaving | Förbättrad situation sex månader efter
    indicator.CO01 | Työttömät, myös pitkäaikaistyöttömät | Unemployed, including long-term unemployed | Arbetslösa
    indicator.CO02 | Pitkäaikaistyöttömät | Long-term unemployed | Långtidsarbetslösa
    indicator.CO03 | Työvoiman ulkopuolella olevat | Inactive | Utanför arbetskraften
    indicator.CO04 | Työvoiman ulkopuolella, ei koulutuksessa | Inactive, not in education or training | Utanför arbetskraften, ej i utbildning
    indicator.CO05 | Työlliset, myös yrittäjät | Employed, including self-employed | Sysselsatta
    indicator.CO06 | Alle 25-vuotiaat | Below 25 years of age | Under 25 år
    indicator.CO07 | Yli 54-vuotiaat | Above 54 years of age | Över 54 år
    indicator.CO08 | Yli 54-vuotiaat työttömät tai työvoiman ulkopuolella (ei koulutuksessa) | Above 54, unemployed or inactive not in education or training | Över 54, arbetslösa eller utanför arbetskraften
    indicator.CO09 | Perusasteen koulutus (ISCED 1–2) | Primary or lower secondary education (ISCED 1–2) | Grundskola (ISCED 1–2)
    indicator.CO10 | Toisen asteen koulutus (ISCED 3–4) | Upper secondary or post-secondary education (ISCED 3–4) | Andra stadiet (ISCED 3–4)
    indicator.CO11 | Korkea-asteen koulutus (ISCED 5–8) | Tertiary education (ISCED 5–8) | Högre utbildning (ISCED 5–8)
    indicator.CO15 | Maahanmuuttajat, ulkomaalaistaustaiset, vähemmistöt | Migrants, foreign background, minorities | Invandrare, utländsk bakgrund, minoriteter
    indicator.CO16 | Osallistujat, joilla on vamma | Participants with disabilities | Deltagare med funktionsnedsättning
    indicator.CO17 | Muut heikommassa asemassa olevat | Other disadvantaged | Andra missgynnade
    indicator.CO18 | Asunnottomat tai asuntomarkkinoilta syrjäytyneet | Homeless or affected by housing exclusion | Bostadslösa
    indicator.CO19 | Maaseutualueilta | From rural areas | Från landsbygden
    indicator.CR01 | Työvoiman ulkopuolelta tulleet, työnhakijoina päättyessä | Inactive participants newly engaged in job searching upon leaving | Nya arbetssökande vid avslutning
    indicator.CR02 | Koulutuksessa päättyessä | In education or training upon leaving | I utbildning vid avslutning
    indicator.CR03 | Saivat pätevyyden päättyessä | Gaining a qualification upon leaving | Avlagt examen vid avslutning
    indicator.CR04 | Työttömistä tai työvoiman ulkopuolelta työssä päättyessä | Unemployed or inactive at entry, in employment upon leaving | I arbete vid avslutning
    indicator.CR05 | Heikommassa asemassa olevat, työnhakijoina, koulutuksessa, pätevyyden saaneina tai työssä päättyessä | Disadvantaged: job searching, in education, qualified or employed upon leaving | Missgynnade med resultat vid avslutning
    indicator.CR06 | Työssä kuusi kuukautta päättymisen jälkeen | In employment six months after leaving | I arbete sex månader efter
    indicator.CR07 | Työmarkkinatilanne parantunut kuusi kuukautta päättymisen jälkeen | Improved labour market situation six months after leaving | Förbättrad situation
    indicator.CR08 | Yli 54-vuotiaat työssä kuusi kuukautta päättymisen jälkeen | Above 54, in employment six months after leaving | Över 54 i arbete sex månader efter
    indicator.CR09 | Heikommassa asemassa olevat työssä kuusi kuukautta päättymisen jälkeen | Disadvantaged, in employment six months after leaving | Missgynnade i arbete sex månader efter
    report.title | Seurantaraportti: {0} | Monitoring report: {0} | Uppföljningsrapport: {0}
    report.link | Seurantaraportti (ESR) | Monitoring report (ESF) | Uppföljningsrapport (ESF)
    report.period_rule | Tuotosindikaattorit lasketaan jaksolla aloittaneista, tulosindikaattorit jaksolla päättäneistä. Sama henkilö lasketaan hankkeessa kerran. | Output indicators count those who started in the period; result indicators those who left in it. A person counts once per project. | Utfallsindikatorer räknar de som började under perioden, resultatindikatorer de som avslutade.
    report.from | Alkaen | From | Från
    report.to | Päättyen | To | Till
    report.site | Toimipiste | Site | Verksamhetsställe
    report.site.all | Kaikki | All | Alla
    report.gender | Sukupuoli | Gender | Kön
    report.gender.all | Kaikki | All | Alla
    report.age_band | Ikäryhmä aloittaessa | Age band at entry | Åldersgrupp
    report.age_band.all | Kaikki | All | Alla
    report.age_band.under_18 | Alle 18 | Under 18 | Under 18
    report.age_band.18_29 | 18–29 | 18–29 | 18–29
    report.age_band.30_54 | 30–54 | 30–54 | 30–54
    report.age_band.55_plus | 55 ja yli | 55 and over | 55 och äldre
    report.show | Näytä | Show | Visa
    report.progress | {0} aloittanutta, suunnitelma {1} ({2} %). Päättäneitä {3}. | {0} started, plan {1} ({2} %). {3} left. | {0} började, plan {1} ({2} %). {3} avslutade.
    report.progress.noplan | {0} aloittanutta. Päättäneitä {1}. | {0} started. {1} left. | {0} började. {1} avslutade.
    report.esfplus | ESR+ 2021–2027: yhteiset indikaattorit | ESF+ 2021–2027 common indicators | ESF+ 2021–2027
    report.esf2014 | ESR 2014–2020: yhteiset indikaattorit | ESF 2014–2020 common indicators | ESF 2014–2020
    report.code | Koodi | Code | Kod
    report.indicator | Indikaattori | Indicator | Indikator
    report.women | Naiset | Women | Kvinnor
    report.men | Miehet | Men | Män
    report.non_binary | Muunsukupuoliset | Non-binary | Icke-binära
    report.total | Yhteensä | Total | Totalt
    report.outcomes | Mihin päättäneet siirtyivät | Where the leavers went | Vart de som avslutade gick
    report.outcome | Jatkopolku | Outcome | Utfall
    report.count | Lukumäärä | Count | Antal
    report.share | Osuus | Share | Andel
    report.outcome.none | Ei kirjattu | Not recorded | Inte registrerat
    report.solutions | Ratkaisu (työ, opiskelu tai työkyvyttömyysetuus) löytyi {0} päättäneelle {1}:stä ({2} %). | A solution (work, study or a disability benefit) was found for {0} of {1} leavers ({2} %). | En lösning hittades för {0} av {1} ({2} %).
    report.completeness | Puuttuvat tiedot | Missing data | Saknade uppgifter
    report.completeness.none | Kaikkien tiedot ovat täydelliset. | Every record is complete. | Alla uppgifter är fullständiga.
    report.completeness.count | {0} osallistujan tiedot ovat puutteellisia, eikä heitä lasketa indikaattoreihin ennen täydentämistä. | {0} records are incomplete and are not counted in the indicators until completed. | {0} poster är ofullständiga.
    report.completeness.fix | Täydennä | Complete | Komplettera
    report.suppressed | Luvut 1–4 näytetään muodossa ”<5”, jotta yksittäistä henkilöä ei voi tunnistaa. | Counts from 1 to 4 are shown as "<5" so that no one can be identified. | Tal 1–4 visas som ”<5”.
    report.download | Lataa | Download | Ladda ner
    report.people | Henkilöt: {0} | People: {0} | Personer: {0}
    report.people.none | Ei henkilöitä. | No people. | Inga personer.
    report.no_results | Ei tuloksia tällä jaksolla. | No results in this period. | Inga resultat.
    followup.title | Puolen vuoden seuranta: {0} | Six-month follow-up: {0} | Uppföljning efter sex månader: {0}
    followup.link | Erääntyneet seurannat | Follow-ups due | Förfallna uppföljningar
    followup.intro | Nämä osallistujat päättivät vähintään puoli vuotta sitten, eikä seurantaa ole vielä kirjattu. Kysy, ovatko he töissä ja onko tilanne parantunut. | These participants left at least six months ago and their follow-up is not yet recorded. Ask whether they are in work and whether their situation has improved. | Dessa deltagare avslutade för minst sex månader sedan.
    followup.none | Ei erääntyneitä seurantoja. | No follow-ups due. | Inga förfallna uppföljningar.
    followup.record | Kirjaa seuranta | Record follow-up | Registrera uppföljning
    import.title | Tuo osallistujia: {0} | Import participants: {0} | Importera deltagare: {0}
    import.link | Tuo osallistujia taulukosta | Import participants from a spreadsheet | Importera deltagare
    import.intro | Tallenna taulukko CSV-muodossa (UTF-8, erottimena pilkku tai puolipiste). Päivämäärät muodossa 2024-03-01 tai 1.3.2024. Tuonti tehdään kokonaan tai ei ollenkaan: jos yksikin rivi on virheellinen, mitään ei tallenneta ja kaikki virheet luetellaan. Saman tiedoston tuominen uudelleen ei muuta mitään. | Save the spreadsheet as CSV (UTF-8, comma or semicolon). Dates as 2024-03-01 or 1.3.2024. All or nothing: if any row is wrong, nothing is saved and every problem is listed. Importing the same file again changes nothing. | Spara tabellen som CSV (UTF-8). Allt eller inget.
    import.columns | Sarakkeet (ensimmäinen rivi; pakolliset: participant_id, first_name, last_name, birth_date, start_date; kuvaus tiedostossa docs/IMPORT.md): | Columns (first row; required: participant_id, first_name, last_name, birth_date, start_date; see docs/IMPORT.md): | Kolumner (första raden):
    import.file | CSV-tiedosto | CSV file | CSV-fil
    import.submit | Tuo | Import | Importera
    import.done | Tuotu: {0} uutta, {1} päivitetty, {2} ennallaan. | Imported: {0} new, {1} updated, {2} unchanged. | Importerat: {0} nya, {1} uppdaterade, {2} oförändrade.
    import.refused | Tiedostoa ei tuotu: {0} virhettä. Korjaa ne ja tuo tiedosto uudelleen; mitään ei tallennettu. | The file was not imported: {0} problems. Correct them and import again; nothing was saved. | Filen importerades inte: {0} fel.
    import.line | Rivi | Line | Rad
    import.column | Sarake | Column | Kolumn
    import.problem | Virhe | Problem | Fel
    import.no_file | Valitse tiedosto. | Choose a file. | Välj en fil.
    import.not_utf8 | Tiedosto ei ole UTF-8-muodossa. Tallenna se muodossa ”CSV UTF-8”. | The file is not UTF-8. Save it as "CSV UTF-8". | Filen är inte UTF-8.
    import.unclosed_quote | Lainausmerkki jäi sulkematta. | A quotation mark is not closed. | Ett citattecken är inte stängt.
    import.empty | Tiedosto on tyhjä. | The file is empty. | Filen är tom.
    import.no_rows | Tiedostossa ei ole rivejä otsikkorivin jälkeen. | The file has no rows after the header. | Filen har inga rader.
    import.column_count | Rivillä on väärä määrä sarakkeita ({0}). | The row has the wrong number of columns ({0}). | Fel antal kolumner ({0}).
    import.missing_columns | Pakollisia sarakkeita puuttuu. | Required columns are missing. | Obligatoriska kolumner saknas.
    import.unknown_columns | Tuntemattomia sarakkeita. | Unknown columns. | Okända kolumner.
    import.unknown_value | Tuntematon arvo. | Unknown value. | Okänt värde.
    import.unknown_site | Hankkeella ei ole tämännimistä toimipistettä. | The project has no site with this name. | Okänt verksamhetsställe.
    import.start_before_birth | Aloituspäivä on ennen syntymäaikaa. | The start date is before the date of birth. | Startdatum före födelsedatum.
    import.same_id_other_person | Samalla tunnisteella on eri henkilö (nimi tai syntymäaika eroaa). | The same ID is used for a different person (name or birth date differs). | Samma ID för olika personer.
    report.own_outcomes | Hankkeen omat jatkopolkuluokat | The project's own outcome categories | Projektets egna utfallskategorier
    report.maps_to | Lasketaan luokkaan | Counted as | Räknas som
    project.own_outcomes.none | Hankkeella ei ole omia luokkia; käytössä ovat vakioluokat. | The project has no categories of its own; the standard ones are used. | Inga egna kategorier.
    project.own_outcome.name | Oma luokka | Own category | Egen kategori
    activities.title | Toiminnot: {0} | Activities: {0} | Verksamhet: {0}
    activities.link | Toiminnot ja osallistuminen | Activities and attendance | Verksamhet och närvaro
    activities.none | Ei vielä toimintoja. | No activities yet. | Ingen verksamhet ännu.
    activities.new | Uusi toiminto | New activity | Ny verksamhet
    activity.name | Nimi | Name | Namn
    activity.kind | Laji | Kind | Typ
    activity.kind.group | Ryhmä (toistuvat kerrat) | Group (recurring sessions) | Grupp
    activity.kind.event | Tapahtuma | Event | Evenemang
    activity.kind.training | Koulutus ammattilaisille | Training for professionals | Utbildning
    activity.kind.coaching | Yksilövalmennus | Individual coaching | Individuell coachning
    activity.description | Kuvaus | Description | Beskrivning
    activity.from | Päivä (ryhmällä ensimmäinen päivä) | Date (for a group, the first day) | Datum
    activity.to | Ryhmän viimeinen päivä | A group's last day | Gruppens sista dag
    activity.start | Alkaa klo | Starts at | Börjar kl.
    activity.end | Päättyy klo | Ends at | Slutar kl.
    activity.time.hint | Esimerkiksi 10.00 | For example 10:00 | Till exempel 10.00
    activity.time | klo {0}–{1} | {0}–{1} | kl. {0}–{1}
    activity.weekdays | Ryhmän viikonpäivät | The group's weekdays | Gruppens veckodagar
    activity.weekdays.hint | Vain ryhmille: kerrat luodaan näille päiville. | Groups only: sessions are made on these days. | Endast för grupper.
    activity.interval | Joka kuinka mones viikko | Every how many weeks | Var hur många veckor
    activity.interval.hint | 1 = joka viikko, 2 = joka toinen viikko | 1 = weekly, 2 = every other week | 1 = varje vecka
    activity.sessions | Kerrat | Sessions | Träffar
    activity.session.date | Aika | Time | Tid
    activity.session.state | Tila | State | Status
    activity.session.named | Nimettyjä osallistujia | Named participants | Namngivna deltagare
    activity.session.heads | Henkilömäärä | Head count | Antal personer
    activity.session.cancelled | Peruttu | Cancelled | Inställd
    activity.session.future | Tulossa | Upcoming | Kommande
    activity.session.held | Pidetty | Held | Hållen
    activity.error.time | Kirjoita kellonaika, esimerkiksi 10.00. | Write a time, for example 10:00. | Skriv en tid.
    activity.error.schedule.no_weekdays | Valitse ryhmälle ainakin yksi viikonpäivä. | Choose at least one weekday for the group. | Välj minst en veckodag.
    activity.error.schedule.interval | Viikkoväli on 1–8. | The interval is 1–8 weeks. | Intervallet är 1–8 veckor.
    activity.error.schedule.end_before_start | Viimeinen päivä on ennen ensimmäistä. | The last day is before the first. | Sista dagen är före den första.
    activity.error.schedule.end_time | Päättymisaika on ennen alkamisaikaa. | The end time is before the start time. | Sluttiden är före starttiden.
    activity.error.schedule.too_long | Ryhmä voi kestää enintään kolme vuotta. | A group can last at most three years. | Högst tre år.
    activity.error.attendance.negative | Määrä ei voi olla negatiivinen. | A count cannot be negative. | Antalet kan inte vara negativt.
    activity.error.attendance.implausible | Määrä on epätodennäköisen suuri. Tarkista luku. | The count is implausibly large. Check the number. | Orimligt stort antal.
    activity.error.attendance.breakdown | Erittely ei täsmää kokonaismäärään. | The breakdown does not add up to the total. | Fördelningen stämmer inte.
    activity.error.attendance.cancelled | Kerta on peruttu: osallistumista ei voi kirjata. | The session was cancelled: no attendance can be recorded. | Träffen är inställd.
    activity.error.attendance.future | Kerta on vasta tulossa: osallistuminen kirjataan kerran jälkeen. | The session is still to come: record attendance afterwards. | Träffen har inte hållits.
    attendance.title | Osallistuminen: {0}, {1} | Attendance: {0}, {1} | Närvaro: {0}, {1}
    attendance.present | Paikalla olleet | Present | Närvarande
    attendance.heads | Henkilömäärä (avoimet tapahtumat) | Head count (open events) | Antal personer
    attendance.heads.hint | Nimettömät osallistujat lasketaan erikseen; he eivät ole hankkeen osallistujia. | Anonymous attendees are counted apart; they are not project participants. | Anonyma deltagare räknas separat.
    attendance.head_on_site | Paikan päällä | On site | På plats
    attendance.head_online | Verkossa | Online | På nätet
    attendance.conflict | Joku muu tallensi tämän kerran osallistujat sillä välin. Tarkista tilanne alla ja tallenna uudelleen. | Someone else saved this session's attendance meanwhile. Check below and save again. | Någon annan sparade närvaron under tiden.
    activity.category | Luokka raportissa | Category in the report | Kategori i rapporten
    activity.category.none | Ei luokkaa | No category | Ingen kategori
    activity.category.community_coaching | Yhteisövalmennus | Community coaching | Samhällscoachning
    activity.category.social_rehabilitation_group | Sosiaalisen kuntoutuksen ryhmä | Social rehabilitation group | Social rehabiliteringsgrupp
    activity.category.peer_group | Vertaisryhmä | Peer group | Kamratgrupp
    activity.category.employment_event | Työllistymistä ja työ- ja toimintakykyä edistävä tapahtuma tai info | Employment and work-ability event or info session | Evenemang för sysselsättning
    activity.category.community_event | Yhteisö- ja pienryhmätapahtuma | Community and small-group event | Gemenskapsevenemang
    activity.category.public_event | Yhteisöllinen yleisötapahtuma | Open public event | Öppet evenemang
    activity.category.wellbeing_event | Hyvinvointitapahtuma | Wellbeing event | Välmåendeevenemang
    activity.category.seminar | Seminaari | Seminar | Seminarium
    activity.category.professional_training | Koulutus ammattilaisille | Training for professionals | Utbildning för yrkesfolk
    activity.category.individual_coaching | Yksilövalmennus | Individual coaching | Individuell coachning
    activity_report.link | Toimintojen raportti | Activity report | Verksamhetsrapport
    activity_report.title | Toiminnot lukuina: {0} | Activities in figures: {0} | Verksamhet i siffror: {0}
    activity_report.sessions | Kertoja | Sessions | Träffar
    activity_report.participants | Eri osallistujia (nimetyt) | Unique named participants | Unika deltagare
    activity_report.attendances | Osallistumisia yhteensä | Attendances in all | Deltaganden totalt
    activity_report.heads | Henkilömäärät | Head counts | Antal personer
    nav.calendar | Kalenteri | Calendar | Kalender
    activity.target_group | Kohderyhmä | Target group | Målgrupp
    activity.target_group.hint | Kenelle toiminta on tarkoitettu, esimerkiksi "nuoret aikuiset" | Who it is for, for example "young adults" | Vem verksamheten är för
    activity.organisers | Järjestäjät | Organisers | Arrangörer
    activity.organisers.hint | Hankkeen työntekijät, jotka vetävät toimintaa. Jos et valitse ketään, järjestäjäksi tulet sinä. | The project's staff who run it. If you choose no one, it will be you. | Projektets anställda som leder verksamheten.
    activity.co_organisers | Muut järjestäjät | Co-organisers | Andra arrangörer
    activity.co_organisers.hint | Kumppanit, esimerkiksi yhdistys tai seurakunta | Partners, for example an association or a parish | Partner, till exempel en förening
    activity.feed | Kalenterisyöte (.ics) | Calendar feed (.ics) | Kalenderflöde (.ics)
    activity.feed.hint | Tilaa kalenteriohjelmaan: syötteessä on toiminnan nimi, ajat ja paikka, ei osallistujia. | Subscribe in a calendar program: the feed has the activity's name, times and place, no participants. | Prenumerera i ett kalenderprogram; inga deltagare i flödet.
    activity.group_rate | Ryhmän osallistumisaste | The group's attendance rate | Gruppens närvarograd
    activity.members | Ryhmän jäsenet | Group members | Gruppens medlemmar
    activity.members.none | Ryhmässä ei vielä ole jäseniä. | The group has no members yet. | Gruppen har inga medlemmar ännu.
    activity.member.joined | Liittyi | Joined | Gick med
    activity.member.left | Lähti | Left | Slutade
    activity.member.came | Kävi | Came | Deltog
    activity.member.came_of | {0}/{1} | {0} of {1} | {0} av {1}
    activity.member.rate | Osallistumisaste | Attendance rate | Närvarograd
    activity.member.actions | Toiminnot | Actions | Åtgärder
    activity.member.leave | Merkitse {0} lähteneeksi | Mark {0} as left | Markera {0} som avslutad
    activity.member.add | Lisää ryhmään | Add to the group | Lägg till i gruppen
    activity.member.choose | Valitse osallistuja | Choose a participant | Välj en deltagare
    activity.member.add.submit | Lisää jäseneksi | Add as a member | Lägg till som medlem
    activity.session.others | Muita (vieraat, koulutettavat) | Others (guests, trainees) | Andra (gäster, deltagare i utbildning)
    activity.session.change | Siirrä tai peru | Move or cancel | Flytta eller ställ in
    activity.session.moved_from | (siirretty, alun perin {0}) | (moved, originally {0}) | (flyttad, ursprungligen {0})
    activity.session.add | Lisää kerta | Add a session | Lägg till en träff
    activity.session.add.submit | Lisää kerta | Add the session | Lägg till träffen
    activity.session.day | Päivä | Date | Datum
    activity.error.already_member | Hän on jo ryhmän jäsen. | They are already a member of the group. | Personen är redan medlem.
    activity.error.members_groups_only | Jäseniä on vain ryhmillä. | Only groups have members. | Endast grupper har medlemmar.
    activity.error.session_exists | Tälle päivälle on jo kerta. Siirrä sitä tai valitse toinen päivä. | There is already a session on that day. Move it or choose another day. | Det finns redan en träff den dagen.
    activity.error.attendance.recorded_cancel | Kerralle on kirjattu osallistujia, joten sitä ei voi perua. Poista ensin osallistumiset. | Attendance has been recorded for this session, so it cannot be cancelled. Clear the attendance first. | Närvaro har registrerats; träffen kan inte ställas in.
    activity.error.attendance.recorded_future | Kerralle on kirjattu osallistujia, joten sitä ei voi siirtää tulevaisuuteen. | Attendance has been recorded for this session, so it cannot be moved to a day still to come. | Närvaro har registrerats; träffen kan inte flyttas framåt.
    session.edit.title | Kerta {1}: {0} | Session of {1}: {0} | Träff {1}: {0}
    session.edit.intro | Siirrä kerta toiseen päivään tai aikaan tai peru se. Peruttu kerta näkyy kalenterissa perutuksi, eikä sitä lasketa raportissa. | Move the session to another day or time, or cancel it. A cancelled session shows as cancelled in the calendar and does not count in the report. | Flytta eller ställ in träffen.
    session.edit.cancelled | Kerta on peruttu | The session is cancelled | Träffen är inställd
    attendance.members_present | Paikalla olleet ryhmän jäsenet | Group members present | Närvarande medlemmar
    attendance.add_participant | Lisää paikalla ollut muu hankkeen osallistuja | Add another of the project's participants who came | Lägg till en annan deltagare
    attendance.add_participant.none | Ei ketään muuta | No one else | Ingen annan
    attendance.add_participant.hint | Esimerkiksi toisen ryhmän jäsen, joka tuli mukaan tällä kertaa. | For example a member of another group who came this time. | Till exempel en medlem i en annan grupp.
    attendance.guests | Muut paikalla olleet nimeltä | Others present, by name | Andra närvarande, med namn
    attendance.guests.hint | Yksi henkilö riville. He eivät ole hankkeen osallistujia. | One person per line. They are not the project's participants. | En person per rad.
    attendance.guests.training_hint | Yksi henkilö riville, organisaatio puolipisteen jälkeen: "Maija Mallikas; Porin kaupunki". | One person per line, the organisation after a semicolon: "Maija Mallikas; City of Pori". | En person per rad: "Namn; Organisation".
    attendance.organisations | Koulutukseen osallistuneet organisaatioittain | Trainees by organisation | Deltagare per organisation
    attendance.organisations.hint | Yksi organisaatio riville ja määrä puolipisteen jälkeen: "Porin kaupunki; 12". | One organisation per line and the number after a semicolon: "City of Pori; 12". | En organisation per rad: "Organisation; antal".
    attendance.breakdown | Erittely sukupuolen ja iän mukaan (vapaaehtoinen) | By gender and age (optional) | Efter kön och ålder (frivilligt)
    attendance.breakdown.hint | Jos et tiedä kaikkien tietoja, jätä osa pois: loput merkitään "ei tiedossa". | If you do not know everyone's, leave some out: the rest count as "not known". | Resten räknas som okänt.
    attendance.by_gender | Sukupuolen mukaan | By gender | Efter kön
    attendance.by_age | Iän mukaan | By age | Efter ålder
    attendance.women | Naisia | Women | Kvinnor
    attendance.men | Miehiä | Men | Män
    attendance.other_gender | Muunsukupuolisia | Non-binary | Icke-binära
    attendance.error.guest_line | Rivillä {0} on liian pitkä tai tyhjä nimi. | Line {0} has a name that is empty or too long. | Rad {0} har ett tomt eller för långt namn.
    attendance.error.organisation_line | Tarkista rivi {0}: muoto on "organisaatio; määrä", määrä 1–50 000, sama organisaatio vain kerran. | Check line {0}: the form is "organisation; number", the number 1–50,000, each organisation once. | Kontrollera rad {0}.
    attendance.error.not_in_project | Joku valituista ei ole tämän hankkeen osallistuja. | Someone chosen is not a participant of this project. | Någon vald är inte deltagare i projektet.
    activity_report.by | Ryhmittely | Group by | Gruppera efter
    activity_report.by.category | Luokka | Category | Kategori
    activity_report.by.kind | Laji | Kind | Typ
    activity_report.by.site | Toimipiste | Site | Verksamhetsställe
    activity_report.by.activity | Toiminto | Activity | Verksamhet
    activity_report.named | Osallistumiset (nimetyt) | Attendances (named) | Deltaganden (namngivna)
    activity_report.others | Vieraat ja koulutettavat | Guests and trainees | Gäster och deltagare i utbildning
    activity_report.csv | Lataa CSV | Download CSV | Ladda ner CSV
    activity_report.xlsx | Lataa Excel (XLSX) | Download Excel (XLSX) | Ladda ner Excel (XLSX)
    activity_report.recruited | Tapahtumien kautta tavoitetut uudet osallistujat | New participants reached through events | Nya deltagare via evenemang
    activity_report.recruited.hint | Henkilöt, jotka kävivät ensin tapahtumassa ja aloittivat hankkeessa myöhemmin; lasketaan aloituspäivän mukaan. | People who first came to an event and started in the project later, counted by their start date. | Personer som först kom till ett evenemang och började senare.
    activity_report.heads_breakdown | Henkilömäärät sukupuolen ja iän mukaan | Head counts by gender and age | Antal personer efter kön och ålder
    activity_report.gender_unknown | Sukupuoli ei tiedossa | Gender not known | Kön okänt
    activity_report.age_unknown | Ikä ei tiedossa | Age not known | Ålder okänd
    activity_report.group_rates | Ryhmien osallistumisaste | Groups' attendance rates | Gruppernas närvarograd
    participant.section.activities | Toiminnot | Activities | Verksamhet
    calendar.title | Kalenteri | Calendar | Kalender
    calendar.link | Kalenteri | Calendar | Kalender
    calendar.view | Näkymä | View | Vy
    calendar.view.week | Viikko | Week | Vecka
    calendar.view.month | Kuukausi | Month | Månad
    calendar.project | Hanke | Project | Projekt
    calendar.all_projects | Kaikki hankkeeni | All my projects | Alla mina projekt
    calendar.worker | Järjestäjä | Organiser | Arrangör
    calendar.worker.all | Kaikki | Everyone | Alla
    calendar.worker.me | Minä | Me | Jag
    calendar.nav | Selaa kalenteria | Browse the calendar | Bläddra i kalendern
    calendar.previous_week | ← Edellinen viikko | ← Previous week | ← Föregående vecka
    calendar.next_week | Seuraava viikko → | Next week → | Nästa vecka →
    calendar.previous_month | ← Edellinen kuukausi | ← Previous month | ← Föregående månad
    calendar.next_month | Seuraava kuukausi → | Next month → | Nästa månad →
    calendar.today | Tänään | Today | I dag
    calendar.week | Viikko {0}–{1} | Week {0}–{1} | Vecka {0}–{1}
    calendar.month | {0} {1} | {0} {1} | {0} {1}
    calendar.empty | Ei kertoja tällä ajalla. | No sessions in this period. | Inga träffar under perioden.
    calendar.no_sessions | Ei kertoja. | No sessions. | Inga träffar.
    month.1 | tammikuu | January | januari
    month.2 | helmikuu | February | februari
    month.3 | maaliskuu | March | mars
    month.4 | huhtikuu | April | april
    month.5 | toukokuu | May | maj
    month.6 | kesäkuu | June | juni
    month.7 | heinäkuu | July | juli
    month.8 | elokuu | August | augusti
    month.9 | syyskuu | September | september
    month.10 | lokakuu | October | oktober
    month.11 | marraskuu | November | november
    month.12 | joulukuu | December | december
    nav.login | Kirjaudu | Log in | Logga in
    nav.instruments | Arviointivälineet | Instruments | Bedömningsinstrument
    instruments.project.link | Arviointivälineet | Assessment instruments | Bedömningsinstrument
    instruments.project.title | Arviointivälineet: {0} | Assessment instruments: {0} | Bedömningsinstrument: {0}
    instruments.project.legend | Hankkeessa käytettävät arviointivälineet | The instruments the project uses | Instrument som projektet använder
    instruments.project.saved | Valinnat tallennettu. | Choices saved. | Valen sparades.
    instruments.health | terveystieto | health data | hälsouppgift
    instruments.licence.deployment | tekstit organisaation lisenssillä | texts under the organisation's licence | texter under organisationens licens
    instruments.licence.external | tulokset ulkoisesta palvelusta | scores from an external service | resultat från en extern tjänst
    instruments.library.title | Arviointivälineet | Assessment instruments | Bedömningsinstrument
    instruments.key | Tunnus | Key | Kod
    instruments.version | Versio | Version | Version
    instruments.origin | Lähde | Origin | Ursprung
    instruments.origin.bundled | Polun mukana | Shipped with Polku | Ingår i Polku
    instruments.origin.uploaded | Ladattu | Uploaded | Uppladdad
    instruments.answers | Arviointeja | Assessments | Bedömningar
    instruments.upload | Lataa määrittely | Upload a definition | Ladda upp en definition
    instruments.upload.hint | JSON-tiedosto, muoto: docs/instrument.schema.json. Jos samalla tunnuksella ja versiolla on jo vastauksia, tiedosto tallennetaan uutena versiona; vanhat tulokset pysyvät omassa versiossaan. | A JSON file in the format of docs/instrument.schema.json. If the same key and version already has answers, the file is stored as a new version; old results keep theirs. | En JSON-fil enligt docs/instrument.schema.json.
    instruments.upload.file | Määrittelytiedosto (.json) | Definition file (.json) | Definitionsfil (.json)
    instruments.upload.submit | Lataa | Upload | Ladda upp
    instruments.upload.empty | Valitse tiedosto. | Choose a file. | Välj en fil.
    instruments.upload.refused | Määrittelyä ei tallennettu. Korjaa nämä kohdat: | The definition was not stored. Fix these: | Definitionen sparades inte. Rätta följande:
    instruments.upload.stored | Tallennettu: {0}, versio {1}. | Stored: {0}, version {1}. | Sparad: {0}, version {1}.
    instruments.upload.new_version | Versiolla {1} ({0}) on jo vastauksia, joten määrittely tallennettiin versioksi {2}. | Version {1} of {0} already has answers, so the definition was stored as version {2}. | Version {1} har redan svar; sparad som version {2}.
    participant.section.measures | Arvioinnit ja mittaukset | Assessments and measures | Bedömningar och mätningar
    measure.summary | {0} kertaa, viimeksi {1} | {0} times, last on {1} | {0} gånger, senast {1}
    measure.start | Aloita arviointi | Start an assessment | Påbörja en bedömning
    measure.start.submit | Aloita | Start | Börja
    measure.date | Päivä | Date | Datum
    measure.external | Tämä täytetään ulkoisessa palvelussa. Kirjoita tähän vain tulokset. | This is filled in an external service. Type in only the scores here. | Fyll i resultaten från den externa tjänsten.
    measure.no_goals | Osallistujalla ei ole vielä tavoitteita tässä hankkeessa. Lisää tavoitteet ensin osallistujan sivulla. | The participant has no goals in this project yet. Add them on the participant's page first. | Deltagaren har inga mål ännu.
    measure.item_code_only | Kysymyksen teksti tulee organisaation lisensoimasta lomakkeesta. | The question's text comes from the organisation's licensed form. | Frågans text finns i organisationens licensierade formulär.
    measure.range | Väliltä {0}–{1} | Between {0} and {1} | Mellan {0} och {1}
    measure.important | {0} on minulle nyt tärkeimpiä | {0} matters most to me now | {0} är viktigast för mig nu
    measure.area_goal | Tavoite: {0} (vapaaehtoinen) | Goal: {0} (optional) | Mål: {0} (frivilligt)
    measure.error.future | Päivä ei voi olla tulevaisuudessa. | The date cannot be in the future. | Datumet kan inte vara i framtiden.
    measure.error.range | Anna luku väliltä {0}. | Give a number between {0}. | Ange ett tal mellan {0}.
    measure.error.step | Luvun tarkkuus on {0}. | The number's precision is {0}. | Talets noggrannhet är {0}.
    measure.error.missing | Tähän tarvitaan vastaus. | This needs an answer. | Svar behövs.
    measure.error.too_many_missing | Vastauksia puuttuu liikaa ({0}). | Too many answers are missing ({0}). | För många svar saknas ({0}).
    measure.error.nothing | Vastaa ainakin yhteen kohtaan. | Answer at least one. | Svara på minst en.
    measure.history.title | {0}: {1} | {0}: {1} | {0}: {1}
    measure.none | Ei vielä arviointeja. | No assessments yet. | Inga bedömningar ännu.
    measure.saved | Tallennettu – tulos {0} | Saved – the result of {0} | Sparad – resultatet {0}
    measure.latest | Viimeisin tulos {0} | The latest result, {0} | Senaste resultatet {0}
    measure.latest_short | Viimeisin {0} | Latest {0} | Senaste {0}
    measure.first | Ensimmäinen {0} | First {0} | Första {0}
    measure.total | Pisteet {0} | Score {0} | Poäng {0}
    measure.scaled | asteikolla 0–100: {0} | on 0–100: {0} | på 0–100: {0}
    measure.total_short | Pisteet | Score | Poäng
    measure.band | Tulkinta | Interpretation | Tolkning
    measure.change | Muutos ensimmäisestä kerrasta ({0}): {1} → {2} ({3}). | Change since the first time ({0}): {1} → {2} ({3}). | Förändring sedan första gången ({0}): {1} → {2} ({3}).
    measure.change.meaningful | Muutos on merkittävä (vähintään {0} pistettä). | The change is meaningful (at least {0} points). | Förändringen är betydande.
    measure.change.small | Muutos on pienempi kuin {0} pistettä, jota pidetään merkittävänä. | The change is smaller than the {0} points counted as meaningful. | Förändringen är mindre än {0} poäng.
    measure.charts | Muutos ajan myötä | Change over time | Förändring över tid
    measure.chart.total | {0}: pisteet kerta kerralta | {0}: the score time by time | {0}: poäng gång för gång
    measure.chart.domain | {0} kerta kerralta | {0} time by time | {0} gång för gång
    measure.chart.profile | Ensimmäinen kerta {0} ja viimeisin {1} | The first time, {0}, and the latest, {1} | Första gången {0} och senaste {1}
    measure.table | {0}: kaikki kerrat | {0}: every time | {0}: alla gånger
    measure.area_goals | Omat tavoitteet osa-alueittain | My goals by area | Egna mål per område
    measure.important_hint | ★ = osallistuja merkitsi osa-alueen tärkeimpiin. | ★ = the participant marked the area as mattering most. | ★ = deltagaren markerade området som viktigast.
    measure.goal | Tavoite | Goal | Mål
    measure.area | Osa-alue tai mittaus | Area or measurement | Område eller mätning
    measure.goals_mean | Keskiarvo | Mean | Medelvärde
    measure.for_participant.link | Näytä osallistujalle selkeänä yhteenvetona | Show to the participant as a plain summary | Visa för deltagaren som en enkel sammanfattning
    measure.for_participant.title | Sinun tuloksesi: {0} | Your results: {0} | Dina resultat: {0}
    measure.for_participant.intro | {0}, tässä ovat vastaustesi tulokset. Käydään ne läpi yhdessä. | {0}, here are the results of your answers. Let us go through them together. | {0}, här är resultaten av dina svar.
    measure.for_participant.first | Ensimmäisellä kerralla ({0}) tuloksesi oli {1}/{2}. | The first time ({0}) your result was {1} out of {2}. | Första gången ({0}) var ditt resultat {1} av {2}.
    measure.for_participant.latest | Viimeksi ({0}) tuloksesi oli {1}/{2}. | The latest time ({0}) your result was {1} out of {2}. | Senast ({0}) var ditt resultat {1} av {2}.
    measure.for_participant.up_clear | Tulos on noussut selvästi. | Your result has clearly gone up. | Resultatet har stigit tydligt.
    measure.for_participant.down_clear | Tulos on laskenut selvästi. Puhutaan siitä, mikä on muuttunut. | Your result has clearly gone down. Let us talk about what has changed. | Resultatet har sjunkit tydligt.
    measure.for_participant.up | Tulos on noussut vähän. | Your result has gone up a little. | Resultatet har stigit lite.
    measure.for_participant.down | Tulos on laskenut vähän. | Your result has gone down a little. | Resultatet har sjunkit lite.
    measure.for_participant.same | Tulos on pysynyt samana. | Your result has stayed the same. | Resultatet är detsamma.
    measure.for_participant.better | Näissä on tapahtunut muutosta parempaan | These have changed for the better | Här har det blivit bättre
    measure.for_participant.now | Tilanteesi {0} | How things were on {0} | Din situation {0}
    measure.for_participant.important | sinulle tärkeä | important to you | viktigt för dig
    measure.for_participant.print | Voit tulostaa tämän sivun tai saada sen mukaasi. | You can print this page or take it with you. | Du kan skriva ut sidan.
    measure.goal_removed | (poistettu tavoite) | (a removed goal) | (ett borttaget mål)
    measures_report.link | Arvioinnit lukuina | Assessments in figures | Bedömningar i siffror
    measures_report.title | Arvioinnit lukuina: {0} | Assessments in figures: {0} | Bedömningar i siffror: {0}
    measures_report.rule | Muutos lasketaan jokaisen osallistujan ensimmäisestä viimeisimpään kertaan valitulla jaksolla, ja siitä lasketaan keskiarvo. Alle viiden hengen luvut näytetään muodossa ”<5”, eikä keskiarvoa näytetä. | Change is each participant's first to latest time in the period, averaged. Counts under five are shown as "<5", with no average. | Förändringen räknas från första till senaste gången; under fem visas som ”<5”.
    measures_report.none | Ei arviointeja tällä jaksolla. | No assessments in this period. | Inga bedömningar under perioden.
    measures_report.counts | Ensimmäinen mittaus: {0} osallistujaa. Toistomittaus: {1}. | A first measurement: {0} participants. A repeat: {1}. | Första mätning: {0}. Upprepad: {1}.
    measures_report.meaningful | Merkittävä muutos (vähintään {2} pistettä): parempaan {0}, huonompaan {1}. | Meaningful change (at least {2} points): better {0}, worse {1}. | Betydande förändring: bättre {0}, sämre {1}.
    measures_report.change_caption | {0}: keskimääräinen muutos | {0}: average change | {0}: genomsnittlig förändring
    measures_report.score | Pisteet tai osa-alue | Score or area | Poäng eller område
    measures_report.average_change | Keskimääräinen muutos | Average change | Genomsnittlig förändring
    measures_report.people | Henkilöitä | People | Personer
    measures_report.too_few | Toistomittauksia on alle viisi: muutosta ei näytetä. | Fewer than five repeat measurements: no change is shown. | Färre än fem upprepade mätningar.
    directory.title | Palveluhakemisto | Service directory | Servicekatalog
    directory.intro | Etsi palveluja, joista voi olla apua arkeen, terveyteen, talouteen, työhön tai opiskeluun. Et tarvitse tunnuksia. | Find services that can help with daily life, health, money, work or study. You do not need an account. | Hitta tjänster som kan hjälpa i vardagen. Du behöver inget konto.
    directory.q | Hakusanat | Search words | Sökord
    directory.q.hint | Esimerkiksi "velka", "kuntosali" tai palvelun nimi | For example "debt", "gym" or the name of a service | Till exempel "skuld"
    directory.category | Aihe | Topic | Ämne
    directory.area | Alue | Area | Område
    directory.language | Kieli | Language | Språk
    directory.threshold | Miten pääsee mukaan | How to get in | Hur man kommer med
    directory.any | Kaikki | Any | Alla
    directory.any_area | Kaikki alueet | All areas | Alla områden
    directory.search | Hae | Search | Sök
    directory.results | Löytyneet palvelut | Services found | Hittade tjänster
    directory.none | Palveluja ei löytynyt. Kokeile väljempää hakua. | No services found. Try a wider search. | Inga tjänster hittades.
    directory.more | Lisää palveluja → | More services → | Fler tjänster →
    directory.csv | Lataa koko hakemisto (CSV) | Download the whole directory (CSV) | Ladda ner katalogen (CSV)
    directory.import.title | Palveluhakemiston tuonti | Import the service directory | Importera katalogen
    directory.import.hint | CSV-tiedosto (UTF-8, pilkku- tai puolipiste-erotin), sarakkeet: {0}. Aihe, kynnys ja sektori koodeina (ks. vienti). Tuonti tehdään kokonaan tai ei lainkaan. | A CSV file (UTF-8, comma or semicolon separated) with the columns: {0}. Topic, threshold and sector as codes (see the export). All or nothing. | En CSV-fil med kolumnerna: {0}. Allt eller inget.
    directory.import.submit | Tuo | Import | Importera
    directory.import.refused | Mitään ei tuotu: {0} ongelmaa. Korjaa ja yritä uudelleen. | Nothing was imported: {0} problems. Fix them and try again. | Inget importerades: {0} problem.
    directory.import.line | Rivi {0} | Line {0} | Rad {0}
    directory.import.columns | Sarakkeet puuttuvat: {0} | Columns missing: {0} | Kolumner saknas: {0}
    directory.import.no_provider | palveluntarjoaja puuttuu | the provider is missing | leverantör saknas
    directory.import.category | tuntematon aihe "{0}" | unknown topic "{0}" | okänt ämne "{0}"
    directory.import.threshold | tuntematon kynnys "{0}" | unknown threshold "{0}" | okänd tröskel "{0}"
    directory.import.sector | tuntematon sektori "{0}" | unknown sector "{0}" | okänd sektor "{0}"
    directory.import.language | tuntematon kieli "{0}" | unknown language "{0}" | okänt språk "{0}"
    directory.import.done | Tuotu: {0} uutta palvelua, {1} päivitetty. | Imported: {0} new services, {1} updated. | Importerat: {0} nya, {1} uppdaterade.
    provider.services.title | Palvelut: {0} | Services: {0} | Tjänster: {0}
    provider.services.link | Omat palvelut | Our services | Våra tjänster
    provider.services.stale | {0} palvelun tiedot on tarkistettu yli puoli vuotta sitten. Tarkista ne, jotta hakemisto pysyy ajan tasalla. | The details of {0} services were checked over half a year ago. Check them to keep the directory up to date. | Uppgifterna för {0} tjänster kontrollerades för över ett halvår sedan.
    provider.services.none | Ei vielä palveluja. | No services yet. | Inga tjänster ännu.
    provider.services.new | Uusi palvelu | New service | Ny tjänst
    provider.inbox.link | Saapuneet ohjaukset | Referrals received | Mottagna remisser
    service.name | Palvelun nimi | Name of the service | Tjänstens namn
    service.description | Kuvaus | Description | Beskrivning
    service.description.hint | Kerro selkeästi, mitä palvelussa tehdään ja kenelle se sopii. | Say plainly what happens and who it suits. | Beskriv tydligt.
    service.target_groups | Kenelle | Who it is for | För vem
    service.target_groups.hint | Esimerkiksi "nuoret aikuiset, maahan muuttaneet" | For example "young adults, immigrants" | Till exempel "unga vuxna"
    service.areas.hint | Kunnat tai alueet pilkulla erotettuina, esimerkiksi "Pori, Ulvila" | Municipalities or areas separated by commas, e.g. "Pori, Ulvila" | Kommuner eller områden, åtskilda med komman
    service.cost | Hinta | Cost | Pris
    service.cost.hint | Esimerkiksi "maksuton" tai "2 € / kerta" | For example "free" or "€2 a time" | Till exempel "gratis"
    service.where_when | Missä ja milloin | Where and when | Var och när
    service.contact | Yhteystiedot | Contact | Kontakt
    service.contact.hint | Puhelin, sähköposti tai käyntiosoite | Phone, email or visiting address | Telefon, e-post eller adress
    service.translations | Ruotsin- ja englanninkielinen nimi ja kuvaus (vapaaehtoinen) | Swedish and English name and description (optional) | Svenskt och engelskt namn (frivilligt)
    service.active | Palvelu on näkyvissä hakemistossa | The service is shown in the directory | Tjänsten visas i katalogen
    service.provider | Palveluntarjoaja | Provider | Leverantör
    service.checked | Tiedot tarkistettu | Details checked | Uppgifterna kontrollerade
    service.stale | Tiedot on tarkistettu viimeksi {0}. Ne voivat olla vanhentuneita. | The details were last checked on {0}. They may be out of date. | Uppgifterna kontrollerades senast {0}.
    service.stale.short | tarkista tiedot | check the details | kontrollera uppgifterna
    service.inactive | Tämä palvelu ei ole tällä hetkellä käytössä. | This service is not running at the moment. | Tjänsten är inte i bruk just nu.
    service.inactive.short | ei käytössä | not running | inte i bruk
    service.edit | Muokkaa palvelua | Edit the service | Redigera tjänsten
    service.edit.title | Muokkaa: {0} | Edit: {0} | Redigera: {0}
    service.mark_checked | Merkitse tiedot tarkistetuiksi: {0} | Mark as checked: {0} | Markera som kontrollerad: {0}
    service.error.language | Valitse ainakin yksi kieli. | Choose at least one language. | Välj minst ett språk.
    service.category.work_coaching | Työvalmennus ja työnhaku | Work coaching and job seeking | Arbetscoachning
    service.category.social_rehabilitation | Sosiaalinen kuntoutus ja arjen tuki | Social rehabilitation and everyday support | Social rehabilitering
    service.category.health | Terveys ja jaksaminen | Health and wellbeing | Hälsa
    service.category.substance_abuse | Päihteet ja riippuvuudet | Substances and addictions | Missbruk och beroenden
    service.category.debt_finances | Velat ja raha-asiat | Debt and money matters | Skulder och ekonomi
    service.category.housing | Asuminen | Housing | Boende
    service.category.education | Opiskelu ja koulutus | Study and training | Studier och utbildning
    service.category.peer_support | Vertaistuki | Peer support | Kamratstöd
    service.category.leisure_culture | Vapaa-aika ja kulttuuri | Leisure and culture | Fritid och kultur
    service.category.sports | Liikunta | Sports and exercise | Idrott och motion
    service.threshold.open | Avoin kaikille | Open to everyone | Öppen för alla
    service.threshold.low | Matala kynnys | Low threshold | Låg tröskel
    service.threshold.referral | Tarvitaan ohjaus | Referral needed | Remiss behövs
    service.threshold.open.explain | voit tulla mukaan milloin vain | you can just come | du kan komma när som helst
    service.threshold.low.explain | ei ajanvarausta eikä lähetettä, voit tulla sellaisena kuin olet | no appointment or referral; come as you are | ingen tidsbokning eller remiss
    service.threshold.referral.explain | tarvitset ohjauksen esimerkiksi työntekijältäsi | you need a referral, for example from your worker | du behöver en remiss
    service.language.fi | suomi | Finnish | finska
    service.language.sv | ruotsi | Swedish | svenska
    service.language.en | englanti | English | engelska
    service.language.ar | arabia | Arabic | arabiska
    service.language.ru | venäjä | Russian | ryska
    service.language.so | somali | Somali | somaliska
    service.language.et | viro | Estonian | estniska
    service.language.fa | persia | Persian | persiska
    service.language.uk | ukraina | Ukrainian | ukrainska
    service.language.se | pohjoissaame | Northern Sámi | nordsamiska
    sector.public | julkinen | public | offentlig
    sector.third_sector | järjestö | third sector | tredje sektorn
    sector.parish | seurakunta | parish | församling
    sector.company | yritys | company | företag
    sector.education | oppilaitos | educational institution | läroanstalt
    sector.social_enterprise | yhteiskunnallinen yritys | social enterprise | socialt företag
    nav.referrals | Ohjaukset | Referrals | Remisser
    participant.section.referrals | Ohjaukset palveluihin | Referrals to services | Remisser till tjänster
    referral.new.link | Ohjaa palveluun | Refer to a service | Remittera till en tjänst
    referral.new.title | Ohjaus palveluun: {0} | Referral to a service: {0} | Remiss: {0}
    referral.to | Ohjaus palveluun {0} ({1}) | Referral to {0} ({1}) | Remiss till {0} ({1})
    referral.find | Etsi palvelu hakemistosta | Find a service in the directory | Sök en tjänst i katalogen
    referral.project | Hanke, jonka kautta ohjataan | The project the referral is made in | Projektet
    referral.share | Mitä palveluntarjoaja saa tietää | What the provider will know | Vad leverantören får veta
    referral.share.hint | Nimi kerrotaan aina. Valitse vain se, mitä palveluun pääsy vaatii. | The name is always shared. Choose only what getting into the service needs. | Namnet delas alltid.
    referral.share.phone | Puhelinnumero | Phone number | Telefonnummer
    referral.share.email | Sähköposti | Email | E-post
    referral.share.language | Asiointikieli | Language | Språk
    referral.share.message | Viesti palveluntarjoajalle (alla) | A message to the provider (below) | Ett meddelande (nedan)
    referral.message | Viesti palveluntarjoajalle | Message to the provider | Meddelande till leverantören
    referral.message.hint | Vain se, mitä palvelun aloittaminen vaatii. Ei terveystietoja. | Only what starting the service needs. No health details. | Endast det nödvändiga.
    referral.consent.legend | Suostumus | Consent | Samtycke
    referral.consent | {0} on antanut suostumuksensa siihen, että yllä valitut tiedot annetaan palveluntarjoajalle {1}. | {0} has consented to the chosen details being given to {1}. | {0} har samtyckt till att uppgifterna ges till {1}.
    referral.send | Lähetä ohjaus | Send the referral | Skicka remissen
    referral.error.consent | Ohjausta ei voi lähettää ilman osallistujan suostumusta. | A referral cannot be sent without the participant's consent. | Remissen kan inte skickas utan samtycke.
    referral.error.inactive | Palvelu ei ole käytössä, joten siihen ei voi ohjata. | The service is not running, so no one can be referred to it. | Tjänsten är inte i bruk.
    referral.error.skips | Tilaa ei voi ohittaa: ohjaus etenee lähetetystä vastaanotetuksi, hyväksytyksi tai hylätyksi, aloitetuksi ja päättyneeksi. | A state cannot be skipped: a referral goes from sent to received, accepted or declined, started and ended. | Ett steg kan inte hoppas över.
    referral.error.ended | Ohjaus on jo päättynyt. | The referral has already ended. | Remissen har redan avslutats.
    referral.error.reason | Kerro syy, kun ohjaus hylätään tai keskeytyy. | Give a reason when a referral is declined or interrupted. | Ange ett skäl.
    referral.title | Ohjaus: {0} | Referral: {0} | Remiss: {0}
    referral.person | Henkilö | Person | Person
    referral.service | Palvelu | Service | Tjänst
    referral.state | Tila | State | Status
    referral.sent | Lähetetty | Sent | Skickad
    referral.history | Vaiheet | History | Historik
    referral.update | Päivitä tila | Update the state | Uppdatera status
    referral.new_state | Uusi tila | New state | Ny status
    referral.reason | Syy | Reason | Skäl
    referral.reason.hint | Pakollinen, jos ohjaus hylätään tai keskeytyy. | Required when declining or interrupting. | Obligatoriskt vid avslag eller avbrott.
    referral.consent.on | Suostumus annettu | Consent given | Samtycke givet
    referral.consent.withdrawn | peruttu {0} | withdrawn on {0} | återkallat {0}
    referral.withdraw | Osallistuja perui suostumuksensa | The participant withdrew consent | Deltagaren återkallade samtycket
    referral.withdraw.hint | Peruminen piilottaa henkilön tiedot palveluntarjoajalta. | Withdrawing hides the person's details from the provider. | Återkallandet döljer personens uppgifter.
    referral.withdrawn.person | (suostumus peruttu) | (consent withdrawn) | (samtycke återkallat)
    referral.state.sent | Lähetetty | Sent | Skickad
    referral.state.received | Vastaanotettu | Received | Mottagen
    referral.state.accepted | Hyväksytty | Accepted | Godkänd
    referral.state.declined | Hylätty | Declined | Avslagen
    referral.state.started | Aloitettu | Started | Påbörjad
    referral.state.completed | Päättynyt suunnitellusti | Completed | Slutförd
    referral.state.interrupted | Keskeytynyt | Interrupted | Avbruten
    referrals.open.title | Avoimet ohjaukset | Open referrals | Öppna remisser
    referrals.open.none | Ei avoimia ohjauksia. | No open referrals. | Inga öppna remisser.
    provider.inbox.title | Saapuneet ohjaukset: {0} | Referrals received: {0} | Mottagna remisser: {0}
    provider.inbox.none | Ei ohjauksia. | No referrals. | Inga remisser.
    provider.inbox.all | Näytä myös päättyneet | Show ended ones too | Visa även avslutade
    provider.inbox.open | Näytä vain avoimet | Show open ones only | Visa endast öppna
    suggestions.title | Ehdotetut palvelut | Suggested services | Föreslagna tjänster
    suggestions.why | Miksi: | Why: | Varför:
    suggestions.reason.goal | tavoite "{0}" | the goal "{0}" | målet "{0}"
    suggestions.reason.area | alueella {0} | in {0} | i {0}
    suggestions.reason.language | palvelee kielellä {0} | serves in {0} | betjänar på {0}
    suggestions.reason.weak | arvioinnin tulos ({0}) | an assessment result ({0}) | ett bedömningsresultat ({0})
    suggestions.reason.low | helppo päästä mukaan | easy to get in | lätt att komma med
    suggestions.area.money | raha-asiat | money matters | pengar
    suggestions.area.home | koti ja asuminen | home | hem
    suggestions.area.body | kunto ja liikkuminen | fitness | kondition
    suggestions.area.energy | jaksaminen | energy and mood | ork
    suggestions.area.people | ihmiset ympärillä | people around | människor
    suggestions.area.work | työ tai opiskelu | work or study | arbete eller studier
    suggestions.area.skills | oppiminen | learning | lärande
    suggestions.area.free_time | vapaa-aika | free time | fritid
    suggestions.area.daily_rhythm | päivärytmi | daily rhythm | dygnsrytm
    suggestions.area.belonging | kuuluminen johonkin | belonging | att höra till
    network.link | Palveluverkosto lukuina | The service network in figures | Servicenätverket i siffror
    network.title | Palveluverkosto lukuina | The service network in figures | Servicenätverket i siffror
    network.providers_by_sector | Palveluntarjoajat sektoreittain | Providers by sector | Leverantörer per sektor
    network.services_by_category | Palvelut aiheittain | Services by topic | Tjänster per ämne
    network.referrals_by_state | Ohjaukset tiloittain | Referrals by state | Remisser per status
    network.referrals_by_sector | Ohjaukset palveluntarjoajan sektorin mukaan | Referrals by the provider's sector | Remisser per sektor
    network.referrals_by_provider | Ohjaukset palveluntarjoajittain | Referrals by provider | Remisser per leverantör
    network.sector | Sektori | Sector | Sektor
    network.providers | Palveluntarjoajia | Providers | Leverantörer
    network.services | Palveluja | Services | Tjänster
    network.referrals | Ohjauksia | Referrals | Remisser
    network.started | Aloitettuja | Started | Påbörjade
    network.median | Mediaani, päivää | Median, days | Median, dagar
    network.median_days | Ohjauksesta palvelun alkuun kului mediaanina {0} päivää ({1} alkanutta ohjausta). | From referral to start took a median of {0} days ({1} started referrals). | Från remiss till start: median {0} dagar ({1}).
    network.all_projects | Kaikki hankkeet | All projects | Alla projekt
    network.filter_hint | Jakso ja hanke rajaavat ohjaukset (lähetyspäivän mukaan); palvelut ja palveluntarjoajat ovat koko verkosto. | The period and project narrow the referrals (by the day sent); services and providers are the whole network. | Perioden och projektet avgränsar remisserna.
    network.areas | Alueet rinnakkain | Areas side by side | Områden sida vid sida
    me.title | Omat tietoni | My space | Mina uppgifter
    me.hello | Hei {0}! Täällä näet omat tuloksesi ja toimintasi. | Hello {0}! Here you see your own results and activities. | Hej {0}! Här ser du dina egna resultat.
    me.results | Omat tulokseni | My results | Mina resultat
    me.results.none | Sinulla ei ole vielä tuloksia. | You have no results yet. | Du har inga resultat ännu.
    me.activities | Toiminnat, joihin osallistuin | Activities I took part in | Verksamhet jag deltog i
    me.activities.none | Ei vielä toimintoja. | No activities yet. | Ingen verksamhet ännu.
    me.came_of | kävit {0} kertaa {1}:stä | you came {0} times of {1} | du kom {0} gånger av {1}
    me.came | kävit {0} kertaa | you came {0} times | du kom {0} gånger
    me.directory | Etsi palveluja palveluhakemistosta | Find services in the directory | Sök tjänster i katalogen
    participant.page | Osallistujan sivu | The participant's page | Deltagarens sida
    own.invite.button | Anna osallistujalle oma tunnus (kutsulinkki) | Give the participant an account of their own (invitation link) | Ge deltagaren ett eget konto
    own.has_account | Osallistujalla on oma tunnus Polkuun. | The participant has an account of their own. | Deltagaren har ett eget konto.
    own.invite.title | Kutsu omaan tilaan | Invitation to their own space | Inbjudan
    own.invite.give | Anna tämä linkki osallistujalle. Sillä hän tekee itselleen tunnuksen. Linkki toimii kerran ja {0} päivää. | Give this link to the participant. With it they make their own account. It works once, for {0} days. | Ge länken till deltagaren. Den fungerar en gång i {0} dagar.
    own.invite.once | Linkkiä ei näytetä uudelleen. Jos se katoaa, tee uusi kutsu. | The link is not shown again. If it is lost, make a new invitation. | Länken visas inte igen.
    own.invite.exists | Osallistujalla on jo oma tunnus. | The participant already has an account. | Deltagaren har redan ett konto.
    own.invite.invalid | Kutsulinkki ei ole voimassa: se on jo käytetty tai vanhentunut. Pyydä työntekijältäsi uusi. | The invitation link is not valid: it has been used or has expired. Ask your worker for a new one. | Länken är inte giltig.
    own.accept.title | Tee oma tunnus Polkuun | Make your own Polku account | Skapa ett eget konto
    own.accept.intro | Hei {0}! Valitse sähköpostiosoite ja salasana. Niillä näet omat tuloksesi ja toimintasi. | Hello {0}! Choose an email address and a password. With them you see your own results and activities. | Hej {0}! Välj e-post och lösenord.
    own.accept.password | Salasana | Password | Lösenord
    own.accept.password.hint | Vähintään 10 merkkiä. | At least 10 characters. | Minst 10 tecken.
    own.accept.again | Salasana uudelleen | Password again | Lösenordet igen
    own.accept.submit | Tee tunnus | Make the account | Skapa kontot
    own.accept.mismatch | Salasanat eivät ole samat. | The passwords are not the same. | Lösenorden är inte samma.
    own.accept.email_taken | Tällä sähköpostilla on jo tunnus. | This email already has an account. | E-posten har redan ett konto.
    weekday.1 | maanantai | Monday | måndag
    weekday.2 | tiistai | Tuesday | tisdag
    weekday.3 | keskiviikko | Wednesday | onsdag
    weekday.4 | torstai | Thursday | torsdag
    weekday.5 | perjantai | Friday | fredag
    weekday.6 | lauantai | Saturday | lördag
    weekday.7 | sunnuntai | Sunday | söndag
    audit.title | Lokitiedot | Audit log | Logg
    audit.actor | Käyttäjän sähköposti | User's e-mail | Användarens e-post
    audit.participant | Osallistujan tunniste | Participant ID | Deltagarens ID
    audit.participant.hint | Osallistujan UUID-tunniste | The participant's UUID | Deltagarens UUID
    audit.action | Tapahtuma | Action | Händelse
    audit.action.all | Kaikki | All | Alla
    audit.from | Alkaen | From | Från
    audit.to | Päättyen | To | Till
    audit.filter | Suodata | Filter | Filtrera
    audit.at | Aika | Time | Tid
    audit.detail | Lisätieto | Detail | Detalj
    audit.address | Osoite | Address | Adress
    """
}
