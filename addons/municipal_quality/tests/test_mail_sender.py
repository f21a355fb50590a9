from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSenderWithoutEmail(TransactionCase):
    """Issue 12, item 6: a servant without an e-mail address posts in the chatter; his message
    goes out from the company's address under his name, and where there is none he is told
    what to ask for."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="mq_no_email",
            groups="municipal_quality.group_quality_manager",
            name="Servant Without Mail",
        )
        cls.user.partner_id.email = False
        cls.office = cls.env["municipal.office"].create({"name": "Mail test office"})

    def test_the_company_address_stands_in(self):
        self.env.company.email = "info@town.example.org"
        self.env.company.alias_domain_id = False
        message = self.office.with_user(self.user).message_post(body="Checked the stand.")
        self.assertEqual(message.author_id, self.user.partner_id)
        self.assertEqual(message.email_from, '"Servant Without Mail" <info@town.example.org>')

    def test_without_any_address_the_user_is_told_what_to_ask_for(self):
        self.env.company.email = False
        self.env.company.alias_domain_id = False
        with self.assertRaises(UserError) as caught:
            self.office.with_user(self.user).message_post(body="Checked the stand.")
        self.assertIn("Neither you nor your company has an e-mail address", str(caught.exception))

    def test_a_user_with_an_address_keeps_his_own(self):
        self.user.partner_id.email = "servant@town.example.org"
        message = self.office.with_user(self.user).message_post(body="Checked the stand.")
        self.assertIn("servant@town.example.org", message.email_from)
