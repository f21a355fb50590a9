from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import format_date

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models import deadlines
from ..models.edu_complaint import PORTAL_LIMITS


class EduComplaintPortal(CustomerPortal):
    """Parents and pupils file their complaints and follow them; they see nobody else's."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "edu_complaint_count" in counters:
            Complaint = request.env["edu.complaint"]
            values["edu_complaint_count"] = (
                Complaint.search_count(self._edu_complaint_domain())
                if Complaint.has_access("read")
                else 0
            )
        return values

    def _edu_complaint_domain(self):
        return [("applicant_id", "=", request.env.user.partner_id.id)]

    @http.route(
        ["/my/edu_complaints", "/my/edu_complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_edu_complaints(self, page=1, **kw):
        Complaint = request.env["edu.complaint"]
        domain = self._edu_complaint_domain()
        total = Complaint.search_count(domain)
        pager = portal_pager(
            url="/my/edu_complaints", total=total, page=page, step=self._items_per_page
        )
        complaints = Complaint.search(
            domain,
            order="date_filed desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_edu_complaints_history"] = complaints.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaints": complaints.sudo(),
                "page_name": "edu_complaint",
                "pager": pager,
                "default_url": "/my/edu_complaints",
            }
        )
        return request.render("edu_standard.portal_my_edu_complaints", values)

    @http.route(["/my/edu_complaints/<int:complaint_id>"], type="http", auth="public", website=True)
    def portal_my_edu_complaint(
        self, complaint_id, access_token=None, report_type=None, download=False, **kw
    ):
        try:
            complaint_sudo = self._document_check_access(
                "edu.complaint", complaint_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.not_found()
        if report_type in ("html", "pdf", "text"):
            if complaint_sudo.state not in ("answered", "closed"):
                return request.not_found()
            return self._show_report(
                model=complaint_sudo,
                report_type=report_type,
                report_ref="edu_standard.action_report_complaint_answer",
                download=download,
            )
        return self._render_edu_complaint(complaint_sudo, access_token)

    def _render_edu_complaint(self, complaint_sudo, access_token=None, escalation_error=None):
        # the error of a refused escalation comes from the server only, never from the URL
        values = self._get_page_view_values(
            complaint_sudo,
            access_token,
            {"page_name": "edu_complaint"},
            "my_edu_complaints_history",
            False,
        )
        values["complaint"] = complaint_sudo
        values.update(self._edu_escalation_values(complaint_sudo, escalation_error))
        return request.render("edu_standard.portal_my_edu_complaint", values)

    def _edu_escalation_values(self, complaint_sudo, error=None):
        """What the applicant's page says of taking the head's answer to the department: the
        button while he may (his own complaint, answered, within the 30 days of 2.6.6), or why
        not. Only for the logged-in applicant, never for a visitor with the link's token."""
        user = request.env.user
        if user._is_public() or complaint_sudo.applicant_id != user.partner_id:
            return {"escalation": False}
        if not error and (
            complaint_sudo.level != deadlines.ORGANIZATION
            or complaint_sudo.state not in ("answered", "closed")
        ):
            return {"escalation": False}
        refusal = complaint_sudo._applicant_escalation_error(user)
        return {
            "escalation": {
                "allowed": not refusal and not complaint_sudo.escalated_to_id,
                "refusal": refusal if not complaint_sudo.escalated_to_id else False,
                "error": error,
                "deadline": format_date(
                    request.env, complaint_sudo._applicant_escalation_deadline()
                ),
            }
        }

    @http.route(
        ["/my/edu_complaints/<int:complaint_id>/escalate"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_edu_complaint_escalate(self, complaint_id, **post):
        """The applicant takes the head's answer to the education department (2.6.3, 2.6.6):
        checked on the server, whatever the page showed."""
        complaint_sudo = request.env["edu.complaint"].sudo().browse(complaint_id).exists()
        if not complaint_sudo or complaint_sudo.applicant_id != request.env.user.partner_id:
            # another parent's complaint (or none): nothing is said of it
            return request.not_found()
        try:
            escalated = complaint_sudo._escalate_by_applicant(request.env.user)
        except (AccessError, UserError) as error:
            return self._render_edu_complaint(complaint_sudo, escalation_error=str(error))
        return request.redirect(escalated.get_portal_url())

    def _edu_complaint_form_values(self, **extra):
        env = request.env
        Complaint = env["edu.complaint"]
        today = fields.Date.context_today(env.user)
        return {
            "page_name": "edu_complaint_new",
            "organizations": env["edu.organization"].sudo().search([]),
            "requirements": env["edu.standard.requirement"].sudo().search([]),
            "levels": Complaint._fields["level"]._description_selection(env),
            "roles": Complaint._fields["applicant_role"]._description_selection(env),
            "today": today,
            "oldest": Complaint._portal_oldest_violation_date(today),
            "limits": PORTAL_LIMITS,
            "filing_days": deadlines.FILING_DAYS,
            "late": {},
            "errors": {},
            "form": {},
            **extra,
        }

    @http.route(["/my/edu_complaints/new"], type="http", auth="user", website=True, methods=["GET"])
    def portal_edu_complaint_new(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._edu_complaint_form_values())
        return request.render("edu_standard.portal_edu_complaint_new", values)

    @http.route(
        ["/my/edu_complaints/new"], type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_edu_complaint_submit(self, **post):
        env = request.env
        try:
            result = env["edu.complaint"]._portal_file_complaint(env.user, post)
        except ValidationError as error:
            result = {"errors": {"general": str(error)}}
        if result.get("complaint"):
            return request.redirect(result["complaint"].get_portal_url())
        late = result.get("late")
        if late:
            # late for the level chosen (issue 13): say so and offer the department while its
            # 30 days are open; filed there only once the applicant confirms it knowingly
            late = {
                **late,
                "unconfirmed": True,
                "head_deadline": format_date(env, late["head_deadline"]),
                "department_deadline": format_date(env, late["department_deadline"]),
            }
        values = self._prepare_portal_layout_values()
        values.update(
            self._edu_complaint_form_values(
                errors=result.get("errors", {}), late=late or {}, form=post
            )
        )
        return request.render("edu_standard.portal_edu_complaint_new", values)


class EduDocumentsPortal(CustomerPortal):
    """Section 2.6.1: the documents of the organisations shown to pupils and parents."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "edu_document_count" in counters:
            values["edu_document_count"] = sum(
                len(documents)
                for documents in request.env["edu.organization.document"]
                ._portal_documents()
                .values()
            )
        return values

    @http.route(["/my/edu_documents"], type="http", auth="user", website=True)
    def portal_my_edu_documents(self, **kw):
        Document = request.env["edu.organization.document"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "edu_documents",
                "documents_by_organization": Document._portal_documents(),
                "types": dict(
                    Document._fields["document_type"]._description_selection(request.env)
                ),
            }
        )
        return request.render("edu_standard.portal_my_edu_documents", values)

    @http.route(["/my/edu_documents/<int:document_id>"], type="http", auth="user")
    def portal_edu_document_download(self, document_id, **kw):
        document = request.env["edu.organization.document"].sudo().browse(document_id).exists()
        if not document or not document._portal_downloadable():
            return request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(document, "attachment", filename=document.attachment_name)
            .get_response(as_attachment=True)
        )
