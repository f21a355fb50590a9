"""Shared helpers of the benchmarks (run by `make bench`, never by `make test`).

Each benchmark is a script ``tests/bench/bench_*.py`` that measures the project and its baseline
in the same run and prints, as its last line::

    <name>: measured <x> <unit>, baseline <y> <unit>, ratio <x/y>

`scripts/bench.sh` exports MSQ_ODOO_CONFIG and MSQ_DB (a fresh database with every addon
installed). A benchmark creates its data in its own transaction and rolls it back at the end.
"""

import contextlib
import gc
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import odoo
from odoo.modules.registry import Registry


@contextlib.contextmanager
def odoo_env(context=None):
    """An environment (superuser) on the benchmark database; everything is rolled back."""
    config, db = os.environ["MSQ_ODOO_CONFIG"], os.environ["MSQ_DB"]
    odoo.tools.config.parse_config(["-c", config, "-d", db, "--log-level=warn"])
    registry = Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, dict(context or {}))
        try:
            yield env
        finally:
            cr.rollback()


def best_time(func, repeat=5, setup=None):
    """Median wall time of ``func()`` over ``repeat`` runs (``setup()`` before each, untimed)."""
    timings = []
    for _ in range(repeat):
        if setup:
            setup()
        gc.collect()
        start = time.perf_counter()
        func()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def report(name, measured, baseline, unit="s"):
    """Print the closing line of a benchmark and return the ratio."""
    ratio = measured / baseline if baseline else float("inf")
    print(f"{name}: measured {measured:.4f} {unit}, baseline {baseline:.4f} {unit}, "
          f"ratio {ratio:.2f}")
    return ratio


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OdooServer:
    """An Odoo server in other processes (prefork: ``--workers=2`` and its gevent worker) on
    free loopback ports, for the benchmarks that go through HTTP.

    ``run(*args)`` runs Odoo once (e.g. ``-i addon --stop-after-init``); ``start(*args)`` starts
    the server and waits until both ports answer ``/web/health``; ``stop()`` ends it. A launcher
    file rather than ``python3 -m odoo``: the prefork server respawns its gevent worker with
    ``sys.argv[0]``, which must be a runnable file.
    """

    def __init__(self, config, db, addons_path=None):
        self.work = tempfile.mkdtemp(prefix="msq-bench-")
        launcher = os.path.join(self.work, "odoo_launcher.py")
        with open(launcher, "w", encoding="utf-8") as handle:
            handle.write("from odoo.cli.command import main\nmain()\n")
        self.command = [sys.executable, launcher, "-c", config, "-d", db, "--log-level=warn"]
        if addons_path:
            self.command.append(f"--addons-path={addons_path}")
        self.http_port, self.gevent_port = free_port(), free_port()
        self.process = None

    def run(self, *args):
        subprocess.run([*self.command, *args], check=True, stdout=subprocess.DEVNULL)

    def start(self, *args, timeout=90):
        self.process = subprocess.Popen(
            [*self.command, "--workers=2", f"--http-port={self.http_port}",
             f"--gevent-port={self.gevent_port}", "--max-cron-threads=0", *args],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        for port in (self.http_port, self.gevent_port):
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/web/health", timeout=5)
                    break
                except OSError:
                    if time.monotonic() > deadline or self.process.poll() is not None:
                        raise RuntimeError("the Odoo server did not start") from None
                    time.sleep(0.5)
        return self

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(30)
        shutil.rmtree(self.work, ignore_errors=True)
