{
    "name": "Benchmark floor: the cheapest durable write through Odoo's HTTP stack",
    "summary": "Bench-only: one route that stores one row per request (tests/bench, never shipped)",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "license": "AGPL-3",
    "author": "Municipal Service Quality contributors",
    "depends": ["web"],
    "installable": True,
}
