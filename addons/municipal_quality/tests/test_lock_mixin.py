"""The lock and transition mixin itself, on the monitoring (a tuple of locked states) and the
regulation (a dict: fields still writable per locked state)."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..models.municipal_lock_mixin import CHATTER_FIELDS
from .common import MunicipalQualityCase
from .rpc_common import HOSTILE_CONTEXT


@tagged("post_install", "-at_install")
class TestLockMixin(MunicipalQualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, login="mq_lock_officer", groups="municipal_quality.group_quality_user"
        )
        Monitoring = cls.env["municipal.monitoring"]
        cls.closed = Monitoring.create(
            {"name": "Closed", "date_from": date(2014, 1, 1), "date_to": date(2014, 6, 30)}
        )
        cls.closed.action_start()
        cls.closed.action_close()
        cls.open = Monitoring.create(
            {"name": "Open", "date_from": date(2014, 7, 1), "date_to": date(2014, 12, 31)}
        )

    def test_every_model_of_the_suite_that_locks_uses_the_mixin(self):
        users = self.env.registry.descendants(["municipal.lock.mixin"], "_inherit")
        self.assertIn("municipal.monitoring", users)
        self.assertIn("municipal.regulation", users)
        self.assertIn("municipal.monitoring.finding", users)

    def test_locked_field_refused_naming_the_field_for_everybody(self):
        for env in (self.env, self.env(su=True), self.env(user=self.officer)):
            with self.assertRaisesText(
                UserError, "Monitoring of Regulations 'Closed' is Closed: the field 'Name' can"
            ):
                self.closed.with_env(env).write({"name": "Rewritten"})
        self.assertEqual(self.closed.name, "Closed")

    def test_no_context_key_lifts_a_lock(self):
        hostile = self.closed.with_context(**HOSTILE_CONTEXT)
        with self.assertRaisesText(UserError, "can no longer be changed"):
            hostile.write({"conclusion": "<p>Forged</p>"})
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            hostile.sudo().write({"state": "draft"})
        with self.assertRaisesText(UserError, "cannot be deleted"):
            hostile.sudo().unlink()
        self.assertEqual(self.closed.state, "done")

    def test_access_rights_come_before_the_lock(self):
        employee = new_test_user(self.env, login="mq_lock_reader", groups="base.group_user")
        closed = self.closed.with_user(employee)
        with self.assertRaises(AccessError):
            closed.write({"name": "Rewritten"})
        with self.assertRaises(AccessError):
            closed.write({"state": "draft"})
        with self.assertRaises(AccessError):
            closed.unlink()
        # who may write the document hears that it is locked
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.closed.with_user(self.officer).write({"name": "Rewritten"})
        self.assertEqual(self.closed.name, "Closed")

    def test_state_changes_only_in_a_transition_even_unlocked(self):
        with self.assertRaisesText(
            UserError, "the field 'State' changes only through the buttons of the document"
        ):
            self.open.write({"state": "in_progress"})
        with self.assertRaisesText(UserError, "a new document starts as Draft"):
            self.env["municipal.monitoring"].create(
                {
                    "name": "Born closed",
                    "date_from": date(2015, 1, 1),
                    "date_to": date(2015, 1, 31),
                    "state": "done",
                }
            )
        # the initial state may be given explicitly
        draft = self.env["municipal.monitoring"].create(
            {
                "name": "Draft",
                "date_from": date(2015, 1, 1),
                "date_to": date(2015, 1, 31),
                "state": "draft",
            }
        )
        self.assertEqual(draft.state, "draft")

    def test_the_chatter_of_a_locked_document_goes_on(self):
        self.assertTrue({"message_follower_ids", "activity_ids"} <= CHATTER_FIELDS)
        self.closed.message_post(body="Note on the closed monitoring")
        self.closed.message_subscribe(partner_ids=self.officer.partner_id.ids)
        self.closed.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.officer.id, summary="Follow-up"
        )
        self.assertIn(self.officer.partner_id, self.closed.message_partner_ids)
        self.assertEqual(self.closed.activity_ids.summary, "Follow-up")

    def test_lift_is_scoped_to_the_records_and_the_block(self):
        other = self.closed.copy({"name": "Other"})
        other._lock_write({"state": "in_progress"})  # copy starts as a draft
        other.action_close()
        with self.closed._lock_lift():
            self.closed.write({"name": "Renamed by server code"})
            with self.assertRaisesText(UserError, "'Other' is Closed"):
                other.write({"name": "Not lifted"})
        self.assertEqual(self.closed.name, "Renamed by server code")
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.closed.write({"name": "After the block"})

    def test_lift_ends_when_the_block_fails(self):
        with self.assertRaises(ZeroDivisionError), self.closed._lock_lift():
            _ = 1 / 0
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.closed.write({"name": "After a failed block"})

    def test_lift_of_creation(self):
        Monitoring = self.env["municipal.monitoring"]
        vals = {
            "name": "Imported closed",
            "date_from": date(2013, 1, 1),
            "date_to": date(2013, 12, 31),
            "state": "done",
        }
        created = Monitoring._lock_create([vals])
        self.assertEqual(created.state, "done")
        with self.assertRaisesText(UserError, "a new document starts as Draft"):
            Monitoring.create([vals])

    def test_transition_checks_state_and_who_acts(self):
        employee = new_test_user(self.env, login="mq_lock_employee", groups="base.group_user")
        with self.assertRaisesText(AccessError, "Quality / User"):
            self.open.with_user(employee).action_start()
        with self.assertRaisesText(AccessError, "reopening a monitoring"):
            self.closed.with_user(self.officer).action_reopen()
        with self.assertRaisesText(UserError, "Only a draft monitoring can be started"):
            self.closed.action_start()
        with self.assertRaisesText(UserError, "is Closed: putting in force"):
            self.closed._lock_check_state(["draft"], action="putting in force")
        self.open.with_user(self.officer).action_start()
        self.assertEqual(self.open.state, "in_progress")

    def test_separation_of_duties(self):
        self.open.responsible_id = self.officer
        with self.assertRaisesText(UserError, "you are its Responsible, so approving"):
            self.open.with_user(self.officer)._lock_check_not_self(
                "responsible_id", action="approving"
            )
        # superuser mode does not make the same person somebody else
        with self.assertRaisesText(UserError, "separation of duties"):
            self.open.with_user(self.officer).sudo()._lock_check_not_self("responsible_id")
        self.open._lock_check_not_self("responsible_id")

    def test_regulation_keeps_its_review_fields_open_in_force(self):
        regulation = self._regulation(act_number="129-p", act_date=date(2012, 5, 24))
        regulation.action_put_in_force()
        regulation.write({"publication_url": "https://kaluga.example/reg", "is_actual": False})
        self.assertEqual(regulation.publication_url, "https://kaluga.example/reg")
        with self.assertRaisesText(UserError, "the field 'Service term (days)'"):
            regulation.write({"deadline_days": 99})
