"""Issue 12 item 5 and issue 13: the terms of Odoo's own modules that our users meet speak
Russian and Ukrainian, in plain words (no "top-secret records", no "Bye-bye, record!")."""

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools import translate

from ..translations import OWN_FOLDER, extra_modules, extra_po_paths, load_extra_terms


@tagged("post_install", "-at_install")
class TestExtraTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._municipal_load_languages(["ru_RU", "uk_UA"])
        load_extra_terms(cls.env, OWN_FOLDER)

    def _python(self, module, lang):
        return translate.code_translations.get_python_translations(module, lang)

    def _web(self, module, lang):
        web = translate.code_translations.get_web_translations(module, lang)
        return {message["id"]: message["string"] for message in web["messages"]}

    def test_every_file_is_complete(self):
        self.assertEqual(extra_modules(OWN_FOLDER), ["base", "mail", "survey", "web"])
        for module in extra_modules(OWN_FOLDER):
            for lang in ("ru_RU", "uk_UA"):
                [path] = extra_po_paths(module, lang, OWN_FOLDER)
                entries = polib.pofile(path)
                self.assertTrue(entries, path)
                self.assertFalse([e.msgid for e in entries if not e.msgstr], path)

    def test_access_error_in_plain_words(self):
        message = (
            "Uh-oh! Looks like you have stumbled upon some top-secret records.\n\n"
            "Sorry, %(user)s doesn't have '%(operation)s' access to:"
        )
        self.assertEqual(
            self._python("base", "ru_RU")[message],
            "Доступ запрещён.\n\nУ пользователя %(user)s нет права «%(operation)s» на:",
        )
        self.assertTrue(self._python("base", "uk_UA")[message].startswith("Доступ заборонено."))

    def test_delete_confirmation_and_chatter(self):
        web = self._web("web", "ru_RU")
        self.assertEqual(web["Bye-bye, record!"], "Удаление записи")
        mail = self._web("mail", "uk_UA")
        self.assertEqual(mail["The conversation is empty."], "Повідомлень поки немає.")
        self.assertEqual(mail["Today at %(time)s"], "Сьогодні о %(time)s")

    def test_survey_templates_in_the_database(self):
        retake = self.env.ref("survey.survey_button_retake")
        self.assertIn("Пройти ещё раз", retake.with_context(lang="ru_RU").arch_db)
        self.assertNotIn("Возьми снова", retake.with_context(lang="ru_RU").arch_db)
        done = self.env.ref("survey.survey_fill_form_done")
        self.assertIn("Переглянути свої відповіді", done.with_context(lang="uk_UA").arch_db)
