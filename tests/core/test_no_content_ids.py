"""No content ids in code: what the code needs to know about trees is declared in the trees (issue 13).

Which tree re-tests which is `role: retest` + `baseline:`, which way a measure is better is `better:`, and
which question the date can answer is `plan_weeks:`. A bundled tree id written into `wizard/` would tie the
program to today's content, so this test reads every module for one.
"""

from __future__ import annotations

import re
from pathlib import Path

import wizard
from wizard.content import loader

PACKAGE = Path(wizard.__file__).parent


def test_no_module_in_wizard_names_a_bundled_tree():
    library = loader.collect([]).library
    ids = sorted(library.trees)
    assert "full-check" in ids and "quick-retest" in ids  # the test would be empty without the bundled trees
    pattern = re.compile(r"""["'](""" + "|".join(map(re.escape, ids)) + r""")(["'/])""")
    found = [f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []


def test_the_bundled_retest_declares_its_baseline_and_measures_their_direction():
    library = loader.collect([]).library
    retests = library.retest_trees()
    assert retests and all(library.trees[t].baseline in library.trees for t in retests)
    measures = [n for t in library.trees.values() if t.role != "red_flags" for n in t.nodes.values()
                if n.kind == "measure"]
    assert measures and all(m.better in ("higher", "lower") for m in measures)
