"""The floor of a single-vote request: what any route that durably stores one row pays.

Same envelope as ``/rating_console/v1/events`` (JSON body, one event with an id, a JSON answer),
the same transaction handling (auth="none", read-write cursor, commit), and one INSERT of one
row with a unique key (into ``msq_bench_floor_row``, created by the benchmark). No
authentication, no ticket lookup, no foreign key: what remains is the cost of Odoo's HTTP stack
plus one durable write.
"""

import json

from odoo import http
from odoo.http import request


class BenchFloor(http.Controller):
    @http.route(
        "/msq_bench_floor/write",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def write(self, **_kwargs):
        body = json.loads(request.httprequest.get_data(cache=False))
        event_id = body["events"][0]["id"]
        request.env.cr.execute(
            "INSERT INTO msq_bench_floor_row (event_id) VALUES (%s) "
            "ON CONFLICT DO NOTHING RETURNING event_id",
            [event_id],
        )
        accepted = [row[0] for row in request.env.cr.fetchall()]
        return request.make_response(
            json.dumps({"accepted": accepted, "duplicates": [], "rejected": []}),
            headers=[("Content-Type", "application/json")],
        )
