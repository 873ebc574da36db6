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
    return {"format": FORMAT, "format_version": FORMAT_VERSION, **data}


def render(summary: Summary) -> str:
    return json.dumps(as_data(summary), ensure_ascii=False, indent=2) + "\n"
