#!/usr/bin/env python3
"""A team's load on a running Polku, as the speed issue measures it: wrk with 64 connections on the
floor route (/styles.css without a cookie), the same with a session cookie, the participant list and a
participant page, interleaved over rounds, each throughput given as a share of the floor measured in
the same run, with p50/p99 and the server's RSS.

Usage: load.py POLKU_BINARY [--database-url URL] [--seconds 15] [--rounds 3]
Without --database-url the server runs on a new SQLite file with demo data; with it, the URL must name
an empty PostgreSQL database (demo data goes into it)."""
import argparse, http.cookiejar, os, re, statistics, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--database-url")
ap.add_argument("--seconds", type=int, default=15)
ap.add_argument("--rounds", type=int, default=3)
ap.add_argument("--port", default="8098")
args = ap.parse_args()
base = f"http://127.0.0.1:{args.port}"
work = tempfile.mkdtemp(prefix="polku-load-")
# No backtracer: a crash at shutdown (see the operations issue) must not keep the port for minutes.
env = dict(os.environ, POLKU_ENV="production", SWIFT_BACKTRACE="enable=no")
env.pop("DATABASE_URL", None)
if args.database_url:
    env["DATABASE_URL"] = args.database_url
server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--demo", "--port", args.port], cwd=work, env=env,
                          stdout=open(os.path.join(work, "serve.log"), "w"), stderr=subprocess.STDOUT, start_new_session=True)

def rss_mb():
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

def wrk(path, cookie=None):
    cmd = ["wrk", "-t2", "-c64", f"-d{args.seconds}s", "--latency", base + path]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        if not m:
            return float("nan")
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, pct(50), pct(99), int(non2xx.group(1)) if non2xx else 0

try:
    for _ in range(240):
        if server.poll() is not None:
            raise SystemExit("Polku stopped: " + open(os.path.join(work, "serve.log")).read()[-1500:])
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            time.sleep(0.5)
    else:
        raise SystemExit(open(os.path.join(work, "serve.log")).read()[-2000:])
    jar = http.cookiejar.CookieJar()
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"email": "worker@demo.polku.invalid", "password": "polku-demo-2026", "_csrf": token}).encode()
    try:
        opener.open(base + "/login", data=form)
    except urllib.error.HTTPError as e:
        if e.code != 303:
            raise
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar if c.name == "polku_session")
    listing = opener.open(base + "/participants").read().decode()
    participant = re.search(r'href="(/participants/[0-9A-F-]{36})"', listing).group(1)
    routes = [("floor: /styles.css", "/styles.css", None), ("/styles.css with a session cookie", "/styles.css", cookie),
              ("participant list", "/participants", cookie), ("participant page", participant, cookie)]
    results = {name: [] for name, _, _ in routes}
    for r in range(args.rounds):
        for name, path, c in routes:
            results[name].append(wrk(path, c))
    floor = statistics.median(x[0] for x in results[routes[0][0]])
    db = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{db}, wrk -t2 -c64 -d{args.seconds}s, medians of {args.rounds} interleaved rounds, RSS {rss_mb():.0f} MB")
    print(f"{'route':40} {'req/s':>9} {'share':>7} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, _, _ in routes:
        xs = results[name]
        rps = statistics.median(x[0] for x in xs)
        print(f"{name:40} {rps:9.0f} {100 * rps / floor:6.1f}% {statistics.median(x[1] for x in xs):8.1f} "
              f"{statistics.median(x[2] for x in xs):8.1f} {sum(x[3] for x in xs):8d}")
finally:
    time.sleep(2)  # let the last requests of wrk's connections finish before the signal
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(server.pid, 9)
    except ProcessLookupError:
        pass
