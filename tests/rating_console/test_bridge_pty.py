"""The standalone bridge over a real pseudo-terminal, against a loopback events server.

The console simulator writes frames on one end of a pty pair; the bridge opens the other end
with pyserial (the real open/read path), applies the rules, spools events on disk and delivers
them from its sender thread. The server is killed mid-run and restarted: no vote is lost, none
is stored twice, and each keeps its original press time.
"""

import os
import time
from datetime import datetime

import pytest
import serial
from rating_console_bridge.link import ConsoleLink
from rating_console_bridge.sender import Sender
from rating_console_bridge.simulator import ConsoleSimulator, open_pty_pair
from rating_console_bridge.spool import Spool

from ._fakes import SERIAL, TOKEN, EventsStore, make_server


def wait_for(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def votes(store):
    return [store.events[i] for i in store.order if store.events[i]["type"] == "vote"]


@pytest.fixture
def chain(tmp_path):
    store = EventsStore()
    server = make_server(store)
    console_fd, host_fd, path = open_pty_pair()
    port = serial.Serial(path, baudrate=9600, timeout=0.05)
    spool = Spool(tmp_path / "spool")
    sender = Sender(spool, f"http://127.0.0.1:{server.server_port}", SERIAL, TOKEN,
                    timeout=2, min_delay=0.05, max_delay=0.2, idle_check=0.5)
    link = ConsoleLink(port, spool, sender, heartbeat_interval=3600)
    console = ConsoleSimulator(console_fd).start()
    sender.start()
    link.start()
    state = {"server": server}
    yield store, state, spool, sender, link, console
    console.stop()
    link.stop()
    sender.stop()
    port.close()
    state["server"].shutdown()
    state["server"].server_close()
    for fd in (console_fd, host_fd):
        try:
            os.close(fd)
        except OSError:
            pass


def test_lights_follow_the_queue_within_two_seconds(chain):
    _store, _state, _spool, _sender, link, console = chain
    start = time.monotonic()
    link.call("A001")
    assert console.wait_leds((1, 1, 1), timeout=2.0)
    assert time.monotonic() - start < 2.0
    console.press("excellent")
    assert console.wait_leds((0, 0, 1), timeout=2.0)
    link.end()
    assert console.wait_leds((0, 0, 0), timeout=2.0)
    assert console.led_history == [(1, 1, 1), (0, 0, 1), (0, 0, 0)]


def test_one_vote_per_ticket_presses_outside_are_ignored_and_logged(chain):
    store, _state, _spool, _sender, link, console = chain
    console.press("good")  # nothing called
    time.sleep(0.2)
    link.call("A002")
    console.wait_leds((1, 1, 1))
    console.press("bad")
    console.wait_leds((1, 0, 0))
    console.press("excellent")  # after the vote
    time.sleep(0.2)
    link.end()
    console.wait_leds((0, 0, 0))
    assert wait_for(lambda: len(votes(store)) == 1)
    time.sleep(0.2)
    assert [v["value"] for v in votes(store)] == ["bad"]
    assert [entry["reason"] for entry in link.state.log] == [
        "no ticket is called",
        "ticket A002 already rated bad",
    ]


def test_server_killed_mid_run_no_vote_lost_none_doubled(chain):
    store, state, spool, sender, link, console = chain
    port = state["server"].server_port
    link.call("A010")
    console.wait_leds((1, 1, 1))
    console.press("good")
    assert wait_for(lambda: len(votes(store)) == 1), "delivered while the server is up"

    state["server"].shutdown()  # Odoo goes away
    state["server"].server_close()
    pressed_offline = []
    for number, value in (("A011", "excellent"), ("A012", "bad"), ("A013", "good")):
        link.end()
        link.call(number)
        console.wait_leds((1, 1, 1))
        console.press(value)
        pressed_offline.append(datetime.now().astimezone())
        console.wait_leds({"bad": (1, 0, 0), "good": (0, 1, 0), "excellent": (0, 0, 1)}[value])
    assert wait_for(lambda: sender.last_error is not None)
    assert len([e for _n, e in spool.pending() if e["type"] == "vote"]) == 3
    time.sleep(0.3)
    restarted = datetime.now().astimezone()

    store.drop_next_answer = True  # the first batch after the restart loses its answer
    state["server"] = make_server(store, port)
    assert wait_for(lambda: len(spool) == 0, timeout=10), "the spool drains"
    values = [v["value"] for v in votes(store)]
    assert values == ["good", "excellent", "bad", "good"], "in the order of the presses"
    assert len(set(store.order)) == len(store.order), "no event stored twice"
    assert store.duplicates >= 1, "the retry after the lost answer came back as duplicates"
    for vote, pressed in zip(votes(store)[1:], pressed_offline, strict=True):
        at = datetime.fromisoformat(vote["at"])
        assert at < restarted, "the original press time, not the delivery time"
        assert abs((at - pressed).total_seconds()) < 1.0


def test_spool_survives_a_restart_of_the_bridge(tmp_path):
    spool = Spool(tmp_path / "s")
    first = spool.put({"type": "vote", "value": "good", "at": "2025-03-03T09:00:00+00:00"})
    second = spool.put({"type": "vote", "value": "bad", "at": "2025-03-03T09:30:00+00:00"})
    reopened = Spool(tmp_path / "s")  # a new process after a power cut
    assert [e["id"] for _n, e in reopened.pending()] == [first, second]
    third = reopened.put({"type": "heartbeat", "code": "1", "at": "2025-03-03T10:00:00+00:00"})
    assert [e["id"] for _n, e in reopened.pending()] == [first, second, third]
    (tmp_path / "s" / ".partial.json.tmp").write_text("{")  # an interrupted write is ignored
    assert len(reopened) == 3


def test_wrong_token_keeps_events_in_the_spool(tmp_path):
    store = EventsStore()
    server = make_server(store)
    try:
        spool = Spool(tmp_path / "s")
        spool.put({"type": "vote", "value": "good", "at": "2025-03-03T09:00:00+00:00"})
        sender = Sender(spool, f"http://127.0.0.1:{server.server_port}", SERIAL, "wrong")
        from rating_console_bridge.sender import DeliveryError

        with pytest.raises(DeliveryError, match="401"):
            sender.flush()
        assert len(spool) == 1 and not store.events
    finally:
        server.shutdown()
        server.server_close()
