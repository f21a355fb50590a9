"""The approval panel of OCA base_tier_validation speaks Russian and Ukrainian: its terms in the
database, its Python messages and its web client templates."""

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools import translate

from ..translations import extra_po_paths, load_extra_terms


@tagged("post_install", "-at_install")
class TestTierTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._municipal_load_languages(["ru_RU", "uk_UA"])
        load_extra_terms(cls.env)

    def test_every_term_of_the_module_is_translated(self):
        for lang in ("ru", "uk"):
            [path] = extra_po_paths("base_tier_validation", f"{lang}_{lang.upper()}")
            entries = polib.pofile(path)
            self.assertGreater(len(entries), 140)
            self.assertFalse([e.msgid for e in entries if not e.msgstr], lang)

    def test_terms_in_the_database(self):
        status = self.env["ir.model.fields"]._get("tier.review", "status")
        self.assertEqual(status.with_context(lang="ru_RU").field_description, "Статус")
        labels = dict(
            self.env["tier.review"]
            .with_context(lang="uk_UA")
            ._fields["status"]
            ._description_selection(self.env(context={"lang": "uk_UA"}))
        )
        self.assertEqual(labels["pending"], "Очікує")
        self.assertEqual(labels["approved"], "Погоджено")

    def test_python_messages_and_panel(self):
        python = translate.code_translations.get_python_translations(
            "base_tier_validation", "ru_RU"
        )
        self.assertEqual(
            python["A review has been requested by %s."], "%s запросил(а) согласование."
        )
        self.assertEqual(python["Next: %s"], "Далее: %s")
        web = translate.code_translations.get_web_translations("base_tier_validation", "uk_UA")
        strings = {message["id"]: message["string"] for message in web["messages"]}
        self.assertEqual(strings["Requested by"], "Запитав")
        self.assertEqual(strings["Todo by"], "Має погодити")
