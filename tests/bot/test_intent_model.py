"""The linear intent model learns intents from words and characters, and survives saving.

The figures on the real training data are measured, not tested (make compare-intents, make eval);
these tests fit small tables so that each case says what a user would notice.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.linear_intent_classifier import NO_INTENT, LinearIntentClassifier
from bot.language.intent_model import IntentModel, IntentModelConfig, StaleModelError
from bot.language.normalize import normalize_text

TRAINING = {
    "ask_service_social_insurance": ["托管能帮我交社保吗", "社保能让机构代办吗", "员工社保谁去办"],
    "ask_service_payroll": ["托管机构能帮我发工资吗", "工资表能帮忙做吗", "算工资这事管不管"],
    "ask_filing": ["协议签了多少天内备案", "备案期限是多久", "服务协议要去哪里备案"],
    "greet": ["你好", "在吗", "哈喽"],
}
CONFIG = IntentModelConfig(c=20.0)

UNSEEN = [
    pytest.param(
        "员工的社保可以代办不",
        "ask_service_social_insurance",
        id="社保 in new words is social insurance",
    ),
    pytest.param(
        "發工資可以找機構嗎",
        "ask_service_payroll",
        id="工资 typed in traditional characters is payroll, once normalised as the pipeline does",
    ),
    pytest.param("备案要几天内办完", "ask_filing", id="备案 with a new frame is filing"),
    pytest.param("你好呀", "greet", id="a greeting with a particle is a greeting"),
]


@pytest.fixture(scope="module")
def model() -> IntentModel:
    texts = [text for examples in TRAINING.values() for text in examples]
    intents = [intent for intent, examples in TRAINING.items() for _ in examples]
    return IntentModel.fit(texts, intents, CONFIG)


@pytest.mark.parametrize(("text", "intent"), UNSEEN)
def test_an_unseen_phrasing_gets_the_intent_its_words_belong_to(
    model: IntentModel, text: str, intent: str
) -> None:
    assert model.rank(normalize_text(text), 1)[0][0] == intent


def test_the_ranking_is_best_first_and_the_probabilities_sum_to_one(model: IntentModel) -> None:
    ranking = model.rank("社保能代办吗", length=10)
    confidences = [confidence for _, confidence in ranking]
    assert len(ranking) == len(TRAINING)
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)


def test_a_message_with_no_known_word_is_not_confident(model: IntentModel) -> None:
    """Nothing learnt applies, so the fallback classifier should get a low score to act on."""
    best = model.rank("天气预报", 1)[0][1]
    known = model.rank("托管能帮我交社保吗", 1)[0][1]
    assert best < known


def test_a_saved_model_loads_to_the_same_probabilities(model: IntentModel, tmp_path: Path) -> None:
    model.save(tmp_path)
    loaded = IntentModel.load(tmp_path)
    texts = ["员工的社保可以代办不", "你好呀", "完全无关的一句话"]
    assert loaded.intents == model.intents
    np.testing.assert_allclose(loaded.probabilities(texts), model.probabilities(texts), rtol=1e-6)


def test_a_saved_model_holds_no_pickled_objects(model: IntentModel, tmp_path: Path) -> None:
    """Loading a model must not run code from the file: arrays and JSON only."""
    model.save(tmp_path)
    with np.load(tmp_path / "intent_model.npz", allow_pickle=False) as arrays:
        assert {"weights", "bias", "word_idf", "char_idf"} <= set(arrays.files)


def _component(tmp_path: Path) -> tuple[LinearIntentClassifier, LocalModelStorage, Resource]:
    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    resource = Resource("intent_classifier")
    context = ExecutionContext(graph_schema=None, node_name="intent_classifier")  # type: ignore[arg-type]
    config = {**LinearIntentClassifier.get_default_config(), "c": 20.0}
    return LinearIntentClassifier.create(config, storage, resource, context), storage, resource


def test_the_rasa_component_trains_saves_loads_and_sets_the_intent(tmp_path: Path) -> None:
    component, storage, resource = _component(tmp_path)
    examples = [
        Message(data={TEXT: text, INTENT: intent})
        for intent, texts in TRAINING.items()
        for text in texts
    ]
    component.train(TrainingData(training_examples=examples))
    context = ExecutionContext(graph_schema=None, node_name="intent_classifier")  # type: ignore[arg-type]
    loaded = LinearIntentClassifier.load(
        LinearIntentClassifier.get_default_config(), storage, resource, context
    )
    message = Message(data={TEXT: "员工的社保可以代办不"})
    loaded.process([message])
    assert message.get(INTENT)["name"] == "ask_service_social_insurance"
    assert message.get(INTENT_RANKING_KEY)[0] == message.get(INTENT)


def test_an_untrained_component_gives_no_intent_so_the_message_falls_back(tmp_path: Path) -> None:
    component, _, _ = _component(tmp_path)
    message = Message(data={TEXT: "你好"})
    component.process([message])
    assert message.get(INTENT) == NO_INTENT


def test_a_saved_model_splits_words_with_the_dictionary_it_was_trained_with(
    tmp_path: Path,
) -> None:
    """A model trained with 坪托通 as one word (a dictionary entry kb/jieba_dict does not have)
    still reads it as one word after loading, so its answers do not drift with the dictionary."""
    texts = ["坪托通怎么下载", "坪托通在哪里", "你好", "在吗"]
    intents = ["out_of_scope", "out_of_scope", "greet", "greet"]
    model = IntentModel.fit(texts, intents, CONFIG, dictionaries=("坪托通 1000 n\n",))
    model.save(tmp_path)
    loaded = IntentModel.load(tmp_path)
    with_kb_dictionary = IntentModel.fit(texts, intents, CONFIG)
    probe = ["坪托通好用吗"]
    np.testing.assert_allclose(loaded.probabilities(probe), model.probabilities(probe), rtol=1e-6)
    assert not np.allclose(with_kb_dictionary.probabilities(probe), model.probabilities(probe))


def test_with_only_two_intents_both_get_a_probability() -> None:
    model = IntentModel.fit(
        ["你好", "在吗", "拜拜", "再见"], ["greet", "greet", "goodbye", "goodbye"], CONFIG
    )
    ranking = dict(model.rank("拜拜啦"))
    assert set(ranking) == {"greet", "goodbye"}
    assert ranking["goodbye"] > ranking["greet"] > 0.0


def test_an_empty_message_reaches_the_fallback_instead_of_crashing(tmp_path: Path) -> None:
    """Rasa's REST channel passes an empty text on; the fallback classifier needs an intent."""
    from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier

    component, _, _ = _component(tmp_path)
    component.train(
        TrainingData(
            training_examples=[
                Message(data={TEXT: text, INTENT: intent})
                for intent, texts in TRAINING.items()
                for text in texts
            ]
        )
    )
    message = Message(data={TEXT: ""})
    component.process([message])
    assert message.get(INTENT) == NO_INTENT
    fallback = FallbackClassifier.create(
        FallbackClassifier.get_default_config(),
        None,
        None,
        None,  # type: ignore[arg-type]
    )
    fallback.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"


def test_a_model_saved_in_an_older_format_is_refused_with_a_retrain_message(
    model: IntentModel, tmp_path: Path
) -> None:
    model.save(tmp_path)
    meta = tmp_path / "intent_model.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"format": 2', '"format": 1'))
    with pytest.raises(StaleModelError, match="make train"):
        IntentModel.load(tmp_path)


def test_a_changed_jieba_dictionary_changes_the_classifier_fingerprint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """So Rasa's training cache retrains the classifier instead of reusing a stale one."""
    import bot.components.linear_intent_classifier as component_module

    before = LinearIntentClassifier.fingerprint_addon({})
    monkeypatch.setattr(component_module, "current_dictionaries", lambda: ("坪托通 1000 n\n",))
    assert LinearIntentClassifier.fingerprint_addon({}) != before
