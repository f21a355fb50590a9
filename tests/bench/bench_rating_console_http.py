"""Single-vote events from 8 concurrent clients against Odoo's own no-op route.

An Odoo server with 2 workers is started on a free loopback port. 8 clients (threads with
keep-alive connections, one console each) send single-vote requests to
``POST /rating_console/v1/events``, each for its own ticket; then the same 8 clients call
``GET /web/health``. Bounded: 150 requests per client and phase. Reported: throughput
(requests/s) of the votes against the no-op route (target ratio >= 0.8), and the p99 latency
of both (target: votes' p99 <= 1.5x the no-op's), printed before the closing line.

The data this benchmark needs must be committed (the server runs in other processes): it is
created under codes ``BENCH-HTTP-*`` and deleted at the end.
"""

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta

from _benchlib import report

import odoo
from odoo.modules.registry import Registry

CLIENTS = 8
REQUESTS = 150


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup_data(db):
    registry = Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        office = env["municipal.office"].create({"name": "Bench HTTP", "code": "BENCH-HTTP"})
        clients = []
        start = datetime(2025, 2, 3, 6, 0)
        for c in range(CLIENTS):
            workplace = env["municipal.workplace"].create(
                {"name": f"HTTP {c}", "code": f"BENCH-HTTP-W{c}", "office_id": office.id}
            )
            console = env["municipal.console"].create(
                {"serial": f"BENCH-HTTP-{c}", "workplace_id": workplace.id}
            )
            token = console.generate_token()
            tickets = env["municipal.queue.ticket"].create(
                [
                    {
                        "number": f"H{c}-{i:04d}",
                        "office_id": office.id,
                        "ticket_date": (start + timedelta(minutes=10 * i)).date(),
                        "workplace_id": workplace.id,
                        "state": "done",
                        "called_at": start + timedelta(minutes=10 * i),
                        "ended_at": start + timedelta(minutes=10 * i + 8),
                    }
                    for i in range(REQUESTS)
                ]
            )
            clients.append((console.serial, token, [t.called_at for t in tickets]))
        cr.commit()
        return office.id, clients


def cleanup(db, office_id):
    registry = Registry(db)
    with registry.cursor() as cr:
        cr.execute("DELETE FROM municipal_console_vote WHERE office_id = %s", [office_id])
        cr.execute("DELETE FROM municipal_queue_ticket WHERE office_id = %s", [office_id])
        cr.execute(
            "DELETE FROM municipal_console WHERE workplace_id IN "
            "(SELECT id FROM municipal_workplace WHERE office_id = %s)",
            [office_id],
        )
        cr.execute("DELETE FROM municipal_workplace WHERE office_id = %s", [office_id])
        cr.execute("DELETE FROM municipal_office WHERE id = %s", [office_id])
        cr.commit()


def run_phase(port, make_request):
    latencies = [[] for _ in range(CLIENTS)]
    errors = []

    def client(index):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for i in range(REQUESTS):
            method, path, body, headers = make_request(index, i)
            started = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            payload = response.read()
            latencies[index].append(time.perf_counter() - started)
            if response.status != 200:
                errors.append((response.status, payload[:200]))
        conn.close()

    threads = [threading.Thread(target=client, args=(c,)) for c in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    flat = sorted(x for per_client in latencies for x in per_client)
    p99 = flat[int(len(flat) * 0.99) - 1]
    return len(flat) / elapsed, p99, statistics.median(flat), errors


def main():
    config, db = os.environ["MSQ_ODOO_CONFIG"], os.environ["MSQ_DB"]
    odoo.tools.config.parse_config(["-c", config, "-d", db, "--log-level=warn"])
    office_id, clients = setup_data(db)
    port = free_port()
    # a launcher file rather than ``-m odoo``: the prefork server respawns its gevent worker
    # with ``sys.argv[0]``, which must be a runnable file
    launcher = os.path.join(tempfile.mkdtemp(prefix="msq-bench-"), "odoo_launcher.py")
    with open(launcher, "w", encoding="utf-8") as handle:
        handle.write("from odoo.cli.command import main\nmain()\n")
    server = subprocess.Popen(
        [sys.executable, launcher, "-c", config, "-d", db,
         "--workers=2", f"--http-port={port}", f"--gevent-port={free_port()}",
         "--max-cron-threads=0", "--log-level=warn", "--limit-time-real=120"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/web/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the Odoo server did not start")
            time.sleep(0.5)

        def vote(index, i):
            serial, token, called = clients[index]
            at = (called[i] + timedelta(minutes=3)).isoformat() + "+00:00"
            body = json.dumps({"console": serial, "events": [
                {"id": str(uuid.uuid4()), "type": "vote", "value": "good", "at": at}]})
            return "POST", "/rating_console/v1/events", body, {
                "Content-Type": "application/json", "Authorization": f"Bearer {token}"}

        def health(_index, _i):
            return "GET", "/web/health", None, {}

        run_phase(port, health)  # warm-up of both workers
        votes_rps, votes_p99, votes_median, errors = run_phase(port, vote)
        health_rps, health_p99, health_median, _ = run_phase(port, health)
        assert not errors, errors[:3]
        print(f"votes: {votes_rps:.1f} req/s, median {votes_median * 1000:.1f} ms, "
              f"p99 {votes_p99 * 1000:.1f} ms; /web/health: {health_rps:.1f} req/s, "
              f"median {health_median * 1000:.1f} ms, p99 {health_p99 * 1000:.1f} ms; "
              f"p99 ratio {votes_p99 / health_p99:.2f}")
    finally:
        server.terminate()
        server.wait(30)
        cleanup(db, office_id)
        shutil.rmtree(os.path.dirname(launcher), ignore_errors=True)
    report("rating_console single votes, 8 clients, 2 workers vs /web/health (req/s)",
           votes_rps, health_rps, unit="req/s")


if __name__ == "__main__":
    main()
