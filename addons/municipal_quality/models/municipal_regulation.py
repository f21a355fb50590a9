from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# A regulation in force is the legal act it is: its act, service, term and dates are frozen;
# only its publication and the review of its actuality go on. A superseded regulation is
# history: nothing but the chatter changes on it.
IN_FORCE_WRITABLE_FIELDS = frozenset(
    {
        "published_site",
        "published_regional_portal",
        "published_federal_portal",
        "publication_url",
        "is_actual",
        "review_date",
        "review_interval_months",
        "department_id",
        "note",
    }
)


class MunicipalRegulation(models.Model):
    """Administrative regulation of a municipal service (Kaluga resolution 129-p of 24.05.2012:
    monitoring of the execution of the administrative regulations).

    The resources of its execution are reviewed: the quality of the draft, the actuality of the
    current version, and its publication in the special information systems.
    """

    _name = "municipal.regulation"
    _description = "Administrative Regulation"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]

    _lock_states = {"in_force": IN_FORCE_WRITABLE_FIELDS, "superseded": frozenset()}
    _lock_workflow_fields = frozenset({"superseded_by_id"})
    _order = "service_id, version desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    service_id = fields.Many2one(
        "municipal.service",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="service_id.company_id", store=True, index=True, precompute=True
    )
    category_id = fields.Many2one(related="service_id.category_id", store=True)
    department_id = fields.Many2one(related="service_id.department_id", store=True)
    version = fields.Integer(
        required=True,
        default=1,
        tracking=True,
        help="Version number of the regulation of this service (1 for the first one).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_force", "In force"),
            ("superseded", "Superseded"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    act_type = fields.Char(
        string="Act",
        help="Kind and issuer of the act, e.g. 'Resolution of the City Administration'.",
    )
    act_number = fields.Char(string="Act number", tracking=True, copy=False)
    act_date = fields.Date(string="Act date", tracking=True, copy=False)
    date_start = fields.Date(string="In force from", tracking=True, copy=False)
    date_end = fields.Date(string="In force until", tracking=True, copy=False)
    superseded_by_id = fields.Many2one(
        "municipal.regulation", string="Superseded by", readonly=True, copy=False
    )
    deadline_days = fields.Integer(
        string="Service term (days)",
        help="Maximum term of providing the service set by this regulation, in days.",
    )
    # Publication in the special information systems
    published_site = fields.Boolean(
        string="Official website", tracking=True, help="Published on the administration's website."
    )
    published_regional_portal = fields.Boolean(string="Regional services portal", tracking=True)
    published_federal_portal = fields.Boolean(string="Federal services portal", tracking=True)
    publication_url = fields.Char(string="Publication URL")
    publication_complete = fields.Boolean(
        compute="_compute_publication_complete",
        store=True,
        help="Published in every information system: website, regional and federal portals.",
    )
    # Actuality of the current version
    is_actual = fields.Boolean(
        string="Actual",
        default=True,
        tracking=True,
        help="At its last review the regulation matched the legislation and the practice.",
    )
    review_date = fields.Date(string="Last review", tracking=True, copy=False)
    review_interval_months = fields.Integer(string="Review every (months)", default=12)
    next_review_date = fields.Date(compute="_compute_next_review_date", store=True)
    review_overdue = fields.Boolean(
        compute="_compute_review_overdue", search="_search_review_overdue"
    )
    # Quality of the draft
    draft_quality = fields.Selection(
        [
            ("good", "Meets the requirements"),
            ("minor", "Minor remarks"),
            ("major", "Must be reworked"),
        ],
        tracking=True,
    )
    draft_review_note = fields.Text(string="Draft review remarks")
    note = fields.Html()

    _sql_constraints = [
        (
            "version_service_uniq",
            "unique(service_id, version)",
            "A service cannot have two regulations with the same version number.",
        ),
        ("version_positive", "CHECK(version > 0)", "The version number must be positive."),
        (
            "review_interval_positive",
            "CHECK(review_interval_months > 0)",
            "The review interval must be at least one month.",
        ),
    ]

    @api.depends("published_site", "published_regional_portal", "published_federal_portal")
    def _compute_publication_complete(self):
        for regulation in self:
            regulation.publication_complete = (
                regulation.published_site
                and regulation.published_regional_portal
                and regulation.published_federal_portal
            )

    @api.depends("review_date", "date_start", "review_interval_months")
    def _compute_next_review_date(self):
        for regulation in self:
            base = regulation.review_date or regulation.date_start
            regulation.next_review_date = (
                base + relativedelta(months=regulation.review_interval_months) if base else False
            )

    @api.depends("state", "next_review_date")
    def _compute_review_overdue(self):
        today = fields.Date.context_today(self)
        for regulation in self:
            regulation.review_overdue = (
                regulation.state == "in_force"
                and bool(regulation.next_review_date)
                and regulation.next_review_date < today
            )

    def _search_review_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'review overdue'."))
        domain = [
            ("state", "=", "in_force"),
            ("next_review_date", "!=", False),
            ("next_review_date", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", "&", "&", *domain]

    @api.constrains("state", "act_number", "act_date")
    def _check_act_when_in_force(self):
        for regulation in self.filtered(lambda r: r.state == "in_force"):
            if not regulation.act_number or not regulation.act_date:
                raise ValidationError(
                    self.env._(
                        "The regulation '%(name)s' cannot be in force without the number and "
                        "the date of the act that approved it.",
                        name=regulation.name,
                    )
                )

    @api.constrains("state", "service_id")
    def _check_single_in_force(self):
        services = self.filtered(lambda r: r.state == "in_force").service_id
        if not services:
            return
        groups = self._read_group(
            [("service_id", "in", services.ids), ("state", "=", "in_force")],
            ["service_id"],
            ["__count"],
        )
        for service, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "The service '%(service)s' already has a regulation in force: supersede "
                        "it before putting another one in force.",
                        service=service.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for regulation in self:
            if (
                regulation.date_start
                and regulation.date_end
                and regulation.date_end < regulation.date_start
            ):
                raise ValidationError(
                    self.env._("A regulation cannot end before it comes into force.")
                )

    def _check_status_change(self):
        """Only a quality manager changes the status of a regulation (in force, superseded,
        back to draft)."""
        self._lock_check_groups(
            "municipal_quality.group_quality_manager",
            action=self.env._("changing the status of a regulation"),
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(regulation.state != "draft" for regulation in self):
            raise UserError(
                self.env._(
                    "Only draft regulations can be deleted: the others are kept as the history "
                    "of the service."
                )
            )

    def action_put_in_force(self):
        """Put the regulation in force; the version in force of the same service is superseded."""
        self._check_status_change()
        self._lock_check_state(["draft"], action=self.env._("putting in force"))
        today = fields.Date.context_today(self)
        for regulation in self:
            previous = regulation.service_id.regulation_ids.filtered(
                lambda r: r.state == "in_force"
            )
            if previous:
                previous._lock_write(
                    {
                        "state": "superseded",
                        "date_end": regulation.date_start or today,
                        "superseded_by_id": regulation.id,
                    }
                )
            regulation._lock_write(
                {"state": "in_force", "date_start": regulation.date_start or today}
            )
        return True

    def action_supersede(self):
        self._check_status_change()
        self._lock_check_state(["in_force"], action=self.env._("superseding"))
        today = fields.Date.context_today(self)
        for regulation in self:
            regulation._lock_write(
                {"state": "superseded", "date_end": regulation.date_end or today}
            )
        return True

    def action_reset_to_draft(self):
        self._check_status_change()
        self._lock_check_state(["superseded"], action=self.env._("resetting to draft"))
        self._lock_write({"state": "draft", "date_end": False, "superseded_by_id": False})
        return True

    def action_confirm_actual(self):
        """Record a review that found the regulation actual."""
        self.write({"is_actual": True, "review_date": fields.Date.context_today(self)})
        return True

    def action_mark_outdated(self):
        """Record a review that found the regulation outdated; its department must revise it."""
        self.write({"is_actual": False, "review_date": fields.Date.context_today(self)})
        for regulation in self:
            manager_user = regulation.department_id.manager_id.user_id
            regulation.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Revise the outdated regulation"),
                note=self.env._("The review found the regulation outdated: prepare a new version."),
                user_id=(manager_user or self.env.user).id,
            )
        return True

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for regulation, vals in zip(self, vals_list, strict=True):
            if "version" not in (default or {}):
                last = max(regulation.service_id.regulation_ids.mapped("version") or [0])
                vals["version"] = last + 1
        return vals_list
