from odoo import models
from odoo.exceptions import UserError
from odoo.tools import formataddr


class MailThread(models.AbstractModel):
    """Servants without an e-mail address of their own (most of a town hall's staff) still post
    in the chatter: their messages go out from the company's address, under their name."""

    _inherit = "mail.thread"

    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        author_id, email_from = super()._message_compute_author(
            author_id=author_id, email_from=email_from, raise_on_email=False
        )
        if email_from or not raise_on_email or self.env.su:
            return author_id, email_from
        author = self.env["res.partner"].browse(author_id) or self.env.user.partner_id
        company = self.env.company.sudo()
        sender = company.default_from_email or company.email
        if not sender:
            raise UserError(
                self.env._(
                    "Neither you nor your company has an e-mail address, so this message cannot "
                    "be sent. Ask the administrator to fill in the e-mail of the company "
                    "(Settings > Companies) or yours (My Profile)."
                )
            )
        return author_id, formataddr((author.name or company.name, sender))
