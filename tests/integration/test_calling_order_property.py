"""Property: whatever the sequence of issues, a counter calls its services' waiting tickets
in exactly the documented order: priority tickets first, each group in issue order."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import tickets
from desktop_app.services.setup import init_database
from tests.support.db import FakeClock, actor

ISSUES = st.lists(
    st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from([None, "elderly", "monk"])),
    min_size=1,
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues=ISSUES, same_instant=st.booleans())
def test_counter_one_calls_in_the_documented_order(sqlite_template, issues, same_instant):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "k.db"
        shutil.copy(sqlite_template, path)
        engine = make_engine(f"sqlite:///{path}")
        clock = FakeClock()
        uow = UnitOfWork(engine, clock=clock)
        init_database(engine, demo=True)
        clerk = actor(uow, "clerk1")
        issued = []
        for n, (service, priority) in enumerate(issues):
            if not same_instant:  # several PCs in the same microsecond: arrival still decides
                clock.advance(seconds=7)
            t = tickets.issue_ticket(uow, clerk, service, priority)
            issued.append((0 if priority else 1, n, t.code, service))
        expected = [code for _, _, code, svc in sorted(issued) if svc in ("A", "B")]
        called = []
        while (t := tickets.call_next(uow, clerk, 1)) is not None:
            called.append(t.code)
        engine.dispose()
    assert called == expected
