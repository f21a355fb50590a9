"""Issue 12, items 5-6: what the users read in Russian and Ukrainian."""

from odoo.tests import TransactionCase, tagged

LANGS = ("ru_RU", "uk_UA")


@tagged("post_install", "-at_install")
class TestLabels(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        modules = cls.env["ir.module.module"].search([("name", "in", ("base", "edu_standard"))])
        for code in LANGS:
            if not cls.env["res.lang"]._lang_get(code):
                cls.env["res.lang"]._activate_lang(code)
                modules._update_translations(code)

    def _strings(self, model, lang, *names):
        fields = self.env[model].with_context(lang=lang).fields_get(list(names), ["string"])
        return [fields[name]["string"] for name in names]

    def test_counts_are_not_labelled_as_shares(self):
        for lang, share in (("ru_RU", "Доля"), ("uk_UA", "Частка")):
            for label in self._strings(
                "edu.standard.assessment", lang, "teachers_higher_education", "teachers_trained"
            ):
                self.assertFalse(label.startswith(share), f"{lang}: {label}")
        self.assertEqual(
            self._strings("edu.standard.assessment", "ru_RU", "teachers_higher_education"),
            ["Число педагогических работников с высшим образованием"],
        )
        # the indicator itself (a share) keeps its name
        labels = self.env["edu.standard.assessment"].with_context(lang="ru_RU")._indicator_labels()
        self.assertTrue(labels["higher_education_rate"].startswith("Доля"))

    def test_the_complaint_form_has_distinct_labels(self):
        for lang in LANGS:
            applicant, role = self._strings("edu.complaint", lang, "applicant_id", "applicant_role")
            self.assertNotEqual(applicant, role, lang)
        self.assertEqual(
            self._strings("edu.complaint", "ru_RU", "applicant_id", "applicant_role"),
            ["Заявитель", "Статус заявителя"],
        )

    def test_last_band_of_an_organisation_is_translated(self):
        for lang in LANGS:
            env = self.env(context=dict(self.env.context, lang=lang))
            field = env["edu.organization"]._fields["last_band"]
            labels = dict(field._description_selection(env))
            self.assertNotEqual(labels["non_compliant"], "Does not comply with the Standard", lang)
            self.assertEqual(
                labels,
                dict(env["edu.standard.assessment"]._fields["band"]._description_selection(env)),
            )

    def test_activity_type_summary_is_translated(self):
        activity_type = self.env.ref("edu_standard.mail_activity_edu_complaint_answer")
        self.assertEqual(
            activity_type.with_context(lang="ru_RU").summary, "Официальный ответ заявителю"
        )
        self.assertNotEqual(
            activity_type.with_context(lang="uk_UA").summary, "Official answer to the applicant"
        )
