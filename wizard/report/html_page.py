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
from wizard.wording import BECAUSE, because, with_unit

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
  .screen-only { display: none; }
  section.item ul, section.item ol { margin: .1rem 0; }
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
    return _section("<h2>Findings</h2>", *found, css="screen-only")


def _outcomes(s: Summary) -> str:
    if not s.outcomes:
        return ""
    lines = (f"<strong>{e(o.title)}</strong>" + (f": {e(o.text)}" if o.text else "") for o in s.outcomes)
    return _section("<h2>Where your answers led</h2>", _items(lines), css="screen-only")


def _change(s: Summary) -> str:
    c = s.change
    if c is None:
        return ""
    parts = [f"<p>Compared with your {e(c.baseline_title)} of {e(t.when(c.baseline_when))}.</p>"] \
        if c.baseline_when is not None else []
    if c.stage_headline:
        parts += [f"<p><strong>{e(c.stage_headline)}</strong></p>"]
        parts += [_items(e(r) for r in c.stage_reasons)] if c.stage_reasons else []
    parts += [_items(e(line) for line in c.lines)] if c.lines else []
    return _section("<h2>Since your last full check</h2>", *parts)


def _frame(s: Summary) -> str:
    p = s.plan
    if p is None:
        return ""
    facts = [("Routine", f"about {t.minutes(p.minutes)} a session")] if p.minutes else []
    facts += [("Sore side", e(p.side))] if p.side else []
    facts += [("Started", f"{p.starts:%Y-%m-%d}"), ("Re-test on", f"{p.retest_on:%Y-%m-%d}"),
              ("Get help if not better by", f"{p.get_help_by:%Y-%m-%d}, or at once with any warning sign")]
    rows = NL.join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    days = [d for d in p.week if d.exercises]
    week = ("<table>\n<tr><th>Day</th><th>Routine</th><th>Minutes</th></tr>\n" + NL.join(
        f"<tr><td>{d.day}</td><td>{', '.join(e(n) for n in d.exercises)}</td><td>{t.number(d.minutes)}</td></tr>"
        for d in days) + "\n</table>") if days else ""
    heading = f"<h2>Your plan: stage {p.stage} of 3 ({e(p.stage_name)})</h2>"
    return _section(heading, f'<dl class="facts">\n{rows}\n</dl>', week)


def _exercise(x) -> str:
    facts = [f"<strong>Kind:</strong> {e(x.kind)}; works on: {e(x.target)}",
             f"<strong>Dose:</strong> {e(x.dosage)} (about {t.minutes(x.minutes)})"]
    facts += [f"<strong>Days:</strong> {', '.join(x.days)}"] if x.days else []
    facts += [f"<strong>Take care:</strong> {e(c)}" for c in x.cautions]
    facts += [f"<strong>Easier:</strong> {e(x.regression)}"] if x.regression else []
    facts += [f"<strong>Harder:</strong> {e(x.progression)}"] if x.progression else []
    steps = _items((e(step) for step in x.steps), "ol")
    return _section(f"<h3>{e(x.name)}</h3>", _items(facts), "<p>Steps:</p>", steps, css="item")


def _plan(s: Summary) -> str:
    """Exercises and positions, then lifestyle changes: two sections of their own, as on the screen."""
    exercises = (_section("<h2>Exercises and positions</h2>", *(_exercise(x) for x in s.exercises))
                 if s.exercises else "")
    advice = (f"<strong>{e(a.title)}:</strong> {e(a.text)}" for a in s.advice)
    lifestyle = _section("<h2>Lifestyle changes</h2>", _items(advice), css="screen-only") if s.advice else ""
    return NL.join(part for part in (exercises, lifestyle) if part)


def _routine(s: Summary) -> str:
    if not s.routine.steps:
        return ""
    steps = (f"{e(r.name)}: {e(r.dosage)}, {t.minutes(r.minutes)}" +
             (f" ({', '.join(r.days)})" if r.days and len(r.days) < 7 else " (every day)") for r in s.routine.steps)
    heading = f"<h2>Your routine (about {t.minutes(s.routine.total_minutes)} a session)</h2>"
    return _section(heading, _items(steps, "ol"))


def _retests(s: Summary) -> str:
    return _section("<h2>When to re-test</h2>", _items(e(r) for r in s.retests)) if s.retests else ""


def _measures(s: Summary) -> str:
    if not s.measures:
        return ""
    rows = NL.join(f"<tr><td>{e(m.title)}</td><td>{e(with_unit(t.number(m.value), m.unit))}</td>"
                   f"<td>{e(t.number(m.min))} to {e(t.number(m.max))}</td></tr>" for m in s.measures)
    head = "<thead><tr><th>Measure</th><th>Value</th><th>Scale</th></tr></thead>"
    return _section("<h2>Measures</h2>", "<table>", head, "<tbody>", rows, "</tbody>", "</table>",
                    css="screen-only")


CHART_W, CHART_H, PAD = 360, 110, 28


def _chart(tr) -> str:
    """One measure over time as an inline SVG line chart: no script, no style attribute (the page's CSP
    allows neither), only shapes and text. The y axis is the measure's own scale when it has one."""
    values = [v for _, v in tr.points]
    low = tr.min if tr.min is not None else min(values)
    high = tr.max if tr.max is not None and tr.max > low else max(max(values), low + 1)
    step = (CHART_W - 2 * PAD) / max(len(values) - 1, 1)
    scale = (CHART_H - 2 * PAD) / (high - low)
    xy = [(PAD + n * step, CHART_H - PAD - (v - low) * scale) for n, v in enumerate(values)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1565c0"/>' for x, y in xy)
    labels = "".join(f'<text x="{x:.1f}" y="{y - 7:.1f}" font-size="10" text-anchor="middle">{e(t.number(v))}'
                     '</text>' for (x, y), v in zip(xy, values, strict=True))
    title = f"{tr.title} ({tr.unit})"
    axis = (f'<line x1="{PAD}" y1="{CHART_H - PAD}" x2="{CHART_W - PAD}" y2="{CHART_H - PAD}" stroke="#999"/>'
            f'<text x="{PAD}" y="{CHART_H - 8}" font-size="10">{e(tr.points[0][0])}</text>'
            f'<text x="{CHART_W - PAD}" y="{CHART_H - 8}" font-size="10" text-anchor="end">'
            f'{e(tr.points[-1][0])}</text>')
    return (f'<figure><svg xmlns="http://www.w3.org/2000/svg" width="{CHART_W}" height="{CHART_H}" '
            f'viewBox="0 0 {CHART_W} {CHART_H}" role="img" aria-label="{e(title)}"><title>{e(title)}</title>{axis}'
            f'<polyline points="{line}" fill="none" stroke="#1565c0" stroke-width="2"/>{dots}{labels}</svg>'
            f"<figcaption>{e(title)}: {e(' -> '.join(t.number(v) for v in values))}</figcaption></figure>")


def _trends(s: Summary) -> str:
    if not s.trends:
        return ""
    return _section("<h2>Over time</h2>", *(_chart(tr) for tr in s.trends), css="screen-only")


def _answer(a) -> str:
    asked = f" ({e(a.text)})" if a.text and a.text != a.title else ""
    sides = _items(f"{e(side.side.capitalize())}: {e(side.label)}" for side in a.sides) if a.sides else ""
    return f"<strong>{e(a.title)}</strong>{asked}: {e(a.label)}{sides}"


def _answers(s: Summary) -> str:
    inner = _items((_answer(a) for a in s.answers), "ol") if s.answers else "<p>No answers yet.</p>"
    return _section("<h2>Your answers</h2>", inner, css="screen-only")


def _trees(s: Summary) -> str:
    lines = (f"{e(tr.title)} ({e(tr.id)}), version {e(tr.version)}, content <code>{e(tr.short_hash)}</code>"
             for tr in s.trees)
    return _section("<h2>Question sets used</h2>", _items(lines), css="screen-only")


def _notes(s: Summary) -> str:
    return _section("<h2>Notes</h2>", _items(e(n) for n in s.notes)) if s.notes else ""


def _disclaimer(s: Summary) -> str:
    return f"<footer>\n<p class=\"disclaimer\">{e(s.disclaimer)}</p>\n</footer>"


SECTIONS = (_header, _unfinished, _referral, _change, _findings, _outcomes, _frame, _routine, _plan, _retests,
            _measures, _trends, _answers, _trees, _notes, _disclaimer)
