"""The linear intent baseline (scripts/compare_intent_classifiers.py) learns from words and
characters, so its figures compare a working model with DIET, not a broken one."""

from __future__ import annotations

import pytest

from scripts.compare_intent_classifiers import LinearIntentModel, pipeline_text

TRAINING = {
    "ask_service_social_insurance": ["托管能帮我交社保吗", "社保能让机构代办吗", "员工社保谁去办"],
    "ask_service_payroll": ["托管机构能帮我发工资吗", "工资表能帮忙做吗", "算工资这事管不管"],
    "ask_filing": ["协议签了多少天内备案", "备案期限是多久", "服务协议要去哪里备案"],
    "greet": ["你好", "在吗", "哈喽"],
}

UNSEEN = [
    pytest.param(
        "员工的社保可以代办不",
        "ask_service_social_insurance",
        id="社保 in new words is social insurance",
    ),
    pytest.param(
        "發工資可以找機構嗎", "ask_service_payroll", id="工资 in traditional characters is payroll"
    ),
    pytest.param("备案要几天内办完", "ask_filing", id="备案 in a new frame is filing"),
    pytest.param("你好呀", "greet", id="a greeting with a particle is a greeting"),
]


@pytest.fixture(scope="module")
def model() -> LinearIntentModel:
    texts = [pipeline_text(text) for examples in TRAINING.values() for text in examples]
    intents = [intent for intent, examples in TRAINING.items() for _ in examples]
    return LinearIntentModel(c=20.0).fit(texts, intents)


@pytest.mark.parametrize(("text", "intent"), UNSEEN)
def test_an_unseen_phrasing_gets_the_intent_its_words_belong_to(
    model: LinearIntentModel, text: str, intent: str
) -> None:
    row = model.probabilities([pipeline_text(text)])[0]
    assert model.intents[int(row.argmax())] == intent


def test_probabilities_sum_to_one_and_a_known_question_is_surer_than_an_unknown_one(
    model: LinearIntentModel,
) -> None:
    known, unknown = model.probabilities(
        [pipeline_text("托管能帮我交社保吗"), pipeline_text("天气预报")]
    )
    assert known.sum() == pytest.approx(1.0)
    assert known.max() > unknown.max()
