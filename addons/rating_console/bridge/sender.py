"""Delivery of spooled events to ``POST /rating_console/v1/events``, from a thread of its own.

The reading loop of the serial port only writes to the spool; this thread sends the spool in
order, in batches, and retries with a growing delay while the server is unreachable or answers
5xx. An event leaves the spool when the server lists it as accepted, duplicate or rejected (a
rejection is final: the server said why, sending it again would not change the answer); it is
logged and counted (``status()``), and never blocks the events behind it: a batch refused as a
whole (400) is sent again event by event, and the event refused on its own is dropped. Events
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

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status  # the HTTP status of the answer, if the server answered


# Answers to a batch that sending it again cannot change: the batch is split, and a single event
# refused so is dropped (400 a malformed event, 413 too large, 422 unprocessable).
FINAL_STATUSES = (400, 413, 422)


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
        self.rejected_count = 0  # every event the server refused, since the start
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
            raise DeliveryError(f"HTTP {exc.code}: {detail}", status=exc.code) from exc
        except (OSError, ValueError) as exc:  # refused, reset, timeout, bad JSON
            raise DeliveryError(str(exc)) from exc

    def _reject(self, event, reason):
        self.rejected.append((event, reason))
        self.rejected_count += 1
        _logger.warning("event %s rejected by the server (%d so far), dropped: %s",
                        event.get("id"), self.rejected_count, reason)

    def status(self):
        """What the bridge reports about delivery (the CLI's log, the IoT box's device data)."""
        return {
            "pending": len(self.spool),
            "rejected": self.rejected_count,
            "last_rejection": self.rejected[-1][1] if self.rejected else None,
            "last_error": self.last_error,
        }

    def _post_batch(self, batch):
        """The server's answer for ``batch``; a batch refused as a whole (400: one malformed
        event spoils the envelope) is sent again one event at a time, and an event refused so
        on its own is dropped: it never blocks the events behind it."""
        try:
            return self.post([event for _name, event in batch])
        except DeliveryError as exc:
            if exc.status not in FINAL_STATUSES:
                raise
            if len(batch) == 1:
                return {"rejected": [{"id": batch[0][1].get("id"), "reason": str(exc)}]}
        answer = {"accepted": [], "duplicates": [], "rejected": []}
        for item in batch:
            single = self._post_batch([item])
            for key in answer:
                answer[key].extend(single.get(key, []))
        return answer

    def flush_once(self):
        """Send one batch of the oldest events; returns how many left the spool."""
        batch = self.spool.pending(self.batch_size)
        if not batch:
            return 0
        answer = self._post_batch(batch)
        done = set(answer.get("accepted", [])) | set(answer.get("duplicates", []))
        reasons = {r.get("id"): r.get("reason") for r in answer.get("rejected", [])}
        finished = []
        for name, event in batch:
            if event.get("id") in reasons:
                self._reject(event, reasons[event.get("id")])
            if event.get("id") in done or event.get("id") in reasons:
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
