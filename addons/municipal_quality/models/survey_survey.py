from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from . import scoring
from .municipal_quality_link_mixin import KIOSK_KINDS, LINK_KINDS
from .survey_demo_responses import load_demo_responses


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    # ------------------------------------------------------------------ public links
    def _quality_link_visit(self, kind, record, address, device_token, start):
        """A visit of the public link ``kind`` naming ``record`` (checked by the caller): what
        to answer, as ``(outcome, response)``:

        - ``("resume", response)``: the device's cookie names a response of this link still in
          progress: continue it;
        - ``("already", response)``: the device answered this link within the period;
        - ``("landing", None)``: a plain visit (GET): nothing is stored;
        - ``("limited", None)``: too many responses to this link from the client address in the
          period; when ``start`` is refused (``already`` or ``limited``), the suppressed
          duplicate is counted, nothing else is stored;
        - ``("started", response)``: a new anonymous response, tagged with the record.

        Kiosk links (the office's tablet) start a fresh response each time and are not limited.
        The response never carries the visitor's partner, e-mail or address, even when a user is
        logged in on the device.
        """
        self.ensure_one()
        Voice = self.env["municipal.quality.voice"].sudo()
        company = record._quality_link_company()
        _model, field_name = LINK_KINDS[kind]
        kiosk = kind in KIOSK_KINDS
        previous = self.env["survey.user_input"]
        if device_token and not kiosk:
            previous = (
                self.env["survey.user_input"]
                .sudo()
                .search(
                    [
                        ("survey_id", "=", self.id),
                        ("access_token", "=", str(device_token)),
                        ("quality_link_kind", "=", kind),
                        (field_name, "=", record.id),
                        ("start_datetime", ">=", fields.Datetime.now() - Voice._period(company)),
                    ],
                    limit=1,
                )
            )
        if previous and previous.state != "done":
            return "resume", previous
        if not start:
            return ("already", previous) if previous else ("landing", None)
        reason = None if kiosk else Voice._admission(kind, record.id, company, address, previous)
        if reason:
            Voice._record(kind, record.id, company, address, suppressed=reason)
            return ("already", previous) if reason == "device" else ("limited", None)
        # created as the public user: not even create_uid names who is logged in
        public_user = self.env.ref("base.public_user")
        response = (
            self.with_user(public_user)
            .sudo()
            ._create_answer(user=public_user, quality_link_kind=kind, **{field_name: record.id})
        )
        response._mark_in_progress()
        Voice._record(kind, record.id, company, None if kiosk else address, answer=response)
        return "started", response

    is_quality_survey = fields.Boolean(
        string="Service quality questionnaire",
        index=True,
        help="Completed responses of this questionnaire count in the satisfaction indicator "
        "of the quality of municipal services and of the work of municipal servants.",
    )

    @api.model
    def _quality_records_ids(self, value, model):
        """Accept a record(set), an id or a list of ids for a filter of the indicator."""
        if isinstance(value, models.BaseModel):
            if value._name != model:
                raise UserError(
                    self.env._("Expected %(model)s records, got %(got)s.", model=model, got=value)
                )
            return value.ids
        if isinstance(value, int):
            return [value]
        return list(value)

    @api.model
    def _quality_indicator_domain(
        self, date_from, date_to, dimension="staff", office=None, service=None, employee=None
    ):
        if dimension not in scoring.DIMENSIONS:
            raise UserError(
                self.env._(
                    "Unknown quality dimension '%(dimension)s' (expected one of %(known)s).",
                    dimension=dimension,
                    known=", ".join(scoring.DIMENSIONS),
                )
            )
        date_from, date_to = fields.Date.to_date(date_from), fields.Date.to_date(date_to)
        if not date_from or not date_to:
            raise UserError(self.env._("The indicator needs a start and an end date."))
        if date_from > date_to:
            raise UserError(self.env._("The start date of the period is after its end date."))
        # Completion dates from the first day 00:00 up to the last day included, in the time
        # zone of the context (as the pivot groups them), UTC without one.
        domain = [
            ("company_id", "=", self.env.company.id),
            ("dimension", "=", dimension),
            ("date", ">=", self._quality_utc(datetime.combine(date_from, time.min))),
            (
                "date",
                "<",
                self._quality_utc(datetime.combine(date_to + timedelta(days=1), time.min)),
            ),
        ]
        for field_name, value, model in (
            ("office_id", office, "municipal.office"),
            ("service_id", service, "municipal.service"),
            ("employee_id", employee, "hr.employee"),
        ):
            if value is not None and value is not False:
                domain.append((field_name, "in", self._quality_records_ids(value, model)))
        if self:
            domain.append(("survey_id", "in", self.ids))
        return domain

    @api.model
    def _quality_utc(self, local):
        tz_name = self.env.context.get("tz")
        if not tz_name or tz_name not in pytz.all_timezones_set:
            return local
        return pytz.timezone(tz_name).localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def quality_indicator(
        self, date_from, date_to, dimension="staff", office=None, service=None, employee=None
    ):
        """Share of citizens satisfied on ``dimension`` among the completed responses of the
        current company to the quality questionnaires (of ``self`` when called on surveys),
        completed between
        ``date_from`` and ``date_to`` included (days in the time zone of the context, UTC
        without one), optionally for an office, a service or a servant (records or ids).

        :return: ``{'respondents': int, 'satisfied': int, 'rate': float, 'target': float,
            'met': bool, 'shown': bool}``; rate 0.0 and met False without respondents; shown
            False below the company's minimum of respondents (a servant's figure is then not
            published).
        """
        domain = self._quality_indicator_domain(
            date_from, date_to, dimension, office=office, service=service, employee=employee
        )
        [(respondents, satisfied)] = self.env["municipal.quality.result"]._read_group(
            domain, [], ["respondent:sum", "satisfied:sum"]
        )
        company = self.env.company
        return scoring.indicator(
            respondents or 0,
            satisfied or 0,
            company.quality_target,
            company.quality_min_respondents,
        )

    @api.model
    def _quality_default_survey(self, company):
        """The questionnaire the public links of ``company`` open."""
        survey = company.sudo().quality_survey_id
        if not survey or not survey.active or not survey.is_quality_survey:
            survey = self.sudo().search(
                [("is_quality_survey", "=", True), ("access_mode", "=", "public")],
                order="id",
                limit=1,
            )
        return survey

    @api.model
    def _municipal_quality_demo_responses(self):
        """Demo data: the respondents of the Kaluga practice (called from demo/survey_demo.xml)."""
        return load_demo_responses(self.env)
