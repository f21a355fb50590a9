from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .quality_common import QualitySurveyCase


@tagged("post_install", "-at_install")
class TestMonitoring(QualitySurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, login="mq_monitor", groups="municipal_quality.group_quality_user"
        )
        cls.monitoring = cls.env["municipal.monitoring"].create(
            {
                "name": "Monitoring 2014",
                "date_from": date(2014, 1, 1),
                "date_to": date(2014, 12, 31),
                "service_ids": [(6, 0, cls.service.ids)],
                "responsible_id": cls.officer.id,
            }
        )

    def _finding(self, **vals):
        return self.env["municipal.monitoring.finding"].create(
            {
                "monitoring_id": self.monitoring.id,
                "service_id": self.service.id,
                "deviation_type": "deadline",
                "description": "Permits issued after 10 days",
                "responsible_id": self.manager_user.id,
                "deadline": date(2015, 2, 1),
                **vals,
            }
        )

    def test_finding_schedules_an_activity_for_the_responsible(self):
        finding = self._finding(recommendation="Send the requests on the day of registration")
        activity = finding.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager_user)
        self.assertEqual(activity.date_deadline, date(2015, 2, 1))
        finding.write({"responsible_id": self.officer.id, "deadline": date(2015, 3, 1)})
        self.assertEqual(finding.activity_ids.user_id, self.officer)
        self.assertEqual(finding.activity_ids.date_deadline, date(2015, 3, 1))
        finding.action_resolve()
        self.assertEqual(finding.state, "resolved")
        self.assertFalse(finding.activity_ids, "the activity is done with the finding")

    def test_overdue_findings(self):
        finding = self._finding(deadline=date(2015, 2, 1))
        done = self._finding(deadline=date(2015, 1, 1))
        done.action_resolve()
        Finding = self.env["municipal.monitoring.finding"]
        domain = [("monitoring_id", "=", self.monitoring.id), ("is_overdue", "=", True)]
        with freeze_time("2015-02-01"):
            finding.invalidate_recordset(["is_overdue"])
            self.assertFalse(finding.is_overdue)
            self.assertFalse(Finding.search(domain))
        with freeze_time("2015-02-02"):
            finding.invalidate_recordset(["is_overdue"])
            done.invalidate_recordset(["is_overdue"])
            self.assertTrue(finding.is_overdue)
            self.assertFalse(done.is_overdue, "a resolved finding is never overdue")
            self.assertEqual(Finding.search(domain), finding)
            self.monitoring.invalidate_recordset()
            self.assertEqual(self.monitoring.overdue_finding_count, 1)

    def test_finding_states(self):
        finding = self._finding()
        finding.action_start()
        self.assertEqual(finding.state, "in_progress")
        with self.assertRaisesText(UserError, "why the finding is rejected"):
            finding.action_reject()
        finding.resolution = "The regulation allows 30 days for this case."
        finding.action_reject()
        self.assertEqual(finding.state, "rejected")
        with self.assertRaisesText(UserError, "Only an open finding"):
            finding.action_resolve()
        finding.action_reopen()
        self.assertEqual(finding.state, "open")
        self.assertEqual(len(finding.activity_ids), 1)

    def test_closed_monitoring_is_locked(self):
        self._finding()
        self.monitoring.action_start()
        self.monitoring.action_close()
        with self.assertRaisesText(UserError, "is Closed: the field 'Period to'"):
            self.monitoring.date_to = date(2015, 1, 31)
        with self.assertRaisesText(UserError, "closed monitoring"):
            self._finding()
        with self.assertRaisesText(UserError, "is Closed: it cannot be deleted"):
            self.monitoring.unlink()
        self.monitoring.action_reopen()
        self.monitoring.date_to = date(2015, 1, 31)
        self.assertEqual(self.monitoring.state, "in_progress")

    def test_period_checked(self):
        with self.assertRaisesText(ValidationError, "cannot end before it starts"):
            self.monitoring.date_to = date(2013, 1, 1)

    def test_indicator_of_the_period_and_services(self):
        self._staff("positive", "positive", service_id=self.service.id)
        self._staff("negative", "positive", service_id=self.service.id)
        self._staff("negative", "negative", service_id=self.service.id, end=datetime(2015, 1, 2))
        self.monitoring.invalidate_recordset()
        self.assertEqual(self.monitoring.respondents, 2)
        self.assertEqual(self.monitoring.satisfaction_rate, 50.0)
        self.assertEqual(self.monitoring.satisfaction_target, 80.0)
        self.assertFalse(self.monitoring.target_met)

    def test_findings_from_the_regulation_review(self):
        regulation = self._regulation(
            act_number="1-p",
            act_date=date(2014, 1, 1),
            draft_quality="major",
            published_site=True,
        )
        regulation.action_put_in_force()
        self.monitoring.action_start()
        findings = self.monitoring.action_findings_from_regulation_review()
        self.assertEqual(sorted(findings.mapped("review_issue")), ["draft", "publication"])
        publication = findings.filtered(lambda f: f.review_issue == "publication")
        self.assertEqual(publication.deviation_type, "information")
        self.assertEqual(publication.responsible_id, self.manager_user, "the department head")
        again = self.monitoring.action_findings_from_regulation_review()
        self.assertFalse(again, "no duplicate findings")
        regulation.action_mark_outdated()
        self.assertEqual(
            self.monitoring.action_findings_from_regulation_review().review_issue, "actuality"
        )

    def _report_html(self):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "municipal_quality.action_report_municipal_monitoring", self.monitoring.ids
        )
        return html.decode()

    def test_pdf_report(self):
        self.env["res.lang"]._municipal_load_languages(["ru_RU", "uk_UA"])
        self.monitoring.company_id.partner_id.lang = "ru_RU"
        self.env["hr.employee"].create(
            {"name": "Olga Monitor", "user_id": self.officer.id, "job_title": "Chief specialist"}
        )
        self._staff("positive", "positive", service_id=self.service.id)
        self._staff("positive", "negative", service_id=self.service.id)
        self._staff("positive", "neutral", service_id=self.service.id)
        self._finding(clause="2.4", problem="Late interdepartmental requests")
        self._regulation(act_number="1-p", act_date=date(2014, 1, 1)).action_put_in_force()
        html = self._report_html()
        # in the issuing company's language, whatever the user's
        self.assertIn('data-oe-lang="ru_RU"', html)
        self.assertIn("Мониторинг исполнения административных регламентов", html)
        self.assertIn("Качество работы муниципального служащего", html)  # the dimension
        self.assertIn("33,33", html, "the locale's decimal comma")
        self.assertNotIn("33.33", html)
        self.assertIn("Monitoring 2014", html)
        self.assertIn("Late interdepartmental requests", html)
        self.assertIn("Regulation v1", html)  # the regulation review
        # letterhead in the body (any wkhtmltopdf), a draft has no number yet
        article = html.split('class="article o_municipal_official"')[1]
        letterhead = article.split("o_municipal_official_reference")[0]
        self.assertIn("o_municipal_official_letterhead", letterhead)
        self.assertIn(self.monitoring.company_id.name, letterhead)
        self.assertIn("(черновик)", html)
        # closing gives the outgoing number and date; the responsible signs
        self.monitoring.action_start()
        self.monitoring.action_close()
        number = self.monitoring.document_number
        self.assertRegex(number, r"^\d{4}/\d{4}$")
        self.assertEqual(self.monitoring.document_date, date.today())
        html = self._report_html()
        self.assertIn(f"№ <span>{number}</span>", html)
        self.assertNotIn("(черновик)", html)
        signatures = html.split('class="o_municipal_official_signatures')[1]
        self.assertIn("Chief specialist", signatures)
        self.assertIn("Olga Monitor", signatures)
        self.assertIn("o_municipal_official_sign_line", signatures)
        # page numbers in the footer, rows never split across pages
        self.assertIn('стр. <span class="page"></span> из <span class="topage"></span>', html)
        self.assertIn("page-break-inside: avoid", html)
        # reopened and closed again: the same number
        self.monitoring.action_reopen()
        self.monitoring.action_close()
        self.assertEqual(self.monitoring.document_number, number)
        # a Ukrainian town hall prints in Ukrainian
        self.monitoring.company_id.partner_id.lang = "uk_UA"
        html = self._report_html()
        self.assertIn('data-oe-lang="uk_UA"', html)
        self.assertIn("33,33", html)
        self.assertIn('стор. <span class="page"></span> з <span class="topage"></span>', html)

    def test_report_number_is_not_forged(self):
        self.monitoring.action_start()
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            self.monitoring.with_user(self.officer).write({"document_number": "2014/9999"})

    def test_responsible_works_on_his_findings_only(self):
        mine = self._finding()
        other = self._finding(responsible_id=self.officer.id)
        Finding = self.env["municipal.monitoring.finding"].with_user(self.manager_user)
        self.assertEqual(Finding.search([("monitoring_id", "=", self.monitoring.id)]), mine)
        mine.with_user(self.manager_user).write({"resolution": "Done"})
        mine.with_user(self.manager_user).action_resolve()
        with self.assertRaises(AccessError):
            other.with_user(self.manager_user).write({"resolution": "Done"})
        with self.assertRaises(AccessError):
            self.monitoring.with_user(self.manager_user).write({"name": "Changed"})
        self.assertEqual(self.monitoring.with_user(self.manager_user).name, "Monitoring 2014")
        # a quality officer runs the monitoring and adds findings
        self.monitoring.with_user(self.officer).write({"name": "Monitoring 2014 (1)"})
        self.env["municipal.monitoring.finding"].with_user(self.officer).create(
            {
                "monitoring_id": self.monitoring.id,
                "service_id": self.service.id,
                "deviation_type": "other",
                "description": "Queue screen broken",
                "responsible_id": self.officer.id,
            }
        )
