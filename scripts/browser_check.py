#!/usr/bin/env python3
"""Drives headless Chromium through Polku as a person meets it: login, a project, the participant
list, a participant, adding a note, logout. Runs axe-core on every page and fails on any WCAG 2.1
A or AA violation. Usage: browser_check.py POLKU_BINARY"""
import json, os, pathlib, re, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.support import expected_conditions as EC
import axe_playwright_python

binary = os.path.abspath(sys.argv[1])
port = os.environ.get("POLKU_BROWSER_PORT", "8097")
base = f"http://127.0.0.1:{port}"
work = tempfile.mkdtemp(prefix="polku-browser-")
shots = pathlib.Path(os.environ.get("POLKU_SCREENSHOTS", work))
env = dict(os.environ)
env.pop("DATABASE_URL", None)  # the browser check runs on the embedded SQLite, as a new user does
server = subprocess.Popen([binary, "serve", "--demo", "--port", port], cwd=work, env=env,
                          stdout=open(os.path.join(work, "serve.log"), "w"), stderr=subprocess.STDOUT)
passed, failed = 0, 0
failures = []

def wait_for(text, timeout=10):
    """Waits until the page shows `text` (a click returns before the next page has loaded)."""
    try:
        WebDriverWait(driver, timeout).until(lambda d: text in d.page_source)
        return True
    except Exception:
        return False

def page_left(page, timeout=10):
    """Waits until `page` (an element of the old document) is gone. Chrome may answer "node does not belong
    to the document" instead of a stale reference while the next page replaces it; that is gone too."""
    def gone(d):
        try:
            page.is_enabled()
            return False
        except Exception:
            return True
    WebDriverWait(driver, timeout).until(gone)

# The coach's tasks (issue 14): each counts the clicks it takes and must stay within its limit.
tasks = {}

# A form's visible save button (an attendance form's first button is a hidden one, for Enter, and
# its search for someone else is a button of the form too).
SAVE = "main form button[type=submit]:not([aria-hidden]):not([name=find])"

def click(task, element):
    """Clicks `element` as a step of `task`; the page it opens counts when the URL changes."""
    t = tasks.setdefault(task, {"clicks": 0, "pages": 0})
    before = driver.current_url
    t["clicks"] += 1
    element.click()
    try:
        WebDriverWait(driver, 5).until(lambda d: d.current_url != before)
        t["pages"] += 1
    except Exception:
        pass

def download(url):
    """The file at `url` fetched in the page, as its download link would get it; base64, or '' on failure."""
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
          let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]); done(btoa(s)); })
          .catch(e => done(''));""", url)

def picture_shown(selector):
    """The picture at `selector` scrolled to (it loads lazily) and drawn from its file (40 px wide)."""
    try:
        image = driver.find_element(By.CSS_SELECTOR, selector)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", image)
        WebDriverWait(driver, 5).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 40)
        return True
    except Exception:
        return False

def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        failures.append(f"{name}: {detail}")
        print(f"FAIL {name}: {detail}")

try:
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            time.sleep(0.5)
    else:
        print(open(os.path.join(work, "serve.log")).read())
        raise SystemExit("Polku did not start")

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    axe_source = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()

    phone_widths = []
    touch_small = []
    wide_tables = []

    def csp_violations():
        """Content-Security-Policy refusals the browser logged since the last call."""
        return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e.get("message", "")]

    def audit(name):
        driver.save_screenshot(str(shots / f"{name}.png"))
        html = driver.page_source
        violations = csp_violations()
        check(f"{name}: no CSP violations", not violations, "; ".join(violations)[:500])
        check(f"{name}: language marked", re.search(r'<html[^>]* lang="(fi|en|sv)"', html) is not None, "no lang attribute")
        check(f"{name}: no script needed", "<script" not in html.split("</head>")[-1], "page carries a script")
        driver.execute_script(axe_source)
        result = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))))
               .catch(e => done(JSON.stringify([{id: 'axe-error', impact: String(e), nodes: []}])));
        """)
        violations = json.loads(result)
        check(f"{name}: axe WCAG 2.1 AA", not violations, json.dumps(violations, ensure_ascii=False))
        # On a 390 px phone (issue 14): the page must not scroll sideways.
        driver.set_window_size(390, 844)
        WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.innerWidth") <= 390)
        time.sleep(0.3)
        width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        phone_widths.append((name, width[0], width[1]))
        # Tables read as lists on a phone (issue 14): no table's box scrolls sideways either.
        boxed = driver.execute_script("""
            return [...document.querySelectorAll('div.scroll')].filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1)
              .map(e => (e.querySelector('caption') || e.querySelector('th') || e).textContent.trim().slice(0, 40) + ' ' + e.scrollWidth + '/' + e.clientWidth);""")
        wide_tables.extend(f"{name}: {b}" for b in boxed)
        # Touch targets: every control (a checkbox or radio by its row) at least 44 px tall.
        small = driver.execute_script("""
            const out = [];
            for (const e of document.querySelectorAll('button, select, input, textarea, summary')) {
              if (e.type === 'hidden' || !e.getClientRects().length || e.closest('details:not([open])') && e.tagName !== 'SUMMARY') continue;
              const box = (e.type === 'checkbox' || e.type === 'radio') ? (e.closest('.field, label, tr') || e) : e;
              const h = box.getBoundingClientRect().height;
              if (h < 43.5) out.push(e.tagName.toLowerCase() + (e.name ? '[' + e.name + ']' : '') + ' ' + Math.round(h));
            }
            return out;""")
        touch_small.extend(f"{name}: {s}" for s in small)
        driver.set_window_size(1280, 900)

    import base64
    from selenium.webdriver.common.print_page_options import PrintOptions

    def pdf_pages():
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        pdf = base64.b64decode(driver.print_page(options))
        return len(re.findall(rb"/Type\s*/Page[^s]", pdf))

    def print_check(name):
        """The page printed on A4 (issue 14): in print media at the printable width (180 mm, 680 px)
        nothing is wider than the paper, and Chromium's own print gives at least one page."""
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.set_window_size(680, 1000)
        time.sleep(0.3)
        width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.set_window_size(1280, 900)
        pages = pdf_pages()
        check(f"{name}: prints on A4 without clipping", width[0] <= width[1] and pages >= 1, f"{width[0]} px wide at {width[1]}, {pages} pages")
        printed.append((name, pages))

    printed = []
    readability = []

    def readable(name):
        """Plain language on a participant's page (issue 15), measured on the text of <main>: every
        sentence (a table cell counts alone) at most 20 words, sentences 12 words or fewer on average, and at most 5 % of words
        longer than 20 letters (Finnish compounds). Names, dates and numbers count as words."""
        text = driver.execute_script("return document.querySelector('main').innerText")
        sentences = [x for x in re.split(r"(?<=[.!?:])\s+|[\n\t]+", text) if re.search(r"\w", x)]
        words = [w for x in sentences for w in re.findall(r"[\w'-]+", x)]
        lengths = [len(re.findall(r"[\w'-]+", x)) for x in sentences]
        longest = max(lengths, default=0)
        mean = sum(lengths) / max(1, len(lengths))
        long_share = sum(1 for w in words if len(w) > 20) / max(1, len(words))
        readability.append((name, longest, mean, long_share))
        worst = max(sentences, key=lambda x: len(re.findall(r"[\w'-]+", x)), default="")
        check(f"{name}: plain language", longest <= 20 and mean <= 12 and long_share <= 0.05,
              f"longest {longest} words ({worst[:120]}), mean {mean:.1f}, long words {100 * long_share:.1f} %")

    # The public service directory, without logging in.
    driver.get(base + "/directory")
    check("public directory", wait_for("Palveluhakemisto") and "Pihlavan olohuone" in driver.page_source, driver.title)
    audit("00a-directory")
    driver.find_element(By.ID, "f-q").send_keys("velka")
    driver.find_element(By.CSS_SELECTOR, "form[role=search] button").click()
    check("directory search", wait_for('value="velka"') and "Velkaneuvonta" in driver.page_source and "Pihlavan olohuone" not in driver.page_source, driver.title)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Velkaneuvonta").click()
    check("service page", wait_for("Palveluntarjoaja") and "Matala kynnys" in driver.page_source, driver.title)
    audit("00b-service")
    driver.get(base + "/")
    check("login page in Finnish", "Kirjaudu Polkuun" in driver.page_source, driver.title)
    audit("01-login")
    driver.find_element(By.ID, "f-email").send_keys("worker@demo.polku.invalid")
    driver.find_element(By.ID, "f-password").send_keys("polku-demo-2026")
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
    # A coach lands on "Tänään" (issue 14): this week's sessions, each one click from its attendance.
    check("logged in to today's page", wait_for("Ryhmäkerrat seuraavien seitsemän päivän aikana") and "kirjaa läsnäolot" in driver.page_source, driver.title)
    audit("02a-today")
    # Attendance from the home page: the session left unrecorded, "all present", untick one, save.
    click("attendance from home", driver.find_element(By.CSS_SELECTOR, "#today-unrecorded ~ ul a"))
    check("unrecorded session opens its attendance", wait_for("Merkitty paikalla:"), driver.title)
    click("attendance from home", driver.find_element(By.PARTIAL_LINK_TEXT, "Merkitse kaikki paikalla olleiksi"))
    check("all present ticked", wait_for("Kaikki on merkitty paikalla olleiksi"), driver.page_source[:300])
    boxes = driver.find_elements(By.CSS_SELECTOR, "fieldset.checks input[type=checkbox]")
    total = len(boxes)
    check("count shows everyone", driver.find_element(By.ID, "present-count").text == str(total), driver.find_element(By.ID, "present-count").text)
    boxes[0].click()  # one did not come: a tick is data entered, counted apart from the clicks
    tasks["attendance from home"]["ticks"] = 1
    check("live count follows the ticks", driver.find_element(By.ID, "present-count").text == str(total - 1), driver.find_element(By.ID, "present-count").text)
    click("attendance from home", driver.find_element(By.CSS_SELECTOR, SAVE))
    check("attendance from home saved", wait_for(f"Läsnäolot tallennettu: {total - 1} ryhmän jäsentä"), driver.page_source[:600])
    driver.get(base + "/today")
    check("nothing left to record", wait_for("Tänään on") and "today-unrecorded" not in driver.page_source, "still listed")
    driver.find_element(By.LINK_TEXT, "Hankkeet").click()
    check("logged in to the projects", wait_for("S20250"), driver.title)
    audit("02-projects")
    for code in ["S21019", "S20250", "S20013", "S20519", "YHDISTAMO"]:
        check(f"project {code} listed", code in driver.page_source, "missing")
    def sign_in_again(email):
        """Signs out and in as another demo user."""
        driver.find_element(By.CSS_SELECTOR, "form.logout button").click()
        time.sleep(0.5)
        driver.get(base + "/login")
        wait_for("Kirjaudu Polkuun")
        driver.find_element(By.ID, "f-email").send_keys(email)
        driver.find_element(By.ID, "f-password").send_keys("polku-demo-2026")
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()

    driver.find_element(By.PARTIAL_LINK_TEXT, "Lähde mukaan!").click()
    check("project page", wait_for("Pihlava") and "S20250" in driver.page_source, driver.title)
    project_url = driver.current_url
    audit("03-project")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Seurantaraportti").click()
    check("ESF report", wait_for("EECO01"), driver.title)
    audit("03b-esf-report")
    print_check("ESF report")
    # The incomplete records, all of them a page at a time, each with its link to complete it.
    report_url = driver.current_url.split("#")[0].split("?")[0]
    driver.get(report_url + "/people?code=incomplete")
    check("the report's incomplete records", wait_for("Henkilöt: Puuttuvat tiedot") and "Täydennä</a>" in driver.page_source, driver.title)
    audit("03b2-esf-incomplete")
    driver.back()  # to the report: the steps below go back from it to the project
    wait_for("EECO01")
    # The XLSX download opens as a workbook with numbers as numbers.
    import io, openpyxl
    href = driver.find_element(By.PARTIAL_LINK_TEXT, "XLSX").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    data = urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookie})).read()
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book["Indikaattorit"].iter_rows(values_only=True))
    check("XLSX opens with Finnish headers", rows[0][:3] == ("Kehys", "Koodi", "Indikaattori"), str(rows[0]))
    check("XLSX numbers are numbers", isinstance(rows[1][6], int) and rows[1][1] == "EECO01", str(rows[1]))
    outcomes = list(book["Jatkopolut"].iter_rows(values_only=True))
    check("XLSX outcomes by label, no codes", ("Avoimet työmarkkinat" in [r[0] for r in outcomes])
          and not any("_" in str(c) for r in outcomes for c in r if c is not None), str(outcomes[:3]))
    notes = dict(r[:2] for r in book["Huomiot"].iter_rows(values_only=True))
    check("XLSX notes say what the figures are", "Pienet luvut" in notes and "Puutteelliset tiedot" in notes, str(list(notes)[:8]))
    # On screen: the difference between those who started and EECO01 is explained (issue 14).
    check("started vs EECO01 explained", "Erotus" in driver.page_source and 'href="#missing-h"' in driver.page_source, "no explanation")
    driver.back()
    wait_for("Hankkeen osallistujat")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Toiminnot ja osallistuminen").click()
    check("activities page", wait_for("Uusi toiminto"), driver.title)
    audit("03c-activities")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Toimintojen raportti").click()
    check("activity report: 125 community-coaching sessions", wait_for("Yhteisövalmennus") and ">125<" in driver.page_source, driver.title)
    audit("03d-activity-report")
    print_check("activity report")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    href = driver.find_element(By.PARTIAL_LINK_TEXT, "Lataa Excel").get_attribute("href")
    book = openpyxl.load_workbook(io.BytesIO(urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookie})).read()))
    rows = list(book["Toiminnot"].iter_rows(values_only=True))
    coaching = [r for r in rows if r and r[0] == "Yhteisövalmennus"]
    check("activity XLSX: 125 sessions, 74 people", coaching and coaching[0][1] == 125 and coaching[0][2] == 74, str(coaching))
    href = driver.find_element(By.PARTIAL_LINK_TEXT, "Lataa CSV").get_attribute("href")
    text = urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookie})).read().decode("utf-8")
    check("activity CSV: open public events 16 and 2369", "Yhteisöllinen yleisötapahtuma;16;0;0;0;2369;0;2369" in text, text[:300])
    driver.back()
    wait_for("Uusi toiminto")
    # A group: its members with attendance rates, its calendar feed (parsed as a calendar program does),
    # and one held session's attendance recorded on the checklist with a guest.
    driver.find_element(By.PARTIAL_LINK_TEXT, "Yhteisövalmennus").click()
    check("group page with members", wait_for("Ryhmän jäsenet") and "Osallistumisaste" in driver.page_source, driver.title)
    audit("03e-group")
    import icalendar
    feed = driver.find_element(By.PARTIAL_LINK_TEXT, "Kalenterisyöte").get_attribute("href")
    cal = icalendar.Calendar.from_ical(urllib.request.urlopen(feed).read())  # no cookie: a calendar program
    events = [c for c in cal.walk("VEVENT")]
    check("ics feed parses with 125 sessions", len(events) == 125 and str(events[0]["SUMMARY"]).startswith("Yhteisövalmennus"), str(len(events)))
    check("ics times are Helsinki time", events[0].decoded("DTSTART").tzinfo is not None and events[0].decoded("DTSTART").hour == 10, str(events[0].decoded("DTSTART")))
    links = driver.find_elements(By.CSS_SELECTOR, "#held ~ div.scroll table a[href*='/sessions/']:not([href$='/edit'])")
    check("held sessions link to attendance", len(links) > 0, "no links")
    click("74-member attendance from the group", links[0])
    check("attendance checklist", wait_for("Paikalla olleet ryhmän jäsenet"), driver.title)
    audit("03f-attendance")
    attendance_url = driver.current_url
    # Every one of the group's 74 members: the filter finds one, "all present" ticks all, one is
    # unticked through the filter and ticked again; a long form, posted by the browser in pieces.
    boxes = driver.find_elements(By.CSS_SELECTOR, "fieldset.checks input[type=checkbox]")
    check("74 members on the checklist", len(boxes) == 74, str(len(boxes)))
    first_label = driver.find_element(By.CSS_SELECTOR, "fieldset.checks .field.check label").text
    driver.find_element(By.ID, "attendance-filter").send_keys(first_label)
    shown = [b for b in driver.find_elements(By.CSS_SELECTOR, "fieldset.checks .field.check") if b.is_displayed()]
    check("the filter narrows the list", 1 <= len(shown) < 74, f"{len(shown)} shown for {first_label!r}")
    click("74-member attendance from the group", driver.find_element(By.PARTIAL_LINK_TEXT, "Merkitse kaikki paikalla olleiksi"))
    check("all 74 ticked", wait_for("Kaikki on merkitty") and driver.find_element(By.ID, "present-count").text == "74", driver.find_element(By.ID, "present-count").text)
    driver.find_element(By.ID, "attendance-filter").send_keys(first_label)
    target = [b for b in driver.find_elements(By.CSS_SELECTOR, "fieldset.checks .field.check input") if b.is_displayed()][0]
    target.click()
    check("count after unticking", driver.find_element(By.ID, "present-count").text == "73", driver.find_element(By.ID, "present-count").text)
    target.click()
    driver.find_element(By.ID, "f-guests").send_keys("Vieras Selaintesti")
    click("74-member attendance from the group", driver.find_element(By.CSS_SELECTOR, SAVE))
    check("attendance saved", wait_for("Ryhmän jäsenet"), driver.title + " " + driver.page_source[:300])
    check("attendance save says so", "Läsnäolot tallennettu: 74 ryhmän jäsentä" in driver.page_source
          and 'class="ok flash" role="status"' in driver.page_source, driver.page_source[:600])
    check("attendance save not refused", "Lähetä lomake uudelleen" not in driver.page_source, driver.title)
    driver.get(attendance_url)
    wait_for("Paikalla olleet ryhmän jäsenet")
    ticked = [b for b in driver.find_elements(By.CSS_SELECTOR, "fieldset.checks input[type=checkbox]") if b.is_selected()]
    check("all 74 attendances kept", len(ticked) == 74, str(len(ticked)))
    # Someone from outside the group, found by name inside the form: Enter in the search searches,
    # every tick stays, and nothing is saved until "Tallenna"; then the one found is ticked and saved.
    search = driver.find_element(By.ID, "f-add_q")
    search.send_keys("Keksitty")
    tasks.setdefault("a visitor found by name", {"clicks": 0, "pages": 0})
    search.send_keys(Keys.ENTER)
    check("attendance search finds the project's others", wait_for("Haulla ”Keksitty” löytyi"), driver.page_source[:600])
    found = driver.find_elements(By.CSS_SELECTOR, "#attendance-find input[type=checkbox]")
    kept = [b for b in driver.find_elements(By.CSS_SELECTOR, "#attendance-h input[type=checkbox]") if b.is_selected()]
    check("the search keeps every tick", len(found) >= 1 and len(kept) == 74, f"{len(found)} found, {len(kept)} ticked")
    audit("03f-attendance-search")
    found[0].click()
    tasks["a visitor found by name"]["ticks"] = 1
    click("a visitor found by name", driver.find_element(By.CSS_SELECTOR, SAVE))
    check("the visitor found by name saved", wait_for("Läsnäolot tallennettu: 75 ryhmän jäsentä"), driver.page_source[:600])
    wait_for("Ryhmän jäsenet")
    driver.find_element(By.CSS_SELECTOR, "a[href$='/edit'][href*='/sessions/']").click()
    check("session move/cancel form", wait_for("Kerta on peruttu"), driver.title)
    audit("03g-session-edit")
    driver.get(project_url + "/activities")
    wait_for("Uusi toiminto")
    # A one-off event made in the browser.
    from selenium.webdriver.support.ui import Select
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("event")
    driver.find_element(By.ID, "f-name").send_keys("Selaintestin infotilaisuus")
    driver.find_element(By.ID, "f-from").send_keys("1.9.2016")
    driver.find_element(By.ID, "f-start").send_keys("13.00")
    driver.find_element(By.ID, "f-end").send_keys("15.00")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/activities'] button[type=submit]").click()
    check("event created", wait_for("Selaintestin infotilaisuus") and "Kerrat" in driver.page_source, driver.title)
    # The calendar: this week's sessions of the worker's projects (RUORI2's peer group meets weekly).
    driver.get(base + "/calendar")
    check("calendar week", wait_for("Vertaisvalmennusryhmä"), driver.title)
    audit("03h-calendar-week")
    driver.get(base + "/calendar?view=month")
    check("calendar month", wait_for("Vertaisvalmennusryhmä") and "table" in driver.page_source, driver.title)
    audit("03i-calendar-month")
    driver.get(project_url + "/instruments")
    # A worker sees which instruments the project uses; only its managers get the form to change them.
    check("project's instruments", wait_for("Hankkeessa käytettävät arviointivälineet")
          and not driver.find_elements(By.CSS_SELECTOR, "form[action$='/instruments']"), driver.title)
    audit("03j-instruments")
    driver.get(project_url + "/measures")
    check("measures report", wait_for("Arvioinnit lukuina") and "Toistomittaus" in driver.page_source, driver.title)
    audit("03k-measures-report")
    driver.get(project_url)
    wait_for("Hankkeen osallistujat")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Hankkeen osallistujat").click()
    wait_for("Nimi, syntymäaika")
    audit("04-participants")
    rows = driver.find_elements(By.CSS_SELECTOR, "tbody tr a")
    check("participant list has rows", len(rows) > 0, "empty")
    # Find a person from the header's search, on any page.
    driver.find_element(By.ID, "site-q").send_keys("esimerkki")
    click("find a person", driver.find_element(By.CSS_SELECTOR, "form.site-search button"))
    check("header search finds by name", wait_for('value="esimerkki"') and "Esimerkki" in driver.page_source, driver.title)
    audit("05-search")
    click("find a person", driver.find_element(By.CSS_SELECTOR, "tbody tr a"))
    check("participant page", wait_for("Aikajana"), driver.title)
    audit("06-participant")
    print_check("participant page (plan, notes)")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Seurantatiedot (ESR)").click()
    check("ESF data form", wait_for("Aloitustilanne"), driver.title)
    audit("06b-esf-form")
    driver.back()
    wait_for("Aikajana")
    participant_url = driver.current_url
    # Measures: the participant's life map (filled in with them now) and its history as chart and table.
    from selenium.webdriver.support.ui import Select
    Select(driver.find_element(By.ID, "f-pick")).select_by_visible_text("Elämäntilanteen kartta")
    click("run an assessment", driver.find_element(By.CSS_SELECTOR, "form[action$='/assessments/new'] button[type=submit]"))
    check("life map form", wait_for("Koti ja asuminen"), driver.title)
    audit("06c-assessment-form")
    for area, value in [("home", "4"), ("money", "3"), ("people", "8"), ("work", "5")]:
        driver.find_element(By.CSS_SELECTOR, f"input[name='a_{area}'][value='{value}']").click()
    driver.find_element(By.ID, "f-important_money").click()
    driver.find_element(By.ID, "f-goal_money").send_keys("Velat järjestykseen")
    click("run an assessment", driver.find_element(By.CSS_SELECTOR, "form[action$='/assessments'] button[type=submit]"))
    check("life map saved with its profile chart", wait_for("Arviointi tallennettu") and "chart-profile" in driver.page_source and "Velat järjestykseen" in driver.page_source, driver.title)
    audit("06d-measure-history")
    print_check("results summary")
    # A referral to a service from the person's page: find it, share only the phone, record the consent.
    driver.get(participant_url)
    wait_for("Aikajana")
    click("refer", driver.find_element(By.PARTIAL_LINK_TEXT, "Ohjaa palveluun"))
    driver.find_element(By.ID, "f-q").send_keys("velka")
    click("refer", driver.find_element(By.CSS_SELECTOR, "main form[role=search] button"))
    check("referral search", wait_for("Etsi palvelu hakemistosta") and "Velkaneuvonta" in driver.page_source, driver.title)
    audit("06e-referral-find")
    click("refer", driver.find_element(By.PARTIAL_LINK_TEXT, "Velkaneuvonta"))
    check("referral form", wait_for("on antanut suostumuksensa"), driver.title)
    driver.find_element(By.ID, "f-share_phone").click() if not driver.find_element(By.ID, "f-share_phone").is_selected() else None
    driver.find_element(By.CSS_SELECTOR, "form[action$='/referrals'] button[type=submit]").click()
    check("referral refused without consent", wait_for("ilman osallistujan suostumusta"), driver.title)
    audit("06f-referral-form-error")
    driver.find_element(By.ID, "f-consent").click()
    # The refused send above is the test's own detour, not a step of the task.
    click("refer", driver.find_element(By.CSS_SELECTOR, "form[action$='/referrals'] button[type=submit]"))
    check("referral sent", wait_for("Vaiheet") and "Lähetetty" in driver.page_source, driver.title)
    check("referral says it was sent", "Ohjaus lähetetty palveluntarjoajalle." in driver.page_source, driver.title)
    audit("06g-referral")
    # An invitation to the participant's own space (used at the end, signed out).
    driver.get(participant_url)
    wait_for("Aikajana")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/invite'] button").click()
    check("invitation link shown", wait_for("/invite/"), driver.title)
    invite_link = re.search(r"/invite/[0-9a-f]{48}", driver.page_source).group(0)
    check("invitation as a full link with a QR code", driver.find_element(By.ID, "invite-link").get_attribute("value") == base + invite_link
          and driver.find_elements(By.CSS_SELECTOR, "article.letter svg.qr path"), driver.title)
    check("copy button shown where the clipboard works", driver.find_element(By.CSS_SELECTOR, "button[data-copy]").is_displayed(), "hidden")
    audit("06h-invitation")
    # The letter prints on one A4 page (Chromium's own print to PDF, with the print stylesheet).
    pages = pdf_pages()
    check("invitation letter prints on one A4 page", pages == 1, f"{pages} pages")
    # A peer for the person (issue 16): suggestions ranked with their reasons; the coach proposes one.
    driver.get(participant_url)
    wait_for("Aikajana")
    click("find a peer", driver.find_element(By.PARTIAL_LINK_TEXT, "Etsi vertaistukija"))
    check("peer suggestions with reasons", wait_for("Veera Vertainen (demo)") and "Yhteistä:" in driver.page_source and "kieli fi" in driver.page_source
          and "Eero Kokemus" not in driver.page_source, driver.title)
    audit("06i-peer-suggestions")
    click("find a peer", driver.find_element(By.CSS_SELECTOR, "main article form button[type=submit]"))
    check("the peer is proposed", wait_for("Osallistuja vastaa omassa tilassaan."), driver.title)
    driver.get(participant_url)
    wait_for("Aikajana")
    # A note of 5,000 characters, typed: refused before as an expired form, with the text lost.
    note = ("Selaintesti: tapaaminen sujui, seuraava viikon päästä. " * 100)[:4989] + " LOPPU-5000"
    assert len(note) == 5000
    driver.find_element(By.ID, "f-note-body").send_keys(note)
    click("add a note", driver.find_element(By.CSS_SELECTOR, "form[action$='/notes'] button[type=submit]"))
    check("5,000-character note saved and shown", wait_for("LOPPU-5000") and "Lähetä lomake uudelleen" not in driver.page_source
          and "Muistiinpano tallennettu." in driver.page_source,
          driver.title)
    # The session ends while a note is being written: the login page keeps the note, and after
    # logging in it is one click to save it.
    kept = "Selaintesti: kirjoitettu istunnon päättyessä."
    driver.find_element(By.ID, "f-note-body").send_keys(kept)
    driver.delete_cookie("polku_session")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/notes'] button[type=submit]").click()
    check("session end keeps the note", wait_for("Istuntosi oli päättynyt") and "f-password" in driver.page_source, driver.title)
    audit("07a-session-ended")
    driver.find_element(By.ID, "f-email").send_keys("worker@demo.polku.invalid")
    driver.find_element(By.ID, "f-password").send_keys("polku-demo-2026")
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
    check("kept note offered again", wait_for("Lähetä uudelleen") and kept in driver.page_source, driver.title)
    audit("07b-send-again")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    check("kept note saved", wait_for("Aikajana") and kept in driver.page_source, driver.title)
    audit("07-after-note")
    # A failed form keeps what was typed and says why, next to the field.
    driver.find_element(By.ID, "f-goal-target_date").send_keys("31.2.2025")
    driver.find_element(By.ID, "f-goal-goal_text").send_keys("Työkokeiluun")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/goals'] button[type=submit]").click()
    check("bad date explained", wait_for("Päivämäärä ei kelpaa") and "31.2.2025" in driver.page_source, "no message")
    audit("08-form-error")
    driver.find_element(By.CSS_SELECTOR, "a[hreflang=en]").click()
    check("English", wait_for("Timeline") and 'lang="en"' in driver.page_source, driver.title)
    audit("09-english")
    driver.find_element(By.CSS_SELECTOR, "form.logout button").click()
    WebDriverWait(driver, 10).until(lambda d: "Log in" in d.title)
    check("logged out", "Log in to Polku" in driver.page_source, driver.title)
    # The provider's side: the inbox and one referral moved on.
    driver.get(base + "/lang/fi?back=%2Flogin")
    wait_for("Kirjaudu Polkuun")
    driver.find_element(By.ID, "f-email").send_keys("provider@demo.polku.invalid")
    driver.find_element(By.ID, "f-password").send_keys("polku-demo-2026")
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
    # A provider starts in their inbox, opens the referral and moves it on.
    check("provider inbox", wait_for("Saapuneet ohjaukset:") and "Lähetetty" in driver.page_source, driver.title)
    audit("10-provider-inbox")
    click("provider moves a referral", driver.find_elements(By.CSS_SELECTOR, "tbody th a")[0])
    check("provider's referral page", wait_for("Päivitä tila"), driver.title)
    audit("11-provider-referral")
    Select(driver.find_element(By.ID, "f-to")).select_by_index(0)
    click("provider moves a referral", driver.find_element(By.CSS_SELECTOR, "form[action$='/state'] button[type=submit]"))
    check("provider's update says so", wait_for("Ohjauksen tila päivitetty"), driver.page_source[:500])
    # The person is taken in and starts (so that they can give feedback on the service, issue 15).
    for state in ("accepted", "started"):
        page = driver.find_element(By.TAG_NAME, "html")
        Select(driver.find_element(By.ID, "f-to")).select_by_value(state)
        driver.find_element(By.CSS_SELECTOR, "form[action$='/state'] button[type=submit]").click()
        page_left(page)
        check(f"provider moves the referral on: {state}", wait_for("Ohjauksen tila päivitetty"), driver.title)
    # The participant makes their own account with the link and sees their own space.
    driver.find_element(By.CSS_SELECTOR, "form.logout button").click()
    time.sleep(0.5)
    driver.get(base + invite_link)
    check("own account form", wait_for("Tee oma tunnus Polkuun"), driver.title)
    audit("12-own-account")
    readable("12-own-account")
    driver.find_element(By.ID, "f-email").clear()
    driver.find_element(By.ID, "f-email").send_keys("selaintesti@example.invalid")
    driver.find_element(By.ID, "f-password").send_keys("selaintestin salasana")
    driver.find_element(By.ID, "f-again").send_keys("selaintestin salasana")
    click("participant sees own results", driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("own space", wait_for("Omat tulokseni") and "Elämäntilanteen kartta" in driver.page_source, driver.title)
    audit("13-own-space")
    readable("13-own-space")
    click("participant sees own results", driver.find_element(By.PARTIAL_LINK_TEXT, "Elämäntilanteen kartta"))
    check("own results in plain words", wait_for("Sinun tuloksesi"), driver.title)
    audit("14-own-results")
    readable("14-own-results")
    # Their own data on a phone (issue 15): who has seen it (the coach's views made above), and a
    # consent changed after a page that says what follows; the coach sees the change at once.
    driver.set_window_size(390, 844)
    driver.get(base + "/me")
    click("participant checks who has seen their data", driver.find_element(By.PARTIAL_LINK_TEXT, "Kuka on katsonut tietojani"))
    check("who has seen my data lists the coach's views", wait_for("Ville Valmentaja (demo)") and "Katsoi tietojasi." in driver.page_source, driver.title)
    audit("14c-seen")
    readable("14c-seen")
    driver.set_window_size(390, 844)
    click("participant asks about an event", driver.find_element(By.CSS_SELECTOR, "main td a[href*='/question']"))
    audit("14c-question-form")
    readable("14c-question-form")
    driver.set_window_size(390, 844)
    driver.find_element(By.ID, "f-question").send_keys("Miksi tietojani katsottiin?")
    click("participant asks about an event", driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("the question is sent and shown", wait_for("Kysymys lähetetty.") and "Miksi tietojani katsottiin?" in driver.page_source, driver.title)
    # Everything about them as a ZIP (issue 15): fetched as the browser would download it, then opened.
    driver.get(base + "/me")
    link = driver.find_element(By.CSS_SELECTOR, "main a[download]")
    zipped = download(link.get_attribute("href"))
    try:
        import io, zipfile
        archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(zipped)))
        page = archive.read("tiedot.html").decode()
        check("the participant's ZIP opens with their data", "tiedot.json" in archive.namelist() and "<html" in page and "Kuka on katsonut" in page,
              ", ".join(archive.namelist()))
    except Exception as e:
        check("the participant's ZIP opens with their data", False, str(e))
    click("participant changes a consent", driver.find_element(By.PARTIAL_LINK_TEXT, "Omat suostumukseni"))
    audit("14d-consents")
    readable("14d-consents")
    driver.set_window_size(390, 844)
    change = driver.find_elements(By.PARTIAL_LINK_TEXT, "Peru lupa") or driver.find_elements(By.PARTIAL_LINK_TEXT, "Anna lupa")
    click("participant changes a consent", change[0])
    check("a consent change says what follows", wait_for("Mitä tapahtuu"), driver.title)
    audit("14e-consent-confirm")
    readable("14e-consent-confirm")
    driver.set_window_size(390, 844)
    click("participant changes a consent", driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("the consent change is confirmed", wait_for("Lupa peruttu:") or "Lupa annettu:" in driver.page_source, driver.page_source[:300])
    # Their plan (issue 15): a goal of their own, and one marked done.
    driver.set_window_size(390, 844)
    driver.get(base + "/me")
    click("participant adds a goal of their own", driver.find_element(By.PARTIAL_LINK_TEXT, "Oma suunnitelmani"))
    audit("14f-plan")
    readable("14f-plan")
    driver.set_window_size(390, 844)
    driver.find_element(By.ID, "f-new-text").send_keys("Haen kesätyötä kirjastosta")
    click("participant adds a goal of their own", driver.find_element(By.CSS_SELECTOR, "form[action='/me/plan'] button[type=submit]"))
    check("the own goal is added", wait_for("Tavoite lisätty.") and "Haen kesätyötä kirjastosta" in driver.page_source, driver.title)
    done_buttons = driver.find_elements(By.CSS_SELECTOR, "form[action$='/done'] button")
    check("an open goal can be marked done", len(done_buttons) > 0, "no open goal")
    if done_buttons:
        done_buttons[0].click()
        check("the goal is marked done", wait_for("Tavoite on merkitty tehdyksi."), driver.title)
    # Self-assessment (issue 15): the life-situation map as the project offers it, answered on a
    # phone; the result with the earlier times as chart and table at once; their word on it.
    driver.set_window_size(390, 844)
    driver.get(base + "/me")
    click("participant assesses themselves", driver.find_element(By.PARTIAL_LINK_TEXT, "Arvioi itse"))
    audit("14h-assessments")
    readable("14h-assessments")
    driver.set_window_size(390, 844)
    click("participant assesses themselves", driver.find_element(By.PARTIAL_LINK_TEXT, "Elämäntilanteen kartta"))
    audit("14i-assessment-form")
    readable("14i-assessment-form")
    driver.set_window_size(390, 844)
    scales = driver.find_elements(By.CSS_SELECTOR, "main fieldset.scale")
    for fieldset in scales:
        radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", radios[len(radios) * 2 // 3])
    tasks.setdefault("participant assesses themselves", {"clicks": 0, "pages": 0})["ticks"] = len(scales)
    click("participant assesses themselves", driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("the self-assessment's result is shown at once, with the earlier times as chart and table",
          wait_for("Vastauksesi on tallennettu.") and "Tilanteesi" in driver.page_source
          and len(driver.find_elements(By.CSS_SELECTOR, "main svg")) > 0 and len(driver.find_elements(By.CSS_SELECTOR, "main table th[scope=col]")) >= 3,
          driver.title)
    audit("14j-own-result")
    readable("14j-own-result")
    driver.find_element(By.ID, "f-comment").send_keys("Olen eri mieltä: viikko oli poikkeuksellinen.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/comment'] button[type=submit]").click()
    check("the participant's word on the result is kept", wait_for("Kommenttisi on tallennettu.") and "Olen eri mieltä: viikko" in driver.page_source, driver.title)
    # A portfolio entry with a picture (issue 15), shared with the coach, and the portfolio as a ZIP.
    import struct, zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    picture = os.path.join(work, "kakku.png")
    with open(picture, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + b"\xd0\x60\x30" * 40 for _ in range(30)))) + chunk(b"IEND", b""))
    driver.set_window_size(390, 844)
    driver.get(base + "/me")
    click("participant adds a picture to their portfolio", driver.find_element(By.PARTIAL_LINK_TEXT, "Oma portfolioni"))
    audit("14k-portfolio")
    readable("14k-portfolio")
    driver.set_window_size(390, 844)
    driver.find_element(By.ID, "f-title").send_keys("Leipomani kakku")
    driver.find_element(By.ID, "f-body").send_keys("Leivoin tämän kakun kahvilan harjoittelussa.")
    driver.find_element(By.ID, "f-file").send_keys(picture)
    driver.find_element(By.ID, "f-shared").click()
    click("participant adds a picture to their portfolio", driver.find_element(By.CSS_SELECTOR, "form[action='/me/portfolio'] button[type=submit]"))
    check("the portfolio entry is added with its picture", wait_for("Lisätty portfolioosi.") and picture_shown("main img.portfolio-image"), driver.title)
    audit("14l-portfolio-entry")
    readable("14l-portfolio-entry")
    link = driver.find_element(By.CSS_SELECTOR, "main a[href$='portfolio.zip']")
    zipped = download(link.get_attribute("href"))
    try:
        import io, zipfile
        archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(zipped)))
        page = archive.read("portfolio.html").decode()
        files = [n for n in archive.namelist() if n.startswith("tiedostot/")]
        check("the portfolio ZIP opens: a page to read and the picture", "Leipomani kakku" in page and len(files) == 1
              and archive.read(files[0]) == open(picture, "rb").read() and f'src="{files[0]}"' in page, ", ".join(archive.namelist()))
    except Exception as e:
        check("the portfolio ZIP opens: a page to read and the picture", False, str(e))
    # Feedback on the service they started in (issue 15).
    driver.get(base + "/me")
    click("participant gives feedback", driver.find_element(By.CSS_SELECTOR, "main a[href^='/me/feedback/']"))
    audit("14m-feedback")
    readable("14m-feedback")
    driver.set_window_size(390, 844)
    driver.execute_script("arguments[0].click()", driver.find_element(By.CSS_SELECTOR, "input[name=rating][value='4']"))
    driver.find_element(By.ID, "f-text").send_keys("Sain apua nopeasti.")
    click("participant gives feedback", driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("the feedback is thanked for", wait_for("Kiitos palautteesta!"), driver.title)
    # The proposed peer (issue 16): the participant says yes.
    driver.get(base + "/me")
    check("the participant is asked about a peer", wait_for("Ohjaajasi ehdottaa sinulle vertaistukijaa: Veera Vertainen (demo)"), driver.title)
    driver.find_element(By.CSS_SELECTOR, "form[action^='/me/peers/'] input[value=yes] + button").click()
    check("the participant's yes is thanked for", wait_for("Kiitos! Vertaistukija saa tietää."), driver.title)
    # Last, the participant closes their account (issue 15): the password again, then signed out.
    driver.get(base + "/me")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Sulje tunnukseni").click()
    check("closing the account says what follows", wait_for("Tietosi jäävät hankkeelle."), driver.title)
    audit("14g-close")
    readable("14g-close")
    driver.find_element(By.ID, "f-password").send_keys("selaintestin salasana")
    driver.find_element(By.CSS_SELECTOR, "form[action='/me/close'] button[type=submit]").click()
    check("the account is closed", wait_for("Tunnuksesi on suljettu."), driver.title)
    driver.set_window_size(1280, 900)
    driver.get(base + "/login")
    wait_for("Kirjaudu Polkuun")
    driver.find_element(By.ID, "f-email").send_keys("worker@demo.polku.invalid")
    driver.find_element(By.ID, "f-password").send_keys("polku-demo-2026")
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
    check("the coach's day shows the participant's words", wait_for("Osallistujien viestit suunnitelmistaan") and "Haen kesätyötä kirjastosta" in driver.page_source, driver.title)
    driver.get(participant_url)
    check("the coach sees the participant's own consent change", wait_for("osallistuja itse omassa tilassaan"), driver.title)
    check("the coach sees the participant's own goal", "Osallistujan oma tavoite" in driver.page_source and "Osallistuja merkitsi tehdyksi" in driver.page_source, "")
    check("the coach sees the portfolio entry the participant shared", "Leipomani kakku" in driver.page_source and picture_shown("#portfolio-h ~ article img"), "")
    driver.get(participant_url + "/measures/polku-life")
    check("the coach sees the participant's word beside the result", wait_for("Osallistujan kommentti:") and "viikko oli poikkeuksellinen" in driver.page_source, driver.title)
    # The peer (issue 16): the person matched to them on Tänään; they accept, record a meeting and
    # see no one else.
    sign_in_again("peer@demo.polku.invalid")
    check("the peer's day lists the person matched to them", wait_for("Vertaistuettavasi"), driver.title)
    driver.find_element(By.CSS_SELECTOR, "#today-peers ~ ul a").click()
    check("the peer's match page shows only what the match shares", wait_for("Näet vain nämä tiedot.") and "Yhteistä" in driver.page_source, driver.title)
    audit("14t-peer-match")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/accept'] button[type=submit]").click()
    check("the peer starts", wait_for("Vertaistuki alkoi."), driver.title)
    driver.find_element(By.ID, "f-date").send_keys(time.strftime("%d.%m.%Y"))
    driver.find_element(By.ID, "f-note").send_keys("Kävimme kävelyllä ja puhuimme työnhausta.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/meetings'] button[type=submit]").click()
    check("the peer's meeting is recorded", wait_for("Tapaaminen kirjattu.") and "Kävimme kävelyllä" in driver.page_source, driver.title)
    Select(driver.find_element(By.ID, "f-outcome")).select_by_value("goals_reached")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/end'] button[type=submit]").click()
    check("the peer ends the match with how it ended", wait_for("Vertaistuki on päätetty.") and "tavoitteet saavutettiin" in driver.page_source, driver.title)
    audit("14t-peer-match-ended")
    driver.get(participant_url)
    check("the peer does not see the person's page", wait_for("Sivua ei löytynyt") or "Ei oikeutta" in driver.page_source, driver.title)
    # A project manager's participant import (issue 13): the file is read by a background job and
    # its page shows the outcome; a bad file lists its problems.
    sign_in_again("pm@demo.polku.invalid")
    check("a manager starts on their projects' progress", wait_for("Hankkeesi") and "Erääntyneet seurannat" in driver.page_source, driver.title)
    audit("14-manager-today")
    # The participant's question reaches the manager of their project, who answers it (issue 15).
    driver.find_element(By.PARTIAL_LINK_TEXT, "vastaamatta: 1").click()
    check("the manager sees the question", wait_for("Miksi tietojani katsottiin?"), driver.title)
    audit("14-manager-questions")
    driver.find_element(By.CSS_SELECTOR, "main form textarea").send_keys("Valmistelin tapaamistamme.")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    check("the answer is sent", wait_for("Vastaus lähetetty osallistujalle."), driver.title)
    # The team around the person (issue 17): the manager asks the team for a consultation; the coach answers it.
    driver.get(participant_url)
    wait_for("Tiimin työ")
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "Tiimin työ")
    team_href = link.get_attribute("href")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    click("ask the team for a consultation", link)
    if not wait_for("Pyydä tiimiltä konsultaatiota", timeout=5):
        # CI once saw this click leave the page as it was (the link's target is checked below).
        print(f"note: the click on the team link did not open it; opening {team_href}")
        driver.get(team_href)
    check("the team's page", wait_for("Pyydä tiimiltä konsultaatiota") and team_href.endswith("/team"), driver.title)
    audit("17e-team")
    team_url = driver.current_url
    driver.find_element(By.ID, "f-consultation-question").send_keys("Miten tukisimme paluuta työkokeiluun?")
    Select(driver.find_element(By.ID, "f-consultation-urgency")).select_by_value("urgent")
    driver.find_element(By.ID, "f-consultation-p_psychologist").click()
    Select(driver.find_element(By.ID, "f-consultation-sensitivity")).select_by_value("normal")
    click("ask the team for a consultation",
          driver.find_element(By.XPATH, "//form[input[@name='kind' and @value='consultation']]//button[@type='submit']"))
    check("the consultation is asked", wait_for("Konsultaatiopyyntö lähetetty tiimille.") and "Kysytään: Psykologi" in driver.page_source, driver.title)
    sign_in_again("worker@demo.polku.invalid")
    wait_for("Tänään")
    driver.get(team_url)
    wait_for("Konsultaatiopyyntö")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/answer'] textarea").send_keys("Aloitetaan lyhyillä päivillä ja tavataan viikon päästä.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/answer'] button[type=submit]").click()
    check("the coach answers the consultation", wait_for("Vastaus tallennettu.") and "Aloitetaan lyhyillä päivillä" in driver.page_source, driver.title)
    audit("17f-team-answered")
    sign_in_again("pm@demo.polku.invalid")
    wait_for("Hankkeesi")
    driver.get(project_url)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Tuo osallistujia taulukosta").click()
    check("import page", wait_for("participant_id;first_name"), driver.title)
    audit("14a-import")
    header = "participant_id;first_name;last_name;birth_date;start_date\n"
    for name, body, expected in [("good.csv", "SEL1;Selma;Selain;1.1.1980;1.2.2024\nSEL2;Sami;Selain;2.2.1990;1.3.2024\n", "Tuotu: 2 uutta"),
                                 ("bad.csv", "SEL3;Sanni;Selain;31.2.1990;1.3.2024\n", "Tiedostoa ei tuotu: 1 virhettä")]:
        path = os.path.join(work, name)
        open(path, "w").write(header + body)
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
        driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type=submit]").click()
        check(f"import of {name} decided", wait_for(expected, timeout=30), driver.title + " " + driver.page_source[:300])
        audit(f"14b-import-{name}")
    # The manager approves a trained experience expert (issue 16).
    driver.get(project_url)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Vertaiset").click()
    check("the peers page", wait_for("Eero Kokemus (demo)") and "Ei vielä hyväksytty" in driver.page_source
          and "Vertaistoiminta luvuin" in driver.page_source, driver.title)
    audit("14u-peers")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/approve'] input[name=trained_on]").send_keys("1.11.2026")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button[type=submit]").click()
    check("the peer is approved", wait_for("Hyväksytty: Eero Kokemus (demo)"), driver.title)
    # An API token (issue 18): the manager makes one on their account page, sees it once, and a
    # program calls the API with it.
    driver.get(base + "/account/password")
    click("make an API token", driver.find_element(By.PARTIAL_LINK_TEXT, "API-avaimet toisia"))
    wait_for("Luo avain")
    driver.find_element(By.ID, "f-name").send_keys("Raportointi")
    driver.find_element(By.CSS_SELECTOR, "label[for=f-scope_reports_read]").click()
    driver.find_element(By.CSS_SELECTOR, "label[for=f-scope_participants_read]").click()
    click("make an API token", driver.find_element(By.CSS_SELECTOR, "form[action='/account/tokens'] button[type=submit]"))
    check("the token is shown once", wait_for("Kopioi avain nyt"), driver.title)
    audit("18a-api-token")
    token = driver.find_element(By.ID, "made-token").text
    request = urllib.request.Request(base + "/api/v1/participants?limit=100", headers={"Authorization": "Bearer " + token, "Accept-Language": "fi"})
    with urllib.request.urlopen(request, timeout=30) as r:
        listed = json.loads(r.read())
    check("a program reads the participants with the token", r.status == 200 and len(listed["items"]) == 100 and "next" in listed, str(listed)[:200])
    driver.get(base + "/account/tokens")
    check("the token is not shown again", token not in driver.page_source and "Raportointi" in driver.page_source, driver.title)
    driver.get(base + "/api/v1/docs")
    check("the API's description lists its operations", wait_for("GET /api/v1/participants") and "openapi.yaml" in driver.page_source, driver.title)
    audit("18b-api-docs")
    # A project's public page (issue 17): the manager publishes PARTY's page (its texts and the seed's
    # financing plan are drafted in the demo); a visitor without an account finds it in the public
    # index and reads its computed results and budget.
    driver.get(base + "/projects")
    driver.find_element(By.PARTIAL_LINK_TEXT, "PARTY Parempaa").click()
    wait_for("S20519")
    click("manager publishes a project's page", driver.find_element(By.PARTIAL_LINK_TEXT, "Julkinen sivu"))
    check("the public page's editor with PARTY's draft and financing plan", wait_for("Sivua ei ole julkaistu.")
          and "Kykyviisarikyselyn" in driver.page_source and "Julkinen rahoitus: suunniteltu" in driver.page_source, driver.title)
    audit("17a-public-editor")
    click("manager publishes a project's page", driver.find_element(By.CSS_SELECTOR, "form[action$='/public/publish'] button"))
    check("the page is published", wait_for("Sivu julkaistu."), driver.title)
    public_url = driver.find_element(By.PARTIAL_LINK_TEXT, "Avaa julkinen sivu").get_attribute("href")
    signed_in = driver.get_cookies()
    driver.delete_all_cookies()
    driver.get(base + "/p")
    check("the public index lists PARTY", wait_for("PARTY Parempaa") and "Kirjaudu" in driver.page_source, driver.title)
    audit("17b-public-index")
    driver.get(public_url)
    wait_for("Tulokset luvuin")
    text = driver.find_element(By.TAG_NAME, "main").text.replace("\u00a0", " ")
    check("a visitor reads PARTY's results computed from the records, dated", "Luvut laskettu" in text and "Mihin osallistujat siirtyivät" in text
          and "Tavoite oli 1118." in text, text[:400])
    check("a visitor reads PARTY's budget: the seed's public funding and cost per participant",
          "4 172 355 €" in text and "3 674 629 €" in text and "Kustannus osallistujaa kohden" in text, text[-1500:])
    audit("17c-public-page")
    driver.get(base + "/login")
    for cookie in signed_in:
        driver.add_cookie({k: v for k, v in cookie.items() if k in ("name", "value", "path")})
    # Kunnolla Töihin's two work-coaching units side by side: small counts as "<5" and, where a
    # column's total would give one away, the other unit's count hidden as "x".
    driver.get(base + "/projects")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Kunnolla Töihin").click()
    wait_for("S20013")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Toimipisteet rinnakkain").click()
    wait_for("Ei toimipistettä")
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "main table td")]
    check("sites side by side: a small count hidden and its complement", "<5" in cells and "x" in cells
          and "Sovatek-säätiön työvalmennusyksiköt" in driver.page_source, str(cells[:30]))
    audit("17d-sites")
    # Lähde mukaan!'s Pihlava on its own page, with its 2020 plan; the project's progress, what came
    # before and experiments pages, each through axe at both sizes.
    driver.get(project_url)
    driver.find_element(By.LINK_TEXT, "Pihlava").click()
    check("a site's own page with its 2020 plan", wait_for("Pihlava 2020") and "Kumppanit" in driver.page_source, driver.title)
    audit("17g-site")
    for name, path, expected in [("progress", "/progress", "Aloittaneita"), ("before", "/before", "Aiempi vaihe"),
                                 ("experiments", "/experiments", "Uusi kokeilu")]:
        driver.get(project_url + path)
        check(f"the project's {name} page", wait_for(expected), driver.title)
        audit("17h-" + name)
    # A feedback survey (issue 16): the manager makes it; people answer through its public link on a
    # phone, each in a browser of their own (no cookies); the result shows from five answers.
    driver.get(project_url)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Palautekyselyt").click()
    check("survey page", wait_for("Uusi kysely"), driver.title)
    audit("14n-surveys")
    driver.find_element(By.ID, "f-title").send_keys("Kevään yhteisövalmennus")
    driver.find_element(By.ID, "f-ratings").send_keys("Valmennus oli hyödyllinen\nSain puhua omista asioistani")
    driver.find_element(By.ID, "f-open").send_keys("Mitä muuttaisit?")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    check("survey created with its link and QR code", wait_for("Kysely luotu.") and driver.find_elements(By.CSS_SELECTOR, "svg.qr"), driver.title)
    audit("14o-survey")
    survey_page = driver.current_url
    survey_link = driver.find_element(By.ID, "survey-link").get_attribute("href")
    manager_cookies = driver.get_cookies()
    def answer_survey(n):
        driver.delete_all_cookies()
        driver.set_window_size(390, 844)
        driver.get(survey_link)
        wait_for("Vastaat nimettömästi.")
        if n == 0:
            audit("14p-survey-form")
            readable("14p-survey-form")
        for fieldset in driver.find_elements(By.CSS_SELECTOR, "main fieldset.scale"):
            radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
            driver.execute_script("arguments[0].click()", radios[(n + 2) % 5])
        driver.find_element(By.ID, "f-open").send_keys(f"Ajatus numero {n + 1}")
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        return wait_for("Kiitos! Vastauksesi on tallennettu.")
    def survey_result():
        driver.delete_all_cookies()
        driver.get(base + "/login")
        for cookie in manager_cookies:
            driver.add_cookie({k: v for k, v in cookie.items() if k in ("name", "value", "path")})
        driver.set_window_size(1280, 900)
        driver.get(survey_page)
        wait_for("Jaa kysely")
        return driver.page_source
    check("four answers through the public link", all([answer_survey(n) for n in range(4)]), driver.title)
    page = survey_result()
    check("with four answers the result does not show", "Tulos (vastauksia &lt;5)" in page and "Ajatus numero" not in page, page[:300])
    check("two more answers", all([answer_survey(n) for n in range(4, 6)]), driver.title)
    page = survey_result()
    check("with six answers the result shows", "Tulos (vastauksia 6)" in page and "Ajatus numero 6" in page and "<table" in page, page[:300])
    audit("14q-survey-result")
    # A client panel (issue 16): a proposal recorded and, later, what the organisation did about it.
    driver.get(project_url)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Asiakasraadit ja kehittäjäryhmät").click()
    check("panels page", wait_for("Uusi raati tai ryhmä"), driver.title)
    audit("14r-panels")
    driver.find_element(By.ID, "f-name").send_keys("Porin asiakasraati")
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("client_panel")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    check("panel set up", wait_for("Raati perustettu."), driver.title)
    driver.find_element(By.ID, "f-proposal-proposal").send_keys("Ohjaamo auki myös iltaisin")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/proposals'] button[type=submit]").click()
    check("panel proposal recorded", wait_for("Ehdotus kirjattu."), driver.title)
    driver.find_element(By.CSS_SELECTOR, "article[id^='proposal-'] details summary").click()
    driver.find_element(By.CSS_SELECTOR, "article[id^='proposal-'] textarea").send_keys("Torstaisin auki kello 19 asti.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/effect'] button[type=submit]").click()
    check("what came of the proposal is recorded", wait_for("Kirjattu, mitä ehdotuksen vuoksi tehtiin.") and "Torstaisin auki kello 19 asti." in driver.page_source, driver.title)
    audit("14s-panel")
    # A Learning Café (issue 16): two tables, an idea written down for the first in round 1.
    driver.get(project_url)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Learning Café").click()
    check("Learning Café page", wait_for("Uusi Learning Café"), driver.title)
    driver.find_element(By.ID, "f-title").send_keys("Kevään Learning Café")
    driver.find_element(By.ID, "f-date").send_keys(time.strftime("%d.%m.%Y"))
    driver.find_element(By.ID, "f-head_count").send_keys("23")
    driver.find_element(By.ID, "f-themes").send_keys("Palvelun aukioloajat\nVertaistuki")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    check("Learning Café created", wait_for("Learning Café luotu."), driver.title)
    driver.find_element(By.ID, "f-idea").send_keys("Ilta-aukiolo torstaisin")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/ideas'] button[type=submit]").click()
    check("an idea is written down under its table and round", wait_for("Idea tallennettu.") and "<h3>Kierros 1</h3>" in driver.page_source
          and "Ilta-aukiolo torstaisin" in driver.page_source, driver.title)
    audit("14w-cafe")
    # The participant is found by name (Enter in the search searches: its button is the form's first).
    search = driver.find_element(By.ID, "f-attendee-person_q")
    search.send_keys("Keksitty")
    search.send_keys(Keys.ENTER)
    check("a café participant is found by name", wait_for("Haulla ”Keksitty” löytyi"), driver.page_source[:600])
    driver.find_elements(By.CSS_SELECTOR, "form[action*='/attendees'] input[type=radio]")[0].click()
    driver.find_element(By.CSS_SELECTOR, "form[action*='/attendees'] button[type=submit]:not([name=find])").click()
    check("a café participant is recorded by name", wait_for("Osallistuja lisätty.") and "Osallistujat nimeltä (1)" in driver.page_source, driver.title)
    # Client profile cards (issue 16): one with a picture, one without, printed one per A6 sheet.
    driver.get(project_url)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Asiakasprofiilikortit").click()
    check("profile cards page", wait_for("Uusi kortti"), driver.title)
    for title, text in [("Liisa, 34", "Haaveilen puutarhatöistä."), ("Matti, 58", "Olin rakennuksilla 30 vuotta.")]:
        driver.find_element(By.ID, "f-title").send_keys(title)
        driver.find_element(By.ID, "f-text").send_keys(text)
        if title.startswith("Liisa"):
            driver.find_element(By.ID, "f-image").send_keys(picture)
        driver.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type=submit]").click()
        # The flash of the first card is still on the page until the second post answers: wait for the card itself.
        check(f"profile card added: {title}", wait_for(title) and "Kortti lisätty." in driver.page_source, driver.title)
    audit("14v-cards")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Tulosta kortit").click()
    wait_for("Tulosta selaimen tulostuksella")
    card_pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", card_pdf)
    check("profile cards print one per A6 sheet", len(boxes) == 2 and all(abs(float(w) - 297.6) < 2 and abs(float(h) - 419.5) < 2 for w, h in boxes),
          str(boxes))
    # The admin's side of running Polku (issue 13): the background jobs and the erasure form.
    sign_in_again("admin@demo.polku.invalid")
    time.sleep(0.5)
    driver.find_element(By.PARTIAL_LINK_TEXT, "Taustatyöt").click()
    check("background jobs", wait_for("Taustatyöt") and "Siivous" in driver.page_source and "Säilytysajat" in driver.page_source, driver.title)
    check("the imports among the jobs", "Osallistujien tuonti" in driver.page_source and "created=2" in driver.page_source
          and "refused problems=1" in driver.page_source, driver.title)
    audit("15-jobs")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Tietojen poisto").click()
    check("erasure form", wait_for("Henkilön tietojen poisto pyynnöstä"), driver.title)
    audit("16-erasure")
    driver.quit()
finally:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()

# No page scrolls sideways on a 390 px phone (issue 14).
widths = phone_widths if "phone_widths" in globals() else []
wide = [(n, s, i) for n, s, i in widths if s > i]
print(f"390 px: {len(wide)} of {len(widths)} pages scroll sideways" + "".join(f"\n  {n}: {s} px wide" for n, s, i in wide))
check("pages measured at 390 px", len(widths) >= 40, str(len(widths)))
smalls = touch_small if "touch_small" in globals() else []
print(f"touch targets under 44 px at 390 px: {len(smalls)}" + "".join(f"\n  {s}" for s in smalls[:30]))
check("touch targets at least 44 px at 390 px", not smalls, "; ".join(smalls[:10]))
tables = wide_tables if "wide_tables" in globals() else []
print(f"tables scrolling sideways in their box at 390 px: {len(tables)}" + "".join(f"\n  {s}" for s in tables[:30]))
check("tables read as lists at 390 px (none scrolls sideways)", not tables, "; ".join(tables[:10]))
for n, s, i in wide:
    check(f"{n}: no sideways scroll at 390 px", False, f"{s} px wide")
for name, longest, mean, share in (readability if "readability" in globals() else []):
    print(f"plain language: {name}: longest sentence {longest} words, mean {mean:.1f}, words over 20 letters {100 * share:.1f} %")
# The tasks' clicks and pages, each within the limit set in issue 14's note.
for name, pages in (printed if "printed" in globals() else []):
    print(f"printed on A4: {name}, {pages} pages")
# Clicks are links and buttons; ticking boxes and typing are the data itself and printed apart.
limits = {"attendance from home": 3, "74-member attendance from the group": 3, "a visitor found by name": 1, "find a person": 2, "add a note": 1, "run an assessment": 2, "refer": 4,
          "provider moves a referral": 2, "participant sees own results": 2,
          "participant checks who has seen their data": 1, "participant changes a consent": 3,
          "participant asks about an event": 2,
          "participant adds a goal of their own": 2, "participant assesses themselves": 3,
          "participant adds a picture to their portfolio": 2, "participant gives feedback": 2, "find a peer": 2,
          "manager publishes a project's page": 2, "ask the team for a consultation": 2,
          "make an API token": 2}
for name, t in tasks.items():
    print(f"task {name}: {t['clicks']} clicks, {t['pages']} pages, {t.get('ticks', 0)} ticks (limit {limits.get(name, '?')} clicks)")
    check(f"task {name} within its clicks", t["clicks"] <= limits.get(name, 0), str(t))
for f in failures:
    print("  -", f)
print(f"screenshots: {shots}")
print(f"browser: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
