from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.survey_question import QUALITY_DIMENSIONS

DIMENSION_INDEX = {key: index for index, (key, _label) in enumerate(QUALITY_DIMENSIONS, start=1)}


def rate_sql(satisfied, respondents):
    """The indicator computed from the sums of a group (never an average of rates)."""
    return SQL(
        "ROUND(100.0 * SUM(%s) / NULLIF(SUM(%s), 0), 2)",
        satisfied,
        respondents,
    )


class MunicipalQualityResult(models.Model):
    """One row per completed quality response and dimension it answered: the respondent and
    whether all his answers of that dimension are positive. Sums give the indicator."""

    _name = "municipal.quality.result"
    _description = "Citizen Satisfaction Analysis"
    _auto = False
    _rec_name = "dimension"
    _order = "date desc"
    _depends = {
        "survey.survey": ["is_quality_survey"],
        "survey.user_input": [
            "survey_id",
            "state",
            "test_entry",
            "end_datetime",
            "company_id",
            "office_id",
            "service_id",
            "department_id",
            "employee_id",
        ],
        "survey.user_input.line": [
            "user_input_id",
            "quality_dimension",
            "satisfaction",
            "suggested_answer_id",
            "skipped",
        ],
        "municipal.service": ["category_id"],
        "res.company": ["quality_target"],
    }

    user_input_id = fields.Many2one("survey.user_input", string="Response", readonly=True)
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    date = fields.Datetime(string="Completed on", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    office_id = fields.Many2one("municipal.office", readonly=True)
    service_id = fields.Many2one("municipal.service", readonly=True)
    category_id = fields.Many2one("municipal.service.category", string="Direction", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Servant", readonly=True)
    dimension = fields.Selection(QUALITY_DIMENSIONS, readonly=True)
    respondent = fields.Integer(string="Respondents", readonly=True, aggregator="sum")
    satisfied = fields.Integer(readonly=True, aggregator="sum")
    rate = fields.Float(
        string="Satisfaction (%)",
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Satisfied respondents / respondents x 100, computed from the sums of the group.",
    )

    target = fields.Float(
        string="Target (%)",
        digits=(5, 2),
        readonly=True,
        aggregator="max",
        help="The company's target of the indicator (Settings), shown beside the rate.",
    )

    def _dimension_index_sql(self):
        cases = " ".join(f"WHEN '{key}' THEN {index}" for key, index in DIMENSION_INDEX.items())
        return f"CASE line.quality_dimension {cases} END"

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT
                        answer.id * 8 + %(dimension_index)s AS id,
                        answer.id AS user_input_id,
                        answer.survey_id,
                        answer.end_datetime AS date,
                        answer.company_id,
                        answer.office_id,
                        answer.service_id,
                        (SELECT service.category_id FROM municipal_service service
                          WHERE service.id = answer.service_id) AS category_id,
                        answer.department_id,
                        answer.employee_id,
                        (SELECT company.quality_target FROM res_company company
                          WHERE company.id = answer.company_id) AS target,
                        line.quality_dimension AS dimension,
                        1 AS respondent,
                        CASE WHEN bool_and(COALESCE(line.satisfaction = 'positive', FALSE))
                            THEN 1 ELSE 0 END AS satisfied,
                        CASE WHEN bool_and(COALESCE(line.satisfaction = 'positive', FALSE))
                            THEN 100.0 ELSE 0.0 END AS rate
                    FROM survey_user_input_line line
                    JOIN survey_user_input answer ON answer.id = line.user_input_id
                    JOIN survey_survey survey ON survey.id = answer.survey_id
                    WHERE survey.is_quality_survey
                      AND answer.state = 'done'
                      AND NOT COALESCE(answer.test_entry, FALSE)
                      AND line.quality_dimension IS NOT NULL
                      AND line.suggested_answer_id IS NOT NULL
                      AND NOT COALESCE(line.skipped, FALSE)
                    -- the other columns depend on the response's primary key: filters on them
                    -- (period, office...) are pushed down below the aggregation, and columns a
                    -- query does not use (direction) are not computed
                    GROUP BY answer.id, line.quality_dimension
                )
                """,
                table=SQL.identifier(self._table),
                dimension_index=SQL(self._dimension_index_sql()),
            )
        )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec.startswith("rate:"):
            return rate_sql(
                self._field_to_sql(self._table, "satisfied", query),
                self._field_to_sql(self._table, "respondent", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.model
    def _answers_period(self, today=None):
        """The period the analysis opens on: the twelve months ending with the month of the
        latest answer the user may read (the last twelve months when answers are current; the
        last year with answers for an archive such as the demo), as [from, to) dates."""
        today = today or fields.Date.context_today(self)
        latest = self.search([("date", "!=", False)], order="date desc", limit=1).date
        last_day = min(latest.date(), today) if latest else today
        end = date(last_day.year, last_day.month, 1) + relativedelta(months=1)
        return end - relativedelta(months=12), end

    @api.model
    def _action_open_analysis(self):
        """The satisfaction analysis, opened on the twelve months with answers."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "municipal_quality.municipal_quality_result_action"
        )
        date_from, date_to = self._answers_period()
        action["context"] = {
            "search_default_dimension_staff": 1,
            "search_default_filter_date": "custom_answers_period",
            "quality_period_from": fields.Date.to_string(date_from),
            "quality_period_to": fields.Date.to_string(date_to),
        }
        return action
