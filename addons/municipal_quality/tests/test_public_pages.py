"""The frame of the public pages: <html lang>, a title naming the page, the language switcher
(installed languages only, back to the same page of this site), no Odoo brand on a citizen
questionnaire."""

import re

from odoo.tests import HttpCase, tagged

from .test_public_links import PublicLinksCase


@tagged("post_install", "-at_install")
class TestPublicPages(PublicLinksCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the demo loads both; a database without demo data may load them by hand
        cls.env["res.lang"]._municipal_load_languages(["ru_RU", "uk_UA"])

    def _html_lang(self, page):
        return re.search(r"<html[^>]* lang=\"([^\"]+)\"", page.text).group(1)

    def test_landing_names_its_language_and_itself(self):
        page = self.url_open(self._path(self.office))
        self.assertEqual(self._html_lang(page), "en-US")
        self.assertIn("<title>Tour questionnaire</title>", page.text)
        links = re.findall(r'<a class="o_municipal_quality_lang"[^>]*lang="([^"]+)"', page.text)
        self.assertEqual(sorted(links), ["ru-RU", "uk-UA"])

    def test_switching_language_returns_to_the_page(self):
        path = self._path(self.office)
        switch = self.url_open(f"/quality/lang/uk_UA?r=/ru{path}", allow_redirects=False)
        self.assertEqual(switch.status_code, 303)
        self.assertTrue(switch.headers["Location"].endswith(path), switch.headers["Location"])
        self.assertEqual(self.opener.cookies.get("frontend_lang"), "uk_UA")
        page = self.url_open(path)
        self.assertEqual(self._html_lang(page), "uk-UA")
        self.assertIn("Почати анкету", page.text)
        self.assertFalse(self._responses(), "switching the language stores no response")

    def test_switcher_refuses_other_sites_and_unknown_languages(self):
        for target in ("https://evil.example/x", "//evil.example/x", "/\\evil.example", "x"):
            switch = self.url_open(f"/quality/lang/ru_RU?r={target}", allow_redirects=False)
            self.assertEqual(switch.status_code, 303, target)
            location = switch.headers["Location"]
            self.assertNotIn("evil", location, target)
        self.assertEqual(self.url_open("/quality/lang/fr_FR?r=/").status_code, 404)
        self.assertEqual(self.url_open("/quality/lang/xx?r=/").status_code, 404)

    def test_questionnaire_without_odoo_brand(self):
        self._start(self._path(self.office))
        answer = self._responses()
        page = self.url_open(f"/survey/{self.survey.access_token}/{answer.access_token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("<title>Tour questionnaire</title>", page.text)
        self.assertNotIn("Powered by", page.text)
        self.assertNotIn("utm_source", page.text)
        self.assertIn("o_municipal_quality_langs", page.text)

    def test_phone_switches_to_ukrainian(self):
        self.browser_size = "390x844"
        self.start_tour(self._path(self.office), "municipal_quality_language_tour")
        answer = self._responses()
        self.assertEqual(len(answer), 1)
        self.assertFalse(answer.partner_id, "anonymous in any language")


@tagged("post_install", "-at_install")
class TestNulInAddresses(HttpCase):
    """Issue 14: an address with a NUL byte that no route serves is a 404, not a 500."""

    def test_nul_byte_in_an_unknown_address(self):
        for path in ("/nothing%00", "/quality/nothing%00here", "/rating_console/results%00"):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)


@tagged("post_install", "-at_install")
class TestVisitorLanguage(HttpCase):
    """Issue 13: a first visit speaks the language the phone asks for, when installed."""

    def test_the_phone_language_is_the_page_language(self):
        self.env["res.lang"]._municipal_load_languages(["ru_RU", "uk_UA"])
        office = self.env["municipal.office"].create({"name": "Language hall", "code": "T-LANG"})
        path = f"/quality/we-did/{office.id}"
        for accept, html_lang in (
            ("uk-UA,uk;q=0.9", 'lang="uk-UA"'),
            ("ru", 'lang="ru-RU"'),
            ("de-DE,de;q=0.9", 'lang="en-US"'),
        ):
            with self.subTest(accept=accept):
                self.opener.cookies.clear()  # a first visit: no language chosen yet
                page = self.url_open(path, headers={"Accept-Language": accept})
                self.assertEqual(page.status_code, 200)
                self.assertIn(f"<html {html_lang}", page.text.replace("\n", " ")[:2000])
