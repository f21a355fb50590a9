from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

COUNCIL_GROUP = "municipal_quality.group_public_council"


class CultureCouncilPortal(CustomerPortal):
    """Public council members on the portal: read campaigns, results, disclosure checks,
    improvement plans and minutes; submit proposals. Everything is read as the member, so the
    record rules decide what is shown."""

    def _is_council_member(self):
        return request.env.user.has_group(COUNCIL_GROUP)

    def _check_council(self):
        if not self._is_council_member():
            raise Forbidden()

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "culture_campaign_count" in counters:
            values["culture_campaign_count"] = (
                request.env["culture.campaign"].search_count([]) if self._is_council_member() else 0
            )
        return values

    def _council_record(self, model, record_id):
        record = request.env[model].browse(record_id)
        try:
            record.check_access("read")
            record.read(["display_name"])
        except (AccessError, MissingError) as exc:
            raise NotFound() from exc
        return record

    @http.route("/my/culture", type="http", auth="user", website=True)
    def portal_culture_home(self, **kwargs):
        self._check_council()
        env = request.env
        values = {
            "page_name": "culture",
            "campaigns": env["culture.campaign"].search([]),
            "plans": env["culture.improvement.plan"].search([]),
            "meetings": env["culture.council.meeting"].search([]),
            "work_plans": env["culture.council.work.plan"].search([]),
            "proposals": env["culture.proposal"].search([]),
            "proposal_types": env["culture.proposal"]
            ._fields["proposal_type"]
            ._description_selection(env),
            "message": kwargs.get("message"),
            "error": kwargs.get("error"),
        }
        return request.render("culture_rating.portal_culture_home", values)

    @http.route("/my/culture/campaign/<int:campaign_id>", type="http", auth="user", website=True)
    def portal_culture_campaign(self, campaign_id, **kwargs):
        self._check_council()
        campaign = self._council_record("culture.campaign", campaign_id)
        checks = request.env["culture.checklist.line"].search([("campaign_id", "=", campaign.id)])
        results = request.env["culture.assessment"].search([("campaign_id", "=", campaign.id)])
        values = {
            "page_name": "culture_campaign",
            "campaign": campaign,
            "results": results,
            "checks": checks,
        }
        return request.render("culture_rating.portal_culture_campaign", values)

    @http.route("/my/culture/plan/<int:plan_id>", type="http", auth="user", website=True)
    def portal_culture_plan(self, plan_id, **kwargs):
        self._check_council()
        plan = self._council_record("culture.improvement.plan", plan_id)
        return request.render(
            "culture_rating.portal_culture_plan", {"page_name": "culture_plan", "plan": plan}
        )

    @http.route("/my/culture/meeting/<int:meeting_id>", type="http", auth="user", website=True)
    def portal_culture_meeting(self, meeting_id, **kwargs):
        self._check_council()
        meeting = self._council_record("culture.council.meeting", meeting_id)
        return request.render(
            "culture_rating.portal_culture_meeting",
            {"page_name": "culture_meeting", "meeting": meeting},
        )

    @http.route("/my/culture/workplan/<int:plan_id>", type="http", auth="user", website=True)
    def portal_culture_work_plan(self, plan_id, **kwargs):
        self._check_council()
        plan = self._council_record("culture.council.work.plan", plan_id)
        return request.render(
            "culture_rating.portal_culture_work_plan",
            {"page_name": "culture_work_plan", "work_plan": plan},
        )

    @http.route("/my/culture/proposal", type="http", auth="user", website=True, methods=["POST"])
    def portal_culture_proposal(self, **post):
        self._check_council()
        name = (post.get("name") or "").strip()
        description = (post.get("description") or "").strip()
        proposal_type = post.get("proposal_type") or "quality"
        if not name or not description:
            return request.redirect("/my/culture?error=missing")
        try:
            request.env["culture.proposal"].create(
                {"name": name, "description": description, "proposal_type": proposal_type}
            )
        except (UserError, ValidationError, ValueError):
            return request.redirect("/my/culture?error=invalid")
        return request.redirect("/my/culture?message=sent")
