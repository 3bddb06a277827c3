"""Run the suite at a chosen moment: `--freeze-clock=2026-10-25T02:30+01:00` (or the environment
variable WIJKINFO_FREEZE_CLOCK).

Every test then starts at that instant, in every process and thread (the live server too): the
clock is moved with time-machine, which patches time.time() and datetime.now() themselves. It ticks
on from there during a test, so timeouts and rate-limit windows still pass, and it is reset to the
instant before each test. A test that needs its own moment sets it with
`@pytest.mark.time_machine(...)`, which wins over this one.

Tests whose outcome could depend on the date, the weekday or the hour carry the `clock` mark;
`.ci/run` runs them at a weekday morning, a Saturday night and the night the clocks go back, besides
the real now. A naive instant is read as Amsterdam time.

tests/conftest.py calls the hooks here (pytest reads hooks from conftest files and plugins only).
"""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ENVIRONMENT_VARIABLE = "WIJKINFO_FREEZE_CLOCK"
_instant = None


def parse_instant(text):
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise pytest.UsageError(
            f"--freeze-clock wants an ISO 8601 moment such as 2026-12-05T23:30+01:00, not {text!r}"
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


def add_option(parser):
    parser.addoption(
        "--freeze-clock",
        metavar="INSTANT",
        default=os.environ.get(ENVIRONMENT_VARIABLE) or None,
        help=(
            "start every test at this ISO 8601 moment, e.g. 2026-12-05T23:30 (Amsterdam time "
            f"unless an offset is given); default: ${ENVIRONMENT_VARIABLE}, else the real clock"
        ),
    )


def configure(config):
    global _instant
    text = config.getoption("--freeze-clock")
    if not text:
        return
    _instant = parse_instant(text)
    # From here on, session fixtures (the baseline, the demo city) are built at the instant too.
    traveller = time_machine.travel(_instant, tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


def report_header(config):
    if _instant is None:
        return "clock: real time (freeze it with --freeze-clock=INSTANT)"
    return f"clock: every test starts at {_instant.isoformat()} ({_instant.tzname()})"


@pytest.fixture(autouse=True)
def _frozen_clock(request):
    """Back to the instant before each test, so no test sees how long the others took. A test
    with its own `time_machine` mark keeps its moment (that fixture is set up before this one)."""
    if _instant is None or request.node.get_closest_marker("time_machine"):
        yield
        return
    with time_machine.travel(_instant, tick=True):
        yield
