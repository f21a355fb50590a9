import hashlib
from collections import defaultdict
from types import SimpleNamespace

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from . import deadlines, scoring

LOCKED_STATES = ("approved", "published")
USER_GROUP = "culture_rating.group_culture_user"
MANAGER_GROUP = "culture_rating.group_culture_manager"
RESULT_FIELDS = ("value", "no_data", "numerator", "denominator")


class CultureCampaign(models.Model):
    """The yearly independent assessment of the culture institutions."""

    _name = "culture.campaign"
    _description = "Assessment Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "year desc, id desc"

    # approved or published results: every stored field frozen (the chatter apart); the state,
    # the dates and the digest of the computation change only through the buttons
    _lock_states = LOCKED_STATES
    # the method's steps after the operator's report go on once the results are approved
    _lock_writable_fields = frozenset(
        {"operator_report_date", "council_results_date", "results_sent_date"}
    )
    _lock_workflow_fields = frozenset(
        {
            "approved_on",
            "approved_by_id",
            "document_number",
            "published_on",
            "is_published",
            "computed_on",
            "input_fingerprint",
        }
    )

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.today().year,
        tracking=True,
        aggregator=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("collecting", "Collecting"),
            ("computed", "Computed"),
            ("approved", "Approved"),
            ("published", "Published"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    method_id = fields.Many2one(
        "culture.method",
        string="Methodology",
        required=True,
        tracking=True,
        domain="[('state', '=', 'adopted')]",
        default=lambda self: self.env["culture.method"].search(
            [("state", "=", "adopted")], order="version desc", limit=1
        ),
        help="The methodology version the campaign started with; it stays pinned even when a "
        "newer version is adopted.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        default=lambda self: self.env.ref(
            "culture_rating.survey_culture_questionnaire", raise_if_not_found=False
        ),
        help="Public questionnaire; each institution gets its own link and QR poster.",
    )
    date_start = fields.Date(string="Start of the survey")
    date_end = fields.Date(string="End of the survey")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    assessment_ids = fields.One2many("culture.assessment", "campaign_id", string="Institutions")
    assessment_count = fields.Integer(compute="_compute_counts")
    response_count = fields.Integer(compute="_compute_counts", string="Responses")
    plan_count = fields.Integer(compute="_compute_counts", string="Improvement plans")
    best_assessment_ids = fields.Many2many(
        "culture.assessment",
        compute="_compute_best",
        string="First in the rating",
        help="Institution(s) ranked first in the independent rating of the year. The open "
        "contest of plan item 1.1 is a measure of its own, with its own jury and winner: the "
        "first place of the rating is not its winner.",
    )
    computed_on = fields.Datetime(readonly=True, copy=False)
    input_fingerprint = fields.Char(
        readonly=True,
        copy=False,
        help="Digest of everything the results depend on; a recomputation with the same "
        "digest keeps the results.",
    )
    approved_on = fields.Date(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False, tracking=True
    )
    document_number = fields.Char(
        string="Ranking number",
        readonly=True,
        copy=False,
        help="Outgoing number of the approved ranking, given at its first approval (kept when "
        "the results are reopened and approved again).",
    )
    published_on = fields.Date(readonly=True, copy=False, tracking=True)
    is_published = fields.Boolean(
        readonly=True, copy=False, index=True, help="Set by the publication of the results."
    )
    publication_note = fields.Html(
        string="Proposals to improve quality",
        help="Published with the results on the administration's site (plan item 1.2).",
    )
    note = fields.Html()
    # the method's deadlines (models/deadlines.py)
    operator_report_date = fields.Date(
        string="Operator's report received on",
        tracking=True,
        copy=False,
        help="The report of the operator of the assessment reached the department: the public "
        "council has a month from then to form its results and proposals.",
    )
    council_deadline = fields.Date(
        compute="_compute_method_deadlines", store=True, string="Council's results due by"
    )
    council_results_date = fields.Date(
        string="Council's results received on",
        tracking=True,
        copy=False,
        help="The public council's results and proposals reached the department: it has a month "
        "from then to pass them on to the institutions.",
    )
    authority_deadline = fields.Date(
        compute="_compute_method_deadlines", store=True, string="Results to pass on by"
    )
    results_sent_date = fields.Date(
        string="Results passed on to the institutions on", tracking=True, copy=False
    )
    council_late = fields.Boolean(
        compute="_compute_method_late",
        search="_search_council_late",
        string="Council late",
        help="The council's results came after its month, or the month passed without them.",
    )
    authority_late = fields.Boolean(
        compute="_compute_method_late",
        search="_search_authority_late",
        string="Passing on late",
        help="The results reached the institutions after the department's month, or the month "
        "passed without it.",
    )

    _sql_constraints = [
        ("year_company_uniq", "unique(year, company_id)", "There is already a campaign this year."),
    ]

    def _compute_counts(self):
        assessments = dict(
            self.env["culture.assessment"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
            )
        )
        responses = dict(
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("culture_campaign_id", "in", self.ids), ("state", "=", "done")],
                ["culture_campaign_id"],
                ["__count"],
            )
        )
        plans = dict(
            self.env["culture.improvement.plan"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.assessment_count = assessments.get(campaign, 0)
            campaign.response_count = responses.get(campaign, 0)
            campaign.plan_count = plans.get(campaign, 0)

    @api.depends("assessment_ids.rank")
    def _compute_best(self):
        for campaign in self:
            campaign.best_assessment_ids = campaign.assessment_ids.filtered(lambda a: a.rank == 1)

    @api.constrains("year")
    def _check_year(self):
        for campaign in self:
            if not 2000 <= campaign.year <= 2100:
                raise ValidationError(self.env._("The year %s is not plausible.", campaign.year))

    @api.constrains("method_id", "state")
    def _check_method(self):
        for campaign in self:
            if campaign.state == "draft" and campaign.method_id.state == "draft":
                raise ValidationError(
                    self.env._("A campaign uses an adopted methodology, not a draft.")
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for campaign in self:
            if (
                campaign.date_start
                and campaign.date_end
                and campaign.date_end < campaign.date_start
            ):
                raise ValidationError(self.env._("The survey ends before it starts."))

    @api.depends("operator_report_date", "council_results_date")
    def _compute_method_deadlines(self):
        for campaign in self:
            campaign.council_deadline = deadlines.council_deadline(campaign.operator_report_date)
            campaign.authority_deadline = deadlines.authority_deadline(
                campaign.council_results_date
            )

    @api.depends(
        "council_deadline", "council_results_date", "authority_deadline", "results_sent_date"
    )
    def _compute_method_late(self):
        today = fields.Date.context_today(self)
        for campaign in self:
            campaign.council_late = deadlines.is_late(
                campaign.council_deadline, campaign.council_results_date, today
            )
            campaign.authority_late = deadlines.is_late(
                campaign.authority_deadline, campaign.results_sent_date, today
            )

    def _late_ids_domain(self, deadline, done, operator, value):
        """The rule of ``deadlines.is_late`` as a search (it compares two columns)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on a late flag."))
        self.flush_model([deadline, done])
        deadline_col, done_col = SQL.identifier(deadline), SQL.identifier(done)
        rows = self.env.execute_query(
            SQL(
                """SELECT id FROM culture_campaign
                    WHERE %(deadline)s IS NOT NULL
                      AND ((%(done)s IS NOT NULL AND %(done)s > %(deadline)s)
                           OR (%(done)s IS NULL AND %(deadline)s < %(today)s))""",
                deadline=deadline_col,
                done=done_col,
                today=fields.Date.context_today(self),
            )
        )
        ids = [row[0] for row in rows]
        return [("id", "in" if (operator == "=") == value else "not in", ids)]

    def _search_council_late(self, operator, value):
        return self._late_ids_domain("council_deadline", "council_results_date", operator, value)

    def _search_authority_late(self, operator, value):
        return self._late_ids_domain("authority_deadline", "results_sent_date", operator, value)

    @api.constrains("operator_report_date", "council_results_date", "results_sent_date")
    def _check_method_dates(self):
        today = fields.Date.context_today(self)
        for campaign in self:
            dates = [
                campaign.operator_report_date,
                campaign.council_results_date,
                campaign.results_sent_date,
            ]
            if any(day and day > today for day in dates):
                raise ValidationError(self.env._("A date of the method's steps is in the future."))
            known = [day for day in dates if day]
            if known != sorted(known) or (dates[1] and not dates[0]) or (dates[2] and not dates[1]):
                raise ValidationError(
                    self.env._(
                        "The steps come in order: the operator's report, then the council's "
                        "results, then their passing on to the institutions."
                    )
                )

    def write(self, vals):
        self.check_access("write")
        if "method_id" in vals and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("The methodology of a campaign is pinned once the campaign started.")
            )
        result = super().write(vals)
        if {"operator_report_date", "council_results_date", "results_sent_date"} & set(vals):
            self._sync_method_activities()
        return result

    def _sync_method_activities(self):
        """A to-do for the responsible of the campaign for the step under way of the method:
        the council's results (its month after the operator's report), then the passing on to
        the institutions (the department's month); a step done closes its to-do."""
        steps = (
            (
                "culture_rating.mail_activity_type_council_results",
                "council_deadline",
                "council_results_date",
            ),
            (
                "culture_rating.mail_activity_type_results_passing",
                "authority_deadline",
                "results_sent_date",
            ),
        )
        for campaign in self:
            for xmlid, deadline_field, done_field in steps:
                activity_type = self.env.ref(xmlid)
                open_activities = campaign.activity_ids.filtered(
                    lambda a, t=activity_type: a.activity_type_id == t
                )
                deadline = campaign[deadline_field]
                if campaign[done_field] or not deadline:
                    if open_activities and campaign[done_field]:
                        open_activities.sudo().action_feedback()
                    elif open_activities:
                        open_activities.sudo().unlink()
                    continue
                if open_activities:
                    open_activities.sudo().write({"date_deadline": deadline})
                    continue
                campaign.sudo().activity_schedule(
                    act_type_xmlid=xmlid,
                    date_deadline=deadline,
                    user_id=(campaign.user_id or self.env.user).id,
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("Only a draft campaign can be deleted."))

    # ------------------------------------------------------------------ workflow

    def action_add_all_institutions(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("adding the institutions"))
        self._lock_check_state(
            ("draft", "collecting"), action=self.env._("adding the institutions")
        )
        for campaign in self:
            present = campaign.assessment_ids.institution_id
            institutions = self.env["culture.institution"].search(
                [("company_id", "=", campaign.company_id.id), ("id", "not in", present.ids)]
            )
            self.env["culture.assessment"].create(
                [{"campaign_id": campaign.id, "institution_id": i.id} for i in institutions]
            )
        return True

    def action_start(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("starting a campaign"))
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("The campaign has already started."))
            if not campaign.assessment_ids:
                raise UserError(self.env._("Add the institutions to assess first."))
            if campaign.method_id.state == "draft":
                raise UserError(self.env._("A campaign uses an adopted methodology."))
            campaign.assessment_ids._create_checklist_lines()
            campaign._lock_write({"state": "collecting"})
        return True

    def action_compute(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("computing the results"))
        for campaign in self:
            if campaign.state not in ("collecting", "computed"):
                raise UserError(
                    self.env._("Results are computed while the campaign collects data.")
                )
            campaign._compute_results()
        return True

    def action_approve(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("approving the results"))
        for campaign in self:
            if campaign.state != "computed":
                raise UserError(self.env._("Compute the results before approving them."))
            if campaign._inputs_fingerprint() != campaign.input_fingerprint:
                raise UserError(
                    self.env._("Data changed since the last computation: compute again.")
                )
            today = fields.Date.today()
            values = {"state": "approved", "approved_on": today, "approved_by_id": self.env.uid}
            if not campaign.document_number:
                values["document_number"] = (
                    self.env["ir.sequence"]
                    .with_company(campaign.company_id)
                    .sudo()
                    .next_by_code("culture.campaign.ranking", sequence_date=today)
                )
            campaign._lock_write(values)
        return True

    def _published_plans(self):
        """The plans of measures implementing the proposals (plan item 1.2), published with the
        results: the approved (or carried out) plans of a published campaign."""
        self.ensure_one()
        if not self.is_published:
            return self.env["culture.improvement.plan"]
        return (
            self.env["culture.improvement.plan"]
            .sudo()
            .search(
                [("campaign_id", "=", self.id), ("state", "in", ("approved", "done"))],
                order="institution_id",
            )
        )

    def ranking_file_name(self):
        """Name of the ranking's PDF and spreadsheet files, in the reader's language."""
        self.ensure_one()
        return self.env._("Ranking %(year)s", year=self.year)

    def _official_signatories(self):
        """Signature block of the ranking: who approved it, and the responsible of the
        campaign who prepared it (position from their employee in the company)."""
        self.ensure_one()
        signatories = []
        for user, default_position in (
            (self.approved_by_id, self.env._("Head of the culture department")),
            (self.user_id, self.env._("Responsible for the assessment")),
        ):
            user = user.sudo()
            if not user or any(s["user"] == user for s in signatories):
                continue
            employee = (
                user.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
                or user.employee_ids[:1]
            )
            signatories.append(
                {
                    "user": user,
                    "position": employee.job_title or employee.job_id.name or default_position,
                    "name": employee.name or user.name,
                }
            )
        return signatories

    def action_publish(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("publishing the results"))
        for campaign in self:
            if campaign.state != "approved":
                raise UserError(self.env._("Only approved results can be published."))
            campaign._lock_write(
                {"state": "published", "published_on": fields.Date.today(), "is_published": True}
            )
        return True

    def action_unpublish(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("unpublishing the results"))
        for campaign in self:
            if campaign.state != "published":
                raise UserError(self.env._("The results are not published."))
            campaign._lock_write(
                {"state": "approved", "published_on": False, "is_published": False}
            )
        return True

    def action_reset_to_computed(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("reopening the results"))
        for campaign in self:
            if campaign.state != "approved":
                raise UserError(self.env._("Unpublish the results first."))
            campaign._lock_write(
                {"state": "computed", "approved_on": False, "approved_by_id": False}
            )
        return True

    # ------------------------------------------------------------------ computation

    def _inputs_fingerprint(self):
        """Digest of the data the results depend on (cheap: aggregates over indexed columns).

        Answers count once completed: a completed answer changes the responses' count, ids or
        write dates; the lines of a completed answer are not edited by the survey.
        """
        self.ensure_one()
        self.env.flush_all()
        cr = self.env.cr
        parts = [str(self.method_id.id), str(self.method_id.write_date)]
        parts.append(repr(self._disclosure_norms()))
        cr.execute(
            """SELECT count(*), max(id), max(write_date) FROM survey_user_input
                WHERE culture_campaign_id = %s AND state = 'done'""",
            [self.id],
        )
        parts.append(repr(cr.fetchone()))
        cr.execute(
            """SELECT count(*), max(a.id), count(*) FILTER (WHERE i.creative)
                 FROM culture_assessment a
                 JOIN culture_institution i ON i.id = a.institution_id
                WHERE a.campaign_id = %s""",
            [self.id],
        )
        parts.append(repr(cr.fetchone()))
        cr.execute(
            """SELECT count(*), max(id), max(write_date),
                      count(*) FILTER (WHERE state = 'published'),
                      count(*) FILTER (WHERE on_stand),
                      count(*) FILTER (WHERE state = 'not_checked')
                 FROM culture_checklist_line
                WHERE campaign_id = %s""",
            [self.id],
        )
        parts.append(repr(cr.fetchone()))
        cr.execute(
            """SELECT count(*), max(id), max(write_date), sum(value), sum(value * id)
                 FROM culture_expert_value
                WHERE campaign_id = %s""",
            [self.id],
        )
        parts.append(repr(cr.fetchone()))
        return hashlib.sha256("|".join(parts).encode()).hexdigest()

    def _survey_counts(self):
        """{(assessment id, question code): [satisfied, asked]} over completed responses."""
        self.ensure_one()
        questions = self.survey_id.sudo().question_ids.filtered("culture_code")
        counts = defaultdict(lambda: [0, 0])
        if not questions:
            return counts
        answers = questions.suggested_answer_ids
        positive = set(answers.filtered("culture_positive").ids)
        code_of = {answer.id: answer.question_id.culture_code for answer in answers}
        # the ORM builds the filter (indexed stored columns); the grouping returns plain ids:
        # _read_group would build a recordset for each of the thousands of groups
        query = (
            self.env["survey.user_input.line"]
            .sudo()
            ._search(
                [
                    ("culture_campaign_id", "=", self.id),
                    ("suggested_answer_id", "in", answers.ids),
                    ("culture_done", "=", True),
                    ("skipped", "=", False),
                ]
            )
        )
        query.groupby = SQL("culture_assessment_id, suggested_answer_id")
        rows = self.env.execute_query(
            query.select(SQL("culture_assessment_id"), SQL("suggested_answer_id"), SQL("COUNT(*)"))
        )
        for assessment_id, answer_id, count in rows:
            key = (assessment_id, code_of[answer_id])
            counts[key][1] += count
            if answer_id in positive:
                counts[key][0] += count
        return counts

    def _disclosure_norms(self):
        """(I_norm_stand, I_norm_site): the active items required on the stands, on the site."""
        Item = self.env["culture.checklist.item"].sudo()
        return (
            Item.search_count([("required_on_stand", "=", True)]),
            Item.search_count([("required_on_site", "=", True)]),
        )

    def _checklist_counts(self):
        """{assessment id: (required items on the stands, required items on the site, items
        checked)}: an item counts at a place only where it is required."""
        self.ensure_one()
        items = (
            self.env["culture.checklist.item"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "!=", 0)])
        )
        on_stand_required = set(items.filtered("required_on_stand").filtered("active").ids)
        on_site_required = set(items.filtered("required_on_site").filtered("active").ids)
        result = {}
        groups = (
            self.env["culture.checklist.line"]
            .sudo()
            ._read_group(
                [("campaign_id", "=", self.id), ("state", "!=", "not_checked")],
                ["assessment_id", "item_id", "state", "on_stand"],
                ["__count"],
            )
        )
        for assessment, item, state, on_stand, count in groups:
            stand, site, checked = result.get(assessment.id, (0, 0, 0))
            result[assessment.id] = (
                stand + (count if on_stand and item.id in on_stand_required else 0),
                site + (count if state == "published" and item.id in on_site_required else 0),
                checked + count,
            )
        return result

    def _expert_values(self):
        """{(assessment id, indicator id): value}."""
        query = self.env["culture.expert.value"].sudo()._search([("campaign_id", "=", self.id)])
        rows = self.env.execute_query(
            query.select(SQL("assessment_id"), SQL("indicator_id"), SQL("value"))
        )
        return {(assessment_id, indicator_id): value for assessment_id, indicator_id, value in rows}

    def _compute_results(self, force=False):
        """Indicator values, criterion scores, totals and ranks of every institution."""
        self.ensure_one()
        fingerprint = self._inputs_fingerprint()
        if not force and fingerprint == self.input_fingerprint and self.state == "computed":
            return False
        method = self.method_id.sudo()
        # the methodology as plain values: the loop below runs for every institution
        criteria = [
            (
                criterion,
                [
                    SimpleNamespace(
                        id=i.id,
                        sequence=i.sequence,
                        formula=i.formula,
                        source=i.source,
                        weight=i.weight,
                        points_per_unit=i.points_per_unit,
                        max_points=i.max_points,
                        question_code=i.question_code,
                        question_code_2=i.question_code_2,
                    )
                    for i in criterion.indicator_ids
                ],
            )
            for criterion in method.criterion_ids
        ]
        norm = self._disclosure_norms()
        survey = self._survey_counts()
        checklist = self._checklist_counts()
        expert = self._expert_values()
        assessments = self.assessment_ids.sudo()
        Line = self.env["culture.assessment.line"].sudo()
        line_query = Line._search([("assessment_id", "in", assessments.ids)])
        columns = ("id", "assessment_id", "criterion_id", "indicator_id", *RESULT_FIELDS)
        existing = {}
        for row in self.env.execute_query(
            line_query.select(*(SQL.identifier(Line._table, c) for c in columns))
        ):
            line = dict(zip(columns, row, strict=True))
            line["value"] = float(line["value"] or 0.0)
            line["numerator"] = float(line["numerator"] or 0.0)
            line["denominator"] = float(line["denominator"] or 0.0)
            line["no_data"] = bool(line["no_data"])
            existing[
                (line["assessment_id"], line["criterion_id"], line["indicator_id"] or False)
            ] = line
        to_create, to_update, seen, totals, flags = [], [], set(), {}, {}
        for assessment in assessments:
            institution = assessment.institution_id
            common = {
                "campaign_id": self.id,
                "institution_id": institution.id,
                "company_id": self.company_id.id,
            }
            scores, weights, missing = [], [], set()
            for criterion, indicators in criteria:
                if institution.creative and not criterion.creative_applicable:
                    continue
                weighted = []
                for indicator in indicators:
                    inputs, numerator, denominator = self._indicator_inputs(
                        indicator, assessment.id, survey, checklist, expert, norm
                    )
                    value, no_data = scoring.indicator_value(
                        indicator.formula,
                        inputs,
                        points=indicator.points_per_unit,
                        max_points=indicator.max_points,
                    )
                    if no_data:
                        missing.add(indicator.source)
                    weighted.append((indicator.weight, value))
                    key = (assessment.id, criterion.id, indicator.id)
                    vals = {
                        "value": value,
                        "no_data": no_data,
                        "numerator": numerator,
                        "denominator": denominator,
                    }
                    fixed = dict(
                        common,
                        line_type="indicator",
                        sequence=criterion.sequence * 1000 + indicator.sequence + 1,
                    )
                    self._stage_line(existing, seen, to_create, to_update, key, vals, fixed)
                score = scoring.criterion_score(weighted)
                scores.append(score)
                weights.append(criterion.weight)
                key = (assessment.id, criterion.id, False)
                vals = {"value": score, "no_data": False, "numerator": 0, "denominator": 0}
                fixed = dict(common, line_type="criterion", sequence=criterion.sequence * 1000)
                self._stage_line(existing, seen, to_create, to_update, key, vals, fixed)
            totals[assessment.id] = scoring.total_score(scores, weights)
            flags[assessment.id] = missing
        for line_id, vals in to_update:
            Line.browse(line_id)._lock_write(vals)
        if to_create:
            self._insert_lines(to_create)
        stale = [line["id"] for key, line in existing.items() if key not in seen]
        with Line.browse(stale)._lock_lift() as lines:
            lines.unlink()
        ranks = scoring.ranking(totals)
        response_counts = dict(
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("culture_campaign_id", "=", self.id), ("state", "=", "done")],
                ["culture_assessment_id"],
                ["__count"],
            )
        )
        results = []
        for assessment in assessments:
            vals = {
                "total": totals[assessment.id],
                "rank": ranks[assessment.id],
                "response_count": response_counts.get(assessment, 0),
                "no_responses": "questionnaire" in flags[assessment.id],
                "checklist_missing": assessment.id not in checklist,
            }
            if any(assessment[k] != v for k, v in vals.items()):
                results.append((assessment.id, *vals.values()))
        self._update_assessments(results)
        vals = {"computed_on": fields.Datetime.now(), "input_fingerprint": fingerprint}
        if self.state != "computed":
            vals["state"] = "computed"
        self._lock_write(vals)
        return True

    # Results are derived data written only here: they go to the database in one statement per
    # thousand rows (the ORM's create and write cost ~1 ms a row, for 19 rows per institution).

    def _insert_lines(self, vals_list):
        Line = self.env["culture.assessment.line"]
        Line.flush_model()
        columns = [
            "assessment_id",
            "campaign_id",
            "institution_id",
            "company_id",
            "published",
            "sequence",
            "criterion_id",
            "indicator_id",
            "line_type",
            "value",
            "numerator",
            "denominator",
            "no_data",
        ]
        published = self.is_published
        rows = [
            tuple(
                published
                if col == "published"
                else (vals.get(col) or None)
                if col.endswith("_id")
                else vals.get(col)
                for col in columns
            )
            for vals in vals_list
        ]
        cr = self.env.cr
        uid = self.env.uid
        for start in range(0, len(rows), 1000):
            chunk = rows[start : start + 1000]
            placeholders = ", ".join(
                [
                    "(" + ", ".join(["%s"] * len(columns)) + ", %s, %s, now() at time zone 'utc', "
                    "now() at time zone 'utc')"
                ]
                * len(chunk)
            )
            params = [value for row in chunk for value in (*row, uid, uid)]
            cr.execute(
                SQL(
                    "INSERT INTO culture_assessment_line (%s, create_uid, write_uid, create_date, "
                    "write_date) VALUES %s",
                    SQL(", ".join(columns)),
                    SQL(placeholders, *params),
                )
            )
        Line.invalidate_model()
        self.env["culture.assessment"].invalidate_model(
            ["line_ids", "criterion_line_ids", "indicator_line_ids"]
        )

    def _update_assessments(self, results):
        if not results:
            return
        Assessment = self.env["culture.assessment"]
        Assessment.flush_model()
        placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(results))
        self.env.cr.execute(
            SQL(
                """UPDATE culture_assessment AS a
                      SET total = v.total, rank = v.rank, response_count = v.response_count,
                          no_responses = v.no_responses, checklist_missing = v.checklist_missing,
                          write_uid = %s, write_date = now() at time zone 'utc'
                     FROM (VALUES %s) AS v(id, total, rank, response_count, no_responses,
                                           checklist_missing)
                    WHERE a.id = v.id""",
                self.env.uid,
                SQL(placeholders, *[value for row in results for value in row]),
            )
        )
        Assessment.invalidate_model(
            ["total", "rank", "response_count", "no_responses", "checklist_missing"]
        )

    @staticmethod
    def _stage_line(existing, seen, to_create, to_update, key, vals, fixed):
        seen.add(key)
        line = existing.get(key)
        if line is None:
            to_create.append(
                {
                    "assessment_id": key[0],
                    "criterion_id": key[1],
                    "indicator_id": key[2],
                    **fixed,
                    **vals,
                }
            )
            return
        changed = {k: v for k, v in vals.items() if line[k] != v}
        if changed:
            to_update.append((line["id"], changed))

    def _indicator_inputs(self, indicator, assessment_id, survey, checklist, expert, norm):
        """(inputs for scoring.indicator_value, numerator, denominator) of one indicator."""
        if indicator.formula == "share":
            satisfied, asked = survey.get((assessment_id, indicator.question_code), (0, 0))
            return (satisfied, asked), satisfied, asked
        if indicator.formula == "share_pair":
            first = tuple(survey.get((assessment_id, indicator.question_code), (0, 0)))
            second = tuple(survey.get((assessment_id, indicator.question_code_2), (0, 0)))
            return (first, second), first[0] + second[0], first[1] + second[1]
        if indicator.formula == "disclosure":
            norm_stand, norm_site = norm
            if assessment_id not in checklist:
                return None, 0, norm_stand + norm_site
            stand, site, _checked = checklist[assessment_id]
            return (stand, site, norm_stand, norm_site), stand + site, norm_stand + norm_site
        value = expert.get((assessment_id, indicator.id))
        return value, value or 0, 0

    # ------------------------------------------------------------------ actions

    def action_view_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "culture_rating.culture_assessment_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_view_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "culture_rating.culture_improvement_plan_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_view_responses(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Responses"),
            "res_model": "survey.user_input",
            "view_mode": "list,form",
            "domain": [("culture_campaign_id", "=", self.id)],
        }

    def action_create_plans(self):
        """An improvement plan per institution, with a measure per weak indicator."""
        self._lock_check_groups(USER_GROUP, action=self.env._("creating the improvement plans"))
        for campaign in self:
            if campaign.state not in ("computed", "approved", "published"):
                raise UserError(self.env._("Compute the results first."))
            without_plan = campaign.assessment_ids.filtered(lambda a: not a.plan_ids)
            for assessment in without_plan:
                assessment.action_create_plan()
        return True

    def _public_url(self):
        self.ensure_one()
        return f"{self.get_base_url()}/culture/rating/{self.year}"

    def action_open_public_page(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/culture/rating/{self.year}",
            "target": "new",
        }

    def copy_data(self, default=None):
        """The campaign of the next year with the same institutions."""
        default = dict(default or {})
        vals_list = super().copy_data(default=default)
        for campaign, vals in zip(self, vals_list, strict=True):
            if "year" not in default:
                vals["year"] = campaign.year + 1
            if "name" not in default:
                vals["name"] = self.env._("%(name)s (copy)", name=campaign.name)
            vals["assessment_ids"] = [
                Command.create({"institution_id": a.institution_id.id})
                for a in campaign.assessment_ids
            ]
        return vals_list

    # ------------------------------------------------------------------ demo

    def _demo_fill(self):
        """Demo data: answers, disclosure checks and expert values, then the computation."""
        import random

        rng = random.Random(self.year)
        survey = self.survey_id
        questions = survey.question_ids.filtered("culture_code")
        answer_of = {
            (q.culture_code, a.culture_positive): a
            for q in questions
            for a in q.suggested_answer_ids
        }
        triggers = {
            q.culture_code: q.triggering_answer_ids.question_id.culture_code
            for q in questions
            if q.triggering_answer_ids
        }
        channels = ["online"] * 6 + ["paper", "phone", "hotline"]
        for index, assessment in enumerate(self.assessment_ids):
            quality = 0.55 + 0.07 * index
            inputs = []
            for _respondent in range(15 + 3 * index):
                chosen, lines = {}, []
                for question in questions:
                    trigger = triggers.get(question.culture_code)
                    if trigger and not chosen.get(trigger):
                        continue
                    positive = rng.random() < quality
                    chosen[question.culture_code] = positive
                    lines.append(
                        {
                            "question_id": question.id,
                            "answer_type": "suggestion",
                            "suggested_answer_id": answer_of[(question.culture_code, positive)].id,
                        }
                    )
                inputs.append(
                    {
                        "survey_id": survey.id,
                        "state": "done",
                        "culture_assessment_id": assessment.id,
                        "culture_channel": rng.choice(channels),
                        "user_input_line_ids": [Command.create(vals) for vals in lines],
                    }
                )
            self.env["survey.user_input"].create(inputs)
            for line in assessment.checklist_line_ids:
                if rng.random() < quality + 0.2:
                    line.write(
                        {
                            "state": "published",
                            "url": f"{assessment.institution_id.website or 'https://kultura.example.ru'}/sveden/{line.item_id.code}",
                            "on_stand": rng.random() < 0.8,
                            "check_date": fields.Date.to_date(f"{self.year}-09-15"),
                        }
                    )
                else:
                    line.write(
                        {
                            "state": "missing",
                            "check_date": fields.Date.to_date(f"{self.year}-09-15"),
                        }
                    )
            experts = self.method_id.indicator_ids.filtered(lambda i: i.source == "expert")
            self.env["culture.expert.value"].create(
                [
                    {
                        "assessment_id": assessment.id,
                        "indicator_id": indicator.id,
                        "value": rng.randint(2, 5),
                    }
                    for indicator in experts
                ]
            )
        self._compute_results()
