"""Decisions of the Standard nobody can forge over RPC (issue 11).

Every call goes over real HTTP (``/web/dataset/call_kw`` with a session and ``/xmlrpc/2/object``
with the password) as the role would send it, with every context key that ever unlocked
something (``HOSTILE_CONTEXT``: ``edu_assessment_unlock``, ``edu_complaint_transition``,
``edu_check_unlock``...). A forged call is refused and changes nothing (compared with a snapshot
read from the database); the legitimate path through the buttons still works for the right role.
"""

from datetime import date

from odoo import Command
from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import MunicipalRpcCase, RpcRefused

FULL_FIGURES = {
    "positions_total": 40,
    "positions_filled": 40,
    "teachers_total": 20,
    "teachers_higher_education": 20,
    "teachers_trained": 20,
    "pupils_start": 100,
    "pupils_retained": 100,
    "hours_planned": 1000,
    "hours_delivered": 1000,
}
ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestEduRpcIntegrity(MunicipalRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.head = cls.rpc_user("edu_rpc_head", "edu_standard.group_edu_organization")
        cls.other_head = cls.rpc_user("edu_rpc_other", "edu_standard.group_edu_organization")
        cls.department = cls.rpc_user("edu_rpc_department", "edu_standard.group_edu_user")
        # a specialist of the department who also works in the organisation assessed
        cls.department_staff = cls.rpc_user(
            "edu_rpc_department_staff", "edu_standard.group_edu_user"
        )
        cls.manager = cls.rpc_user("edu_rpc_manager", "edu_standard.group_edu_manager")
        cls.employee = cls.rpc_user("edu_rpc_employee", "base.group_user")
        cls.parent = cls.rpc_user("edu_rpc_parent", "base.group_portal")
        cls.env.company.edu_department_user_id = cls.department
        cls.organization = cls.env["edu.organization"].create(
            {
                "name": "RPC house of children's creativity",
                "head_user_id": cls.head.id,
                "user_ids": [Command.set((cls.head | cls.department_staff).ids)],
            }
        )
        cls.other_organization = cls.env["edu.organization"].create(
            {
                "name": "RPC sports school",
                "head_user_id": cls.other_head.id,
                "user_ids": [Command.set(cls.other_head.ids)],
            }
        )

    # ------------------------------------------------------------------ helpers
    def _assessment(self, **vals):
        return self.env["edu.standard.assessment"].create(
            {"organization_id": self.organization.id, "year": 2024, **FULL_FIGURES, **vals}
        )

    def _complaint(self, level="organization", **vals):
        return self.env["edu.complaint"].create(
            {
                "applicant_id": self.parent.partner_id.id,
                "organization_id": self.organization.id,
                "legal_capacity_confirmed": True,
                "description": "Classes moved to 20:00 without notice",
                "violation_date": date(2024, 3, 1),
                "date_filed": date(2024, 3, 5),
                "level": level,
                **vals,
            }
        )

    def _violation(self, complaint, **vals):
        return self.env["edu.complaint.violation"].create(
            {
                "complaint_id": complaint.id,
                "description": "Timetable changed without notice",
                "remedy": "Timetable restored",
                "remedied": True,
                **vals,
            }
        )

    def _check(self, **vals):
        return self.env["edu.control.check"].create(
            {
                "organization_id": self.organization.id,
                "check_type": "complaints_book",
                "date_from": date(2024, 3, 1),
                "date_to": date(2024, 3, 31),
                "findings": "<p>The book is kept.</p>",
                **vals,
            }
        )

    def _answered(self, level="organization"):
        complaint = self._complaint(level=level)
        complaint.action_start_investigation()
        self._violation(complaint)
        if level == "department":
            complaint.action_receive_report()
        complaint.write({"answer_text": "<p>The timetable was restored.</p>"})
        complaint.action_answer_remedied()
        return complaint

    def _state(self, records, html=()):
        """Stored values of ``records``, their html fields ``html`` included."""
        state = self.snapshot(records)
        if html:
            state += self.snapshot(records, fields=list(html))
        return state

    def assertForgeriesRefused(self, records, calls, html=(), name=None):
        """Each ``(user, method, args)`` of ``calls`` on ``records`` is refused through both
        doors and nothing of ``records`` changes. ``name`` is the exception expected."""
        before = self._state(records, html)
        counts = {model: self.env[model].sudo().search_count([]) for model in {records._name}}
        for user, method, args in calls:
            with self.subTest(user=user.login, method=method, args=args):
                messages = self.assertRefused(user, records._name, method, args)
                self.assertTrue(all(messages), "a refusal says why")
        self.assertEqual(self._state(records, html), before, "a refused call changed nothing")
        for model, count in counts.items():
            self.assertEqual(self.env[model].sudo().search_count([]), count, model)
        return before

    # ------------------------------------------------------------------ assessment
    def test_assessment_forgeries_are_refused(self):
        draft = self._assessment(year=2023)
        confirmed = self._assessment(year=2024)
        confirmed.with_user(self.department).action_confirm()
        assessments = draft | confirmed
        self.assertForgeriesRefused(
            assessments,
            [
                # an organisation's staff never confirm their own assessment
                (self.head, "action_confirm", [draft.ids]),
                (self.head, "write", [draft.ids, {"state": "confirmed"}]),
                (self.head, "write", [draft.ids, {"confirmed_by_id": self.head.id}]),
                # nor does a specialist of the department who works in the organisation
                (self.department_staff, "action_confirm", [draft.ids]),
                (self.employee, "action_confirm", [draft.ids]),
                (self.parent, "action_confirm", [draft.ids]),
                # a confirmed assessment is frozen, for everybody
                (self.head, "write", [confirmed.ids, {"positions_filled": 30}]),
                (self.department, "write", [confirmed.ids, {"positions_filled": 30}]),
                (self.manager, "write", [confirmed.ids, {"note": "<p>Rewritten</p>"}]),
                (self.manager, "write", [confirmed.ids, {"year": 2022}]),
                (self.department, "write", [confirmed.ids, {"state": "draft"}]),
                (self.department, "unlink", [confirmed.ids]),
                # only the head of the department reopens it
                (self.head, "action_reset_to_draft", [confirmed.ids]),
                (self.department, "action_reset_to_draft", [confirmed.ids]),
                (self.department_staff, "action_reset_to_draft", [confirmed.ids]),
            ],
            html=("note",),
        )
        count = self.env["edu.standard.assessment"].search_count([])
        self.assertRefused(
            self.head,
            "edu.standard.assessment",
            "create",
            [[{"organization_id": self.organization.id, "year": 2022, "state": "confirmed"}]],
        )
        self.assertEqual(self.env["edu.standard.assessment"].search_count([]), count)

    def test_assessment_errors_name_the_field_and_the_group(self):
        confirmed = self._assessment()
        confirmed.with_user(self.department).action_confirm()
        message = self.assertRefused(
            self.department,
            "edu.standard.assessment",
            "write",
            [confirmed.ids, {"positions_filled": 30}],
        )[0]
        self.assertIn("'Positions filled' can no longer be changed", message)
        draft = self._assessment(year=2023)
        with self.assertRaises(RpcRefused) as caught:
            self.call_json(self.head, "edu.standard.assessment", "action_confirm", [draft.ids])
        self.assertEqual(caught.exception.name, ACCESS_ERROR)
        self.assertIn("Education department", caught.exception.message)

    def test_assessment_legitimate_path(self):
        assessment = self._assessment()
        # the organisation reports its figures on the draft
        self.call_json(
            self.head,
            "edu.standard.assessment",
            "write",
            [assessment.ids, {"positions_filled": 39}],
        )
        self.call_json(
            self.department, "edu.standard.assessment", "action_confirm", [assessment.ids]
        )
        assessment.invalidate_recordset()
        self.assertEqual(assessment.state, "confirmed")
        self.assertEqual(assessment.confirmed_by_id, self.department)
        self.assertEqual(assessment.positions_filled, 39)
        # the chatter stays open on a confirmed assessment
        self.call_json(
            self.head,
            "edu.standard.assessment",
            "message_post",
            [assessment.ids],
            {"body": "Thank you"},
        )
        self.call_xmlrpc(
            self.manager, "edu.standard.assessment", "action_reset_to_draft", [assessment.ids]
        )
        assessment.invalidate_recordset()
        self.assertEqual(assessment.state, "draft")
        self.assertFalse(assessment.confirmed_by_id)

    # ------------------------------------------------------------------ complaint
    def test_staff_never_handle_a_complaint_addressed_to_the_department(self):
        registered = self._complaint(level="department")
        investigated = self._complaint(level="department")
        investigated.action_start_investigation()
        self._violation(investigated)
        complaints = registered | investigated
        self.assertForgeriesRefused(
            complaints,
            [
                (self.head, "action_start_investigation", [registered.ids]),
                (self.head, "action_refuse", [registered.ids, "not_standard", "Forged"]),
                (self.head, "action_open_refuse_wizard", [registered.ids]),
                (self.head, "action_answer_remedied", [investigated.ids]),
                (self.head, "action_receive_report", [investigated.ids]),
                (self.head, "write", [investigated.ids, {"level": "organization"}]),
                (self.head, "write", [investigated.ids, {"report_date": "2024-03-10"}]),
                (self.head, "write", [investigated.ids, {"instruction_date": "2024-03-06"}]),
                (self.head, "write", [investigated.ids, {"answer_text": "<p>Forged</p>"}]),
                (self.head, "write", [investigated.ids, {"state": "answered"}]),
                (self.head, "write", [investigated.ids, {"outcome": "remedied"}]),
                (self.employee, "action_start_investigation", [registered.ids]),
                (self.parent, "action_refuse", [registered.ids, "not_standard", "Forged"]),
            ],
            html=("answer_text",),
        )
        # the organisation still writes its report on the complaint (section 2.6.6)
        self.call_json(
            self.head,
            "edu.complaint",
            "write",
            [investigated.ids, {"report_text": "<p>Facts established.</p>"}],
        )
        investigated.invalidate_recordset()
        self.assertIn("Facts established", investigated.report_text)

    def test_staff_cannot_move_or_register_a_complaint_to_the_department(self):
        own = self._complaint()
        self.assertForgeriesRefused(
            own,
            [
                (self.head, "write", [own.ids, {"level": "department"}]),
                (self.head, "write", [own.ids, {"organization_id": self.other_organization.id}]),
                (self.head, "action_escalate", [own.ids]),
                (self.head, "action_escalate_open", [own.ids]),
                # another organisation's complaint: not theirs to handle
                (self.other_head, "action_start_investigation", [own.ids]),
                (self.other_head, "action_refuse", [own.ids, "not_standard", "Forged"]),
            ],
        )
        count = self.env["edu.complaint"].search_count([])
        self.assertRefused(
            self.head,
            "edu.complaint",
            "create",
            [
                [
                    {
                        "applicant_id": self.parent.partner_id.id,
                        "organization_id": self.organization.id,
                        "description": "Forged",
                        "violation_date": "2024-03-01",
                        "date_filed": "2024-03-05",
                        "level": "department",
                    }
                ]
            ],
        )
        self.assertRefused(
            self.head,
            "edu.complaint",
            "create",
            [
                [
                    {
                        "applicant_id": self.parent.partner_id.id,
                        "organization_id": self.organization.id,
                        "description": "Forged",
                        "violation_date": "2024-03-01",
                        "date_filed": "2024-03-05",
                        "state": "closed",
                        "outcome": "remedied",
                    }
                ]
            ],
        )
        self.assertRefused(
            self.head,
            "edu.complaint",
            "create",
            [
                [
                    {
                        "applicant_id": self.parent.partner_id.id,
                        "organization_id": self.organization.id,
                        "description": "Forged",
                        "violation_date": "2024-03-01",
                        "date_filed": "2024-03-05",
                        "supervision_notified": True,
                    }
                ]
            ],
        )
        self.assertEqual(self.env["edu.complaint"].search_count([]), count)

    def test_answered_complaint_is_frozen(self):
        answered = self._answered()
        answered_department = self._answered(level="department")
        complaints = answered | answered_department
        violations = complaints.violation_ids
        before_violations = self.snapshot(violations)
        self.assertForgeriesRefused(
            complaints,
            [
                # an answer already sent is never rewritten
                (self.head, "write", [answered.ids, {"answer_text": "<p>Rewritten</p>"}]),
                (self.department, "write", [answered.ids, {"answer_text": "<p>Rewritten</p>"}]),
                (self.manager, "write", [complaints.ids, {"answer_text": "<p>Rewritten</p>"}]),
                (self.manager, "write", [complaints.ids, {"description": "Rewritten"}]),
                (self.department, "write", [complaints.ids, {"state": "investigation"}]),
                (self.department, "write", [answered.ids, {"outcome": "refused"}]),
                (self.department, "action_refuse", [answered.ids, "not_standard", "Again"]),
                (self.department, "unlink", [answered.ids]),
                # closing the department's complaint is the department's
                (self.head, "action_close", [answered_department.ids]),
                (self.head, "action_escalate", [answered.ids]),
            ],
            html=("answer_text", "report_text"),
        )
        for user in (self.head, self.department):
            self.assertRefused(
                user, "edu.complaint.violation", "write", [violations.ids, {"remedied": False}]
            )
            self.assertRefused(
                user,
                "edu.complaint.violation",
                "create",
                [[{"complaint_id": answered.id, "description": "Forged"}]],
            )
            self.assertRefused(user, "edu.complaint.violation", "unlink", [violations.ids])
        self.assertEqual(self.snapshot(violations), before_violations)
        message = self.assertRefused(
            self.department, "edu.complaint", "write", [answered.ids, {"answer_text": "<p>x</p>"}]
        )[0]
        self.assertIn("'Answer' can no longer be changed", message)

    def test_complaint_legitimate_paths(self):
        # the head of the organisation handles a complaint addressed to him
        own = self._complaint()
        self.call_json(self.head, "edu.complaint", "action_start_investigation", [own.ids])
        self.call_json(
            self.head,
            "edu.complaint.violation",
            "create",
            [[{"complaint_id": own.id, "description": "Late", "remedied": True}]],
        )
        self.call_json(
            self.head, "edu.complaint", "write", [own.ids, {"answer_text": "<p>Done.</p>"}]
        )
        self.call_xmlrpc(self.head, "edu.complaint", "action_answer_remedied", [own.ids])
        self.call_json(self.head, "edu.complaint", "message_post", [own.ids], {"body": "Sent"})
        self.call_json(self.head, "edu.complaint", "action_close", [own.ids])
        own.invalidate_recordset()
        self.assertEqual((own.state, own.outcome), ("closed", "remedied"))
        # the department registers its escalation (filed today: late, refused on that ground)
        action = self.call_json(self.department, "edu.complaint", "action_escalate_open", [own.ids])
        escalated = self.env["edu.complaint"].browse(action["res_id"])
        self.assertEqual((escalated.level, escalated.escalated_from_id), ("department", own))
        self.assertTrue(escalated.filed_late)
        self.call_xmlrpc(
            self.department,
            "edu.complaint",
            "action_refuse",
            [escalated.ids, "deadline_missed", "Filed after 30 days."],
        )
        escalated.invalidate_recordset()
        self.assertEqual((escalated.state, escalated.outcome), ("answered", "refused"))
        # the department handles a complaint addressed to it; the organisation investigates
        department = self._complaint(level="department")
        self.call_json(
            self.department, "edu.complaint", "action_start_investigation", [department.ids]
        )
        self.call_json(
            self.head,
            "edu.complaint.violation",
            "create",
            [[{"complaint_id": department.id, "description": "No permit", "remedied": True}]],
        )
        self.call_json(
            self.head,
            "edu.complaint",
            "write",
            [department.ids, {"report_text": "<p>Permit obtained.</p>"}],
        )
        self.call_json(self.department, "edu.complaint", "action_receive_report", [department.ids])
        self.call_json(self.department, "edu.complaint", "action_answer_remedied", [department.ids])
        self.call_json(self.department, "edu.complaint", "action_close", [department.ids])
        department.invalidate_recordset()
        self.assertEqual((department.state, department.outcome), ("closed", "remedied"))
        self.assertTrue(department.report_date)
        # and the refusal wizard of the head, for his own complaint
        other = self._complaint()
        action = self.call_json(
            self.head, "edu.complaint", "action_open_refuse_wizard", [other.ids]
        )
        self.assertEqual(action["res_model"], "edu.complaint.refuse")
        wizard = self.call_json(
            self.head,
            "edu.complaint.refuse",
            "create",
            [
                [
                    {
                        "complaint_id": other.id,
                        "refusal_ground": "not_standard",
                        "refusal_reason": "No",
                    }
                ]
            ],
        )
        self.call_json(self.head, "edu.complaint.refuse", "action_refuse", [wizard])
        other.invalidate_recordset()
        self.assertEqual(other.state, "answered")

    # ------------------------------------------------------------------ control check
    def test_control_check_forgeries_are_refused(self):
        self._answered()
        external = self._check()
        internal = self._check(control_kind="internal")
        done = self._check()
        done.action_load_complaints()
        done.with_user(self.department).action_done()
        self.assertTrue(done.line_ids)
        checks = external | internal | done
        self.assertForgeriesRefused(
            checks,
            [
                # an external check is the founder's: the staff do not close, nor change it
                (self.head, "action_done", [external.ids]),
                (self.head, "write", [external.ids, {"control_kind": "internal"}]),
                (self.head, "write", [external.ids, {"findings": "<p>Forged</p>"}]),
                (self.head, "action_load_complaints", [external.ids]),
                (self.head, "write", [internal.ids, {"state": "done"}]),
                # another organisation's internal check
                (self.other_head, "action_done", [internal.ids]),
                (self.employee, "action_done", [external.ids]),
                (self.parent, "action_done", [external.ids]),
                # a done check is frozen, and only the head of the department reopens it
                (self.department, "write", [done.ids, {"findings": "<p>Rewritten</p>"}]),
                (self.department, "write", [done.ids, {"date_to": "2024-04-30"}]),
                (self.department, "write", [done.ids, {"state": "draft"}]),
                (self.department, "action_load_complaints", [done.ids]),
                (self.department, "action_reset_to_draft", [done.ids]),
                (self.head, "action_reset_to_draft", [done.ids]),
                (self.department, "unlink", [done.ids]),
            ],
            html=("findings", "measures"),
        )
        lines = done.line_ids
        before = self.snapshot(lines)
        self.assertRefused(
            self.department,
            "edu.control.check.line",
            "write",
            [lines.ids, {"measures_taken": False, "note": "Forged"}],
        )
        self.assertRefused(self.department, "edu.control.check.line", "unlink", [lines.ids])
        self.assertRefused(
            self.department,
            "edu.control.check.line",
            "create",
            [[{"check_id": done.id, "complaint_id": lines[0].complaint_id.id}]],
        )
        self.assertEqual(self.snapshot(lines), before)
        self.assertEqual(done.line_ids, lines)

    def test_control_check_legitimate_path(self):
        internal = self._check(control_kind="internal")
        self.call_json(
            self.head, "edu.control.check", "write", [internal.ids, {"measures": "<p>Plan</p>"}]
        )
        self.call_json(self.head, "edu.control.check", "action_load_complaints", [internal.ids])
        self.call_json(self.head, "edu.control.check", "action_done", [internal.ids])
        external = self._check()
        self.call_xmlrpc(self.department, "edu.control.check", "action_done", [external.ids])
        (internal | external).invalidate_recordset()
        self.assertEqual((internal.state, external.state), ("done", "done"))
        self.call_json(self.manager, "edu.control.check", "action_reset_to_draft", [external.ids])
        external.invalidate_recordset()
        self.assertEqual(external.state, "draft")
