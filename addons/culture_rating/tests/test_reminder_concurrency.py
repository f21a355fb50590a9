"""The reminders of the improvement measures are sent once, even when the daily job runs on two
servers at the same time (issue 14: 44 reminders for 22 measures).

The job runs in real cursors of their own (``self.registry.cursor()``: a TransactionCase keeps
the registry out of test mode), so the rows a second cursor locks must be committed: an
approved plan with its measures is created and committed before the test transaction starts,
and deleted afterwards.
"""

from datetime import timedelta

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.tests import TransactionCase, get_db_name, tagged

MEASURES = 6
YEAR = 2093


def _committed_plan(dbname):
    """An approved plan of MEASURES measures due within the reminder window, none reminded."""
    with Registry(dbname).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        institution = env["culture.institution"].create({"name": "T Reminder library"})
        campaign = env["culture.campaign"].create(
            {
                "name": "Reminder campaign",
                "year": YEAR,
                "assessment_ids": [Command.create({"institution_id": institution.id})],
            }
        )
        today = fields.Date.context_today(env["culture.improvement.measure"])
        plan = env["culture.improvement.plan"].create(
            {
                "assessment_id": campaign.assessment_ids.id,
                "measure_ids": [
                    Command.create(
                        {
                            "name": f"Reminder measure {n}",
                            "date_deadline": today + timedelta(days=n % 7),
                        }
                    )
                    for n in range(MEASURES)
                ],
            }
        )
        plan.action_approve()  # no responsible yet: nothing reminded at the approval
        # the responsible is set by SQL, as if the plan had been approved before the reminders
        cr.execute(
            "UPDATE culture_improvement_measure SET user_id = %s WHERE plan_id = %s",
            [env.ref("base.user_admin").id, plan.id],
        )
        cr.commit()  # pylint: disable=invalid-commit
        return {
            "institution": institution.id,
            "campaign": campaign.id,
            "plan": plan.id,
            "measures": plan.measure_ids.ids,
        }


def _drop_committed_plan(dbname, ids):
    with Registry(dbname).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        plan = env["culture.improvement.plan"].browse(ids["plan"])
        plan.measure_ids.activity_ids.unlink()
        cr.execute("DELETE FROM culture_improvement_measure WHERE plan_id = %s", [plan.id])
        cr.execute(
            "DELETE FROM mail_message WHERE model IN ('culture.improvement.plan', "
            "'culture.improvement.measure') AND res_id = ANY(%s)",
            [[plan.id, *ids["measures"]]],
        )
        cr.execute("DELETE FROM culture_improvement_plan WHERE id = %s", [plan.id])
        env["culture.campaign"].browse(ids["campaign"]).unlink()
        env["culture.institution"].browse(ids["institution"]).unlink()
        cr.commit()  # pylint: disable=invalid-commit


@tagged("post_install", "-at_install")
class TestRemindersRunTwice(TransactionCase):
    @classmethod
    def setUpClass(cls):
        dbname = get_db_name()
        cls.committed = _committed_plan(dbname)
        cls.addClassCleanup(_drop_committed_plan, dbname, cls.committed)
        super().setUpClass()

    def setUp(self):
        super().setUp()
        self.addCleanup(self._reset)

    def _reset(self):
        """Each test starts from unreminded measures."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            measures = env["culture.improvement.measure"].browse(self.committed["measures"])
            measures.activity_ids.unlink()
            cr.execute(
                "UPDATE culture_improvement_measure SET reminded_on = NULL WHERE id = ANY(%s)",
                [measures.ids],
            )

    def run_cron(self, cr):
        """The daily job in the cursor ``cr``; a lock it waits for fails the test in 5 s."""
        cr.execute("SET LOCAL lock_timeout = '5s'")
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["culture.improvement.measure"]._cron_deadline_activities()

    def reminders(self, cr=None):
        """Reminders sent (committed, or seen by ``cr``)."""
        query = (
            "SELECT count(*) FROM mail_activity a JOIN ir_model_data d "
            "ON d.model = 'mail.activity.type' AND d.res_id = a.activity_type_id "
            "AND d.module = 'culture_rating' AND d.name = 'mail_activity_type_measure_deadline' "
            "WHERE a.res_model = 'culture.improvement.measure' AND a.res_id = ANY(%s)"
        )
        if cr is not None:
            cr.execute(query, [self.committed["measures"]])
            return cr.fetchone()[0]
        with self.registry.cursor() as fresh:
            fresh.execute(query, [self.committed["measures"]])
            return fresh.fetchone()[0]

    def test_rows_locked_by_another_run_are_not_sent_again(self):
        ids = tuple(self.committed["measures"])
        with self.registry.cursor() as holder:
            # the second cursor holds the rows, as a run on another server would
            holder.execute(
                "SELECT id FROM culture_improvement_measure WHERE id IN %s FOR UPDATE", [ids]
            )
            with self.registry.cursor() as cr:
                self.run_cron(cr)
                self.assertEqual(self.reminders(cr), 0, "the locked rows are skipped")
            holder.rollback()
        self.assertEqual(self.reminders(), 0)
        with self.registry.cursor() as cr:
            self.run_cron(cr)
        self.assertEqual(self.reminders(), MEASURES, "once the rows are free, sent once each")
        with self.registry.cursor() as cr:
            self.run_cron(cr)
        self.assertEqual(self.reminders(), MEASURES, "the next day: not sent again")

    def test_two_runs_at_once_send_each_reminder_once(self):
        # run A claims and sends, not committed yet; run B starts at the same moment
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            self.run_cron(cr_a)
            self.run_cron(cr_b)
            self.assertEqual(self.reminders(cr_a), MEASURES)
            self.assertEqual(self.reminders(cr_b), 0)
            cr_a.commit()
            cr_b.commit()
        self.assertEqual(self.reminders(), MEASURES)

    def test_a_run_that_began_before_the_other_committed_sends_nothing(self):
        # B's snapshot is taken before A commits (two jobs started at the same instant)
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            cr_b.execute("SELECT count(*) FROM culture_improvement_measure")
            self.run_cron(cr_a)
            cr_a.commit()
            self.run_cron(cr_b)  # sees the measures unreminded, cannot claim them
            self.assertEqual(self.reminders(cr_b), 0)
            cr_b.commit()
        self.assertEqual(self.reminders(), MEASURES)

    def test_new_deadline_new_reminder(self):
        with self.registry.cursor() as cr:
            self.run_cron(cr)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            measure = env["culture.improvement.measure"].browse(self.committed["measures"][0])
            self.assertTrue(measure.reminded_on)
            # the deadline of an approved plan's measure changes by a checked step only
            measure._lock_write({"date_deadline": measure.date_deadline + timedelta(days=1)})
            self.assertFalse(measure.reminded_on)
            self.run_cron(cr)
            self.assertEqual(len(measure.activity_ids), 1)
            self.assertEqual(measure.reminded_on, fields.Date.context_today(measure))
        self.assertEqual(self.reminders(), MEASURES)
