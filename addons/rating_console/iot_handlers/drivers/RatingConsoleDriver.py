"""IoT box handler of the three-button rating console (Odoo ``hw_drivers`` serial driver).

Served to the boxes by ``POST /iot/get_handlers`` together with the stock handlers and the
protocol package (``iot_handlers/lib/rating_console_bridge``); loaded by the box like every
handler (``load_iot_handlers``, ``spec_from_file_location``). All the protocol, the console rules,
the spool and the sender are the ones of the standalone bridge: this file only binds them to the
box (device detection, configuration, ``action`` from Odoo's bus).

Configuration on the box: a JSON file (``$RATING_CONSOLE_CONFIG``, default
``~/rating_console.json``)::

    {"url": "https://odoo.example.org",          # default: the server the box is paired with
     "spool": "/home/pi/rating_console_spool",
     "push": true,                               # subscribe to Odoo's bus for the lights
     "consoles": [{"port": "/dev/ttyUSB0", "serial": "RC-0001", "token": "..."}]}

A console entry without ``port`` matches any port (a box with one console).
"""

import importlib.util
import json
import logging
import os
import sys
import time
from pathlib import Path

from odoo.addons.hw_drivers.iot_handlers.drivers.SerialBaseDriver import (
    SerialDriver,
    SerialProtocol,
    serial_connection,
)

_logger = logging.getLogger(__name__)

BRIDGE_MODULE = "rating_console_bridge"


def load_bridge():
    """Import the shared protocol package, from the box (lib/) or from the addon (bridge/)."""
    if BRIDGE_MODULE in sys.modules:
        return sys.modules[BRIDGE_MODULE]
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "lib" / BRIDGE_MODULE, here.parents[1] / "bridge"):
        init = candidate / "__init__.py"
        if init.is_file():
            spec = importlib.util.spec_from_file_location(
                BRIDGE_MODULE, init, submodule_search_locations=[str(candidate)]
            )
            module = importlib.util.module_from_spec(spec)
            sys.modules[BRIDGE_MODULE] = module
            spec.loader.exec_module(module)
            return module
    raise ImportError("rating console protocol package not found")


load_bridge()
from rating_console_bridge import protocol  # noqa: E402
from rating_console_bridge.bus import BusListener  # noqa: E402
from rating_console_bridge.link import ConsoleLink  # noqa: E402
from rating_console_bridge.sender import Sender  # noqa: E402
from rating_console_bridge.spool import Spool  # noqa: E402

RatingConsoleProtocol = SerialProtocol(
    name="Rating console",
    baudrate=9600,
    bytesize=8,
    stopbits=1,
    parity="N",
    timeout=0.5,
    writeTimeout=1,
    measureRegexp=None,
    statusRegexp=None,
    commandTerminator=b"\n",
    commandDelay=0,
    measureDelay=0,
    newMeasureDelay=0,
    measureCommand=b"",
    emptyAnswerValid=False,
)

PROBE_SECONDS = 3.0


def load_config():
    path = os.environ.get("RATING_CONSOLE_CONFIG", os.path.expanduser("~/rating_console.json"))
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


def console_config(config, port):
    consoles = config.get("consoles") or []
    for entry in consoles:
        if entry.get("port") == port:
            return entry
    generic = [entry for entry in consoles if not entry.get("port")]
    return generic[0] if len(generic) == 1 else None


def server_url(config):
    if config.get("url"):
        return config["url"]
    try:
        from odoo.addons.hw_drivers.tools import helpers

        return helpers.get_odoo_server_url()
    except Exception:  # noqa: BLE001 - not on a box
        return None


class RatingConsoleDriver(SerialDriver):
    """Binds a serial port that answers the console handshake."""

    _protocol = RatingConsoleProtocol
    priority = 50  # outrank the scale drivers, which claim any writable port

    def __init__(self, identifier, device):
        super().__init__(identifier, device)
        self._connection = None  # SerialDriver never sets it
        self.device_type = "device"
        self.device_manufacturer = "Rating console"
        self.device_name = "Rating console"
        self._actions.update(
            {
                "call": self._action_console,
                "end": self._action_console,
                "refresh": self._action_console,
                "get_status": lambda _data: self._report_status(),
            }
        )
        self.config = load_config()
        self.console = console_config(self.config, identifier) or {}
        self.link = None
        self.sender = None
        self.listener = None

    @classmethod
    def supported(cls, device):
        """A rating console answers an LED frame with a heartbeat frame (the handshake)."""
        try:
            with serial_connection(device["identifier"], cls._protocol, True) as connection:
                return cls.probe(connection)
        except Exception:  # noqa: BLE001 - any port that cannot be probed is not ours
            return False

    @staticmethod
    def probe(connection, seconds=None):
        seconds = PROBE_SECONDS if seconds is None else seconds
        reader = protocol.FrameReader()
        connection.reset_input_buffer()
        connection.write(protocol.led_frame(protocol.DARK))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            data = connection.read(64)
            if data and any(frame.type == "HB" for frame in reader.feed(data)):
                return True
        return False

    def _report_status(self):
        """The device status, with the delivery of the bridge: events pending and events the
        server rejected (dropped, counted: they never block the events behind them)."""
        if self.sender:
            self.data["delivery"] = self.sender.status()
        self._push_status()

    def _action_console(self, data):
        if self.link:
            self.link.apply(data)

    def _start_link(self, connection):
        url = server_url(self.config)
        spool_dir = os.path.join(
            self.config.get("spool") or os.path.expanduser("~/rating_console_spool"),
            os.path.basename(self.device_identifier),
        )
        spool = Spool(spool_dir)
        if url and self.console.get("token"):
            self.sender = Sender(spool, url, self.console["serial"], self.console["token"])
            self.sender.start()
            if self.config.get("push", True):
                self.listener = BusListener(url, self.console["token"], self._from_bus)
                self.listener.start()
        else:
            _logger.warning("rating console on %s: no configuration, events stay in %s",
                            self.device_identifier, spool_dir)
        self.link = ConsoleLink(connection, spool, self.sender)
        self.data["value"] = "connected"

    def _from_bus(self, message):
        with self._device_lock:
            self.link.apply(message)

    def run(self):
        try:
            with serial_connection(self.device_identifier, self._protocol) as connection:
                self._connection = connection
                self._start_link(connection)
                self._status["status"] = self.STATUS_CONNECTED
                self._push_status()
                while not self._stopped.is_set():
                    data = connection.read(max(1, connection.in_waiting or 1))
                    if data:
                        self.link.feed(data)
        except Exception:  # noqa: BLE001 - unplugged: report and stop
            _logger.exception("rating console on %s stopped", self.device_identifier)
            self._status["status"] = self.STATUS_ERROR
            self._push_status()
        finally:
            if self.listener:
                self.listener.stop()
            if self.sender:
                self.sender.stop()
