#!/usr/bin/env python3
"""Fuzzes the JSON API against its contract with schemathesis (issue 18).

Starts Polku with demo data on a new SQLite file, makes an API token for the demo's project manager
with every scope (`polku user token`), and runs `schemathesis run` on the served contract with
`--checks all`, authenticated; then again as the demo's service provider over the network's
operations (the inbox and the referral state changes are a provider's own). Prints the operations and
cases schemathesis ran; exits non-zero on any failure or any 500 in the server's log.

    scripts/api_fuzz.py .build/debug/polku [--max-examples N] [--schemathesis PATH]
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {seconds} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--max-examples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026, help="schemathesis' seed: CI's run is the same each time")
    default_st = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    parser.add_argument("--schemathesis", default=default_st)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="polku-fuzz-")
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env["POLKU_LOGIN_LIMIT"] = "100000"
    database = "sqlite://" + os.path.join(work, "polku.sqlite")
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(
        [binary, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port), "--database-url", database],
        cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    status = 1
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/health")
        # The project manager reaches every operation but a provider's inbox and state changes; the
        # demo's provider then runs the network's operations (tag "network") as their own staff.
        status = 0
        for email, extra in (("pm@demo.polku.invalid", []), ("provider@demo.polku.invalid", ["--include-tag", "network"])):
            out = subprocess.run(
                [binary, "user", "token", "--database-url", database, "--email", email, "--name", "schemathesis", "--days", "1"],
                cwd=work, env=env, check=True, capture_output=True, text=True).stdout
            token = re.findall(r"polku_[A-Za-z0-9_-]{43}", out)[-1]
            command = [
                args.schemathesis, "run", base + "/api/v1/openapi.yaml",
                "--header", f"Authorization: Bearer {token}",
                "--checks", "all",
                "--max-examples", str(args.max_examples),
                "--seed", str(args.seed),
                "--workers", "1",
                "--request-timeout", "30",
                "--suppress-health-check", "all",
            ] + extra
            started = time.time()
            run = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
            output = run.stdout + run.stderr
            print(f"=== as {email} ===")
            print(output[-6000:])
            summary = [line for line in output.splitlines() if re.search(r"operations|test cases|passed|failed|errors", line, re.I)]
            print("schemathesis summary:", *summary[-8:], sep="\n  ")
            print(f"schemathesis took {time.time() - started:.0f} s, exit {run.returncode}")
            status = status or run.returncode
        with open(os.path.join(work, "server.log")) as f:
            errors = [line for line in f if " 500 on " in line]
        if errors:
            print("the server answered 500:", *errors[:10], sep="\n  ")
            status = 1
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if status == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept for reading: {work}")
    sys.exit(status)


if __name__ == "__main__":
    main()
