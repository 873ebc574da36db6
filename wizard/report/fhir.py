"""Summary -> a FHIR R4B QuestionnaireResponse (JSON) that a clinical system can file.

One item per answered question (information steps are not questions and are left out), `linkId` the
qualified node id, answers typed as FHIR expects: yes/no -> valueBoolean, choices and self-test results ->
valueCoding, whole-number measures -> valueInteger, other measures -> valueDecimal, an empty multiple choice
-> valueString "None of these". The questionnaire reference is built from the entry tree's id and version.
Identifiers are URNs under `urn:hip-wizard:` because the trees are not published on a FHIR server.
"""

from __future__ import annotations

import json

from wizard.report.summary import AnswerLine, Summary

BASE = "urn:hip-wizard"
RESULT_SYSTEM = f"{BASE}:self-test-result"
STATUS = {"finished": "completed", "emergency": "completed", "unfinished": "in-progress"}


def questionnaire_url(tree_id: str, version: str) -> str:
    """The canonical reference of a tree as a Questionnaire: `urn:hip-wizard:questionnaire:ID|VERSION`."""
    return f"{BASE}:questionnaire:{tree_id}|{version}"


def option_system(qid: str) -> str:
    return f"{BASE}:options:{qid}"


def as_resource(summary: Summary) -> dict:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire_url(summary.tree.id, summary.tree.version),
        "status": STATUS[summary.status],
        "authored": summary.created.isoformat(timespec="seconds"),
    }
    items = [_item(a) for a in summary.answers if a.kind != "info"] + _plan_items(summary) + _change_items(summary)
    return {**resource, "item": items} if items else resource


def _plan_items(summary: Summary) -> list[dict]:
    """The plan's stage and dates, as extra items a clinician's system can show beside the answers."""
    plan = summary.plan
    if plan is None:
        return []
    return [{"linkId": "hip-wizard/plan-stage", "text": f"Plan stage ({plan.stage_name})",
             "answer": [{"valueInteger": plan.stage}]},
            {"linkId": "hip-wizard/retest-on", "text": "Re-test on",
             "answer": [{"valueDate": plan.retest_on.isoformat()}]},
            {"linkId": "hip-wizard/get-help-by", "text": "Get help if not better by",
             "answer": [{"valueDate": plan.get_help_by.isoformat()}]}]


def _change_items(summary: Summary) -> list[dict]:
    """A re-test's change over time: one text answer per line of the comparison with the last full check."""
    change = summary.change
    if change is None:
        return []
    lines = ([change.stage_headline] if change.stage_headline else []) + list(change.stage_reasons) + list(change.lines)
    since = f" ({change.baseline_when.isoformat(timespec='seconds')})" if change.baseline_when else ""
    return [{"linkId": "hip-wizard/since-last-check", "text": f"Since your last full check{since}",
             "answer": [{"valueString": line} for line in lines]}]


def _item(answer: AnswerLine) -> dict:
    item = {"linkId": answer.qid, "text": answer.text}
    return {**item, "answer": _answers(answer)}


def _answers(answer: AnswerLine) -> list[dict]:
    value = answer.value
    if isinstance(value, bool):
        return [{"valueBoolean": value}]
    if isinstance(value, int):
        return [{"valueInteger": value}]
    if isinstance(value, float):
        return [{"valueDecimal": value}]
    system = RESULT_SYSTEM if answer.kind == "self_test" else option_system(answer.qid)
    codings = [{"valueCoding": {"system": system, "code": c.code, "display": c.label}} for c in answer.choices]
    return codings or [{"valueString": answer.label}]


def render(summary: Summary) -> str:
    return json.dumps(as_resource(summary), ensure_ascii=False, indent=2) + "\n"
