"""Ruff (configured by ruff.toml at the repository root) reports nothing."""

from ._common import ROOT, run_ruff


def test_ruff_clean():
    code, output = run_ruff(ROOT)
    assert code == 0, f"`python3 -m ruff check {ROOT}` exited with {code}:\n{output}"
