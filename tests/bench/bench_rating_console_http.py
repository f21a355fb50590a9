"""Single-vote events from 8 concurrent clients against Odoo's own no-op route.

An Odoo server with 2 workers is started on a free loopback port. 8 clients (threads, one
console each) send single-vote requests to ``POST /rating_console/v1/events``, each for its own
ticket; then the same 8 clients call ``GET /web/health`` (the issue's baseline) and
``POST /msq_bench_floor/write`` (a second baseline, from the bench-only addon in
tests/bench/addons: the same envelope and transaction, one INSERT of one row, nothing else, i.e.
the cheapest durable write through Odoo's stack). Three rounds, 100 requests per client, phase
and round; the best round of each route counts. Reported: throughput of the votes against the
no-op route (target ratio >= 0.8) and against the floor, and the p99 latency of all three
(target: votes' p99 <= 1.5x the no-op's), printed before the closing line.

The data this benchmark needs must be committed (the server runs in other processes): it is
created under codes ``BENCH-HTTP-*`` and deleted at the end, with the rows of the floor.
"""

import http.client
import json
import os
import statistics
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

from _benchlib import OdooServer, report

import odoo
from odoo.modules.registry import Registry

CLIENTS = 8
REQUESTS = 100
ROUNDS = 3
FLOOR_ADDONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "addons")


def setup_data(db):
    registry = Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        cr.execute(  # the table of the floor route (tests/bench/addons/msq_bench_floor)
            "CREATE TABLE IF NOT EXISTS msq_bench_floor_row (id serial PRIMARY KEY,"
            " event_id varchar NOT NULL UNIQUE,"
            " create_date timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'))"
        )
        office = env["municipal.office"].create({"name": "Bench HTTP", "code": "BENCH-HTTP"})
        clients = []
        # within the delivery window of a press (72 hours): 600 tickets 5 minutes apart (the
        # rounds without, then with an alert rule)
        start = datetime.now(UTC).replace(tzinfo=None, microsecond=0) - timedelta(hours=60)
        for c in range(CLIENTS):
            workplace = env["municipal.workplace"].create(
                {"name": f"HTTP {c}", "code": f"BENCH-HTTP-W{c}", "office_id": office.id}
            )
            console = env["municipal.console"].create(
                {"serial": f"BENCH-HTTP-{c}", "workplace_id": workplace.id}
            )
            token = console.generate_token()
            tickets = env["municipal.queue.ticket"]._lock_create(  # history, past the lock
                [
                    {
                        "number": f"H{c}-{i:04d}",
                        "office_id": office.id,
                        "ticket_date": (start + timedelta(minutes=5 * i)).date(),
                        "workplace_id": workplace.id,
                        "state": "done",
                        "called_at": start + timedelta(minutes=5 * i),
                        "ended_at": start + timedelta(minutes=5 * i + 4),
                    }
                    for i in range(REQUESTS * ROUNDS * 2)
                ]
            )
            clients.append((console.serial, token, [t.called_at for t in tickets]))
        cr.commit()
        return office.id, clients


def set_alert_rule(db, office_id, active):
    """A console alert rule on the bench's office (issue 16: evaluated at every accepted press),
    created or switched on or off, committed and signalled to the server's workers."""
    registry = Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Rule = env["municipal.quality.alert.rule"].with_context(active_test=False)
        rule = Rule.search([("name", "=", "Bench HTTP"), ("office_id", "=", office_id)])
        if rule:
            rule.active = active
        else:
            Rule.create({"name": "Bench HTTP", "source": "console", "office_id": office_id})
        cr.commit()
    registry.signal_changes()


def cleanup(db, office_id):
    registry = Registry(db)
    with registry.cursor() as cr:
        cr.execute(
            "DELETE FROM municipal_quality_alert WHERE rule_id IN (SELECT id FROM"
            " municipal_quality_alert_rule WHERE office_id = %s)",
            [office_id],
        )
        cr.execute("DELETE FROM municipal_quality_alert_rule WHERE office_id = %s", [office_id])
        cr.execute("DELETE FROM municipal_console_vote WHERE office_id = %s", [office_id])
        cr.execute("DELETE FROM municipal_queue_ticket WHERE office_id = %s", [office_id])
        cr.execute(
            "DELETE FROM municipal_console WHERE workplace_id IN "
            "(SELECT id FROM municipal_workplace WHERE office_id = %s)",
            [office_id],
        )
        cr.execute("DELETE FROM municipal_workplace WHERE office_id = %s", [office_id])
        cr.execute("DELETE FROM municipal_office WHERE id = %s", [office_id])
        cr.execute("DROP TABLE IF EXISTS msq_bench_floor_row")
        # the floor addon has no data: marking it uninstalled is all its uninstallation does,
        # and the next benchmarks load the registry without tests/bench/addons
        cr.execute(
            "UPDATE ir_module_module SET state = 'uninstalled', latest_version = NULL"
            " WHERE name = 'msq_bench_floor'"
        )
        cr.commit()


def run_phase(port, make_request, offset=0):
    latencies = [[] for _ in range(CLIENTS)]
    errors = []

    def client(index):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for i in range(REQUESTS):
            method, path, body, headers = make_request(index, offset + i)
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
    return {
        "rps": len(flat) / elapsed,
        "p50": statistics.median(flat),
        "p99": p99,
        "max": flat[-1],
        "errors": errors,
    }


def describe(name, phase):
    return (f"{name}: {phase['rps']:.1f} req/s, p50 {phase['p50'] * 1000:.1f} ms, "
            f"p99 {phase['p99'] * 1000:.1f} ms, max {phase['max'] * 1000:.1f} ms")


def main():
    config, db = os.environ["MSQ_ODOO_CONFIG"], os.environ["MSQ_DB"]
    odoo.tools.config.parse_config(["-c", config, "-d", db, "--log-level=warn"])
    addons_path = f"{odoo.tools.config['addons_path']},{FLOOR_ADDONS}"
    office_id, clients = setup_data(db)
    server = OdooServer(config, db, addons_path)
    try:
        server.run("-i", "msq_bench_floor", "--stop-after-init", "--no-http")
        server.start("--limit-time-real=120")
        port = server.http_port

        def vote_body(index, at):
            serial, token, _called = clients[index]
            body = json.dumps({"console": serial, "events": [
                {"id": str(uuid.uuid4()), "type": "vote", "value": "good", "at": at}]})
            return body, {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}

        def vote(index, i):
            at = (clients[index][2][i] + timedelta(minutes=3)).isoformat() + "+00:00"
            return ("POST", "/rating_console/v1/events", *vote_body(index, at))

        def refused_vote(index, _i):  # warm-up: the whole path, but no ticket at that time
            return ("POST", "/rating_console/v1/events", *vote_body(index, "2001-01-01T00:00"))

        def floor(index, _i):
            return ("POST", "/msq_bench_floor/write", *vote_body(index, "2001-01-01T00:00"))

        def health(_index, _i):
            return "GET", "/web/health", None, {}

        for warm_up in (health, refused_vote, floor):  # both workers, every route
            run_phase(port, warm_up)
        phases = {"votes": vote, "floor": floor, "health": health}
        best = {}

        def keep(name, phase, round_, label=None):
            assert not phase["errors"], (name, phase["errors"][:3])
            print(f"    round {round_ + 1}, " + describe(label or name, phase))
            if name not in best or phase["rps"] > best[name]["rps"]:
                best[name] = phase

        # each round: the routes, then the same votes with the alert rule on (a request of each
        # kind first, so that both workers have reloaded their caches), then the rule off
        for round_ in range(ROUNDS):
            for name, make_request in phases.items():
                keep(name, run_phase(port, make_request, offset=round_ * REQUESTS), round_)
            set_alert_rule(db, office_id, True)
            run_phase(port, refused_vote)
            phase = run_phase(port, vote, offset=(ROUNDS + round_) * REQUESTS)
            keep("rule", phase, round_, "votes with an alert rule")
            set_alert_rule(db, office_id, False)
            run_phase(port, refused_vote)
        votes, floor_, health_ = best["votes"], best["floor"], best["health"]
        print(f"votes with an alert rule vs without: throughput ratio "
              f"{best['rule']['rps'] / votes['rps']:.2f} (target >= 0.90), p99 ratio "
              f"{best['rule']['p99'] / votes['p99']:.2f}")
        print("best rounds: " + "; ".join(describe(n, best[n]) for n in phases))
        print(f"votes vs the durable-write floor: throughput ratio "
              f"{votes['rps'] / floor_['rps']:.2f}, p99 ratio {votes['p99'] / floor_['p99']:.2f}")
        print(f"floor vs /web/health: throughput ratio {floor_['rps'] / health_['rps']:.2f}, "
              f"p99 ratio {floor_['p99'] / health_['p99']:.2f}")
        print(f"votes vs /web/health: p99 ratio {votes['p99'] / health_['p99']:.2f} "
              f"(target <= 1.5)")
    finally:
        server.stop()
        cleanup(db, office_id)
    report("rating_console single votes, 8 clients, 2 workers vs /web/health (req/s)",
           votes["rps"], health_["rps"], unit="req/s")


if __name__ == "__main__":
    main()
