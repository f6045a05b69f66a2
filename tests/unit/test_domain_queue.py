"""Queue policy in plain Python: no database, no Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain import queue
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.thai_time import business_date, thai_date, thai_datetime_short


def test_ticket_codes_have_three_digits():
    assert [queue.ticket_code("A", n) for n in (1, 12, 999)] == ["A001", "A012", "A999"]


@pytest.mark.parametrize("value", ["vip", "ELDERLY ", "0", "'; DROP TABLE x; --"])
def test_unknown_priorities_are_refused(value):
    with pytest.raises(InvalidInput):
        queue.parse_priority(value)


def test_priorities():
    assert queue.parse_priority(None) is None
    assert queue.parse_priority("monk") is queue.Priority.MONK
    assert set(queue.PRIORITY_LABELS_TH) == set(queue.Priority)


@pytest.mark.parametrize("prefix", ["", "AB", "1", "ก", "-"])
def test_prefix_must_be_one_latin_letter(prefix):
    with pytest.raises(InvalidInput):
        queue.validate_prefix(prefix)


def test_estimate_uses_the_standard_time_until_three_are_served():
    assert queue.estimate_wait(4, [], 15, 2).minutes == 30
    assert queue.estimate_wait(4, [2.0, 3.0], 15, 0).minutes == 60
    # The median of recent service times resists one very long case.
    est = queue.estimate_wait(3, [4.0, 5.0, 6.0, 90.0], 15, 1)
    assert (est.minutes_per_person, est.minutes) == (5.5, 17)
    assert queue.estimate_wait(0, [4.0] * 5, 15, 1).minutes == 0


def test_priority_tickets_rank_first():
    assert queue.priority_rank(queue.Priority.MONK) == 0
    assert queue.priority_rank(None) == 1


def test_business_day_is_bangkok_midnight():
    assert business_date(dt.datetime(2026, 11, 24, 16, 59, 59, tzinfo=dt.UTC)) == dt.date(
        2026, 11, 24
    )
    assert business_date(dt.datetime(2026, 11, 24, 17, 0, tzinfo=dt.UTC)) == dt.date(2026, 11, 25)
    with pytest.raises(ValueError):
        business_date(dt.datetime(2026, 11, 24, 17, 0))


def test_thai_dates_in_buddhist_era():
    assert thai_date(dt.date(2023, 4, 10)) == "10 เม.ย. 2566"
    assert thai_date(dt.date(2023, 4, 10), thai_digits=True) == "๑๐ เม.ย. ๒๕๖๖"
    at = dt.datetime(2026, 11, 24, 2, 41, tzinfo=dt.UTC)
    assert thai_datetime_short(at) == "24/11/2569 09:41"
