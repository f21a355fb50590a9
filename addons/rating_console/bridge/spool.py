"""On-disk spool of console events waiting for delivery to Odoo.

One JSON file per event, written to a temporary name, flushed, fsync'ed and renamed, so that a
power cut leaves either the whole event or nothing. File names start with a zero-padded counter
so that ``pending()`` returns the events in the order they happened; an event leaves the spool
only once the server has answered for it (accepted, duplicate or definitively rejected).
"""

import json
import os
import threading
import uuid


class Spool:
    def __init__(self, directory):
        self.directory = os.path.abspath(directory)
        os.makedirs(self.directory, exist_ok=True)
        self._lock = threading.Lock()
        names = self._names()
        self._counter = int(names[-1].split("-", 1)[0]) if names else 0

    def _names(self):
        return sorted(n for n in os.listdir(self.directory) if n.endswith(".json"))

    def put(self, event):
        """Store ``event`` (a dict); gives it a UUID ``id`` when it has none. Returns the id."""
        event = dict(event)
        event.setdefault("id", str(uuid.uuid4()))
        with self._lock:
            self._counter += 1
            name = f"{self._counter:012d}-{event['id']}.json"
            tmp = os.path.join(self.directory, f".{name}.tmp")
            with open(tmp, "w", encoding="utf-8") as handle:
                json.dump(event, handle, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, os.path.join(self.directory, name))
        return event["id"]

    def pending(self, limit=None):
        """The events still to deliver, oldest first, as (file name, event) pairs."""
        result = []
        for name in self._names()[:limit]:
            try:
                with open(os.path.join(self.directory, name), encoding="utf-8") as handle:
                    result.append((name, json.load(handle)))
            except (OSError, ValueError):
                continue  # removed meanwhile, or never completely written
        return result

    def remove(self, names):
        for name in names:
            path = os.path.join(self.directory, name)
            if os.path.exists(path):
                os.unlink(path)

    def __len__(self):
        return len(self._names())
