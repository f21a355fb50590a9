from datetime import datetime

from odoo import Command

from .common import MunicipalQualityCase

SCALE = (
    ("Fully satisfied", "positive"),
    ("Rather not satisfied", "negative"),
    ("Hard to say", "neutral"),
)


class QualitySurveyCase(MunicipalQualityCase):
    """A quality questionnaire of its own: one comfort question, two staff questions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls._quality_survey("Test questionnaire")
        cls.q_comfort, cls.q_courtesy, cls.q_competence = cls.survey.question_ids.sorted("sequence")
        cls.servant_user = cls.env["res.users"].create(
            {"name": "Servant One", "login": "mq_servant", "groups_id": [Command.set([])]}
        )
        cls.servant_user.groups_id = cls.env.ref("base.group_user")
        cls.servant.user_id = cls.servant_user
        cls.other_servant = cls.env["hr.employee"].create(
            {"name": "Servant Two", "department_id": cls.department.id}
        )

    @classmethod
    def _quality_survey(cls, title, dimensions=("comfort", "staff", "staff")):
        return cls.env["survey.survey"].create(
            {
                "title": title,
                "is_quality_survey": True,
                "access_mode": "public",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": f"Question {index} ({dimension})",
                            "sequence": index,
                            "question_type": "simple_choice",
                            "quality_dimension": dimension,
                            "suggested_answer_ids": [
                                Command.create({"value": value, "satisfaction": satisfaction})
                                for value, satisfaction in SCALE
                            ],
                        }
                    )
                    for index, dimension in enumerate(dimensions, start=1)
                ],
            }
        )

    @classmethod
    def _answer_of(cls, question, satisfaction):
        return question.suggested_answer_ids.filtered(lambda a: a.satisfaction == satisfaction)

    @classmethod
    def _respond(
        cls,
        answers,
        end=datetime(2014, 6, 15, 10, 0),
        state="done",
        survey=None,
        **tags,
    ):
        """A response: ``answers`` maps a question to a satisfaction, or to 'skip'."""
        survey = survey or cls.survey
        response = survey._create_answer(**tags)
        lines = []
        for question, satisfaction in answers.items():
            if satisfaction == "skip":
                lines.append(
                    {"user_input_id": response.id, "question_id": question.id, "skipped": True}
                )
            else:
                lines.append(
                    {
                        "user_input_id": response.id,
                        "question_id": question.id,
                        "answer_type": "suggestion",
                        "suggested_answer_id": cls._answer_of(question, satisfaction).id,
                    }
                )
        cls.env["survey.user_input.line"].create(lines)
        values = {"state": state}
        if state == "done":
            values["end_datetime"] = end
        response.write(values)
        return response

    @classmethod
    def _staff_cls(cls, courtesy, competence, **kwargs):
        return cls._respond({cls.q_courtesy: courtesy, cls.q_competence: competence}, **kwargs)

    def _staff(self, courtesy, competence, **kwargs):
        return self._staff_cls(courtesy, competence, **kwargs)

    def indicator(self, dimension="staff", date_from="2014-01-01", date_to="2014-12-31", **kw):
        return self.survey.quality_indicator(date_from, date_to, dimension, **kw)
