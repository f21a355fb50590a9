from odoo import api, fields, models, tools

from . import indicators

COUNT_FIELDS = (
    "vote_count", "bad_count", "good_count", "excellent_count", "served_count",
    "served_vote_count",
)
RATIO_FIELDS = {
    "excellent_share": lambda r: indicators.share_excellent(
        r["bad_count"], r["good_count"], r["excellent_count"]
    ),
    "good_or_better_share": lambda r: indicators.share_good_or_better(
        r["bad_count"], r["good_count"], r["excellent_count"]
    ),
    "votes_per_hundred": lambda r: indicators.ratings_per_hundred_served(
        r["served_vote_count"], r["served_count"]
    ),
    "average_rating": lambda r: indicators.average_rating(
        r["bad_count"], r["good_count"], r["excellent_count"]
    ),
}


def _sort_key(value):
    if isinstance(value, models.BaseModel):
        return (not value, value.display_name or "")
    return (value in (None, False), value or "")


class MunicipalConsoleReport(models.Model):
    """Monitoring of the rating results (order section 4): one row per called ticket.

    Grouped by office (branch), centre, direction, operator and day / week / month / quarter /
    year; the shares are computed from the summed counts of each group (never averaged).
    """

    _name = "municipal.console.report"
    _description = "Rating Results Analysis"
    _auto = False
    _rec_name = "date"
    _order = "date desc"

    date = fields.Date(readonly=True)
    office_id = fields.Many2one("municipal.office", readonly=True)
    centre_id = fields.Many2one("municipal.office", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    category_id = fields.Many2one("municipal.service.category", string="Direction", readonly=True)
    service_id = fields.Many2one("municipal.service", readonly=True)
    workplace_id = fields.Many2one("municipal.workplace", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Operator", readonly=True)
    ticket_count = fields.Integer(string="Tickets called", readonly=True)
    served_count = fields.Integer(string="Tickets served", readonly=True)
    vote_count = fields.Integer(string="Ratings", readonly=True)
    served_vote_count = fields.Integer(
        string="Ratings of served tickets", readonly=True,
        help="Ratings of finished tickets: the numerator of the ratings per 100 served (a "
        "ticket rated while called and never finished counts in neither).",
    )
    bad_count = fields.Integer(string="Bad", readonly=True)
    good_count = fields.Integer(string="Good", readonly=True)
    excellent_count = fields.Integer(string="Excellent", readonly=True)
    excellent_share = fields.Float(string="Excellent (%)", digits=(5, 2), readonly=True)
    good_or_better_share = fields.Float(
        string="Good or better (%)", digits=(5, 2), readonly=True
    )
    votes_per_hundred = fields.Float(
        string="Ratings per 100 served", digits=(5, 2), readonly=True
    )
    average_rating = fields.Float(string="Average rating", digits=(5, 2), readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT
                    t.id AS id,
                    t.ticket_date AS date,
                    t.office_id AS office_id,
                    t.centre_id AS centre_id,
                    t.company_id AS company_id,
                    COALESCE(t.category_id, v.category_id) AS category_id,
                    t.service_id AS service_id,
                    t.workplace_id AS workplace_id,
                    t.employee_id AS employee_id,
                    1 AS ticket_count,
                    (t.state = 'done')::int AS served_count,
                    (v.id IS NOT NULL)::int AS vote_count,
                    (v.id IS NOT NULL AND t.state = 'done')::int AS served_vote_count,
                    (v.value = 'bad')::int AS bad_count,
                    (v.value = 'good')::int AS good_count,
                    (v.value = 'excellent')::int AS excellent_count,
                    0.0::float AS excellent_share,
                    0.0::float AS good_or_better_share,
                    0.0::float AS votes_per_hundred,
                    v.rating::float AS average_rating
                FROM municipal_queue_ticket t
                LEFT JOIN municipal_console_vote v ON v.ticket_id = t.id
                WHERE t.called_at IS NOT NULL
            )
            """
        )

    @api.model
    def _with_ratios(self, rows):
        for row in rows:
            counts = {name: row.get(name) or 0 for name in COUNT_FIELDS}
            # a period without any ticket (an office with no votes) still has its counts: 0
            for name in ("ticket_count", *COUNT_FIELDS):
                if row.get(name) is None:
                    row[name] = 0
            for name, formula in RATIO_FIELDS.items():
                row[name] = formula(counts)
        return rows

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        names = {spec.split(":")[0] for spec in fields}
        if not names & set(RATIO_FIELDS):
            return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                      orderby=orderby, lazy=lazy)
        base = [spec for spec in fields if spec.split(":")[0] not in RATIO_FIELDS]
        base += [f"{name}:sum" for name in COUNT_FIELDS if name not in names]
        rows = super().read_group(domain, base, groupby, offset=offset, limit=limit,
                                  orderby=orderby, lazy=lazy)
        return self._with_ratios(rows)

    @api.model
    def _summary(self, domain, groupby):
        """Counts and indicators per group, e.g. ``groupby=["employee_id", "date:month"]``.

        Returns a list of dicts: the group values (records / period labels) and the counts and
        shares; one grouped SQL query.
        """
        aggregates = [f"{name}:sum" for name in ("ticket_count", *COUNT_FIELDS)]
        rows = []
        # ordered here rather than in SQL: ordering by a many2one sorts the detail rows by the
        # name of the comodel before aggregating them (a join and a sort of every ticket)
        for values in self._read_group(domain, groupby, aggregates, order="__count DESC"):
            row = dict(zip(groupby, values[: len(groupby)], strict=True))
            row.update(
                {
                    name.split(":")[0]: value or 0
                    for name, value in zip(aggregates, values[len(groupby):], strict=True)
                }
            )
            rows.append(row)
        rows.sort(key=lambda row: tuple(_sort_key(row[spec]) for spec in groupby))
        return self._with_ratios(rows)
