"""JSON and FHIR exports validate against their schemas, and odd text survives them exactly."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from wizard.report import render
from wizard.report.fhir import questionnaire_url

from .conftest import HOSTILE, WALKS, summary_for

QuestionnaireResponse = pytest.importorskip("fhir.resources.R4B.questionnaireresponse").QuestionnaireResponse


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("wizard.schema").joinpath("summary.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _errors(validator, data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("walk", WALKS)
def test_json_validates_against_the_shipped_schema(library, validator, walk):
    assert _errors(validator, json.loads(render(summary_for(library, walk), "json"))) == []


def test_schema_rejects_a_summary_with_a_wrong_status(library, validator):
    data = json.loads(render(summary_for(library, "finished"), "json"))
    data["status"] = "done"
    assert _errors(validator, data)


def test_hostile_text_survives_json_exactly(hostile_summary, validator):
    text = render(hostile_summary, "json")
    data = json.loads(text)
    assert _errors(validator, data) == []
    where = next(a for a in data["answers"] if a["qid"] == "example/where")
    assert where["text"] == f"Where? {HOSTILE['odd']}"
    assert "\\u0000" in text and "🦴😀" in text


@pytest.mark.parametrize("walk", WALKS)
def test_fhir_validates_as_r4b_questionnaire_response(library, walk):
    resource = QuestionnaireResponse.model_validate_json(render(summary_for(library, walk), "fhir"))
    assert resource.questionnaire == questionnaire_url("example", "1.0.0") == "urn:hip-wizard:questionnaire:example|1.0.0"
    assert str(resource.authored).startswith("2026-11-27")


@pytest.mark.parametrize(("walk", "status"), [("finished", "completed"), ("emergency", "completed"),
                                              ("unfinished", "in-progress")])
def test_fhir_status_follows_the_walk(library, walk, status):
    assert json.loads(render(summary_for(library, walk), "fhir"))["status"] == status


def _items(library, walk) -> dict:
    return {i["linkId"]: i for i in json.loads(render(summary_for(library, walk), "fhir"))["item"]}


def test_fhir_items_use_qids_and_typed_answers(library):
    items = _items(library, "finished")
    answers = ["example-screen/fever", "example/where", "example/stance"]  # info step left out
    assert list(items)[:3] == answers
    plan = [i for i in items if i.startswith("hip-wizard/")]
    assert plan == ["hip-wizard/plan-stage", "hip-wizard/retest-on", "hip-wizard/get-help-by"]
    assert items["hip-wizard/plan-stage"]["answer"] == [{"valueInteger": 1}]
    assert items["example-screen/fever"]["answer"] == [{"valueBoolean": False}]
    assert items["example/where"]["text"] == "Where do you feel the pain most?"
    coding = items["example/where"]["answer"][0]["valueCoding"]
    assert (coding["code"], coding["display"]) == ("outside", "On the outside of the hip")
    assert items["example/stance"]["answer"][0]["valueCoding"]["code"] == "left"


def test_fhir_multi_choice_gives_one_coding_per_pick_and_measures_are_numbers(library):
    items = _items(library, "unfinished")
    assert [a["valueCoding"]["code"] for a in items["example/activities"]["answer"]] == ["sitting", "stairs"]
    measured = _items(library, "measured")
    assert measured["example/pain"]["answer"] == [{"valueInteger": 9}]
    assert measured["example/activities"]["answer"] == [{"valueString": "None of these"}]


def test_fhir_keeps_hostile_text_and_validates(hostile_summary):
    text = render(hostile_summary, "fhir")
    QuestionnaireResponse.model_validate_json(text)
    where = {i["linkId"]: i for i in json.loads(text)["item"]}["example/where"]
    assert where["text"] == f"Where? {HOSTILE['odd']}"
    assert where["answer"][0]["valueCoding"]["display"] == f"Outside {HOSTILE['img']}"


def test_fhir_decimal_measure_is_value_decimal(library):
    from dataclasses import replace
    summary = summary_for(library, "measured")
    pain = replace(summary.answers[-1], value=2.5)
    text = render(replace(summary, answers=(*summary.answers[:-1], pain)), "fhir")
    QuestionnaireResponse.model_validate_json(text)
    assert json.loads(text)["item"][-1]["answer"] == [{"valueDecimal": 2.5}]
