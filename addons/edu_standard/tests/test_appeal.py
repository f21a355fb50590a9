"""2.6.3 / 2.6.4 ways of appeal and legal capacity; 2.6.6 referral to the supervisory body and
no sanction against the head on a department-level complaint."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestWaysOfAppeal(EduStandardCase):
    def _appeal(self, **vals):
        return self.env["edu.appeal"].create(
            {
                "applicant_id": self.parent_user.partner_id.id,
                "organization_id": self.organization.id,
                "date": date(2024, 3, 2),
                "description": "Classes moved to 20:00",
                "legal_capacity_confirmed": True,
                **vals,
            }
        )

    def test_the_four_ways_of_2_6_3(self):
        ways = dict(self.env["edu.appeal"]._fields["way"].selection)
        self.assertEqual(
            list(ways), ["employee", "organization", "department", "court"], "2.6.3, in its order"
        )
        head = self._complaint()
        department = self._complaint(level="department")
        recorded = (
            self._appeal(way="employee", employee_name="Teacher One", employee_result="not_removed")
            | self._appeal(way="organization", complaint_id=head.id)
            | self._appeal(way="department", complaint_id=department.id)
            | self._appeal(way="court", court_name="Usolsky City Court", case_number="2-15/2024")
        )
        self.assertEqual(sorted(recorded.mapped("way")), sorted(ways))
        self.assertEqual(head.appeal_ids.way, "organization")

    def test_each_way_names_what_it_needs(self):
        with self.assertRaisesText(ValidationError, "Name the employee"):
            self._appeal(way="employee")
        with self.assertRaisesText(ValidationError, "Name the court"):
            self._appeal(way="court")
        with self.assertRaisesText(ValidationError, "complaint of the register"):
            self._appeal(way="organization")
        with self.assertRaisesText(ValidationError, "complaint of the register"):
            self._appeal(way="department", complaint_id=self._complaint().id)

    def test_legal_capacity_confirmed_on_an_appeal(self):
        with self.assertRaisesText(ValidationError, "legal capacity"):
            self._appeal(way="court", court_name="Court", legal_capacity_confirmed=False)

    def test_legal_capacity_confirmed_on_a_complaint(self):
        with self.assertRaisesText(ValidationError, "legal capacity"):
            self._complaint(legal_capacity_confirmed=False)
        complaint = self._complaint()
        with self.assertRaisesText(ValidationError, "legal capacity"):
            complaint.legal_capacity_confirmed = False

    def test_legal_capacity_is_confirmed_on_the_complaint_form(self):
        form = Form(self.env["edu.complaint"].with_user(self.head_user))
        form.applicant_id = self.parent_user.partner_id
        form.organization_id = self.organization
        form.description = "Classes moved"
        form.violation_date = date(2024, 3, 1)
        form.date_filed = date(2024, 3, 5)
        with self.assertRaisesText(ValidationError, "legal capacity"):
            form.save()
        form.legal_capacity_confirmed = True
        self.assertTrue(form.save().legal_capacity_confirmed)

    def test_escalation_keeps_the_confirmation(self):
        complaint = self._complaint()
        self.assertTrue(complaint.action_escalate().legal_capacity_confirmed)


@tagged("post_install", "-at_install")
class TestSupervisoryReferral(EduStandardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisory = cls.env["res.partner"].create(
            {"name": "State supervisory body in education", "is_company": True}
        )

    def _refer(self, complaint, user=None, **vals):
        Referral = self.env["edu.complaint.supervision"]
        if user:
            Referral = Referral.with_user(user)
        return Referral.create(
            {
                "complaint_id": complaint.id,
                "addressee_id": self.supervisory.id,
                "date": date(2024, 3, 6),
                **vals,
            }
        )

    def test_referral_with_date_addressee_and_outcome(self):
        complaint = self._complaint(level="department")
        referral = self._refer(complaint, user=self.department_user, reference="01-12/345")
        self.assertEqual(referral.outcome, "pending")
        self.assertTrue(complaint.supervision_notified)
        self.assertIn("Referred to the supervisory body", complaint.message_ids[0].body)
        self.assertEqual(complaint.supervision_ids, referral)
        with self.assertRaisesText(ValidationError, "day of the answer"):
            referral.outcome = "violations_found"
        referral.write({"outcome": "violations_found", "outcome_date": date(2024, 3, 20)})
        with self.assertRaisesText(ValidationError, "before the referral"):
            referral.outcome_date = date(2024, 3, 5)

    def test_only_department_complaints_are_referred(self):
        with self.assertRaisesText(ValidationError, "Only a complaint addressed to the head"):
            self._refer(self._complaint())

    def test_not_before_the_filing(self):
        complaint = self._complaint(level="department")
        with self.assertRaisesText(ValidationError, "cannot precede the filing"):
            self._refer(complaint, date=date(2024, 3, 4))

    def test_only_the_department_refers(self):
        complaint = self._complaint(level="department")
        with self.assertRaises(AccessError):
            self._refer(complaint, user=self.head_user)
        referral = self._refer(complaint)
        self.assertEqual(referral.with_user(self.head_user).addressee_id, self.supervisory)
        with self.assertRaises(AccessError):
            referral.with_user(self.head_user).write({"outcome_note": "x"})

    def test_locked_with_the_answer_but_the_outcome_still_recorded(self):
        complaint = self._complaint(level="department")
        referral = self._refer(complaint)
        complaint.action_refuse("not_standard", "Not a requirement of the Standard")
        with self.assertRaisesText(UserError, "can no longer be changed"):
            referral.with_user(self.department_user).date = date(2024, 3, 7)
        referral.with_user(self.department_user).write(
            {"outcome": "no_violations", "outcome_date": date(2024, 4, 1)}
        )
        with self.assertRaisesText(UserError, "no longer referred"):
            self._refer(complaint)


@tagged("post_install", "-at_install")
class TestNoSanctionAgainstTheHead(EduStandardCase):
    def test_department_level_refuses_a_sanction_against_the_head(self):
        complaint = self._complaint(level="department")
        with self.assertRaisesText(
            ValidationError, "no measure of responsibility against its head"
        ):
            self._violation(complaint, employee_name="Head One", disciplinary_measure="reprimand")
        # the same name written otherwise is the same person
        with self.assertRaisesText(ValidationError, "against its head"):
            self._violation(complaint, employee_name="  head   one ", disciplinary_measure="remark")
        with self.assertRaisesText(ValidationError, "against its head"):
            self._violation(
                complaint,
                employee_name="Deputy acting as head",
                against_head=True,
                disciplinary_measure="remark",
            )
        # the head named without a sanction, or an employee with one, is recorded
        self.assertTrue(
            self._violation(
                complaint, employee_name="Head One", disciplinary_measure="none"
            ).against_head
        )
        self.assertFalse(self._violation(complaint, employee_name="Teacher One").against_head)

    def test_the_head_of_the_organisation_may_still_be_sanctioned_at_organisation_level(self):
        # 2.6.6 speaks of the department's instruction; a complaint to the head is 2.6.5
        complaint = self._complaint()
        violation = self._violation(
            complaint, employee_name="Head One", disciplinary_measure="remark"
        )
        self.assertTrue(violation.against_head)

    def test_moving_a_complaint_to_the_department_is_checked_too(self):
        complaint = self._complaint()
        self._violation(complaint, employee_name="Head One", disciplinary_measure="remark")
        with self.assertRaisesText(ValidationError, "against its head"):
            complaint.level = "department"


@tagged("post_install", "-at_install")
class TestWaysOfAppealWording(EduStandardCase):
    """The four ways of 2.6.3 in the act's own Russian words."""

    def test_ways_in_russian_as_the_act_gives_them(self):
        if not self.env["res.lang"]._lang_get("ru_RU"):
            self.env["res.lang"]._activate_lang("ru_RU")
            self.env["ir.module.module"].search(
                [("name", "in", ("base", "edu_standard"))]
            )._update_translations("ru_RU")
        field = self.env["edu.appeal"]._fields["way"]
        labels = [
            label
            for _key, label in field._description_selection(self.env(context={"lang": "ru_RU"}))
        ]
        self.assertEqual(
            labels,
            [
                "Указание на нарушение требований Стандарта сотруднику образовательной организации",
                "Жалоба на нарушение требований Стандарта руководителю образовательной организации",
                "Жалоба на нарушение требований Стандарта на имя начальника Отдела образования",
                "Обращение в суд",
            ],
        )
