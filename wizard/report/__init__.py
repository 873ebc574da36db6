"""Session summary -> Markdown, HTML, JSON or FHIR: pure functions of a `Summary`, no I/O, no Textual.

`render(summary, fmt)` is the one entry point front ends call; the table below maps each format name to
the module that renders it, so adding a format is one module and one line here.
"""

from __future__ import annotations

from importlib import import_module

from wizard.report.summary import Summary

FORMATS = {
    "md": ("markdown", ".md", "Markdown"),
    "html": ("html_page", ".html", "HTML"),
    "json": ("json_doc", ".json", "JSON"),
    "fhir": ("fhir", ".fhir.json", "FHIR R4B QuestionnaireResponse (JSON)"),
}


def render(summary: Summary, fmt: str) -> str:
    """The summary as text in format `fmt` (md, html, json or fhir)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}'; use one of: {', '.join(FORMATS)}")
    module = import_module(f".{FORMATS[fmt][0]}", __name__)
    return module.render(summary)


def suffix(fmt: str) -> str:
    """The file name ending for a format: .md, .html, .json, .fhir.json."""
    return FORMATS[fmt][1]


__all__ = ["FORMATS", "render", "suffix"]
