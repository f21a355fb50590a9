from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SurveyUserInput(models.Model):
    """A citizen's response, tagged with the office, service and servant of the public link."""

    _inherit = "survey.user_input"

    is_quality_response = fields.Boolean(related="survey_id.is_quality_survey")
    # The indicator and its report filter the responses by completion date.
    end_datetime = fields.Datetime(index="btree_not_null")
    office_id = fields.Many2one(
        "municipal.office",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
    )
    service_id = fields.Many2one(
        "municipal.service",
        string="Municipal service",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Servant",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        help="The municipal servant who served the citizen.",
    )
    quality_link_kind = fields.Char(
        string="Public link",
        readonly=True,
        help="Kind of the public link that started the response (office, service, servant, "
        "kiosk): such a response is anonymous, whoever is logged in on the device.",
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        index="btree_not_null",
        help="Department of the servant, else the one responsible for the service, else the "
        "department of the office.",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("employee_id", "service_id", "office_id")
    def _compute_department_id(self):
        for answer in self:
            answer.department_id = (
                answer.employee_id.department_id
                or answer.service_id.department_id
                or answer.office_id.department_id
            )

    @api.depends("employee_id", "service_id", "office_id")
    def _compute_company_id(self):
        for answer in self:
            answer.company_id = (
                answer.office_id.company_id
                or answer.service_id.company_id
                or answer.employee_id.company_id
                or answer.company_id
                or self.env.company
            )

    @api.constrains("office_id", "service_id", "employee_id")
    def _check_tags_same_company(self):
        for answer in self:
            companies = (
                answer.office_id.company_id
                | answer.service_id.company_id
                | answer.employee_id.company_id
            )
            if len(companies) > 1:
                raise ValidationError(
                    self.env._(
                        "The office, the service and the servant of a response must belong to "
                        "the same company."
                    )
                )

    def _save_lines(self, question, answer, comment=None, overwrite_existing=True):
        """A citizen whose page came back with an error (an answer too long) corrects it and
        sends the page again: the lines of that page are replaced, not refused ("This answer
        cannot be overwritten"), as long as the response is not finished."""
        if self.is_quality_response and self.state != "done":
            overwrite_existing = True
        return super()._save_lines(
            question, answer, comment=comment, overwrite_existing=overwrite_existing
        )

    def _mark_done(self):
        result = super()._mark_done()
        self._quality_case_open()
        self._quality_alert_evaluate()
        return result

    def _quality_case_open(self):
        """An unsatisfied answer that says why (a negative answer and a free text) opens a
        quality case for the office, with the citizen's words."""
        Case = self.env["municipal.quality.case"]
        for answer in self.filtered(lambda a: a.survey_id.is_quality_survey and not a.test_entry):
            lines = answer.user_input_line_ids
            if not any(line.satisfaction == "negative" for line in lines):
                continue
            texts = [
                (line.value_text_box or line.value_char_box or "").strip()
                for line in lines
                if line.answer_type in ("text_box", "char_box")
            ]
            text = "\n".join(t for t in texts if t)
            if not text:
                continue
            Case._case_open(
                "questionnaire",
                text,
                company_id=answer.company_id.id,
                office_id=answer.office_id.id,
                service_id=answer.service_id.id,
                user_input_id=answer.id,
            )

    def _quality_alert_evaluate(self):
        """A completed quality response evaluates the alert rules that watch its office."""
        Rule = self.env["municipal.quality.alert.rule"]
        seen = set()
        for answer in self.filtered(lambda a: a.survey_id.is_quality_survey and not a.test_entry):
            key = (answer.company_id.id, answer.office_id.id)
            if key in seen or not answer.company_id:
                continue
            seen.add(key)
            rules = Rule._alert_rules_for(
                "questionnaire", answer.company_id, answer.office_id or None
            )
            rules._alert_evaluate()
