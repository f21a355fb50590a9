"""``python3 -m bridge simulate``: the whole chain without hardware, from the command line."""

import subprocess
import sys
import time

from ._fakes import SERIAL, TOKEN, EventsStore, make_server
from .conftest import ADDON_DIR


def test_simulate_command_lights_and_delivers_a_vote(tmp_path):
    store = EventsStore()
    server = make_server(store)
    try:
        commands = "c A001\n3\n1\nx\nq\n"  # call, Excellent, a second press (ignored), end
        completed = subprocess.run(
            [sys.executable, "-m", "bridge", "simulate", "--no-push",
             "--url", f"http://127.0.0.1:{server.server_port}", "--serial", SERIAL,
             "--token", TOKEN, "--spool", str(tmp_path / "spool")],
            cwd=ADDON_DIR, input=commands, capture_output=True, text=True, timeout=60,
        )
        assert completed.returncode == 0, completed.stderr
        out = completed.stdout
        assert "lights: [Bad] [Good] [Excellent]" in out
        assert "lights:  Bad   Good  [Excellent]" in out
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
            e["type"] == "vote" for e in store.events.values()
        ):
            time.sleep(0.05)
        votes = [e for e in store.events.values() if e["type"] == "vote"]
        assert [v["value"] for v in votes] == ["excellent"]
    finally:
        server.shutdown()
        server.server_close()


def test_help_needs_no_odoo():
    completed = subprocess.run(
        [sys.executable, "-S", "-c",
         "import sys; sys.path.insert(0, '.'); import bridge.protocol, bridge.link, "
         "bridge.sender, bridge.spool, bridge.simulator; "
         "assert 'odoo' not in sys.modules"],
        cwd=ADDON_DIR, capture_output=True, text=True, timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
