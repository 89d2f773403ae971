"""Whole conversations as a regression suite: the dialogue sets that were scored blind once
(tests/dialogues/blind_*.yml, written by helpers who saw only the regulation) run against the
live servers over REST, and each set must keep at least the share it reached after the fixes
its failures led to (README, 「整段对话」). A failure prints the conversations that went wrong.

The blind figures themselves (each set's first score, before anything was fixed for it) are in
the README; these thresholds only keep what was fixed from breaking again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.eval_dialogue import report, run_conversation
from tests.e2e.conftest import E2E_AS_OF
from tests.e2e.servers import REPO, RunningAssistant

DIALOGUES = REPO / "tests" / "dialogues"
# set → the share it must keep (a little under what it reached, as conversations are judged
# whole: one changed wording of a reply can fail a turn)
KEEP = {
    "blind_a.yml": 0.95,
    "blind_b.yml": 0.95,
    "blind_c.yml": 0.96,
    "blind_d.yml": 0.95,
    "blind_e.yml": 0.95,
    "blind_f.yml": 0.95,
    "blind_g.yml": 0.94,
    "blind_h.yml": 0.96,
    "blind_i.yml": 0.96,
    "blind_j.yml": 0.96,
    "blind_k.yml": 0.96,
    "blind_l.yml": 0.93,
    "blind_m.yml": 0.96,
    "blind_n.yml": 0.96,
    "blind_o.yml": 0.96,
    "blind_p.yml": 0.96,
    "blind_q.yml": 0.95,
    "blind_r.yml": 0.96,
    "blind_s.yml": 0.96,
    "blind_t.yml": 0.96,
    "blind_u.yml": 0.96,
    "blind_v.yml": 0.96,
    "blind_w.yml": 0.96,
    "blind_x.yml": 0.95,
    "blind_y.yml": 0.96,
    "blind_z.yml": 0.96,
    "blind_aa.yml": 0.95,
    "blind_ab.yml": 0.96,
    "blind_ac.yml": 0.96,
    "blind_ad.yml": 0.95,
    "blind_ae.yml": 0.94,
    "blind_af.yml": 0.94,
    "blind_ag.yml": 0.95,
    "blind_ah.yml": 0.96,
    "blind_ai.yml": 0.96,
    "blind_aj.yml": 0.94,
    "blind_ak.yml": 0.96,
    "blind_al.yml": 0.93,
    "blind_am.yml": 0.94,
}


@pytest.mark.parametrize("name", sorted(KEEP))
def test_a_dialogue_set_keeps_its_share_of_right_conversations(
    assistant: RunningAssistant, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load((DIALOGUES / name).read_text(encoding="utf-8"))
    assert str(data["as_of"]) == E2E_AS_OF  # the servers answer as of the set's date
    outcomes = [run_conversation(assistant.rasa_url, c) for c in data["conversations"]]
    share = report(outcomes)
    printed = capsys.readouterr().out
    assert share >= KEEP[name], f"{name}: {share:.1%} right, under {KEEP[name]:.0%}\n{printed}"


def test_every_dialogue_set_is_kept_here() -> None:
    assert {p.name for p in Path(DIALOGUES).glob("blind_*.yml")} == set(KEEP)
