"""Push from Odoo to the console: a subscription to the console's channel on Odoo's bus.

When a ticket is called or ends, Odoo sends ``{"action": "call", "ticket": ...}`` /
``{"action": "end"}`` on the console's private channel (derived from its token, see the field
``bus_channel`` of ``municipal.console``). The subscription is one websocket served by Odoo's
gevent worker: an idle console costs the HTTP workers nothing. Needs ``websocket-client``.
"""

import hashlib
import json
import logging
import random
import threading
import time

_logger = logging.getLogger(__name__)

MESSAGE_TYPE = "rating_console/action"


def bus_channel(token):
    """The private bus channel of the console holding ``token`` (Odoo stores the same value)."""
    digest = hashlib.sha256(b"rating_console.bus:" + token.encode("utf-8")).hexdigest()
    return f"rating_console.{digest}"


def websocket_url(url):
    if url.startswith("https://"):
        return "wss://" + url[len("https://"):].rstrip("/") + "/websocket"
    return "ws://" + url.removeprefix("http://").rstrip("/") + "/websocket"


class BusListener:
    def __init__(self, url, token, on_message, reconnect_delay=5.0):
        self.url = websocket_url(url)
        self.origin = url.rstrip("/")
        self.channel = bus_channel(token)
        self.on_message = on_message
        self.reconnect_delay = reconnect_delay
        self._stop = threading.Event()
        self._ws = None
        self._last = 0

    def _handle(self, raw):
        for notification in json.loads(raw):
            self._last = max(self._last, notification.get("id", 0))
            message = notification.get("message", {})
            if message.get("type") == MESSAGE_TYPE:
                self.on_message(message.get("payload") or {})

    def run(self):
        import websocket  # websocket-client, only needed for the push

        while not self._stop.is_set():
            try:
                self._ws = websocket.create_connection(self.url, origin=self.origin, timeout=60)
                self._ws.send(json.dumps({
                    "event_name": "subscribe",
                    "data": {"channels": [self.channel], "last": self._last},
                }))
                while not self._stop.is_set():
                    try:
                        raw = self._ws.recv()
                    except websocket.WebSocketTimeoutException:
                        self._ws.ping()
                        continue
                    if raw:
                        self._handle(raw)
            except Exception as exc:  # noqa: BLE001 - reconnect on any network failure
                if not self._stop.is_set():
                    _logger.warning("bus connection lost (%s), reconnecting", str(exc)[:200])
                    # jitter: consoles cut off together do not all come back at once
                    time.sleep(self.reconnect_delay * random.uniform(0.5, 1.5))

    def start(self):
        threading.Thread(target=self.run, name="rating-console-bus", daemon=True).start()
        return self

    def stop(self):
        self._stop.set()
        if self._ws:
            try:
                self._ws.close()
            except Exception as exc:  # noqa: BLE001
                _logger.debug("closing the bus connection: %s", exc)
