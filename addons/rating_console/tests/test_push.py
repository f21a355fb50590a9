import threading
import time
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.bus.models.bus import channel_with_db, dispatch, hashable
from odoo.addons.bus.tests.common import WebsocketCase
from odoo.addons.bus.websocket import Websocket
from odoo.addons.rating_console.bridge.bus import BusListener

from .common import RatingConsoleMixin


@tagged("post_install", "-at_install")
class TestPushToConsole(RatingConsoleMixin, WebsocketCase):
    """The bridge's bus subscription (one websocket, no polling) receives call and end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()

    def _wait_subscribed(self, channel, timeout=5.0):
        key = hashable(channel_with_db(self.registry.db_name, channel))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if dispatch._channels_to_ws.get(key):
                return True
            time.sleep(0.02)
        return False

    def test_call_and_end_reach_the_bridge_over_the_bus(self):
        received = []
        arrived = threading.Condition()
        # The websocket's thread shares the test cursor: the test waits for each dispatch of
        # the server to end before it touches the database again.
        dispatched = threading.Event()
        original_dispatch = Websocket._dispatch_bus_notifications

        def dispatch_and_signal(websocket, *args):
            try:
                original_dispatch(websocket, *args)
            finally:
                dispatched.set()

        def on_message(message):
            with arrived:
                received.append(message)
                arrived.notify_all()

        def wait_message(count):
            with arrived:
                self.assertTrue(arrived.wait_for(lambda: len(received) == count, timeout=2))
            self.assertTrue(dispatched.wait(5))
            dispatched.clear()

        channel = self.console.sudo().bus_channel
        listener = BusListener(self.base_url(), self.token, on_message, reconnect_delay=0.2)
        self.assertEqual(listener.channel, channel, "the bridge derives the channel from its token")
        with patch.object(Websocket, "_dispatch_bus_notifications", dispatch_and_signal):
            listener.start()
            try:
                self.assertTrue(self._wait_subscribed(channel))
                self.assertTrue(dispatched.wait(5), "the subscription's own dispatch")
                dispatched.clear()
                ticket = self.make_ticket("W001")
                start = time.monotonic()
                ticket.action_call(self.workplace)
                self.trigger_notification_dispatching([channel])
                wait_message(1)
                self.assertLess(time.monotonic() - start, 2.0)
                self.assertEqual(received[0], {"action": "call", "ticket": "W001"})
                ticket.action_finish()
                self.trigger_notification_dispatching([channel])
                wait_message(2)
                self.assertEqual(received[1]["action"], "end")
            finally:
                listener.stop()
                self.wait_remaining_websocket_connections()
