#!/usr/bin/env python3
"""Several Polku processes as an operator runs them (issue 19): nginx in front of --processes Polku
processes (round robin), PgBouncer in transaction pooling between them and PostgreSQL, and a
streaming replica made with pg_basebackup for the reports and the public pages. All from Debian's
packages, started here on 127.0.0.1 beside the PostgreSQL of scripts/postgres (its data directory
and port: POLKU_PGDIR, POLKU_PGPORT).

Checks, through nginx as a browser uses it: a session, CSRF and a flash message work whichever
process answers; failed logins are throttled across processes; a report reads the replica and says
how fresh it is, a person who just wrote reads the primary, a replica that is down sends the report
to the primary; writers saving notes while one process is killed with SIGKILL lose no acknowledged
write, and nginx routes around the dead process.

With --bench (`polku bench` in spirit; give it a release build): instead of the checks, --participants
people and --audit-events audit events (10,000 of them about one person) are generated, and wrk
(-t2, --connections, --seconds) measures through nginx: the floor route, the participant list, a
participant's page, the ESF report of the largest project from the replica and "who has seen my
data" for the person with 10,000 events as its SQL; each as a share of the floor in the same run,
with p50/p99 and each process's RSS.

Usage: scale.py POLKU_BINARY [--processes 3] [--seconds 4] [--writers 8]
       scale.py POLKU_BINARY --bench [--participants 1000000] [--attendances 10000000] [--audit-events 50000000] [--seconds 10]
       scale.py POLKU_BINARY --bench --reuse   (measure again on the database an earlier --bench left: generating it takes 1.5 h)"""
import argparse, glob, http.cookiejar, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.parse, urllib.request, uuid

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--processes", type=int, default=3)
ap.add_argument("--seconds", type=float, default=4)
ap.add_argument("--writers", type=int, default=8)
ap.add_argument("--bench", action="store_true", help="instead of the checks: generate data and measure with wrk through nginx")
ap.add_argument("--participants", type=int, default=1_000_000)
ap.add_argument("--audit-events", type=int, default=50_000_000)
ap.add_argument("--attendances", type=int, default=10_000_000)
ap.add_argument("--connections", type=int, default=64)
ap.add_argument("--reuse", action="store_true", help="with --bench: keep the polku_scale database an earlier run generated")
args = ap.parse_args()
binary = os.path.abspath(args.binary)
PGBIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
PGDIR = os.environ.get("POLKU_PGDIR", "/tmp/polku-pg")
PGPORT = int(os.environ.get("POLKU_PGPORT", "5433"))
PASSWORD = "polku-demo-2026"
# nginx reaches Polku from its own loopback address, so that this script (on 127.0.0.1) is a client
# like any other and not a trusted proxy.
PROXY_ADDRESS = "127.0.0.3"
MAX_LAG = 3  # seconds the replica may be behind (POLKU_REPLICA_MAX_LAG): short, so that the check is quick
work = tempfile.mkdtemp(prefix="polku-scale-")
shutil.chown(work, "postgres", "postgres")
os.chmod(work, 0o755)
children, failures = [], []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(cmd):
    return ["runuser", "-u", "postgres", "--"] + cmd


def psql(sql, port=PGPORT, host=PGDIR, db="postgres"):
    out = subprocess.run(["psql", "-h", host, "-p", str(port), "-U", "postgres", "-d", db, "-tAX", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"psql failed: {sql}\n{out.stderr}")
    return out.stdout.strip()


def start(cmd, name, env=None, user=None):
    log = open(os.path.join(work, name + ".log"), "w")
    p = subprocess.Popen(as_postgres(cmd) if user == "postgres" else cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
                         start_new_session=True)
    children.append(p)
    return p


def wait_for(url, seconds=120):
    end = time.time() + seconds
    while time.time() < end:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.25)
    raise SystemExit(f"{url} did not answer within {seconds} s; logs in {work}")


def check(ok, what):
    print(("PASS " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


class Browser:
    """A person's browser: cookies kept, redirects not followed (the checks read them)."""

    def __init__(self, base):
        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(NoRedirect(), urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = None

    def send(self, path, fields=None, headers=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            r = self.opener.open(req, timeout=30)
            status, headers, body = r.status, r.headers, r.read().decode()
        except urllib.error.HTTPError as e:
            status, headers, body = e.code, e.headers, e.read().decode()
        m = re.search(r'<input[^>]*name="_csrf"[^>]*>', body)
        if m:
            self.csrf = re.search(r'value="([^"]*)"', m.group(0)).group(1)
        return status, headers, body

    def post(self, path, fields, headers=None):
        return self.send(path, dict(fields, _csrf=self.csrf or ""), headers)

    def sign_in(self, email):
        self.send("/login")
        status, headers, _ = self.post("/login", {"email": email, "password": PASSWORD})
        return status == 303

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)


# Held sessions for the attendance saves: each save writes a session of its own (version 0).
SAVE_SESSIONS = 20_000


def generate(db):
    """The bench's data, written straight into the primary (the replica streams it)."""
    url = f"postgres://polku:polku@127.0.0.1:{PGPORT}/{db}"
    started = time.time()
    out = subprocess.run([binary, "bench", "--only", "load-data", "--participants", str(args.participants), "--sessions", str(SAVE_SESSIONS), "--database-url", url],
                         cwd=work, capture_output=True, text=True, env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
    if out.returncode != 0:
        raise SystemExit(f"load-data failed: {out.stderr[-2000:]}")
    world = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{args.participants} participants in {time.time() - started:.0f} s", flush=True)
    started = time.time()
    psql(f"""
        DO $$ DECLARE m date := date_trunc('month', now() - interval '36 months')::date;
        BEGIN WHILE m < date_trunc('month', now())::date LOOP
          IF to_regclass('audit_events_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM')) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
              'audit_events_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'), m::timestamptz, (m + interval '1 month')::timestamptz);
          END IF;
          m := m + interval '1 month';
        END LOOP; END $$;
        CREATE TEMP TABLE people AS SELECT id, row_number() OVER () AS n FROM participants;
        CREATE INDEX ON people (n);
        -- A hundred workers' views: one worker's events are a hundredth of all (the audit search by actor).
        INSERT INTO audit_events (id, at, actor_id, actor_email, action, participant_id, project_id, detail, client_address)
        SELECT gen_random_uuid(), now() - random() * interval '1000 days', NULL, 'bench-' || (g % 100) || '@polku.invalid', 'participant.view', p.id, NULL, 'bench', '127.0.0.1'
        FROM generate_series(1, {args.audit_events}) g JOIN people p ON p.n = 1 + g % {args.participants};
        INSERT INTO audit_events (id, at, actor_id, actor_email, action, participant_id, project_id, detail, client_address)
        SELECT gen_random_uuid(), now() - random() * interval '1000 days', NULL, 'bench@polku.invalid', 'participant.view', '{world['participant']}', NULL, 'bench', '127.0.0.1'
        FROM generate_series(1, 10000);
        ANALYZE;
    """, db=db)
    print(f"{args.audit_events} audit events in {time.time() - started:.0f} s", flush=True)
    started = time.time()
    # Attendances: twenty people at each of attendances / 20 held sessions of earlier years, in groups
    # of the first project (a thousand sessions a group).
    sessions = max(1, args.attendances // 20)
    groups = (sessions + 999) // 1000
    psql(f"""
        CREATE TEMP TABLE people AS SELECT id, row_number() OVER () AS n FROM participants;
        CREATE INDEX ON people (n);
        CREATE TEMP TABLE history AS SELECT gen_random_uuid() AS id, g AS n FROM generate_series(0, {groups - 1}) g;
        INSERT INTO activities (id, created_at, project_id, kind, name, description, weekdays, week_interval, from_date, to_date,
                                start_time, end_time, category, feed_token)
        SELECT id, now(), '{world['project']}', 'group', 'Historiaryhmä ' || n, '', '1,2,3,4,5', 1, '2015-01-01', '2022-12-31',
               '10:00', '12:00', 'peer_group', md5(random()::text) FROM history;
        CREATE TEMP TABLE held AS SELECT gen_random_uuid() AS id, h.id AS activity_id, g AS n,
               to_char(date '2015-01-01' + (g / {groups}), 'YYYY-MM-DD') AS date
        FROM generate_series(0, {sessions - 1}) g JOIN history h ON h.n = g % {groups};
        INSERT INTO activity_sessions (id, activity_id, scheduled_date, date, start_time, end_time, cancelled, version)
        SELECT id, activity_id, date, date, '10:00', '12:00', false, 1 FROM held;
        INSERT INTO attendances (id, session_id, participant_id)
        SELECT gen_random_uuid(), h.id, p.id FROM held h CROSS JOIN generate_series(0, 19) k
        JOIN people p ON p.n = 1 + (h.n * 20 + k) % {args.participants};
        ANALYZE;
    """, db=db)
    print(f"{sessions * 20} attendances at {sessions} sessions in {time.time() - started:.0f} s", flush=True)
    return world


def reused_world(db):
    """The bench's world, read back from the database an earlier --bench generated."""
    def one(sql):
        return psql(sql, db=db).strip()
    sessions = psql("""SELECT '/activities/' || activity_id || '/sessions/' || id FROM activity_sessions
        WHERE version = 0 AND activity_id IN (SELECT id FROM activities WHERE name LIKE 'Kuormaryhmä %') LIMIT """ + str(SAVE_SESSIONS), db=db).split()
    group = one("SELECT id FROM activities WHERE name LIKE 'Kuormaryhmä %' LIMIT 1")
    return {
        "cookie": one("SELECT key FROM _fluent_sessions WHERE key LIKE 'bench-%' AND key NOT LIKE 'bench-admin-%' LIMIT 1"),
        "adminCookie": one("SELECT key FROM _fluent_sessions WHERE key LIKE 'bench-admin-%' LIMIT 1"),
        "sessions": sessions,
        "members": psql(f"SELECT participant_id FROM activity_members WHERE activity_id = '{group}'", db=db).split(),
        "participant": one("SELECT participant_id FROM audit_events WHERE actor_email = 'bench@polku.invalid' LIMIT 1"),
        "project": one("SELECT project_id FROM activities WHERE name LIKE 'Historiaryhmä %' LIMIT 1"),
    }


def wrk(url, cookie=None, save=None, timeout=10):
    """`save`: (sessions file, form body) for attendance saves, each to a held session of its own."""
    cmd = ["wrk", "-t2", f"-c{args.connections}", f"-d{max(1, round(args.seconds))}s", "--latency", "--timeout", f"{timeout}s"]
    if save:
        lua = os.path.join(os.path.dirname(os.path.abspath(__file__)), "attendance_save.lua")
        cmd += ["-s", lua, url, "--", "0", "2", save[0], "", save[1], f"polku_session={cookie}"]
        url = None
    elif cookie:
        cmd += ["-H", f"Cookie: polku_session={cookie}"]
    out = subprocess.run(cmd + ([url] if url else []), capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    if rps == 0:
        print(f"wrk had no answers from {url or save[0]}: {out[-600:]}", flush=True)

    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, pct(50), pct(99), int(bad.group(1)) if bad else 0


def bench(base, world, servers, db):
    cookie = world["cookie"].split("=", 1)[-1] if "=" in world["cookie"] else world["cookie"]
    admin = world["adminCookie"]
    sessions_file = os.path.join(work, "sessions.txt")
    open(sessions_file, "w").write("\n".join(world["sessions"]) + "\n")
    body = "&".join(["_csrf=bench", "version=0", "head_on_site=3"] + [f"p_{m}=on" for m in world["members"]])
    routes = [("floor: /styles.css", "/styles.css", None),
              ("participant list", "/participants", cookie),
              ("participant page", f"/participants/{world['participant']}", cookie),
              ("audit search: a person's events (admin)", f"/admin/audit?participant={world['participant']}", admin),
              ("audit search: one worker's events (admin)", "/admin/audit?actor=bench-7%40polku.invalid", admin),
              ("ESF report (replica)", f"/projects/{world['project']}/report", cookie)]
    for name, path, c in routes[1:]:
        # wrk counts a redirect to the login page as an answer: make sure the cookie signs in.
        req = urllib.request.Request(base + path, headers={"Cookie": f"polku_session={c}"})
        try:
            status = urllib.request.build_opener(NoRedirect()).open(req, timeout=120).status
        except urllib.error.HTTPError as e:
            status = e.code
        if status != 200:
            raise SystemExit(f"{name} answered {status} to the bench's cookie")
    results = []
    for name, path, c in routes[:-1]:
        results.append((name,) + wrk(base + path, c))
    results.insert(3, ("attendance save (10 ticked)",) + wrk(base + "/", cookie, save=(sessions_file, body)))
    # The report last: a report of 100,000 people takes about a second of the machine, and the ones
    # still queued when wrk stops would slow whatever was measured next. One alone first, then 64 at
    # once with a timeout the gate's 20 s of patience fits in.
    name, path, c = routes[-1]
    alone = []
    for _ in range(2):  # the first reads a cold replica
        started = time.time()
        urllib.request.urlopen(urllib.request.Request(base + path, headers={"Cookie": f"polku_session={c}"}), timeout=120).read()
        alone.append(time.time() - started)
    results.append((name,) + wrk(base + path, c, timeout=30))
    floor = results[0][1]
    print(f"\n{args.participants} participants, {args.attendances} attendances, {args.audit_events} audit events, {args.processes} processes behind nginx and PgBouncer, "
          f"wrk -t2 -c{args.connections} -d{max(1, round(args.seconds))}s")
    print("| route | req/s | share of floor | p50 ms | p99 ms | non-2xx/3xx |\n|---|---|---|---|---|---|")
    for name, rps, p50, p99, bad in results:
        print(f"| {name} | {rps:,.0f} | {100 * rps / floor:.1f} % | {p50:.1f} | {p99:.1f} | {bad} |")
    # "Who has seen my data" for the person with 10,000 events: the page's query, timed by PostgreSQL.
    plan = psql(f"""EXPLAIN (ANALYZE, FORMAT TEXT) SELECT a.id, a.at, a.action, a.actor_id FROM audit_events a
        WHERE a.participant_id = '{world['participant']}' AND a.at >= now() - interval '24 months'
        ORDER BY a.at DESC, a.id DESC LIMIT 51""", db=db)
    print(f"ESF report alone (largest project, replica, through nginx): first {alone[0] * 1000:.0f} ms, then {alone[1] * 1000:.0f} ms")
    print("who has seen my data (10,000 events):", re.search(r"Execution Time: ([\d.]+ ms)", plan).group(1))
    # The audit search's worst case: a user with no events at all (the walk finds nothing to stop at).
    plan = psql("""EXPLAIN (ANALYZE, FORMAT TEXT) SELECT id, at, actor_email, action, participant_id, project_id, detail, client_address
        FROM audit_events WHERE actor_email = 'nobody@polku.invalid' ORDER BY at DESC, id DESC LIMIT 51""", db=db)
    print("audit search for a user with no events:", re.search(r"Execution Time: ([\d.]+ ms)", plan).group(1))
    for i, p in enumerate(servers):
        rss = subprocess.run(["ps", "-o", "rss=", "-p", str(p.pid)], capture_output=True, text=True).stdout.strip()
        print(f"process {i + 1} RSS: {int(rss) // 1024 if rss else 0} MB")


def main():
    db = "polku_scale"
    reuse = args.bench and args.reuse and psql(f"SELECT 1 FROM pg_database WHERE datname = '{db}'") == "1"
    if not reuse:
        psql(f"DROP DATABASE IF EXISTS {db}")
        psql(f"CREATE DATABASE {db} OWNER polku")

    # The replica: a base backup of the primary that streams its WAL (pg_basebackup -R writes the standby settings).
    rport, rdir = free_port(), os.path.join(work, "replica")
    subprocess.run(as_postgres([f"{PGBIN}/pg_basebackup", "-h", PGDIR, "-p", str(PGPORT), "-U", "postgres", "-D", rdir, "-R", "-X", "stream", "-c", "fast"]),
                   check=True, capture_output=True)
    # A hot standby needs at least the primary's max_connections (scripts/postgres gives it 300).
    replica_opts = f"-c listen_addresses=127.0.0.1 -p {rport} -k {rdir} -c fsync=off -c max_connections={psql('SHOW max_connections')}"
    def replica(action):
        extra = ["-o", replica_opts, "-l", os.path.join(rdir, "replica.log")] if action == "start" else ["-m", "immediate"]
        out = subprocess.run(as_postgres([f"{PGBIN}/pg_ctl", "-D", rdir, "-w", action] + extra), capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"pg_ctl {action} of the replica failed: {out.stdout}{out.stderr}; see {rdir}/replica.log")
    replica("start")
    check(psql("SELECT pg_is_in_recovery()", port=rport, host=rdir) == "t", "the replica streams from the primary (in recovery)")

    # PgBouncer in transaction pooling: one server connection per transaction, shared by all processes.
    bport, bdir = free_port(), os.path.join(work, "pgbouncer")
    os.makedirs(bdir)
    with open(os.path.join(bdir, "users.txt"), "w") as f:
        f.write('"polku" "polku"\n')
    with open(os.path.join(bdir, "pgbouncer.ini"), "w") as f:
        f.write(f"""[databases]
{db} = host=127.0.0.1 port={PGPORT} dbname={db}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {bport}
unix_socket_dir =
auth_type = plain
auth_file = {bdir}/users.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = {bdir}/pgbouncer.log
""")
    for name in os.listdir(bdir):
        shutil.chown(os.path.join(bdir, name), "postgres", "postgres")
    shutil.chown(bdir, "postgres", "postgres")
    start(["pgbouncer", os.path.join(bdir, "pgbouncer.ini")], "pgbouncer-run", user="postgres")
    time.sleep(0.5)

    world = (reused_world(db) if reuse else generate(db)) if args.bench else None

    # The Polku processes: the first seeds the demo data; all share the database through PgBouncer.
    # PgBouncer 1.18 in transaction pooling cannot keep a named prepared statement from one
    # transaction to the next (1.21 can, with max_prepared_statements): Polku's are turned off.
    env = dict(os.environ, DATABASE_URL=f"postgres://polku:polku@127.0.0.1:{bport}/{db}", POLKU_PG_PREPARED=os.environ.get("SCALE_PREPARED", "off"),
               DATABASE_REPLICA_URL=f"postgres://polku:polku@127.0.0.1:{rport}/{db}", POLKU_TRUST_PROXY="1", POLKU_TRUSTED_PROXIES=PROXY_ADDRESS,
               SWIFT_BACKTRACE="enable=no", POLKU_REPLICA_MAX_LAG=str(MAX_LAG))
    ports, servers = [free_port() for _ in range(args.processes)], []
    for i, port in enumerate(ports):
        demo = ["--demo"] if i == 0 and not args.bench else []
        servers.append(start([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)] + demo, f"polku-{i + 1}", env=env))
        wait_for(f"http://127.0.0.1:{port}/health", 300)

    nport = free_port()
    upstreams = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in ports)
    with open(os.path.join(work, "nginx.conf"), "w") as f:
        f.write(f"""user root;
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {work}/nginx-body;
  proxy_temp_path {work}/nginx-proxy;
  fastcgi_temp_path {work}/nginx-fastcgi;
  uwsgi_temp_path {work}/nginx-uwsgi;
  scgi_temp_path {work}/nginx-scgi;
  upstream polku {{
{upstreams}
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{nport};
    client_max_body_size 64m;
    location / {{
      proxy_pass http://polku;
      proxy_bind {PROXY_ADDRESS};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      add_header X-Polku-Upstream $upstream_addr always;
    }}
  }}
}}
""")
    start(["nginx", "-p", work, "-c", os.path.join(work, "nginx.conf")], "nginx-run")
    base = f"http://127.0.0.1:{nport}"
    wait_for(base + "/health", 30)
    if args.bench:
        return bench(base, world, servers, db)

    # A session, CSRF and flash, whichever process answers.
    worker = Browser(base)
    check(worker.sign_in("worker@demo.polku.invalid"), "signing in through nginx")
    seen, statuses, body = set(), set(), ""
    for _ in range(3 * args.processes):
        status, headers, body = worker.send("/participants")
        statuses.add(status)
        seen.add(headers.get("X-Polku-Upstream"))
    check(statuses == {200} and len(seen) == args.processes, f"the session holds on every process ({len(seen)} of {args.processes} answered, {sorted(statuses)})")
    person = re.search(r'href="/participants/([0-9A-Fa-f-]{36})"', body).group(1)
    _, _, page = worker.send(f"/participants/{person}")
    # The note form's project: a hidden field for one enrolment, else the choice's first option.
    form = re.search(rf'<form[^>]*action="/participants/{person}/notes"[^>]*>(.*?)</form>', page, re.S).group(1)
    field = next((tag for tag in re.findall(r"<input[^>]*>", form) if 'name="project_id"' in tag), None)
    project = re.search(r'value="([0-9A-Fa-f-]{36})"', field or re.search(r"<option[^>]*>", form[form.index('name="project_id"'):]).group(0)).group(1)
    status, headers, _ = worker.post(f"/participants/{person}/notes", {"project_id": project, "sensitivity": "normal", "body": "Tapaaminen nginxin takaa"})
    posted_by = headers.get("X-Polku-Upstream")
    status2, headers2, after = worker.send(headers.get("Location") or f"/participants/{person}")
    check(status == 303 and 'class="ok flash"' in after, f"a form post with its CSRF token saves, and the flash shows on the next page ({posted_by} → {headers2.get('X-Polku-Upstream')})")

    # Failed logins are counted in the database: the throttle holds across processes.
    # Each try claims another address in X-Forwarded-For: nginx appends the one it saw, which Polku believes.
    stranger, answers = Browser(base), []
    stranger.send("/login")
    for i in range(12):
        answers.append(stranger.post("/login", {"email": "nobody@scale.invalid", "password": "wrong"}, {"X-Forwarded-For": f"203.0.113.{i + 1}"})[0])
    check(answers[-1] == 429, f"the login throttle holds across processes and made-up addresses (answers {answers})")

    # Reports: the viewer reads the replica; the worker who just wrote reads the primary, then the replica.
    viewer = Browser(base)
    viewer.sign_in("viewer@demo.polku.invalid")
    report = f"/projects/{project}/report"
    check("luettu lukukopiosta" in viewer.send(report)[2], "the ESF report reads the replica and says how fresh it is")
    # The replica stops replaying (as when it falls behind): a write now is certainly not on it yet.
    psql("SELECT pg_wal_replay_pause()", port=rport, host=rdir)
    worker.send(f"/participants/{person}")
    worker.post(f"/participants/{person}/notes", {"project_id": project, "sensitivity": "normal", "body": "Toinen tapaaminen"})
    check("äskeiset muutoksesi" in worker.send(report)[2], "the person who just wrote reads the primary")
    check("luettu lukukopiosta" in viewer.send(report)[2], "someone who did not write still reads the replica, a moment behind")
    time.sleep(MAX_LAG + 2.5)
    check("lukukopio on jäljessä" in viewer.send(report)[2], f"a replica more than {MAX_LAG} s behind is not read")
    psql("SELECT pg_wal_replay_resume()", port=rport, host=rdir)
    time.sleep(3)
    check("luettu lukukopiosta" in worker.send(report)[2], "once the replica holds the write, the writer reads the replica again")
    replica("stop")
    status, _, text = viewer.send(report)
    check(status == 200 and "lukukopio ei vastannut" in text, "a replica that is down sends the report to the primary")
    replica("start")

    # Writers through nginx while one process is killed: every acknowledged save is in the database.
    stop, lock, acknowledged, answers = threading.Event(), threading.Lock(), [], []
    cookie, csrf = worker.cookie("polku_session"), worker.csrf
    opener = urllib.request.build_opener(NoRedirect())

    def writer():
        while not stop.is_set():
            body = f"scale-{uuid.uuid4()}"
            data = urllib.parse.urlencode({"_csrf": csrf, "project_id": project, "sensitivity": "normal", "body": body}).encode()
            req = urllib.request.Request(f"{base}/participants/{person}/notes", data=data, headers={"Cookie": f"polku_session={cookie}"})
            try:
                code = opener.open(req, timeout=15).status
            except urllib.error.HTTPError as e:
                code = e.code
            except Exception:
                code = 0
            with lock:
                answers.append((time.time(), code))
                if code == 303:
                    acknowledged.append(body)

    threads = [threading.Thread(target=writer) for _ in range(args.writers)]
    for t in threads:
        t.start()
    time.sleep(args.seconds / 2)
    killed_at = time.time()
    os.killpg(servers[1].pid, signal.SIGKILL)
    servers[1].wait()
    time.sleep(args.seconds / 2)
    stop.set()
    for t in threads:
        t.join()
    stored = set(psql("SELECT body FROM notes WHERE body LIKE 'scale-%'", db=db).split())
    lost = [b for b in acknowledged if b not in stored]
    check(len(acknowledged) > 0 and not lost, f"kill -9 of one process mid-load: {len(acknowledged)} saves acknowledged, {len(lost)} lost")
    late = [code for at, code in answers if at > killed_at + 1.5]
    check(late and all(code == 303 for code in late), f"nginx routes around the dead process ({len(late)} saves after it, answers {sorted(set(late))})")
    refused = [code for at, code in answers if code != 303]
    print(f"saves refused around the kill (never acknowledged): {len(refused)}, answers {sorted(set(refused))}")


try:
    main()
except BaseException as error:
    failures.append(f"stopped: {error}")
    raise
finally:
    for p in reversed(children):
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except Exception:
            pass
    for p in children:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
    rdir = os.path.join(work, "replica")
    if os.path.exists(os.path.join(rdir, "postmaster.pid")):
        subprocess.run(as_postgres([f"{PGBIN}/pg_ctl", "-D", rdir, "-m", "immediate", "-w", "stop"]), capture_output=True)
    if failures:
        print(f"{len(failures)} checks failed; logs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
