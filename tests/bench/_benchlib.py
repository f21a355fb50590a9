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
import statistics
import time

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
