#!/usr/bin/env python3
"""A large participant import as a project manager makes it in the browser (issue 13): Polku with demo
data on SQLite, a CSV of --megabytes MB (valid rows, or with --bad every 1000th row wrong) uploaded to a
project's import page; the upload is read by a background job and the script follows the import's page
until it is decided. Prints the outcome, the time, the server's peak and final RSS (VmHWM, VmRSS), and
how long another page (the project list) took meanwhile. With --max-rss MB it fails when the server's
own memory passes that: its RSS less the pages of the SQLite database file it maps in (sampled every
50 ms). Those pages are the kernel's page cache of the database, shared and dropped under pressure;
they grow with the database (mmap_size 256 MB, issue 11), not with the upload, and 44,000 new people
made them 45 MB.

Usage: import_memory.py POLKU_BINARY [--megabytes 60] [--bad] [--max-rss 200]"""
import argparse, http.cookiejar, os, re, subprocess, tempfile, threading, time, urllib.error, urllib.parse, urllib.request, uuid

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--megabytes", type=float, default=60)
ap.add_argument("--bad", action="store_true")
ap.add_argument("--max-rss", type=float)
ap.add_argument("--port", type=int, default=8431)
ap.add_argument("--no-probe", action="store_true", help="no other page loaded during the import")
args = ap.parse_args()
binary = os.path.abspath(args.binary)
work = tempfile.mkdtemp(prefix="polku-import-")
base = f"http://127.0.0.1:{args.port}"


def status(pid, field):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0


def database_pages(pid, path):
    """MB of the process's RSS that are the database file (and its -wal/-shm) mapped in."""
    total, counting = 0, False
    try:
        for line in open(f"/proc/{pid}/smaps"):
            if not line[0].isupper() or ":" not in line.split()[0]:
                counting = line.rstrip().endswith((path, path + "-wal", path + "-shm"))
            elif counting and line.startswith("Rss:"):
                total += int(line.split()[1])
    except OSError:
        pass
    return total / 1024


def csv_file(path, megabytes, bad):
    header = "participant_id;first_name;last_name;birth_date;gender;municipality;language;email;phone;site;start_date;labour_status;unemployed_months;isced;disability;foreign_background;minority;other_disadvantage;third_country_national;homeless;rural;exit_date;service_outcome;exit_situation;exit_situation_date;qualification_gained;followup_date;followup_employed;followup_improvements\n"
    rows = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        size = len(header)
        while size < megabytes * 1_000_000:
            rows += 1
            birth = "32.13.1990" if bad and rows % 1000 == 0 else f"{1 + rows % 28}.{1 + rows % 12}.{1960 + rows % 40}"
            line = (f"M-{rows:07d};Etunimi{rows % 97};Sukunimi{rows % 991};{birth};{'nainen' if rows % 2 else 'mies'};Pori;fi;;;;"
                    f"1.{1 + rows % 12}.2024;unemployed;{rows % 30};3;ei;ei;ei;ei;ei;ei;ei;;;;;;;;\n")
            f.write(line)
            size += len(line.encode())
    return rows


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
# Always a new SQLite file, whatever DATABASE_URL the caller has (scripts/test exports PostgreSQL's).
env = dict(os.environ, DATABASE_URL=f"sqlite://{os.path.join(work, 'import.sqlite')}")
server = subprocess.Popen([binary, "serve", "--demo", "--port", str(args.port)], cwd=work, env=env,
                          stdout=open(os.path.join(work, "server.log"), "w"), stderr=subprocess.STDOUT)
try:
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            time.sleep(0.25)
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    opener.open(base + "/login", urllib.parse.urlencode({"_csrf": token, "email": "pm@demo.polku.invalid", "password": "polku-demo-2026"}).encode())
    projects = opener.open(base + "/projects").read().decode()
    project = re.search(r'href="/projects/([0-9A-Fa-f-]{36})"', projects).group(1)
    form = opener.open(f"{base}/projects/{project}/import").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    path = os.path.join(work, "participants.csv")
    rows = csv_file(path, args.megabytes, args.bad)
    boundary = "----polku" + uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"participants.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode()
    body = head + open(path, "rb").read() + f"\r\n--{boundary}--\r\n".encode()
    before = status(server.pid, "VmRSS")
    t0 = time.time()
    probes, probing = [], True

    peaks = {"RssAnon": 0, "RssFile": 0, "own": 0}
    database = os.path.join(work, "import.sqlite")

    def sample():
        """The server's own memory every 50 ms: its RSS less the database file's mapped pages."""
        while probing:
            try:
                rss = status(server.pid, "VmRSS")
                for field in ("RssAnon", "RssFile"):
                    peaks[field] = max(peaks[field], status(server.pid, field))
                peaks["own"] = max(peaks["own"], rss - database_pages(server.pid, database))
            except OSError:
                pass
            time.sleep(0.05)

    def probe():
        """The project list, as a colleague would load it while the import runs; and the server's
        memory, split into its own (anonymous) and file-backed pages (the program, its libraries, the
        database mapped in)."""
        while probing:
            if args.no_probe:
                time.sleep(0.5)
                continue
            p0 = time.time()
            try:
                opener.open(base + "/projects", timeout=60).read()
                probes.append(time.time() - p0)
            except Exception as e:
                probes.append(float("inf"))
                print(f"the project list failed during the import: {e}")
            time.sleep(0.5)

    prober, sampler = threading.Thread(target=probe), threading.Thread(target=sample)
    prober.start()
    sampler.start()
    req = urllib.request.Request(f"{base}/projects/{project}/import", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        answer = opener.open(req, timeout=900)
        code, text, url = answer.status, answer.read().decode(), answer.geturl()
        uploaded = time.time() - t0
        # The import's page answers "still being read" after waiting a while; look again until decided.
        while "Tiedostoa luetaan" in text and time.time() - t0 < 900:
            answer = opener.open(url, timeout=60)
            code, text = answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        code, text, uploaded = e.code, e.read().decode(), time.time() - t0
    seconds = time.time() - t0
    probing = False
    prober.join()
    sampler.join()
    peak, after = status(server.pid, "VmHWM"), status(server.pid, "VmRSS")
    mapped = database_pages(server.pid, database)
    summary = re.sub(r"<[^>]+>", " ", text[text.find("<main"):text.find("</main>")])
    summary = " ".join(summary.split())[:300]
    print(f"import of {os.path.getsize(path) / 1e6:.1f} MB ({rows} rows{', every 1000th bad' if args.bad else ''}): {code} in {seconds:.1f} s; "
          f"RSS before {before:.0f} MB, peak {peak:.0f} MB, after {after:.0f} MB of which the mapped database {mapped:.0f} MB; "
          f"the server's own memory (RSS less the mapped database, every 50 ms) peaked at {peaks['own']:.0f} MB "
          f"(anonymous {peaks['RssAnon']:.0f} MB, file-backed incl. the program and the database {peaks['RssFile']:.0f} MB)")
    ordered = sorted(probes)
    if ordered:
        print(f"upload answered in {uploaded:.1f} s; the project list meanwhile ({len(ordered)} loads): "
              f"median {ordered[len(ordered) // 2] * 1000:.0f} ms, slowest {ordered[-1] * 1000:.0f} ms")
    print(f"page says: {summary}")
    # Another person's page failing while the import runs is a failure too (SQLite held its write
    # lock for the whole import: 503s).
    failed = code >= 500 or (args.max_rss is not None and peaks["own"] > args.max_rss) or float("inf") in probes
finally:
    server.terminate()
    server.wait(timeout=30)
raise SystemExit(1 if failed else 0)
