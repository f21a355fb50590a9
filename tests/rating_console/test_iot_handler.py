"""The IoT box handler, loaded as a box loads it, against the stock ``hw_drivers`` base classes.

``hw_drivers`` cannot be imported here (it starts threads and needs the box's packages): its
``main`` / ``event_manager`` / ``tools.helpers`` are stubbed in ``sys.modules`` and the real
``driver.py`` and ``SerialBaseDriver.py`` are loaded from the Odoo source with
``spec_from_file_location``, like ``load_iot_handlers()`` does. The handler is unpacked in the
layout ``/iot/get_handlers`` sends (``drivers/`` + ``lib/rating_console_bridge/``).
"""

import importlib.util
import json
import re
import shutil
import sys
import time
import types
from pathlib import Path

import pytest
from rating_console_bridge.simulator import ConsoleSimulator, open_pty_pair

from ._fakes import SERIAL, TOKEN, EventsStore, make_server
from .conftest import ADDON_DIR

HW = "odoo.addons.hw_drivers"


def hw_drivers_dir():
    import odoo

    for root in [Path(odoo.__file__).parent / "addons", Path("/opt/odoo-src/odoo/addons")]:
        if (root / "hw_drivers" / "driver.py").is_file():
            return root / "hw_drivers"
    pytest.fail("the Odoo source with hw_drivers is required")


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, str(path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def box(tmp_path, monkeypatch):
    """A fake box: stubs, the stock base classes, and our handler unpacked from the zip layout."""
    stock = hw_drivers_dir()
    changed = []

    def stub(name, **attrs):
        module = types.ModuleType(name)
        module.__path__ = []
        module.__dict__.update(attrs)
        monkeypatch.setitem(sys.modules, name, module)
        changed.append(name)
        return module

    events = []
    main = stub(f"{HW}.main", drivers=[], iot_devices={})
    stub(HW)
    stub(f"{HW}.event_manager",
         event_manager=types.SimpleNamespace(device_changed=lambda device: events.append(device)))
    stub(f"{HW}.tools")
    stub(f"{HW}.tools.helpers", get_odoo_server_url=lambda: None)
    stub(f"{HW}.iot_handlers")
    stub(f"{HW}.iot_handlers.drivers")
    shared = {n: m for n, m in sys.modules.items() if n.split(".")[0] == "rating_console_bridge"}
    for name in shared:  # the box has its own copy, unpacked from the zip
        del sys.modules[name]
    load(f"{HW}.driver", stock / "driver.py")
    load(f"{HW}.iot_handlers.drivers.SerialBaseDriver",
         stock / "iot_handlers" / "drivers" / "SerialBaseDriver.py")
    handlers = tmp_path / "iot_handlers"
    (handlers / "drivers").mkdir(parents=True)
    shutil.copy(ADDON_DIR / "iot_handlers" / "drivers" / "RatingConsoleDriver.py",
                handlers / "drivers")
    shutil.copytree(ADDON_DIR / "bridge", handlers / "lib" / "rating_console_bridge",
                    ignore=shutil.ignore_patterns("__pycache__"))
    module = load(f"{HW}.iot_handlers.drivers.RatingConsoleDriver",
                  handlers / "drivers" / "RatingConsoleDriver.py")
    yield types.SimpleNamespace(module=module, main=main, events=events, stock=stock)
    for name in [n for n in sys.modules if n.split(".")[0] == "rating_console_bridge"]:
        del sys.modules[name]
    sys.modules.update(shared)
    for name in ("driver", "iot_handlers.drivers.SerialBaseDriver",
                 "iot_handlers.drivers.RatingConsoleDriver"):
        sys.modules.pop(f"{HW}.{name}", None)


def test_handler_registers_and_outranks_the_stock_serial_drivers(box):
    driver_class = box.module.RatingConsoleDriver
    assert driver_class in box.main.drivers
    assert box.module.protocol.__file__.startswith(str(Path(box.module.__file__).parents[1]))
    stock_priorities = [
        int(p) for p in re.findall(
            r"priority\s*=\s*(\d+)",
            (box.stock / "iot_handlers" / "drivers" / "SerialScaleDriver.py").read_text(),
        )
    ]
    assert driver_class.priority > max(stock_priorities + [0]) + 1


def test_handshake_identifies_the_console_only(box):
    driver_class = box.module.RatingConsoleDriver
    box.module.PROBE_SECONDS = 0.5
    console_fd, _host_fd, path = open_pty_pair()
    simulator = ConsoleSimulator(console_fd).start()
    try:
        assert driver_class.supported({"identifier": path}) is True
    finally:
        simulator.stop()
    _silent_fd, _silent_host, silent_path = open_pty_pair()  # a device that never answers
    assert driver_class.supported({"identifier": silent_path}) is False
    assert driver_class.supported({"identifier": "/dev/does-not-exist"}) is False


def test_driver_lights_the_console_and_delivers_votes(box, tmp_path, monkeypatch):
    store = EventsStore()
    server = make_server(store)
    config = tmp_path / "rating_console.json"
    config.write_text(json.dumps({
        "url": f"http://127.0.0.1:{server.server_port}",
        "spool": str(tmp_path / "spool"),
        "push": False,
        "consoles": [{"serial": SERIAL, "token": TOKEN}],
    }))
    monkeypatch.setenv("RATING_CONSOLE_CONFIG", str(config))
    console_fd, _host_fd, path = open_pty_pair()
    simulator = ConsoleSimulator(console_fd).start()
    driver = box.module.RatingConsoleDriver(path, {"identifier": path})
    driver.start()
    try:
        deadline = time.monotonic() + 5
        while driver.link is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert driver.data["value"] == "connected"
        driver.action({"action": "call", "ticket": "A100"})  # as an iot_action from the bus
        assert simulator.wait_leds((1, 1, 1), timeout=2.0)
        simulator.press("good")
        assert simulator.wait_leds((0, 1, 0), timeout=2.0)
        driver.action({"action": "end"})
        assert simulator.wait_leds((0, 0, 0), timeout=2.0)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
            e["type"] == "vote" for e in store.events.values()
        ):
            time.sleep(0.05)
        assert [e["value"] for e in store.events.values() if e["type"] == "vote"] == ["good"]
        assert box.events, "the status was pushed to the box's event manager"
        driver.action({"action": "get_status"})  # the delivery of the bridge, in the device data
        assert driver.data["delivery"]["rejected"] == 0
        assert driver.data["delivery"]["pending"] == 0
    finally:
        driver._stopped.set()
        driver.join(3)
        simulator.stop()
        server.shutdown()
        server.server_close()
