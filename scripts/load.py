#!/usr/bin/env python3
"""A team's load on Polku, as the speed issue (11) measures it.

For each database it fills a new database with `polku bench --only load-data` (100,000 participants
by default), starts the server on it, and runs wrk with 64 connections on: the floor route
(/styles.css without a cookie), the same with a session cookie, a signed-in page that reads nothing but
the session (the password form: the ceiling of every signed-in page), the participant list, a list search (a
surname one in a hundred share, and one person's whole name),
a participant page and an attendance save of ten ticked people (each save a fresh held session, so no
save is refused as a stale copy, and a one-time form key of its own, as a browser's form has). Routes and databases are interleaved over rounds; every throughput
is given as a share of the floor of the same server in the same run, with p50/p99 and the server's RSS.

With --public (issue 17) it measures a public project page instead: one project of --participants
people with its page published (`polku bench --only public-data`), against /health (which asks the
database for SELECT 1) of the same server, with no cookie.

Usage: load.py POLKU_BINARY [--postgres URL] [--no-sqlite] [--participants N] [--seconds 15] [--rounds 3]
       [--check] [--public]
--postgres names an empty PostgreSQL database. --check (the short form CI runs) fails when any answer
was not the expected one (2xx, or 303 for the save) or a route answered nothing."""
import argparse, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--postgres", help="an empty PostgreSQL database's URL")
ap.add_argument("--no-sqlite", action="store_true")
ap.add_argument("--participants", type=int, default=100_000)
ap.add_argument("--seconds", type=int, default=15)
ap.add_argument("--rounds", type=int, default=3)
ap.add_argument("--connections", type=int, default=64)
ap.add_argument("--check", action="store_true")
ap.add_argument("--routes", help="only the routes whose names contain one of these comma-separated words (and the floor)")
ap.add_argument("--public", action="store_true", help="measure a public project page against /health")
args = ap.parse_args()
binary = os.path.abspath(args.binary)
work = tempfile.mkdtemp(prefix="polku-load-")



class Server:
    def __init__(self, name, url, port):
        self.name, self.url, self.port = name, url, port
        self.base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, POLKU_ENV="production", SWIFT_BACKTRACE="enable=no", DATABASE_URL=url)
        started = time.time()
        data = ["--only", "public-data"] if args.public else \
            ["--only", "load-data", "--sessions", str(min(200_000, 2_500 * args.seconds * args.rounds + 1_000))]
        out = subprocess.run([binary, "bench"] + data + ["--participants", str(args.participants), "--database-url", url],
                             cwd=work, env=env, capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"{name}: load-data failed: {out.stderr[-2000:]}")
        self.world = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{name}: {args.participants} participants generated in {time.time() - started:.0f} s", flush=True)
        if args.public:
            print(f"{name}: the public page's figures computed in {self.world['computeMedianMs']:.0f} ms (median of 3, slowest "
                  f"{self.world['computeMaxMs']:.0f} ms)", flush=True)
        self.log = os.path.join(work, f"serve-{name}.log")
        self.proc = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=work, env=env, stdout=open(self.log, "w"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(240):
            if self.proc.poll() is not None:
                raise SystemExit(f"{name}: Polku stopped: " + open(self.log).read()[-1500:])
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1)
                break
            except Exception:
                time.sleep(0.5)
        w = self.world
        if args.public:
            return
        self.cookie = f"polku_session={w['cookie']}"
        self.sessions_file = os.path.join(work, f"sessions-{name}.txt")
        open(self.sessions_file, "w").write("\n".join(w["sessions"]) + "\n")
        self.save_offset = 0
        self.body = "&".join([f"_csrf={w['csrf']}", "version=0", "head_on_site=3"] + [f"p_{m}=on" for m in w["members"]])

    def priorities(self):
        """The nice value of each of the server's threads, by name (RequestPriority)."""
        out = {}
        for tid in os.listdir(f"/proc/{self.proc.pid}/task"):
            try:
                stat = open(f"/proc/{self.proc.pid}/task/{tid}/stat").read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            out.setdefault(name, set()).add(int(stat[stat.rindex(")") + 2:].split()[16]))
        return out

    def rss_mb(self):
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(self.proc.pid, 9)
        except ProcessLookupError:
            pass


def wrk(server, route):
    name, path, cookie, kind = route
    cmd = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", "--timeout", "10s"]
    if kind == "save":
        lua = os.path.join(os.path.dirname(os.path.abspath(__file__)), "attendance_save.lua")
        prefix = ""
        cmd += ["-s", lua, server.base + "/", "--", str(server.save_offset), "2", server.sessions_file, prefix, server.body, server.cookie]
    else:
        if cookie:
            cmd += ["-H", f"Cookie: {server.cookie}"]
        if kind == "api":
            cmd += ["-H", f"Authorization: Bearer {server.world['apiToken']}"]
        cmd.append(server.base + path)
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not m:
        raise SystemExit(f"wrk gave no figures for {name}: {out[-1500:]}")
    rps = float(m.group(1))

    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        if not m:
            return float("nan")
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    used = re.search(r"USED (\d+)", out)
    if used:
        server.save_offset += int(used.group(1)) + args.connections
    total = int(re.search(r"(\d+) requests in", out).group(1))
    if total == 0:
        # A route with no answer at all: keep what the server's threads (and PostgreSQL) were doing.
        path = os.path.join(work, "stall-" + server.name + "-" + re.sub(r"\W+", "-", name) + ".txt")
        with open(path, "w") as f:
            if server.url.startswith("postgres"):
                snap = subprocess.run(["psql", server.url, "-X", "-A", "-c",
                                       "SELECT pid, state, wait_event_type, wait_event, now() - query_start AS running, left(query, 160) "
                                       "FROM pg_stat_activity WHERE datname = current_database()"], capture_output=True, text=True)
                f.write(snap.stdout + snap.stderr)
            if shutil.which("gdb"):
                dump = subprocess.run(["gdb", "-p", str(server.proc.pid), "-batch", "-ex", "thread apply all bt 25"],
                                      capture_output=True, text=True, timeout=120)
                f.write(dump.stdout + dump.stderr)
        print(f"{server.name}, {name}: no answer at all; what the server was doing then is in {path}", file=sys.stderr)
    return rps, pct(50), pct(99), (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0), total


servers = []
try:
    port = 8190
    if not args.no_sqlite:
        servers.append(Server("SQLite", f"sqlite://{work}/load.sqlite", port))
    if args.postgres:
        servers.append(Server("PostgreSQL", args.postgres, port + 1))
    routes = []
    for s in servers:
        w = s.world
        if args.public:
            routes += [(s, ("floor: /health", "/health", False, "get")),
                       (s, ("public project page", f"/p/{w['code']}", False, "get"))]
            continue
        routes += [(s, ("floor: /styles.css", "/styles.css", False, "get")),
                   (s, ("/styles.css with a session cookie", "/styles.css", True, "get")),
                   # The signed-in path alone: the session and identity read, the guard and a page
                   # of a form, nothing else from the database. No signed-in page can go faster.
                   (s, ("signed-in form, no other reads", "/account/password", True, "get")),
                   (s, ("participant list", "/participants", True, "get")),
                   (s, ("participant list, name search", f"/participants?q={w['searchTerm']}", True, "get")),
                   (s, ("list, one person's name", "/participants?q=" + urllib.parse.quote(w['personSearch']), True, "get")),
                   (s, ("participant page", f"/participants/{w['participant']}", True, "get")),
                   # A group session's form (the coach's phone): the members, not the project's 10,000.
                   (s, ("attendance form", w["sessions"][-1], True, "get")),
                   (s, ("attendance save (10 ticked)", None, True, "save")),
                   (s, ("API: participants, page of 100", "/api/v1/participants?limit=100", False, "api"))]
    if args.routes:
        wanted = args.routes.split(",")
        routes = [(s, r) for s, r in routes if r[0].startswith("floor") or any(w in r[0] for w in wanted)]
    results = {(s.name, r[0]): [] for s, r in routes}
    for _ in range(args.rounds):
        # Interleaved: each route of each database once per round, so a slow spell of the shared
        # machine falls on all of them alike.
        for i in range(len(routes) // len(servers)):
            for k, s in enumerate(servers):
                server, route = routes[k * (len(routes) // len(servers)) + i]
                results[(server.name, route[0])].append(wrk(server, route))
    failed = False
    for s in servers:
        # The request loops yield to the threads every request waits for (SQLite's writer loop is
        # NIO-ELT-…, its thread TP-#…, the driver's pool SGLTN-TP-…): a thread started by a
        # lowered one would be lowered too.
        nice = s.priorities()
        loops = {n for name, ns in nice.items() if name.startswith("NIO-SGLTN") for n in ns}
        writer = {n for name, ns in nice.items() if name.startswith(("NIO-ELT", "TP-#", "SGLTN-TP")) for n in ns}
        print(f"{s.name}: nice of the request loops {sorted(loops)}, of the threads they wait for {sorted(writer) or '-'}")
        if loops != {5} or (writer and writer != {0}):
            print(f"{s.name}: the request loops should run at nice 5 and the threads they wait for at 0")
            failed = True
    for s in servers:
        floor_name = next(r[0] for server, r in routes if server is s)
        floor = statistics.median(x[0] for x in results[(s.name, floor_name)])
        print(f"\n{s.name}, {args.participants} participants, wrk -t2 -c{args.connections} -d{args.seconds}s, "
              f"medians of {args.rounds} interleaved rounds, server RSS {s.rss_mb():.0f} MB")
        print(f"{'route':36} {'req/s':>9} {'share':>7} {'p50 ms':>8} {'p99 ms':>8} {'bad':>6}")
        for server, route in routes:
            if server is not s:
                continue
            xs = results[(s.name, route[0])]
            rps = statistics.median(x[0] for x in xs)
            bad = sum(x[3] for x in xs)
            print(f"{route[0]:36} {rps:9.0f} {100 * rps / floor:6.1f}% {statistics.median(x[1] for x in xs):8.1f} "
                  f"{statistics.median(x[2] for x in xs):8.1f} {bad:6d}")
            if bad or sum(x[4] for x in xs) == 0:
                failed = True
    if args.check and failed:
        print("\nSome answers were not the expected ones (see 'bad'); server logs in " + work)
        sys.exit(1)
finally:
    time.sleep(1)
    for s in servers:
        s.stop()
