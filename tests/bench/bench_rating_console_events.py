"""Batched console events (1,000 votes per request) against raw PostgreSQL COPY.

Measured: the event API's processing of one request of 1,000 vote events (JSON decoding,
validation, the lookup of the ticket called at each press time, the duplicate checks and the
insertion), i.e. ``municipal.console._receive_events`` without the HTTP stack. Baseline: ``COPY`` of
the same 1,000 vote rows into ``municipal_console_vote``. Both in events (rows) per second; the
ratio is the share of COPY's throughput reached (target: at least 0.20).
"""

import io
import json
import uuid
from datetime import UTC, datetime, timedelta

from _benchlib import best_time, odoo_env, report

BATCH = 1000


def main():
    with odoo_env() as env:
        from odoo.addons.rating_console.models.event_rules import check_envelope

        office = env["municipal.office"].create({"name": "Bench office", "code": "BENCH-EV"})
        workplace = env["municipal.workplace"].create(
            {"name": "Bench window", "code": "BENCH-EV-W1", "office_id": office.id}
        )
        console = env["municipal.console"].create(
            {"serial": "BENCH-EV-1", "workplace_id": workplace.id}
        )
        # within the delivery window of a press (72 hours): 1,000 tickets 3 minutes apart
        start = datetime.now(UTC).replace(tzinfo=None, microsecond=0) - timedelta(hours=60)
        tickets = env["municipal.queue.ticket"]._lock_create(  # history, past the lock
            [
                {
                    "number": f"B{i:05d}",
                    "office_id": office.id,
                    "ticket_date": (start + timedelta(minutes=3 * i)).date(),
                    "workplace_id": workplace.id,
                    "state": "done",
                    "called_at": start + timedelta(minutes=3 * i),
                    "ended_at": start + timedelta(minutes=3 * i + 2),
                }
                for i in range(BATCH)
            ]
        )
        env.flush_all()
        values = ("bad", "good", "excellent")
        events = [
            {
                "id": str(uuid.uuid4()),
                "type": "vote",
                "value": values[i % 3],
                "at": (start + timedelta(minutes=3 * i + 1)).isoformat() + "+00:00",
            }
            for i in range(BATCH)
        ]
        body = json.dumps({"console": console.serial, "events": events}).encode()
        cr = env.cr

        def clean():
            cr.execute("DELETE FROM municipal_console_vote WHERE console_id = %s", [console.id])
            cr.execute("UPDATE municipal_console SET last_press_at = NULL WHERE id = %s",
                       [console.id])
            env.invalidate_all()

        def api_batch():
            payload = json.loads(body)
            _serial, batch = check_envelope(payload)
            result = console._receive_events(batch)
            assert len(result["accepted"]) == BATCH, result["rejected"][:3]

        rows = io.StringIO()
        for ticket, event in zip(tickets, events, strict=True):
            value = event["value"]
            rating = {"bad": 1, "good": 3, "excellent": 5}[value]
            rows.write(
                f"{ticket.id}\t{console.id}\t{workplace.id}\t{office.id}\t{office.company_id.id}"
                f"\t{value}\t{rating}\t{ticket.called_at + timedelta(minutes=1)}\t{event['id']}\n"
            )
        copy_data = rows.getvalue()

        def copy_batch():
            cr.copy_expert(
                "COPY municipal_console_vote (ticket_id, console_id, workplace_id, office_id, "
                "company_id, value, rating, pressed_at, event_id) FROM STDIN",
                io.StringIO(copy_data),
            )

        api = best_time(api_batch, repeat=5, setup=clean)
        copy = best_time(copy_batch, repeat=5, setup=clean)
        print(f"API batch of {BATCH} votes: {api * 1000:.1f} ms; COPY: {copy * 1000:.1f} ms")
        report("rating_console batched events vs COPY (events/s, share of COPY)",
               BATCH / api, BATCH / copy, unit="events/s")


if __name__ == "__main__":
    main()
