"""Section 2.8 of the Standard: external checks of the supervisory bodies (2.8.4), the check of
the complaints book in both directions (2.8.5.3), the shortcomings analysed per employee at the
pedagogical council (2.8.3)."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models import complaints_book
from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestSupervisoryCheck(EduStandardCase):
    def test_a_check_of_the_fire_service_is_recorded_as_such(self):
        Check = self.env["edu.control.check"].with_user(self.department_user)
        check = Check.create(
            {
                "organization_id": self.organization.id,
                "control_kind": "supervisory",
                "supervisory_body": "fire",
                "supervisory_body_name": "Fire supervision department of Usolye-Sibirskoye",
                "supervisory_act": "Act No. 12 of 14.03.2024",
                "check_type": "inspection",
                "findings": "<p>Evacuation plan out of date.</p>",
            }
        )
        self.assertEqual(
            dict(check._fields["supervisory_body"].selection),
            {
                "consumer": "Supervision of consumer protection and human welfare",
                "fire": "State fire service",
                "other": "Other supervisory body",
            },
        )
        self.assertEqual(
            self.env["edu.control.check"].search(
                [
                    ("control_kind", "=", "supervisory"),
                    ("supervisory_body", "=", "fire"),
                    ("organization_id", "=", self.organization.id),
                ]
            ),
            check,
        )
        with self.assertRaisesText(ValidationError, "names the body and its kind"):
            Check.create(
                {
                    "organization_id": self.organization.id,
                    "control_kind": "supervisory",
                    "supervisory_body": "consumer",
                    "check_type": "inspection",
                }
            )
        # the staff of the organisation do not record, change or close the body's check
        with self.assertRaisesText(ValidationError, "internal checks only"):
            self.env["edu.control.check"].with_user(self.head_user).create(
                {
                    "organization_id": self.organization.id,
                    "control_kind": "supervisory",
                    "supervisory_body": "consumer",
                    "supervisory_body_name": "Rospotrebnadzor",
                    "check_type": "inspection",
                }
            )
        with self.assertRaisesText(AccessError, "belongs to the education department"):
            check.with_user(self.head_user).write({"findings": "<p>Nothing found.</p>"})
        with self.assertRaisesText(AccessError, "belongs to the education department"):
            check.with_user(self.head_user).action_done()
        check.action_done()
        self.assertEqual(check.state, "done")


@tagged("post_install", "-at_install")
class TestComplaintsBookCheck(EduStandardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.petrova = Partner.create({"name": "Petrova Anna"})
        cls.sidorov = Partner.create({"name": "Sidorov Ivan"})
        cls.ivanova = Partner.create({"name": "Ivanova Maria"})

    def test_compare_plain_lists(self):
        """The comparison itself, on plain lists."""
        entries = [
            ("e1", date(2024, 3, 5), "Petrova Anna", None),
            ("e2", date(2024, 3, 21), "ivanova  MARIA", "EDU/7"),
            ("e3", date(2024, 3, 12), "Kuznetsova Olga", None),
            ("e4", date(2024, 3, 5), "Petrova Anna", None),
        ]
        complaints = [
            ("A", date(2024, 3, 5), "Petrova Anna", "EDU/5"),
            ("B", date(2024, 3, 10), "Sidorov Ivan", "EDU/6"),
            ("C", date(2024, 3, 20), "Ivanova Maria", "EDU/7"),
        ]
        matches, missing_in_register, missing_in_book = complaints_book.compare(entries, complaints)
        self.assertEqual(matches, {"e1": "A", "e2": "C"})
        self.assertEqual(missing_in_register, ["e3", "e4"])
        self.assertEqual(missing_in_book, ["B"])

    def test_the_book_and_the_register_compared_both_ways(self):
        filed = {
            "A": self._complaint(applicant=self.petrova, date_filed=date(2024, 3, 5)),
            "B": self._complaint(applicant=self.sidorov, date_filed=date(2024, 3, 10)),
            "C": self._complaint(applicant=self.ivanova, date_filed=date(2024, 3, 20)),
            # addressed to the department: not a complaint of the organisation's book
            "D": self._complaint(
                level="department", applicant=self.sidorov, date_filed=date(2024, 3, 25)
            ),
        }
        check = self.env["edu.control.check"].create(
            {
                "organization_id": self.organization.id,
                "check_type": "complaints_book",
                "date_from": date(2024, 3, 1),
                "date_to": date(2024, 3, 31),
            }
        )
        Entry = self.env["edu.complaint.book.entry"]
        rows = [
            ("1", date(2024, 3, 5), "Petrova Anna", False),
            # written a day later, but the book notes the complaint's number
            ("2", date(2024, 3, 21), "ivanova  MARIA", filed["C"].name),
            ("3", date(2024, 3, 12), "Kuznetsova Olga", False),
            ("4", date(2024, 3, 5), "Petrova Anna", False),
        ]
        entries = Entry.create(
            [
                {
                    "check_id": check.id,
                    "entry_number": number,
                    "entry_date": day,
                    "applicant_name": name,
                    "complaint_number": noted,
                    "content": "Classes moved",
                }
                for number, day, name, noted in rows
            ]
        )
        self.assertFalse(check.book_compared)
        self.assertEqual(check.register_missing_in_book_count, 0)
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            check.write({"book_compared": True})
        check.with_user(self.department_user).action_compare_book()
        self.assertTrue(check.book_compared)

        # the independent list: what a reader of the book and of the register finds
        self.assertEqual(
            {entry.entry_number: entry.complaint_id for entry in entries},
            {"1": filed["A"], "2": filed["C"], "3": Entry.complaint_id, "4": Entry.complaint_id},
        )
        self.assertEqual(
            entries.filtered(lambda entry: not entry.in_register).mapped("entry_number"),
            ["3", "4"],
        )
        self.assertEqual(
            check.line_ids.filtered(
                lambda line: line.book_expected and not line.in_book
            ).complaint_id,
            filed["B"],
        )
        self.assertEqual(check.book_missing_in_register_count, 2)
        self.assertEqual(check.register_missing_in_book_count, 1)
        self.assertEqual(len(check.line_ids), 4)
        department_line = check.line_ids.filtered(lambda line: line.complaint_id == filed["D"])
        self.assertFalse(department_line.book_expected)

        # the book is corrected: the entry of Sidorov typed in, compared again
        Entry.create(
            {
                "check_id": check.id,
                "entry_number": "5",
                "entry_date": date(2024, 3, 10),
                "applicant_name": "Sidorov  Ivan",
            }
        )
        check.action_compare_book()
        self.assertEqual(check.register_missing_in_book_count, 0)
        self.assertEqual(check.book_missing_in_register_count, 2)

        # the match is the comparison's: a client does not set it
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            entries[2].write({"complaint_id": filed["B"].id})
        with self.assertRaisesText(UserError, "found by the comparison of the book"):
            Entry.create(
                {
                    "check_id": check.id,
                    "entry_date": date(2024, 3, 11),
                    "applicant_name": "Forged",
                    "complaint_id": filed["B"].id,
                }
            )
        check.findings = "<p>Two entries of the book are not registered.</p>"
        check.action_done()
        with self.assertRaisesText(UserError, "can no longer be changed"):
            entries[0].write({"applicant_name": "Other"})


@tagged("post_install", "-at_install")
class TestShortcomingsPerEmployee(EduStandardCase):
    def test_shortcomings_considered_at_the_council_per_employee(self):
        check = (
            self.env["edu.control.check"]
            .with_user(self.head_user)
            .create(
                {
                    "organization_id": self.organization.id,
                    "control_kind": "internal",
                    "check_type": "inspection",
                    "date": date(2024, 4, 1),
                    "findings": "<p>Two teachers without the updated programmes.</p>",
                }
            )
        )
        Shortcoming = self.env["edu.control.shortcoming"].with_user(self.head_user)
        with self.assertRaisesText(ValidationError, "only if the employee's guilt"):
            Shortcoming.create(
                {
                    "check_id": check.id,
                    "employee_name": "Teacher One",
                    "description": "Programme not updated this year",
                    "disciplinary_measure": "remark",
                }
            )
        first = Shortcoming.create(
            {
                "check_id": check.id,
                "employee_name": "Teacher One",
                "requirement_id": self.env.ref("edu_standard.requirement_2_1_10").id,
                "description": "Programme not updated this year",
                "guilt_established": True,
                "disciplinary_measure": "remark",
                "measures": "Programme updated by 15.04.2024",
            }
        )
        second = Shortcoming.create(
            {
                "check_id": check.id,
                "employee_name": "Teacher Two",
                "description": "Timetable without the parents' wishes",
            }
        )
        Shortcoming.create(
            {
                "check_id": check.id,
                "employee_name": "teacher  one",
                "description": "Journal not kept",
                "measures": "Journal restored",
            }
        )
        with self.assertRaisesText(UserError, "record its date and the number of its minutes"):
            check.with_user(self.head_user).action_done()
        check.with_user(self.head_user).write(
            {
                "council_kind": "pedagogical_council",
                "council_date": date(2024, 3, 30),
                "council_minutes": "4",
            }
        )
        with self.assertRaisesText(UserError, "cannot precede the check"):
            check.with_user(self.head_user).action_done()
        check.with_user(self.head_user).council_date = date(2024, 4, 5)
        with self.assertRaisesText(UserError, "shortcoming of Teacher Two"):
            check.with_user(self.head_user).action_done()
        second.with_user(self.head_user).measures = "Timetable agreed with the parents"
        check.with_user(self.head_user).action_done()
        self.assertEqual(check.state, "done")
        self.assertEqual(first.council_minutes, "4")
        with self.assertRaisesText(UserError, "can no longer be changed"):
            first.with_user(self.head_user).write({"disciplinary_measure": "none"})
        # another organisation's staff do not see them
        self.assertFalse(
            self.env["edu.control.shortcoming"]
            .with_user(self.other_head_user)
            .search([("check_id", "=", check.id)])
        )
        groups = self.env["edu.control.shortcoming"].read_group(
            [("check_id", "=", check.id)], ["employee_name"], ["employee_name"]
        )
        self.assertEqual(
            sorted((group["employee_name"], group["employee_name_count"]) for group in groups),
            [("Teacher One", 2), ("Teacher Two", 1)],
        )
