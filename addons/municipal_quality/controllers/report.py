"""Reports of a record just written go to the primary database.

With a read replica configured (``db_replica_host``), Odoo serves ``/report/<converter>/...`` on
the replica (``readonly=True``). A report of a wizard (a transient record created a moment ago on
the primary, e.g. the console monthly report) is then not found while the replica lags: 400. Such
reports are served on the primary; every other report keeps the replica.
"""

from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.report import ReportController


def report_reads_on_replica(_controller):
    """``readonly`` of the report route: False when the report prints a transient model."""
    parts = request.httprequest.path.split("/")
    report_name = parts[3] if len(parts) > 3 else ""
    with request.registry.cursor(readonly=True) as cr:
        cr.execute("SELECT model FROM ir_act_report_xml WHERE report_name = %s", [report_name])
        row = cr.fetchone()
    model = request.registry.get(row[0]) if row else None
    return not (model is not None and model._transient)


class MunicipalReportController(ReportController):
    @http.route(readonly=report_reads_on_replica)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        return super().report_routes(reportname, docids, converter, **data)
