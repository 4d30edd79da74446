#!/usr/bin/env python3
"""kill -9 loses no acknowledged write (issue 11), and SIGTERM stops the server gracefully (issue 13).
Polku on SQLite (WAL, synchronous=NORMAL) serves eight writers saving notes as fast as they can and
four readers opening the participant's page; the server is killed with SIGKILL mid-load; every note
whose save was answered (303) must then be in the database file, read by SQLite itself after the crash,
and so must the audit event of every page view answered (200): those go through the audit batches
(on SQLite, one transaction on the writer's loop), the notes through the driver's writer.
Then the same with SIGTERM: the server must also answer every request it accepted without a 5xx and
exit by itself with status 0 within its shutdown deadline. Repeated over rounds, restarting the server
on the same file each time. With --postgres URL (an empty database) the same is done on PostgreSQL.

Usage: durability.py POLKU_BINARY [--rounds 3] [--seconds 3] [--postgres URL]"""
import argparse, json, os, random, signal, sqlite3, subprocess, tempfile, threading, time, urllib.error, urllib.request, uuid

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--rounds", type=int, default=3)
ap.add_argument("--seconds", type=float, default=3)
ap.add_argument("--writers", type=int, default=8)
ap.add_argument("--postgres")
args = ap.parse_args()
binary = os.path.abspath(args.binary)
work = tempfile.mkdtemp(prefix="polku-durability-")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


opener = urllib.request.build_opener(NoRedirect())


def run(name, url, read_bodies, port):
    env = dict(os.environ, POLKU_ENV="production", SWIFT_BACKTRACE="enable=no", DATABASE_URL=url)
    out = subprocess.run([binary, "bench", "--only", "load-data", "--participants", "200", "--sessions", "1", "--database-url", url],
                         cwd=work, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{name}: load-data failed: {out.stderr[-2000:]}")
    world = json.loads(out.stdout.strip().splitlines()[-1])
    path = f"http://127.0.0.1:{port}/participants/{world['participant']}/notes"
    page = f"http://127.0.0.1:{port}/participants/{world['participant']}"
    acknowledged, lost_total, faults, views = [], 0, [], [0]
    for round, sig in [(r, s) for s in (signal.SIGKILL, signal.SIGTERM) for r in range(args.rounds)]:
        server = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=work, env=env, stdout=open(os.path.join(work, f"{name}.log"), "a"),
                                  stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except Exception:
                time.sleep(0.25)
        stop = threading.Event()
        lock = threading.Lock()

        def writer():
            while not stop.is_set():
                body = f"durability-{uuid.uuid4()}"
                data = f"_csrf={world['csrf']}&project_id={world['project']}&sensitivity=normal&body={body}".encode()
                req = urllib.request.Request(path, data=data, headers={"Cookie": f"polku_session={world['cookie']}",
                                                                       "Content-Type": "application/x-www-form-urlencoded"})
                try:
                    opener.open(req, timeout=10)
                except urllib.error.HTTPError as e:
                    with lock:
                        if e.code == 303:
                            acknowledged.append(body)
                        elif e.code >= 500 and sig == signal.SIGTERM:
                            faults.append(f"note save answered {e.code}")
                except Exception:
                    pass  # the server was killed or had stopped accepting: this save was never acknowledged

        def reader():
            while not stop.is_set():
                req = urllib.request.Request(page, headers={"Cookie": f"polku_session={world['cookie']}"})
                try:
                    opener.open(req, timeout=10).read()
                    with lock:
                        views[0] += 1
                except urllib.error.HTTPError as e:
                    if e.code >= 500 and sig == signal.SIGTERM:
                        with lock:
                            faults.append(f"participant page answered {e.code}")
                except Exception:
                    pass
        threads = [threading.Thread(target=writer) for _ in range(args.writers)] + [threading.Thread(target=reader) for _ in range(4)]
        for t in threads:
            t.start()
        time.sleep(args.seconds * random.uniform(0.6, 1.4))
        if sig == signal.SIGKILL:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        else:
            server.send_signal(signal.SIGTERM)
            try:
                code = server.wait(timeout=20)
                if code != 0:
                    faults.append(f"exit status {code} after SIGTERM")
            except subprocess.TimeoutExpired:
                faults.append("still running 20 s after SIGTERM")
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        stop.set()
        for t in threads:
            t.join()
        stored, events = read_bodies(world["participant"])
        lost = [b for b in acknowledged if b not in stored]
        # A view answered but not read by the client still leaves its event: more events than views is fine.
        unseen = max(0, views[0] - events)
        lost_total += len(lost) + unseen
        how = "kill -9" if sig == signal.SIGKILL else "SIGTERM"
        print(f"{name} {how} round {round + 1}: {len(acknowledged)} acknowledged so far, {len(lost)} lost; "
              f"{views[0]} page views answered, {unseen} without their audit event", flush=True)
    for f in sorted(set(faults)):
        print(f"{name}: {f} ({faults.count(f)}×); log: {os.path.join(work, name + '.log')}", flush=True)
    return lost_total + len(faults), len(acknowledged)


VIEWS = "SELECT COUNT(*) FROM audit_events WHERE action = 'participant.view' AND "


def sqlite_bodies(file):
    def read(participant):
        db = sqlite3.connect(file)
        try:
            bodies = {row[0] for row in db.execute("SELECT body FROM notes WHERE body LIKE 'durability-%'")}
            return bodies, db.execute(VIEWS + "upper(participant_id) = upper(?)", (participant,)).fetchone()[0]
        finally:
            db.close()
    return read


def postgres_bodies(url):
    def read(participant):
        out = subprocess.run(["psql", url, "-tAc", "SELECT body FROM notes WHERE body LIKE 'durability-%'"], capture_output=True, text=True, check=True)
        uuid.UUID(participant)  # a UUID, so safe inside the statement
        count = subprocess.run(["psql", url, "-tAc", VIEWS + f"participant_id = '{participant}'"], capture_output=True, text=True, check=True)
        return set(out.stdout.split()), int(count.stdout.strip())
    return read


failed = False
file = os.path.join(work, "durability.sqlite")
lost, acked = run("SQLite", f"sqlite://{file}", sqlite_bodies(file), 8196)
failed |= lost > 0 or acked == 0
if args.postgres:
    lost, acked = run("PostgreSQL", args.postgres, postgres_bodies(args.postgres), 8197)
    failed |= lost > 0 or acked == 0
print("durability: " + ("FAILED" if failed else "every acknowledged write survived kill -9 and SIGTERM; SIGTERM drained without a 5xx and exited 0"))
raise SystemExit(1 if failed else 0)
