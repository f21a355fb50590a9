"""One console on one serial line: read frames, apply the rules, spool and deliver events.

:class:`ConsoleLink` is the whole device logic, used as is by the standalone bridge
(``python3 -m bridge run``) and by the IoT box handler (``RatingConsoleDriver``): the reading loop
parses frames and writes events to the spool, a :class:`~.sender.Sender` thread delivers them, and
``call()`` / ``end()`` (pushed by Odoo when a ticket is called or ends) drive the buttons' lights.
"""

import logging
import threading
import time
from datetime import UTC, datetime

from . import protocol

_logger = logging.getLogger(__name__)


def utc_now_iso():
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ConsoleLink:
    """``port``: an open pyserial-like object (``read``, ``write``, ``in_waiting`` optional)."""

    def __init__(self, port, spool, sender=None, heartbeat_interval=60.0, clock=time.monotonic):
        self.port = port
        self.spool = spool
        self.sender = sender
        self.reader = protocol.FrameReader()
        self.state = protocol.ConsoleState()
        self.heartbeat_interval = heartbeat_interval
        self.firmware = None
        self._clock = clock
        self._last_heartbeat_sent = None
        self._write_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = None

    # -- commands from Odoo (push) -------------------------------------------------------------
    def call(self, ticket):
        self._send_leds(self.state.call(ticket))

    def end(self):
        self._send_leds(self.state.end())

    def apply(self, message):
        """A push message ``{"action": "call", "ticket": ...}`` or ``{"action": "end"}``."""
        action = message.get("action")
        if action == "call":
            self.call(message.get("ticket") or "?")
        elif action == "end":
            self.end()
        elif action == "refresh":
            self._send_leds(self.state.leds, force=True)
        else:
            _logger.warning("unknown console action %r", action)

    def _send_leds(self, leds, force=False):
        if leds is None and not force:
            return
        with self._write_lock:
            self.port.write(protocol.led_frame(leds if leds is not None else self.state.leds))
            flush = getattr(self.port, "flush", None)
            if flush:
                flush()

    # -- frames from the console ---------------------------------------------------------------
    def feed(self, data):
        for frame in self.reader.feed(data):
            self.handle(frame)
        while self.reader.errors:
            reason, raw = self.reader.errors.pop(0)
            _logger.info("ignored bytes from the console (%s): %r", reason, raw[:40])

    def handle(self, frame):
        at = utc_now_iso()
        if frame.type == "BTN":
            result = self.state.press(frame.button, at)
            if result.vote:
                self._spool({"type": "vote", "value": result.value, "at": at})
                self._send_leds(result.leds)
            else:
                _logger.info("press %s ignored: %s", frame.button, result.ignored)
        elif frame.type == "HB":
            now = self._clock()
            changed = frame.payload != self.firmware
            self.firmware = frame.payload
            due = (
                self._last_heartbeat_sent is None
                or now - self._last_heartbeat_sent >= self.heartbeat_interval
            )
            if changed or due:
                self._last_heartbeat_sent = now
                self._spool({"type": "heartbeat", "code": frame.payload, "at": at})
        elif frame.type == "ERR":
            self._spool({"type": "fault", "code": frame.payload, "at": at})

    def _spool(self, event):
        event_id = self.spool.put(event)
        if self.sender:
            self.sender.notify()
        return event_id

    # -- reading loop --------------------------------------------------------------------------
    def run(self):
        while not self._stop.is_set():
            try:
                data = self.port.read(max(1, getattr(self.port, "in_waiting", 0) or 1))
            except (OSError, ValueError) as exc:  # port unplugged or closed
                if self._stop.is_set():
                    break
                _logger.error("serial port error: %s", exc)
                self._stop.wait(1)
                continue
            if data:
                self.feed(data)

    def start(self):
        self._thread = threading.Thread(target=self.run, name="rating-console-reader",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout=5):
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)
