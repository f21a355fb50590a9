from odoo.tests import BaseCase, tagged

from odoo.addons.rating_console.bridge import protocol
from odoo.addons.rating_console.bridge.sender import Sender


class _Spool:
    def __init__(self, events):
        self.events = events

    def pending(self, limit):
        return [(event["id"], event) for event in self.events[:limit]]

    def remove(self, names):
        self.events = [event for event in self.events if event["id"] not in names]


@tagged("post_install", "-at_install")
class TestBridgeMemory(BaseCase):
    """The bridge runs for months on a box: what it keeps for the log stays bounded."""

    def test_ignored_presses_keep_only_the_latest(self):
        state = protocol.ConsoleState()
        for index in range(protocol.IGNORED_LOG_SIZE + 5):
            state.press("good", f"t{index}")
        self.assertEqual(len(state.log), protocol.IGNORED_LOG_SIZE)
        self.assertEqual(state.log[-1]["at"], f"t{protocol.IGNORED_LOG_SIZE + 4}")
        self.assertEqual(state.log[0]["at"], "t5")

    def test_rejected_events_keep_only_the_latest(self):
        events = [{"id": f"e{index}", "type": "vote"} for index in range(1500)]
        sender = Sender(_Spool(events), "http://odoo.invalid", "RC-1", "token", batch_size=500)
        sender.post = lambda batch: {
            "rejected": [{"id": event["id"], "reason": "no ticket"} for event in batch]
        }
        self.assertEqual(sender.flush(), 1500)
        self.assertEqual(len(sender.rejected), 1000)
        self.assertEqual(sender.rejected[-1][0]["id"], "e1499")
