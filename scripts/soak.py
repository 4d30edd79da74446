#!/usr/bin/env python3
"""A soak as issue 13 ran it: Polku on SQLite with --participants people (`polku bench --only load-data`),
--connections users reading the participant list (each view writes an audit event per person shown) for
--minutes minutes; per minute it prints req/s, p50/p99, the audit table's rows and the database and WAL
file sizes, so a slowdown as the audit log grows shows as a trend.

Usage: soak.py POLKU_BINARY [--participants 100000] [--minutes 5] [--connections 200]"""
import argparse, json, os, re, sqlite3, subprocess, tempfile, time, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--participants", type=int, default=100_000)
ap.add_argument("--minutes", type=int, default=5)
ap.add_argument("--connections", type=int, default=200)
ap.add_argument("--port", type=int, default=8441)
args = ap.parse_args()
binary = os.path.abspath(args.binary)
work = tempfile.mkdtemp(prefix="polku-soak-")
file = os.path.join(work, "soak.sqlite")
url = f"sqlite://{file}"
env = dict(os.environ, POLKU_ENV="production", DATABASE_URL=url)
out = subprocess.run([binary, "bench", "--only", "load-data", "--participants", str(args.participants), "--sessions", "1", "--database-url", url],
                     cwd=work, env=env, capture_output=True, text=True, check=True)
world = json.loads(out.stdout.strip().splitlines()[-1])
server = subprocess.Popen([binary, "serve", "--port", str(args.port)], cwd=work, env=env,
                          stdout=open(os.path.join(work, "server.log"), "w"), stderr=subprocess.STDOUT)
try:
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/health", timeout=1)
            break
        except Exception:
            time.sleep(0.25)

    def size(path):
        return os.path.getsize(path) / 1e6 if os.path.exists(path) else 0

    def audit_rows():
        db = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            return db.execute("SELECT COUNT(*) FROM audit_events").fetchone()[0]
        finally:
            db.close()

    print(f"{args.participants} participants, {args.connections} connections on the participant list, minute by minute:")
    for minute in range(1, args.minutes + 1):
        run = subprocess.run(["wrk", "-t2", f"-c{args.connections}", "-d60s", "--latency", "-H", f"Cookie: polku_session={world['cookie']}",
                              f"http://127.0.0.1:{args.port}/participants"], capture_output=True, text=True)
        rps = re.search(r"Requests/sec:\s+([\d.]+)", run.stdout)
        p50 = re.search(r"50%\s+([\d.]+\w+)", run.stdout)
        p99 = re.search(r"99%\s+([\d.]+\w+)", run.stdout)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", run.stdout)
        print(f"minute {minute}: {rps.group(1) if rps else '?'} req/s, p50 {p50.group(1) if p50 else '?'}, p99 {p99.group(1) if p99 else '?'}, "
              f"non-2xx {errors.group(1) if errors else 0}, audit rows {audit_rows()}, file {size(file):.0f} MB, WAL {size(file + '-wal'):.0f} MB", flush=True)
finally:
    server.terminate()
    server.wait(timeout=30)
