"""Summary -> JSON, in the shape `wizard/schema/summary.schema.json` documents (and the tests enforce).

Text is kept exactly; the JSON encoder escapes what JSON needs (NUL becomes \\u0000), and non-ASCII text
such as emoji stays readable rather than turning into escape sequences.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from wizard.report.summary import Summary

FORMAT = "hip-wizard-summary"
FORMAT_VERSION = 1


def as_data(summary: Summary) -> dict:
    """The summary as plain JSON-ready data (also what the schema describes)."""
    data = asdict(summary)
    data["created"] = summary.created.isoformat(timespec="seconds")
    data["status_words"] = summary.status_words
    data["routine"]["total_minutes"] = summary.routine.total_minutes
    if summary.plan is not None:
        data["plan"].update({k: getattr(summary.plan, k).isoformat() for k in ("starts", "retest_on", "get_help_by")})
    if summary.change is not None and summary.change.baseline_when is not None:
        data["change"]["baseline_when"] = summary.change.baseline_when.isoformat(timespec="seconds")
    return {"format": FORMAT, "format_version": FORMAT_VERSION, **data}


def render(summary: Summary) -> str:
    return json.dumps(as_data(summary), ensure_ascii=False, indent=2) + "\n"
