from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.survey_question import QUALITY_DIMENSIONS
from .municipal_quality_result import DIMENSION_INDEX, rate_sql


class MunicipalQualityDynamics(models.Model):
    """The dashboard of the dynamics: per company, year and dimension, the respondents and the
    indicator against the target, with the change since the previous year."""

    _name = "municipal.quality.dynamics"
    _description = "Citizen Satisfaction Dynamics"
    _auto = False
    _order = "year desc, dimension"
    _rec_name = "year"
    _depends = {
        "municipal.quality.result": ["company_id", "date", "dimension", "respondent", "satisfied"],
        "res.company": ["quality_target"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    year = fields.Char(readonly=True)
    date = fields.Date(string="Year start", readonly=True)
    dimension = fields.Selection(QUALITY_DIMENSIONS, readonly=True)
    respondents = fields.Integer(readonly=True, aggregator="sum")
    satisfied = fields.Integer(readonly=True, aggregator="sum")
    rate = fields.Float(string="Satisfaction (%)", digits=(5, 2), readonly=True, aggregator="avg")
    target = fields.Float(string="Target (%)", digits=(5, 2), readonly=True, aggregator="max")
    met = fields.Boolean(string="Target met", readonly=True)
    previous_rate = fields.Float(
        string="Previous year (%)", digits=(5, 2), readonly=True, aggregator=False
    )
    rate_change = fields.Float(
        string="Change (points)",
        digits=(5, 2),
        readonly=True,
        aggregator=False,
        help="Change of the indicator since the previous year, in percentage points.",
    )
    previous_respondents = fields.Integer(
        string="Respondents previous year", readonly=True, aggregator="sum"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        cases = " ".join(f"WHEN '{key}' THEN {index}" for key, index in DIMENSION_INDEX.items())
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    WITH yearly AS (
                        SELECT result.company_id,
                               date_part('year', result.date)::integer AS year,
                               result.dimension,
                               SUM(result.respondent)::integer AS respondents,
                               SUM(result.satisfied)::integer AS satisfied
                          FROM municipal_quality_result result
                         GROUP BY 1, 2, 3
                    ), rated AS (
                        SELECT yearly.*,
                               ROUND(100.0 * yearly.satisfied / yearly.respondents, 2) AS rate
                          FROM yearly
                    )
                    SELECT
                        (rated.company_id * 100000 + rated.year) * 8
                            + CASE rated.dimension %(cases)s END AS id,
                        rated.company_id,
                        rated.year::varchar AS year,
                        make_date(rated.year, 1, 1) AS date,
                        rated.dimension,
                        rated.respondents,
                        rated.satisfied,
                        rated.rate,
                        company.quality_target AS target,
                        rated.rate >= company.quality_target AS met,
                        previous.rate AS previous_rate,
                        rated.rate - previous.rate AS rate_change,
                        previous.respondents AS previous_respondents
                      FROM rated
                      JOIN res_company company ON company.id = rated.company_id
                      LEFT JOIN rated previous
                        ON previous.company_id = rated.company_id
                       AND previous.dimension = rated.dimension
                       AND previous.year = rated.year - 1
                )
                """,
                table=SQL.identifier(self._table),
                cases=SQL(cases),
            )
        )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec.startswith("rate:"):
            return rate_sql(
                self._field_to_sql(self._table, "satisfied", query),
                self._field_to_sql(self._table, "respondents", query),
            )
        return super()._read_group_select(aggregate_spec, query)
