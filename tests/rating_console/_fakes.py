"""A loopback stand-in of ``POST /rating_console/v1/events`` (one record per event id)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "secret-token"
SERIAL = "RC-TEST"


class EventsStore:
    """What the Odoo endpoint guarantees: one record per event id."""

    def __init__(self):
        self.events = {}
        self.order = []
        self.requests = 0
        self.duplicates = 0
        self.drop_next_answer = False
        self.lock = threading.Lock()


def make_server(store, port=0):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self.send_response(401)
                self.end_headers()
                return
            answer = {"accepted": [], "duplicates": [], "rejected": []}
            with store.lock:
                store.requests += 1
                for event in body["events"]:
                    if event["id"] in store.events:
                        store.duplicates += 1
                        answer["duplicates"].append(event["id"])
                    else:
                        store.events[event["id"]] = event
                        store.order.append(event["id"])
                        answer["accepted"].append(event["id"])
                drop = store.drop_next_answer
                store.drop_next_answer = False
            if drop:  # stored, but the connection dies before the answer
                self.close_connection = True
                self.connection.close()
                return
            payload = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
