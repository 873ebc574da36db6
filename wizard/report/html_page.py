"""Summary -> one self-contained HTML page that prints well on A4 or Letter.

Safe by construction: every string from a tree or a session goes through `e()` (control characters shown
as U+FFFD, then HTML-escaped, quotes included); the only links are http(s) source links; there are no
scripts, images, fonts or external style sheets; and a Content-Security-Policy meta tag, which allows
only the page's own style block (by hash), makes anything that slipped through inert anyway.
"""

from __future__ import annotations

import base64
import hashlib
import html
from urllib.parse import urlsplit

from wizard.report.summary import Summary
from wizard.report import text as t
from wizard.wording import BECAUSE, because

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 1.6rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.callout { border: 2px solid #555; padding: .6rem .9rem; margin: .8rem 0; }
.callout.emergency, .callout.urgent { border-color: #b00020; border-width: 3px; }
.callout.emergency strong, .callout.urgent strong { color: #b00020; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: .2rem .5rem; text-align: left; vertical-align: top; }
code { font-size: .85em; word-break: break-all; }
.disclaimer { font-style: italic; border-top: 1px solid #999; padding-top: .6rem; margin-top: 2rem; }
section.item { break-inside: avoid; page-break-inside: avoid; }
@page { margin: 15mm; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
""".strip()
STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CSP = (f"default-src 'none'; style-src 'sha256-{STYLE_HASH}'; img-src 'none'; base-uri 'none'; "
       "form-action 'none'")
SAFE_SCHEMES = ("http", "https")
NL = "\n"


def e(value: object) -> str:
    """Literal text for HTML element content and attribute values."""
    return html.escape(t.visible(value), quote=True)


def link(value: str) -> str:
    """An http(s) address becomes a link; anything else (javascript:, data:, plain words) stays text."""
    text = t.one_line(value)
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme in SAFE_SCHEMES and " " not in text:
        return f'<a href="{e(text)}" rel="noopener noreferrer external">{e(text)}</a>'
    return e(text)


def render(summary: Summary) -> str:
    body = "\n".join(part for section in SECTIONS if (part := section(summary)))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>Hip check summary: {e(summary.tree.title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _items(values, tag: str = "ul") -> str:
    return f"<{tag}>\n" + NL.join(f"<li>{v}</li>" for v in values) + f"\n</{tag}>"


def _section(heading: str, *parts: str, css: str = "") -> str:
    """A titled block; `heading` is already-safe HTML (fixed words or escaped text)."""
    opening = f'<section class="{css}">' if css else "<section>"
    return NL.join((opening, heading, *parts, "</section>"))


def _header(s: Summary) -> str:
    facts = (("Date", e(t.when(s.created))), ("Status", e(s.status_words)),
             ("Made with", f"hip-wizard {e(s.app_version)}"))
    rows = NL.join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return f"<header>\n<h1>Hip check summary: {e(s.tree.title)}</h1>\n<dl class=\"facts\">\n{rows}\n</dl>\n</header>"


def _unfinished(s: Summary) -> str:
    if s.status != "unfinished":
        return ""
    waiting = f" The next question was: {e(s.waiting_at)}." if s.waiting_at else ""
    return (f"<p class=\"callout unfinished\"><strong>This check is unfinished.</strong>{waiting} "
            "The findings and plan below cover only the answers given so far.</p>")


def _referral(s: Summary) -> str:
    r = s.referral
    if r is None:
        return _section("<h2>What to do next</h2>", "<p>No referral was reached.</p>")
    parts = [f"<p><strong>{e(r.words)}</strong></p>", f"<p>Why: {e(r.reason)}</p>"]
    parts += [f"<p>Who to see: {e(r.to)}</p>"] if r.to else []
    parts += [f"<p>What to do: {e(r.action)}</p>"] if r.action else []
    return _section("<h2>What to do next</h2>", f'<div class="callout {e(r.urgency)}">', *parts, "</div>")


def _finding(f) -> str:
    parts = [f"<p>{e(f.description)}</p>"]
    parts += [f"<p>What to expect: {e(f.expect)}</p>"] if f.expect else []
    parts += [f"<p>{e(BECAUSE)}</p>", _items(e(because(r.question, r.answer)) for r in f.reasons)]
    parts += [f"<p>Sources: {'; '.join(link(x) for x in f.sources)}</p>"] if f.sources else []
    return _section(f"<h3>{e(f.name)}</h3>", *parts, css="item")


def _findings(s: Summary) -> str:
    found = [_finding(f) for f in s.findings] or [
        "<p>No findings. (A finding only says what answers may suggest; it is not a diagnosis.)</p>"]
    return _section("<h2>Findings</h2>", *found)


def _outcomes(s: Summary) -> str:
    if not s.outcomes:
        return ""
    lines = (f"<strong>{e(o.title)}</strong>" + (f": {e(o.text)}" if o.text else "") for o in s.outcomes)
    return _section("<h2>Where your answers led</h2>", _items(lines))


def _exercise(x) -> str:
    facts = [f"<strong>Kind:</strong> {e(x.kind)}, for the {e(x.target)}",
             f"<strong>Dose:</strong> {e(x.dosage)} (about {t.minutes(x.minutes)})"]
    facts += [f"<strong>Take care:</strong> {e(c)}" for c in x.cautions]
    facts += [f"<strong>Easier:</strong> {e(x.regression)}"] if x.regression else []
    facts += [f"<strong>Harder:</strong> {e(x.progression)}"] if x.progression else []
    steps = _items((e(step) for step in x.steps), "ol")
    return _section(f"<h3>{e(x.name)}</h3>", _items(facts), "<p>Steps:</p>", steps, css="item")


def _plan(s: Summary) -> str:
    if not s.exercises and not s.advice:
        return ""
    parts = [_exercise(x) for x in s.exercises]
    if s.advice:
        advice = (f"<strong>{e(a.title)}:</strong> {e(a.text)}" for a in s.advice)
        parts.append(_section("<h3>Lifestyle changes</h3>", _items(advice), css="item"))
    return _section("<h2>Your plan</h2>", *parts)


def _routine(s: Summary) -> str:
    if not s.routine.steps:
        return ""
    steps = (f"{e(r.name)}: {e(r.dosage)}, {t.minutes(r.minutes)}" +
             (f" ({e(r.frequency)})" if r.frequency and r.frequency != "daily" else "") for r in s.routine.steps)
    heading = f"<h2>Daily routine (about {t.minutes(s.routine.total_minutes)} in all)</h2>"
    return _section(heading, _items(steps, "ol"))


def _retests(s: Summary) -> str:
    return _section("<h2>When to re-test</h2>", _items(e(r) for r in s.retests)) if s.retests else ""


def _measures(s: Summary) -> str:
    if not s.measures:
        return ""
    rows = NL.join(f"<tr><td>{e(m.title)}</td><td>{e(t.number(m.value))} {e(m.unit)}</td>"
                   f"<td>{e(t.number(m.min))} to {e(t.number(m.max))}</td></tr>" for m in s.measures)
    head = "<thead><tr><th>Measure</th><th>Value</th><th>Scale</th></tr></thead>"
    return _section("<h2>Measures</h2>", "<table>", head, "<tbody>", rows, "</tbody>", "</table>")


def _answer(a) -> str:
    asked = f" ({e(a.text)})" if a.text and a.text != a.title else ""
    sides = _items(f"{e(side.side.capitalize())}: {e(side.label)}" for side in a.sides) if a.sides else ""
    return f"<strong>{e(a.title)}</strong>{asked}: {e(a.label)}{sides}"


def _answers(s: Summary) -> str:
    inner = _items((_answer(a) for a in s.answers), "ol") if s.answers else "<p>No answers yet.</p>"
    return _section("<h2>Your answers</h2>", inner)


def _trees(s: Summary) -> str:
    lines = (f"{e(tr.title)} ({e(tr.id)}), version {e(tr.version)}, content hash <code>{e(tr.hash)}</code>"
             for tr in s.trees)
    return _section("<h2>Question sets used</h2>", _items(lines))


def _notes(s: Summary) -> str:
    return _section("<h2>Notes</h2>", _items(e(n) for n in s.notes)) if s.notes else ""


def _disclaimer(s: Summary) -> str:
    return f"<footer>\n<p class=\"disclaimer\">{e(s.disclaimer)}</p>\n</footer>"


SECTIONS = (_header, _unfinished, _referral, _findings, _outcomes, _plan, _routine, _retests, _measures,
            _answers, _trees, _notes, _disclaimer)
