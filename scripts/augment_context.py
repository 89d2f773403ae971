#!/usr/bin/env python3
"""Write nlu_data/nlu/with_company_context.yml: training examples prefixed with company facts,
and eligibility questions that state several facts of 第九条 before asking.

People often open with who they are (「我们厂在坪山，六十多人，」) before asking about a
service item. Without such examples the classifier learns that any message carrying a headcount
is an eligibility question. This script takes a fixed sample of each policy intent's own examples
and prefixes them with context phrases; the seed makes the output reproducible. Each example's
place in the sample and its context come from a hash of the example itself (rendezvous
hashing), so that adding examples to one intent leaves every other intent's sample as it was,
and its own unless a new example ranks among the chosen: retraining after a fix then changes
what the fix changed, not the whole file.

    .venv/bin/python scripts/augment_context.py          # rewrite the file
    .venv/bin/python scripts/augment_context.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
NLU_DIR = REPO / "nlu_data" / "nlu"
OUTPUT = NLU_DIR / "with_company_context.yml"
SEED = 2021
PER_INTENT = 6
# Intents whose questions are themselves about the company's facts keep their own examples only.
SKIP = {"ask_enterprise_eligibility", "ask_how_to_apply"}
ENTERPRISE_CONTEXTS = [
    "我们公司在坪山，五十多人，",
    "我们厂注册在坪山区，六十来人，",
    "俺们厂三十个人，",
    "我们是坪山的小厂，四十人，",
    "来电人说公司90人，",
    "来电企业称有二十几个员工，",
    "我们公司在坪山经营，七十多人，",
    "我们是做电子的，八十人左右，",
    "公司45名员工，",
    "我们是科技型中小企业，",
    "我们厂去年有过一起劳动仲裁，",
    "我们小公司就十几个人，",
    "我们是坪山的工厂，一百人不到，",
    "来电人称公司在坪山，员工六十多名，",
    "我们公司刚搬来坪山，",
]
AGENCY_CONTEXTS = [
    "我们是一家人力资源公司，",
    "我们机构托管了三十家企业，",
    "我们律所在坪山，",
    "来电机构说他们服务了20家企业，",
    "我们是民政局登记的社会组织，",
    "我们机构有三名专职人员，",
]
AGENCY_INTENTS = {
    "ask_agency_conditions",
    "ask_agency_exit",
    "ask_filing",
    "ask_service_archive",
    "ask_subsidy_amount",
    "ask_subsidy_materials",
    "ask_subsidy_payment",
    "ask_subsidy_stop",
    "ask_evaluation",
    "ask_service_agreement",
    "ask_supervision_fraud",
}


# Facts an enterprise states before asking 「能托管吗」 (第九条), several at once, in any order.
ELIGIBILITY_FACTS = [
    [
        "注册、纳税和经营都在坪山区",
        "注册地纳税地经营地都在坪山",
        "我们注册在坪山，税也在坪山交，厂也在坪山",
        "公司在坪山注册，也在坪山纳税经营",
        "三个地方都在坪山区",
    ],
    [
        "现在45名员工",
        "有八十多人",
        "员工六十个左右",
        "公司一共30人",
        "从业人员九十五人",
        "我们有一百二十个员工",
        "厂里二十来个工人",
        "员工人数是100人",
    ],
    ["正常经营", "生产经营都正常", "一直正常生产", "目前经营正常"],
    [
        "不是劳务派遣",
        "不是劳务派遣也不是人力资源公司",
        "我们是做电子加工的，不是派遣公司",
        "我们是劳务派遣公司",
        "我们是人力资源服务机构",
    ],
    [
        "去年发生过一起劳动仲裁案件",
        "上一年度有过劳动监察案件",
        "去年被员工投诉到劳动信访",
        "我们是上一年度入库的科技型中小企业",
        "属于区里的重点企业",
        "去年没有发生过劳动纠纷案件",
    ],
]
ELIGIBILITY_QUESTIONS = [
    "能托管吗？",
    "可以申请托管吗",
    "符合托管条件吗？",
    "能不能享受托管服务",
    "能成为托管服务对象吗",
    "我们这种情况能托管不",
    "可以做劳动关系事务托管吗？",
    "能申请吗",
]
ELIGIBILITY_OPENERS = ["", "", "您好，", "请问一下，", "来电人说，", "我们公司", "咨询一下，"]
MULTI_FACT_EXAMPLES = 40


def _multi_fact_questions(rng: random.Random) -> list[str]:
    """Eligibility questions that carry three to five facts of 第九条 before the question."""
    made: list[str] = []
    while len(made) < MULTI_FACT_EXAMPLES:
        groups = rng.sample(ELIGIBILITY_FACTS, rng.randint(3, 5))
        facts = "，".join(rng.choice(group) for group in groups)
        text = f"{rng.choice(ELIGIBILITY_OPENERS)}{facts}，{rng.choice(ELIGIBILITY_QUESTIONS)}"
        if text not in made:
            made.append(text)
    return made


def _examples_by_intent() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(NLU_DIR.glob("*.yml")):
        if path == OUTPUT:
            continue
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" in block:
                lines = [
                    ln[2:].strip() for ln in block["examples"].splitlines() if ln.startswith("- ")
                ]
                found.setdefault(block["intent"], []).extend(lines)
    return found


def _rank(text: str) -> int:
    """A number fixed for ``text`` and the seed: the order examples are chosen in."""
    return int(hashlib.sha256(f"{SEED}:{text}".encode()).hexdigest(), 16)


def generate() -> str:
    rng = random.Random(SEED)
    blocks = []
    for intent, examples in sorted(_examples_by_intent().items()):
        if not intent.startswith("ask_") or intent in SKIP:
            continue
        short = [e for e in examples if 4 <= len(e) <= 22 and not any(ch.isdigit() for ch in e)]
        sample = sorted(dict.fromkeys(short), key=_rank)[:PER_INTENT]
        contexts = AGENCY_CONTEXTS if intent in AGENCY_INTENTS else ENTERPRISE_CONTEXTS
        lines = [f"    - {contexts[_rank('context:' + e) % len(contexts)]}{e}" for e in sample]
        blocks.append(f"- intent: {intent}\n  examples: |\n" + "\n".join(lines))
    lines = [f"    - {text}" for text in _multi_fact_questions(rng)]
    blocks.append("- intent: ask_enterprise_eligibility\n  examples: |\n" + "\n".join(lines))
    header = "# Generated by scripts/augment_context.py (seeded) — do not edit by hand.\n"
    return header + 'version: "3.1"\nnlu:\n' + "\n".join(blocks) + "\n"


def main() -> int:
    text = generate()
    if "--check" in sys.argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"out of date: {OUTPUT.relative_to(REPO)} (run scripts/augment_context.py)")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
