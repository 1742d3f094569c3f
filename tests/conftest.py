"""Shared test configuration: hypothesis profiles and the hostile-input tally.

Profiles:

- ``ci``: thorough (more examples, no deadline); chosen when the ``CI``
  environment variable is set (``.ci/run`` sets ``CI=true``).
- ``dev``: fast, for the edit-test loop; the default elsewhere.

``HYPOTHESIS_PROFILE=ci`` (or ``dev``) overrides the choice.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, settings

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=_SLOW_OK,
    print_blob=True,
)
settings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=_SLOW_OK,
)

_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _ci else "dev")
settings.load_profile(PROFILE)


def pytest_report_header() -> list[str]:
    """Say which hypothesis profile the run uses."""
    return [f"hypothesis profile: {PROFILE}"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many hostile inputs the hostile-input suite tried, by kind."""
    import strategies

    fuzz = sys.modules.get("_fuzz")  # the fuzz harness's tally, when it ran
    if fuzz is not None and fuzz.FUZZ_COUNTS:
        _tally(terminalreporter, "fuzz inputs by door", fuzz.FUZZ_COUNTS)
        if fuzz.FOREIGN:
            _tally(terminalreporter, "fuzz survey: foreign exceptions", fuzz.FOREIGN)
    counts = strategies.HOSTILE_COUNTS
    if not counts:
        return
    terminalreporter.section("hostile inputs tried")
    width = max(len(k) for k in counts)
    for kind, n in sorted(counts.items()):
        terminalreporter.write_line(f"{kind:<{width}}  {n:>6}")
    terminalreporter.write_line(f"{'total':<{width}}  {sum(counts.values()):>6}")


def _tally(terminalreporter: pytest.TerminalReporter, title: str,
           counts: Mapping[str, int]) -> None:
    terminalreporter.section(title)
    width = max(len(k) for k in counts)
    for kind, n in sorted(counts.items()):
        terminalreporter.write_line(f"{kind:<{width}}  {n:>6}")
    terminalreporter.write_line(f"{'total':<{width}}  {sum(counts.values()):>6}")
