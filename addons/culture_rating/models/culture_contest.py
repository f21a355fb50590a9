from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import deadlines, scoring

USER_GROUP = "culture_rating.group_culture_user"
MANAGER_GROUP = "culture_rating.group_culture_manager"
JURY_GROUP = "culture_rating.group_culture_contest_jury"


class CultureContest(models.Model):
    """The open contest for the best culture institution (plan item 1.1: "организация открытого
    конкурса на выявление лучшего учреждения в сфере культуры"): an announcement (rules,
    criteria with points, deadline, public page), the institutions' applications with their
    materials, a jury scoring each criterion, the independent rating usable as one criterion,
    the results and the winner approved and published. The first place of the independent
    rating is not the winner of this contest."""

    _name = "culture.contest"
    _description = "Open Contest for the Best Culture Institution"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "year desc, id desc"

    # announced: the announcement is public and frozen (the jury may still be appointed);
    # judging, approved and published: frozen, the results written by the buttons
    _lock_states = {
        "announced": ("jury_ids",),
        "judging": (),
        "approved": (),
        "published": (),
    }
    _lock_workflow_fields = frozenset(
        {"announcement_date", "approved_on", "approved_by_id", "published_on"}
    )

    name = fields.Char(required=True, tracking=True, translate=False)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.today().year, aggregator=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("announced", "Announced"),
            ("judging", "Jury at work"),
            ("approved", "Results approved"),
            ("published", "Results published"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    rules = fields.Html(
        string="Rules of the contest",
        help="Published with the announcement: who may apply, "
        "what the application contains, how the jury works.",
    )
    application_deadline = fields.Date(
        string="Applications until",
        tracking=True,
        help="Last day to submit an application (that day included).",
    )
    announcement_date = fields.Date(string="Announced on", readonly=True, copy=False)
    criterion_ids = fields.One2many(
        "culture.contest.criterion", "contest_id", string="Criteria", copy=True
    )
    max_points = fields.Float(compute="_compute_max_points", string="Maximum points")
    rating_campaign_id = fields.Many2one(
        "culture.campaign",
        string="Independent rating used",
        domain="[('state', '=', 'published')]",
        help="The published independent rating whose totals give the points of the contest's "
        "criterion 'Independent rating'.",
    )
    jury_ids = fields.Many2many(
        "res.users",
        string="Jury (commission)",
        domain=lambda self: [("groups_id", "in", self.env.ref(JURY_GROUP).id)],
        help="Members of the contest commission (group Culture Rating / Contest jury).",
    )
    application_ids = fields.One2many(
        "culture.contest.application", "contest_id", string="Applications"
    )
    application_count = fields.Integer(compute="_compute_application_count")
    winner_ids = fields.Many2many(
        "culture.institution", compute="_compute_winners", string="Winner of the contest"
    )
    approved_on = fields.Date(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    published_on = fields.Date(readonly=True, copy=False, tracking=True)
    is_open = fields.Boolean(compute="_compute_is_open", string="Taking applications")

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    @api.depends("criterion_ids.max_points")
    def _compute_max_points(self):
        for contest in self:
            contest.max_points = sum(contest.criterion_ids.mapped("max_points"))

    @api.depends("application_ids")
    def _compute_application_count(self):
        for contest in self:
            contest.application_count = len(contest.application_ids)

    @api.depends("application_ids.is_winner")
    def _compute_winners(self):
        for contest in self:
            contest.winner_ids = contest.application_ids.filtered("is_winner").institution_id

    @api.depends("state", "application_deadline")
    def _compute_is_open(self):
        today = fields.Date.context_today(self)
        for contest in self:
            contest.is_open = contest.state == "announced" and deadlines.contest_open(
                contest.application_deadline, today
            )

    @api.constrains("rating_campaign_id")
    def _check_rating_campaign(self):
        for contest in self:
            if contest.rating_campaign_id and not contest.rating_campaign_id.is_published:
                raise ValidationError(self.env._("Only a published independent rating is used."))

    # ------------------------------------------------------------------ workflow
    def action_announce(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("announcing a contest"))
        self._lock_check_state(("draft",), action=self.env._("announcing a contest"))
        today = fields.Date.context_today(self)
        for contest in self:
            if not contest.rules or not contest.criterion_ids:
                raise UserError(self.env._("Write the rules and the criteria before announcing."))
            if not contest.application_deadline or contest.application_deadline < today:
                raise UserError(self.env._("Set a deadline for the applications, not past."))
            rating = contest.criterion_ids.filtered(lambda c: c.source == "rating")
            if rating and not contest.rating_campaign_id:
                raise UserError(
                    self.env._("Choose the published independent rating used as a criterion.")
                )
        self._lock_write({"state": "announced", "announcement_date": today})
        return True

    def action_start_judging(self):
        self._lock_check_groups(
            USER_GROUP, action=self.env._("passing the applications to the jury")
        )
        self._lock_check_state(
            ("announced",), action=self.env._("passing the applications to the jury")
        )
        today = fields.Date.context_today(self)
        for contest in self:
            if deadlines.contest_open(contest.application_deadline, today):
                raise UserError(
                    self.env._(
                        "Applications are taken until %s: the jury starts after that day.",
                        contest.application_deadline,
                    )
                )
            if not contest.jury_ids:
                raise UserError(self.env._("Appoint the jury first."))
            if not contest.application_ids.filtered(lambda a: a.state == "submitted"):
                raise UserError(self.env._("No application was submitted."))
        self._lock_write({"state": "judging"})
        return True

    def action_compute_results(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("computing the contest results"))
        self._lock_check_state(("judging",), action=self.env._("computing the contest results"))
        self._compute_results()
        return True

    def _missing_scores(self):
        """[(application, criterion, juror)] not scored yet."""
        self.ensure_one()
        missing = []
        scored = {
            (s.application_id.id, s.criterion_id.id, s.juror_id.id)
            for s in self.sudo().application_ids.score_ids
        }
        for application in self.application_ids.filtered(lambda a: a.state == "submitted"):
            for criterion in self.criterion_ids.filtered(lambda c: c.source == "jury"):
                for juror in self.jury_ids:
                    if (application.id, criterion.id, juror.id) not in scored:
                        missing.append((application, criterion, juror))
        return missing

    def _compute_results(self):
        for contest in self:
            applications = contest.sudo().application_ids.filtered(lambda a: a.state == "submitted")
            ratings = {}
            if contest.rating_campaign_id:
                for assessment in contest.rating_campaign_id.sudo().assessment_ids:
                    ratings[assessment.institution_id.id] = assessment.total
            totals = {}
            for application in applications:
                points = []
                rating_points = 0.0
                for criterion in contest.criterion_ids:
                    if criterion.source == "rating":
                        rating_points = scoring.contest_rating_points(
                            ratings.get(application.institution_id.id), criterion.max_points
                        )
                        points.append(rating_points)
                    else:
                        jurors = application.score_ids.filtered(
                            lambda s, c=criterion, j=contest.jury_ids: s.criterion_id == c
                            and s.juror_id in j
                        )
                        points.append(
                            scoring.contest_jury_points(
                                jurors.mapped("points"), criterion.max_points
                            )
                        )
                totals[application.id] = scoring.contest_total(points)
                application._lock_write(
                    {"rating_points": rating_points, "total": totals[application.id]}
                )
            ranks = scoring.ranking(totals)
            for application in applications:
                application._lock_write({"rank": ranks[application.id], "is_winner": False})

    def action_approve(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("approving the contest results"))
        self._lock_check_state(("judging",), action=self.env._("approving the contest results"))
        for contest in self:
            missing = contest._missing_scores()
            if missing:
                application, criterion, juror = missing[0]
                raise UserError(
                    self.env._(
                        "%(juror)s has not scored %(institution)s on %(criterion)s "
                        "(%(count)s scores missing).",
                        juror=juror.name,
                        institution=application.institution_id.name,
                        criterion=criterion.name,
                        count=len(missing),
                    )
                )
        self._compute_results()
        for contest in self:
            winners = contest.sudo().application_ids.filtered(lambda a: a.rank == 1)
            winners._lock_write({"is_winner": True})
        self._lock_write(
            {
                "state": "approved",
                "approved_on": fields.Date.context_today(self),
                "approved_by_id": self.env.uid,
            }
        )
        return True

    def action_reopen(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("reopening the contest results"))
        self._lock_check_state(("approved",), action=self.env._("reopening the contest results"))
        self.sudo().application_ids._lock_write({"is_winner": False})
        self._lock_write({"state": "judging", "approved_on": False, "approved_by_id": False})
        return True

    def action_publish(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("publishing the contest results"))
        self._lock_transition(
            ("approved",),
            {"published_on": fields.Date.context_today(self), "state": "published"},
            action=self.env._("publishing the contest results"),
        )
        return True

    def action_open_public_page(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": f"/culture/contest/{self.id}", "target": "new"}

    @api.model
    def _demo_judged_contest(self, contest, institution, juror):
        """Demo data (ids): ``contest`` (drafted, its deadline today) announced, one application of
        ``institution`` submitted, the deadline moved to yesterday (the application period is
        over), judged by ``juror`` alone and approved by him: a locked contest, application and
        scores, as a town has them after a contest."""
        import base64

        contest = self.browse(contest)
        institution = self.env["culture.institution"].browse(institution)
        juror = self.env["res.users"].browse(juror).sudo()
        juror.groups_id = [
            Command.link(self.env.ref(MANAGER_GROUP).id),
            Command.link(self.env.ref("culture_rating.group_culture_contest_jury").id),
        ]
        contest = contest.with_user(juror)
        contest.sudo().jury_ids = [Command.set(juror.ids)]
        contest.action_announce()
        application = self.env["culture.contest.application"].with_user(juror).create(
            {
                "contest_id": contest.id,
                "institution_id": institution.id,
                "description": self.env._("Projects of the year, clubs, work with children."),
            }
        )
        application.attachment_ids = [
            Command.create(
                {
                    "name": "report.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 demo"),
                    "res_model": application._name,
                    "res_id": application.id,
                }
            )
        ]
        application.action_submit()
        contest.sudo()._lock_write(
            {"application_deadline": fields.Date.context_today(self) - timedelta(days=1)}
        )
        contest.action_start_judging()
        for criterion in contest.criterion_ids.filtered(lambda c: c.source == "jury"):
            self.env["culture.contest.score"].with_user(juror).create(
                {
                    "application_id": application.id,
                    "criterion_id": criterion.id,
                    "points": criterion.max_points * 0.8,
                }
            )
        contest.action_approve()
        return True
