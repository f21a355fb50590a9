"""200 idle consoles: the cost on the HTTP workers, and the time to light up on a call.

An Odoo server (2 HTTP workers + the gevent worker) is started on free loopback ports. 200
simulated bridges subscribe to their console's bus channel over one websocket each (served by
the gevent worker) and send their heartbeat once a minute, as the bridge does by default. For
an idle window of 20 s, the requests the HTTP workers serve are counted from the server's
access log. Then a ticket is called at each of the 200 workplaces (committed in this process,
as the backend or the queue API would): the delay until each bridge receives its "call" is
measured (target: every console within 2 s).

Closing line: requests/s on the HTTP workers during the idle window (measured) against the
budget of 5 requests/s (baseline): the ratio must stay below 1.
"""

import os
import re
import sys
import threading
import time
from datetime import UTC, datetime

from _benchlib import OdooServer, report

import odoo
from odoo.modules.registry import Registry

CONSOLES = 200
IDLE_SECONDS = 20
HEARTBEAT_INTERVAL = 60.0
BUDGET = 5.0


def setup_data(db):
    with Registry(db).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        office = env["municipal.office"].create({"name": "Bench push", "code": "BENCH-PUSH"})
        workplaces = env["municipal.workplace"].create(
            [{"name": f"P{i}", "code": f"BENCH-PUSH-W{i}", "office_id": office.id}
             for i in range(CONSOLES)]
        )
        consoles = env["municipal.console"].create(
            [{"serial": f"BENCH-PUSH-{i}", "workplace_id": w.id}
             for i, w in enumerate(workplaces)]
        )
        tokens = [console.generate_token() for console in consoles]
        env["municipal.queue.ticket"].create(
            [{"number": f"P{i:04d}", "office_id": office.id} for i in range(CONSOLES)]
        )
        cr.commit()
        return office.id, [c.serial for c in consoles], tokens


def cleanup(db, office_id):
    with Registry(db).cursor() as cr:
        cr.execute("DELETE FROM municipal_queue_ticket WHERE office_id = %s", [office_id])
        cr.execute(
            "DELETE FROM municipal_console WHERE workplace_id IN "
            "(SELECT id FROM municipal_workplace WHERE office_id = %s)",
            [office_id],
        )
        cr.execute("DELETE FROM municipal_workplace WHERE office_id = %s", [office_id])
        cr.execute("DELETE FROM municipal_office WHERE id = %s", [office_id])
        cr.commit()


def call_all(db, office_id):
    with Registry(db).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        tickets = env["municipal.queue.ticket"].search(
            [("office_id", "=", office_id)], order="number"
        )
        workplaces = env["municipal.workplace"].search(
            [("office_id", "=", office_id)], order="id"
        )
        for ticket, workplace in zip(tickets, workplaces, strict=True):
            ticket.action_call(workplace)
        cr.commit()
        return time.perf_counter()


def main():
    config, db = os.environ["MSQ_ODOO_CONFIG"], os.environ["MSQ_DB"]
    odoo.tools.config.parse_config(["-c", config, "-d", db, "--log-level=warn"])
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "addons",
                                    "rating_console"))
    from bridge.bus import BusListener
    from bridge.sender import Sender
    from bridge.spool import Spool

    office_id, serials, tokens = setup_data(db)
    server = OdooServer(config, db)
    work = server.work
    log_path = os.path.join(work, "odoo.log")
    listeners, senders = [], []
    try:
        server.start("--log-handler=werkzeug:INFO", f"--logfile={log_path}")
        http_port, gevent_port = server.http_port, server.gevent_port
        received = {}
        lock = threading.Lock()

        def on_message(serial):
            def handle(message):
                if message.get("action") == "call":
                    with lock:
                        received.setdefault(serial, time.perf_counter())
            return handle

        for serial, token in zip(serials, tokens, strict=True):
            listener = BusListener(f"http://127.0.0.1:{gevent_port}", token, on_message(serial))
            listeners.append(listener.start())
            # consoles are not switched on in the same millisecond (here: 200 over 5 s); 200
            # handshakes at once exceed the gevent worker's connection pool (64 by default):
            # the bridges would retry with jitter, and the log would fill with the refusals
            time.sleep(0.025)
            spool = Spool(os.path.join(work, "spool", serial))
            sender = Sender(spool, f"http://127.0.0.1:{http_port}", serial, token)
            senders.append((sender, spool))
        time.sleep(10)  # connections settle
        with open(log_path, encoding="utf-8", errors="replace") as handle:
            before = len(re.findall(r'"(GET|POST) ', handle.read()))
        # idle window: each bridge sends its heartbeat once a minute, spread over the minute
        started = time.monotonic()
        for index, (sender, spool) in enumerate(senders):
            due = started + (index * HEARTBEAT_INTERVAL / CONSOLES)
            if due > started + IDLE_SECONDS:
                break
            time.sleep(max(0, due - time.monotonic()))
            spool.put({"type": "heartbeat", "code": "1.0", "at": datetime.now(UTC).isoformat()})
            sender.flush()
        time.sleep(max(0, started + IDLE_SECONDS - time.monotonic()))
        with open(log_path, encoding="utf-8", errors="replace") as handle:
            after = len(re.findall(r'"(GET|POST) ', handle.read()))
        idle_rps = (after - before) / IDLE_SECONDS
        called_at = call_all(db, office_id)
        deadline = time.monotonic() + 10
        while len(received) < CONSOLES and time.monotonic() < deadline:
            time.sleep(0.05)
        delays = sorted(t - called_at for t in received.values())
        late = CONSOLES - sum(1 for d in delays if d <= 2.0)
        print(f"{len(received)}/{CONSOLES} consoles lit; max delay "
              f"{(delays[-1] if delays else float('nan')):.2f} s, {late} later than 2 s or never; "
              f"idle HTTP load {after - before} requests in {IDLE_SECONDS} s")
    finally:
        for listener in listeners:
            listener.stop()
        server.stop()
        cleanup(db, office_id)
    report("rating_console 200 idle consoles: HTTP requests/s vs budget of 5/s",
           idle_rps, BUDGET, unit="req/s")


if __name__ == "__main__":
    main()
