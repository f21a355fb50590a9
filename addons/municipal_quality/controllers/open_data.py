import json

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.municipal_open_data import VERSION

CACHE = "public, max-age=3600"


class MunicipalOpenData(http.Controller):
    """Open data of the public aggregates (no login): the catalogue and each dataset in JSON
    or CSV. Parse, call the model, answer; errors are JSON with a reason."""

    def _json(self, payload, status=200):
        return request.make_response(
            json.dumps(payload, ensure_ascii=False, default=str),
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Cache-Control", CACHE if status == 200 else "no-store"),
                ("Access-Control-Allow-Origin", "*"),
            ],
            status=status,
        )

    @http.route(
        f"/open-data/v{VERSION}", type="http", auth="public", methods=["GET"], readonly=True
    )
    def open_data_index(self, **params):
        return self._json(request.env["municipal.open.data"]._open_data_index())

    @http.route(
        f"/open-data/v{VERSION}/<string:name>",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
    )
    def open_data_dataset(self, name, **params):
        dataset, _dot, fmt = name.rpartition(".")
        if fmt not in ("json", "csv") or not dataset:
            return self._json({"error": "not_found", "reason": "Use <dataset>.json or .csv."}, 404)
        OpenData = request.env["municipal.open.data"]
        try:
            description, rows = OpenData._open_data_rows(dataset, params)
        except KeyError:
            return self._json({"error": "not_found", "reason": f"No dataset {dataset!r}."}, 404)
        except UserError as error:
            return self._json({"error": "bad_request", "reason": str(error.args[0])}, 400)
        if fmt == "csv":
            return request.make_response(
                OpenData._open_data_csv(description, rows),
                headers=[
                    ("Content-Type", "text/csv; charset=utf-8"),
                    ("Content-Disposition", f'inline; filename="{dataset}.csv"'),
                    ("Cache-Control", CACHE),
                    ("Access-Control-Allow-Origin", "*"),
                ],
            )
        return self._json({"version": VERSION, "dataset": dataset, "rows": rows})
