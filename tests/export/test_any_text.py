"""Any text a tree can hold comes through every export: exactly in JSON and FHIR, as literal (made
visible) text in HTML and Markdown, never as markup and never as a crash."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.report import render
from wizard.report import text as t

from .conftest import Page, summary_for

markdown_it = pytest.importorskip("markdown_it")
QuestionnaireResponse = pytest.importorskip("fhir.resources.R4B.questionnaireresponse").QuestionnaireResponse

TEXT = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _with_text(library, text: str):
    """The finished example with `text` as the finding's description, the 'where' question's text, and
    (inside bold Markdown) the single-leg stance test's title."""
    summary = summary_for(library, "finished")
    answers = list(summary.answers)
    answers[1] = replace(answers[1], text=text)
    answers[2] = replace(answers[2], title=text)
    finding = replace(summary.findings[0], description=text)
    return replace(summary, answers=tuple(answers), findings=(finding,))


@SETTINGS
@given(text=TEXT)
def test_json_and_fhir_keep_any_text_exactly(library, text):
    summary = _with_text(library, text)
    assert json.loads(render(summary, "json"))["answers"][1]["text"] == text
    fhir = render(summary, "fhir")
    QuestionnaireResponse.model_validate_json(fhir)
    assert json.loads(fhir)["item"][1]["text"] == text


@SETTINGS
@given(text=TEXT)
def test_html_shows_any_text_literally(library, text):
    page = Page(render(_with_text(library, text), "html"))
    assert f"<p>{t.visible(text)}</p>" in "".join(f"<p>{x}</p>" for x in page.text)
    assert {tag for tag, _ in page.tags} <= {"html", "head", "meta", "title", "style", "body", "header", "footer",
                                            "h1", "h2", "h3", "dl", "dt", "dd", "section", "div", "p", "strong",
                                            "ul", "ol", "li", "code", "table", "thead", "tbody", "tr", "th", "td"}


def _markdown_page(library, text: str) -> Page:
    return Page(markdown_it.MarkdownIt("commonmark").enable("table").render(render(_with_text(library, text), "md")))


@SETTINGS
@given(text=TEXT)
def test_markdown_shows_any_text_literally(library, text):
    page = _markdown_page(library, text)
    assert t.one_line(text) in page.text
    plain = _markdown_page(library, "plain")
    assert [tag for tag, _ in page.tags] == [tag for tag, _ in plain.tags]  # the text opened no element
    assert {tag for tag, _ in page.tags} <= {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "code",
                                            "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td"}
