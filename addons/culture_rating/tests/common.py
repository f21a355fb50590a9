from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase

# answers of one respondent: culture code of the question -> True (satisfied / yes) or False
ALL_YES = {
    "use_stand": True,
    "info_stand": True,
    "use_site": True,
    "info_site": True,
    "comfort": True,
    "disabled": True,
    "access_disabled": True,
    "staff_first": True,
    "staff_service": True,
    "use_remote": True,
    "staff_remote": True,
    "recommend": True,
    "org_conditions": True,
    "overall": True,
}
TRIGGERS = {
    "info_stand": "use_stand",
    "info_site": "use_site",
    "access_disabled": "disabled",
    "staff_remote": "use_remote",
}


class CultureRatingCase(TransactionCase):
    """Own institutions and campaign; the methodology, questionnaire and the 11 disclosure items
    are the module's data (not demo)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.method = cls.env.ref("culture_rating.method_nok_2018")
        cls.survey = cls.env.ref("culture_rating.survey_culture_questionnaire")
        cls.questions = {q.culture_code: q for q in cls.survey.question_ids if q.culture_code}
        cls.indicator = {
            xmlid: cls.env.ref(f"culture_rating.indicator_{xmlid}")
            for xmlid in ("remote", "comfort", "premises", "equal_access", "info", "info_sat")
        }
        cls.criterion = {
            code: cls.env.ref(f"culture_rating.criterion_{code}")
            for code in ("k1", "k2", "k3", "k4", "k5")
        }
        Institution = cls.env["culture.institution"]
        cls.inst_a = Institution.create(
            {"name": "T Library A", "institution_type": "library", "head_name": "Head A"}
        )
        cls.inst_b = Institution.create({"name": "T Museum B", "institution_type": "museum"})
        cls.inst_c = Institution.create(
            {"name": "T Club C", "institution_type": "house_of_culture"}
        )

    @classmethod
    def _campaign(cls, institutions, year=2031, start=True, **vals):
        campaign = cls.env["culture.campaign"].create(
            {
                "name": f"Test campaign {year}",
                "year": year,
                "method_id": vals.pop("method_id", cls.method.id),
                "survey_id": cls.survey.id,
                "assessment_ids": [Command.create({"institution_id": i.id}) for i in institutions],
                **vals,
            }
        )
        if start:
            campaign.action_start()
        return campaign

    @staticmethod
    def assessment_of(campaign, institution):
        return campaign.assessment_ids.filtered(lambda a: a.institution_id == institution)

    def respond(self, assessment, answers, state="done", channel="online"):
        """One respondent: lines only for the questions shown (skip logic)."""
        lines = []
        for code, question in self.questions.items():
            trigger = TRIGGERS.get(code)
            if trigger and not answers.get(trigger):
                continue
            if code not in answers:
                continue
            wanted = answers[code]
            answer = question.suggested_answer_ids.filtered(
                lambda a, w=wanted: a.culture_positive == w
            )
            lines.append(
                Command.create(
                    {
                        "question_id": question.id,
                        "answer_type": "suggestion",
                        "suggested_answer_id": answer.id,
                    }
                )
            )
        return self.env["survey.user_input"].create(
            {
                "survey_id": self.survey.id,
                "state": state,
                "culture_assessment_id": assessment.id,
                "culture_channel": channel,
                "user_input_line_ids": lines,
            }
        )

    def check_items(self, assessment, published, on_stand, state_others="missing"):
        """The first `published` items published on the site, the first `on_stand` on stands."""
        for index, line in enumerate(assessment.checklist_line_ids.sorted("item_sequence")):
            if index < published:
                vals = {"state": "published", "url": f"https://inst.example.ru/sveden/{index}"}
            else:
                vals = {"state": state_others}
            vals["on_stand"] = index < on_stand
            vals["check_date"] = "2031-09-01"
            line.write(vals)

    def expert(self, assessment, **values):
        self.env["culture.expert.value"].create(
            [
                {
                    "assessment_id": assessment.id,
                    "indicator_id": self.indicator[key].id,
                    "value": value,
                }
                for key, value in values.items()
            ]
        )

    @staticmethod
    def scores(assessment):
        """{criterion code or indicator code: value}."""
        return {
            (line.indicator_id.code or line.criterion_id.code): line.value
            for line in assessment.line_ids
        }

    @contextmanager
    def assertRaisesText(self, exception, text):
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))
