"""One digit style per statistics PDF (issue 19 item 15, the statistics part): the office's
``document.digits`` setting, everywhere in the document."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop_app.services.settings import set_setting
from desktop_app.services.stats_export import export_queue, loans_summary_pdf
from tests.support.db import actor
from tests.support.pdf_check import text

DAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_queue_and_loans_summaries_use_one_digit_style(office, tmp_path, digits):
    set_setting(office, actor(office, "admin"), "document.digits", digits)
    for path in (tmp_path / "queue.pdf", tmp_path / "loans.pdf"):
        if path.name == "queue.pdf":
            export_queue(office, DAY, DAY, path, "pdf")
        else:
            loans_summary_pdf(office, DAY, DAY, path)
        words = text(path.read_bytes())
        thai, arabic = re.findall(r"[๐-๙]", words), re.findall(r"[0-9]", words)
        if digits == "thai":
            assert thai and not arabic, (path.name, arabic[:10])
        else:
            assert arabic and not thai, (path.name, thai[:10])
