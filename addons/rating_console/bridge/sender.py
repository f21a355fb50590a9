"""Delivery of spooled events to ``POST /rating_console/v1/events``, from a thread of its own.

The reading loop of the serial port only writes to the spool; this thread sends the spool in
order, in batches, and retries with a growing delay while the server is unreachable or answers
5xx. An event leaves the spool when the server lists it as accepted, duplicate or rejected (a
rejection is final: the server said why, sending it again would not change the answer). Events
keep their original press time (``at``), so a vote delivered an hour late still counts for the
ticket that was called when the button was pressed.
"""

import json
import logging
import threading
import urllib.error
import urllib.request
from collections import deque

_logger = logging.getLogger(__name__)

EVENTS_PATH = "/rating_console/v1/events"


class DeliveryError(Exception):
    """The server could not be reached or did not take the batch (retry later)."""


class Sender:
    def __init__(self, spool, url, serial, token, batch_size=100, timeout=10.0,
                 min_delay=0.5, max_delay=60.0, idle_check=30.0):
        self.spool = spool
        self.url = url.rstrip("/") + EVENTS_PATH
        self.serial = serial
        self.token = token
        self.batch_size = batch_size
        self.timeout = timeout
        self.min_delay = min_delay
        self.max_delay = max_delay
        self.idle_check = idle_check
        # the latest (event, reason) the server refused; bounded: the sender runs for months
        self.rejected = deque(maxlen=1000)
        self.last_error = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = None

    # -- one delivery round -------------------------------------------------------------------
    def post(self, events):
        body = json.dumps({"console": self.serial, "events": events}).encode("utf-8")
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            raise DeliveryError(f"HTTP {exc.code}: {detail}") from exc
        except (OSError, ValueError) as exc:  # refused, reset, timeout, bad JSON
            raise DeliveryError(str(exc)) from exc

    def flush_once(self):
        """Send one batch of the oldest events; returns how many left the spool."""
        batch = self.spool.pending(self.batch_size)
        if not batch:
            return 0
        answer = self.post([event for _name, event in batch])
        done = set(answer.get("accepted", [])) | set(answer.get("duplicates", []))
        reasons = {r.get("id"): r.get("reason") for r in answer.get("rejected", [])}
        finished = []
        for name, event in batch:
            if event["id"] in reasons:
                self.rejected.append((event, reasons[event["id"]]))
                _logger.warning("event %s rejected: %s", event["id"], reasons[event["id"]])
            if event["id"] in done or event["id"] in reasons:
                finished.append(name)
        self.spool.remove(finished)
        return len(finished)

    def flush(self):
        """Deliver everything now (raises DeliveryError at the first failure)."""
        total = 0
        while True:
            count = self.flush_once()
            total += count
            if not count:
                return total

    # -- background thread ---------------------------------------------------------------------
    def notify(self):
        self._wake.set()

    def start(self):
        self._thread = threading.Thread(target=self._run, name="rating-console-sender",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout=5):
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    def _run(self):
        delay = self.min_delay
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.flush()
                self.last_error = None
                delay = self.min_delay
                self._wake.wait(self.idle_check)  # until a new event arrives (or stop)
            except DeliveryError as exc:
                if self.last_error != str(exc):
                    _logger.warning("delivery failed, will retry: %s", exc)
                self.last_error = str(exc)
                self._stop.wait(delay)
                delay = min(delay * 2, self.max_delay)
