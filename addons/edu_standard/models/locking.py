"""What a locked record (a confirmed assessment, an answered complaint, a done check) still
lets through its ``write``."""


def is_mail_field(name):
    """Fields written by the chatter and the activities (mail.thread, mail.activity.mixin): a
    locked record keeps its messages, followers and activities."""
    return name.startswith(("message_", "activity_", "website_message"))
