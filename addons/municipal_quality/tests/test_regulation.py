from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import MunicipalQualityCase

ACT = {"act_number": "129-p", "act_date": date(2012, 5, 24)}


class TestMunicipalRegulation(MunicipalQualityCase):
    def test_in_force_requires_act_number_and_date(self):
        regulation = self._regulation()
        with self.assertRaisesText(ValidationError, "number and the date of the act"):
            regulation.action_put_in_force()
        regulation.act_number = "129-p"
        with self.assertRaisesText(ValidationError, "number and the date of the act"):
            regulation.action_put_in_force()
        self.assertEqual(regulation.state, "draft")
        with self.assertRaisesText(ValidationError, "number and the date of the act"):
            self._regulation(version=2, state="in_force", act_date=date(2014, 1, 1))
        with self.assertRaisesText(UserError, "a new document starts as Draft"):
            self.env["municipal.regulation"].create(
                {"name": "Forced", "service_id": self.service.id, "state": "in_force", **ACT}
            )

    def test_in_force_act_number_cannot_be_emptied(self):
        regulation = self._regulation(**ACT)
        regulation.action_put_in_force()
        with self.assertRaises(UserError):
            regulation.act_number = False

    def test_two_regulations_of_a_service_cannot_both_be_in_force(self):
        first = self._regulation(state="in_force", **ACT)
        second = self._regulation(version=2, act_number="7-p", act_date=date(2014, 1, 1))
        # the constraint holds even for server code that lifts the lock
        with self.assertRaisesText(ValidationError, "already has a regulation in force"):
            second._lock_write({"state": "in_force"})
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            second.state = "in_force"
        self.assertEqual(first.state, "in_force")

    def test_other_services_may_each_have_one_in_force(self):
        other_service = self.service.copy({"code": "T-02", "name": "Other service"})
        self._regulation(state="in_force", **ACT)
        other = self.env["municipal.regulation"].create(
            {"name": "Other", "service_id": other_service.id, **ACT}
        )
        other.action_put_in_force()
        self.assertEqual(other.state, "in_force")
        self.assertEqual(other_service.current_regulation_id, other)

    @freeze_time("2014-03-01")
    def test_putting_a_new_version_in_force_supersedes_the_old_one(self):
        first = self._regulation(**ACT)
        first.action_put_in_force()
        self.assertEqual(first.date_start, date(2014, 3, 1))
        self.assertEqual(self.service.current_regulation_id, first)
        second = first.copy(ACT | {"act_number": "56-p"})
        self.assertEqual(second.version, 2)
        self.assertEqual(second.state, "draft")
        second.action_put_in_force()
        self.assertEqual(first.state, "superseded")
        self.assertEqual(first.superseded_by_id, second)
        self.assertEqual(first.date_end, date(2014, 3, 1))
        self.assertEqual(second.state, "in_force")
        self.assertEqual(self.service.current_regulation_id, second)

    def test_state_changes_are_tracked_in_the_chatter(self):
        regulation = self._regulation(**ACT)
        self.flush_tracking()  # changes in the transaction of the creation are not tracked
        regulation.action_put_in_force()
        self.flush_tracking()
        regulation.invalidate_recordset(["message_ids"])
        tracked = regulation.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(len(tracked), 1)
        self.assertEqual(tracked.old_value_char, "Draft")
        self.assertEqual(tracked.new_value_char, "In force")

    def test_act_of_a_regulation_in_force_is_locked(self):
        regulation = self._regulation(**ACT)
        regulation.action_put_in_force()
        for field, value in (
            ("act_number", "999-p"),
            ("act_date", date(2020, 1, 1)),
            ("version", 5),
            ("name", "Renamed"),
            ("deadline_days", 60),
            ("act_type", "Order"),
            ("date_start", date(2000, 1, 1)),
            ("date_end", date(2000, 1, 1)),
            ("service_id", self.service.copy({"code": "T-09"}).id),
        ):
            label = regulation._fields[field]._description_string(self.env)
            with self.assertRaisesText(UserError, f"is In force: the field '{label}' can no"):
                regulation.write({field: value})
            # not even together with a change of state, nor with the keys that once unlocked
            with self.assertRaisesText(UserError, "changes only through the buttons"):
                regulation.with_context(municipal_regulation_reset=True).write(
                    {"state": "superseded", field: value}
                )
            with self.assertRaisesText(UserError, "can no longer be changed"):
                regulation.sudo().with_context(municipal_regulation_reset=True).write(
                    {field: value}
                )
        self.assertEqual((regulation.state, regulation.act_number), ("in_force", "129-p"))
        # the review and the publication of a regulation in force go on
        regulation.write({"published_federal_portal": True, "is_actual": False})
        self.assertTrue(regulation.published_federal_portal)

    def test_superseded_regulation_is_history(self):
        regulation = self._regulation(**ACT)
        regulation.action_put_in_force()
        regulation.action_supersede()
        self.assertEqual(regulation.state, "superseded")
        with self.assertRaisesText(UserError, "is Superseded: the field"):
            regulation.publication_url = "https://example.org"
        with self.assertRaisesText(UserError, "is Superseded: the field"):
            regulation.with_context(municipal_regulation_reset=True).write({"deadline_days": 1})
        regulation.action_reset_to_draft()
        self.assertEqual(regulation.state, "draft")
        self.assertFalse(regulation.date_end)
        regulation.publication_url = "https://example.org"

    def test_only_drafts_can_be_deleted(self):
        draft = self._regulation(version=2)
        in_force = self._regulation(**ACT)
        in_force.action_put_in_force()
        with self.assertRaisesText(UserError, "is In force: it cannot be deleted"):
            in_force.unlink()
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_wrong_state_transitions_refused(self):
        regulation = self._regulation(**ACT)
        with self.assertRaises(UserError):
            regulation.action_supersede()
        with self.assertRaises(UserError):
            regulation.action_reset_to_draft()
        regulation.action_put_in_force()
        with self.assertRaises(UserError):
            regulation.action_put_in_force()

    def test_version_unique_per_service(self):
        self._regulation()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._regulation()
            self.env.flush_all()

    def test_end_before_start_refused(self):
        with self.assertRaisesText(ValidationError, "end before"):
            self._regulation(date_start=date(2014, 2, 1), date_end=date(2014, 1, 1))

    def test_publication_complete_only_in_every_system(self):
        regulation = self._regulation(published_site=True, published_regional_portal=True)
        self.assertFalse(regulation.publication_complete)
        regulation.published_federal_portal = True
        self.assertTrue(regulation.publication_complete)
        regulation.published_site = False
        self.assertFalse(regulation.publication_complete)

    def test_next_review_and_overdue(self):
        regulation = self._regulation(
            review_date=date(2025, 1, 15), review_interval_months=12, **ACT
        )
        self.assertEqual(regulation.next_review_date, date(2026, 1, 15))
        regulation.action_put_in_force()
        Regulation = self.env["municipal.regulation"]
        domain = [("service_id", "=", self.service.id)]
        with freeze_time("2026-01-15"):
            regulation.invalidate_recordset(["review_overdue"])
            self.assertFalse(regulation.review_overdue)
            self.assertFalse(Regulation.search(domain + [("review_overdue", "=", True)]))
            not_overdue = Regulation.search(domain + [("review_overdue", "=", False)])
            self.assertEqual(not_overdue, regulation)
        with freeze_time("2026-01-16"):
            regulation.invalidate_recordset(["review_overdue"])
            self.assertTrue(regulation.review_overdue)
            overdue = Regulation.search(domain + [("review_overdue", "=", True)])
            self.assertEqual(overdue, regulation)
            self.assertFalse(Regulation.search(domain + [("review_overdue", "!=", True)]))
            regulation.review_interval_months = 6
            self.assertEqual(regulation.next_review_date, date(2025, 7, 15))

    def test_next_review_counts_from_entry_into_force_without_review(self):
        regulation = self._regulation(date_start=date(2014, 2, 1), review_interval_months=24)
        self.assertEqual(regulation.next_review_date, date(2016, 2, 1))

    @freeze_time("2026-11-23")
    def test_review_outcomes(self):
        regulation = self._regulation(**ACT)
        regulation.action_put_in_force()
        regulation.action_mark_outdated()
        self.assertFalse(regulation.is_actual)
        self.assertEqual(regulation.review_date, date(2026, 11, 23))
        activity = regulation.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager_user, "the department head revises it")
        regulation.action_confirm_actual()
        self.assertTrue(regulation.is_actual)

    def test_company_follows_the_service(self):
        regulation = self._regulation()
        self.assertEqual(regulation.company_id, self.service.company_id)
        self.assertEqual(regulation.department_id, self.department)
