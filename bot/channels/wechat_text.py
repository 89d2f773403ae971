"""Pure text helpers for the WeChat channel: one passive reply from the bot's messages.

A WeChat passive reply is a single text of at most 2048 bytes (UTF-8; a Chinese character takes
3 bytes) and has no buttons. So the bot's messages are joined into one text, buttons become lines
the user can type back (``请回复：“是” / “否”`` or a numbered list), and an answer that is too
long is shortened keeping its ``【结论】`` line and its ``依据：`` line (DESIGN.md, answer contract),
with a hint to read the full text on the website.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# WeChat refuses passive text replies over 2048 bytes; stay clearly below.
MAX_REPLY_BYTES = 2000
CONCLUSION_PREFIX = "【结论】"
BASIS_PREFIX = "依据："
NOTE_PREFIX = "提示："  # e.g. that the regulation's stated validity period has ended
ELLIPSIS = "……"
# Buttons whose titles are all this short (是 / 否 / 不清楚 / 已解决) are offered as words to type;
# longer ones as a numbered list, so that typing a number can never be mistaken for a head count
# unless numbers were offered.
SHORT_TITLE_CHARS = 3

TOPICS = ("能否托管", "补贴多少", "何时退出", "服务内容")
WELCOME_TEXT = (
    "您好！欢迎关注坪山区小微企业劳动关系事务托管服务政策助手，"
    "可以解答《深圳市坪山区小微企业劳动关系事务托管服务管理办法》的问题。您想了解什么？"
)
TYPED_QUESTION_TEXT = (
    "抱歉，目前只能回答文字提问。请直接输入您的问题，例如：" + "、".join(TOPICS) + "。"
)
PLEASE_WAIT_TEXT = "正在查询，请稍后再发一次您的问题。"
ERROR_TEXT = "抱歉，系统暂时无法回答，请稍后再试；也可以咨询坪山区人力资源局或拨打 12333 热线。"


def utf8_len(text: str) -> int:
    """Length of ``text`` in UTF-8 bytes, the unit of WeChat's reply limit."""
    return len(text.encode("utf-8"))


def truncate_bytes(text: str, limit: int, marker: str = ELLIPSIS) -> str:
    """``text`` cut on a character boundary so that it plus ``marker`` fits ``limit`` bytes."""
    if utf8_len(text) <= limit:
        return text
    room = limit - utf8_len(marker)
    if room <= 0:
        return marker.encode("utf-8")[: max(limit, 0)].decode("utf-8", "ignore")
    return text.encode("utf-8")[:room].decode("utf-8", "ignore") + marker


def full_text_hint(website_url: str | None = None) -> str:
    """The line that tells the user the answer was shortened and where to read all of it."""
    where = f"网页版政策助手（{website_url}）" if website_url else "网站上的网页版政策助手"
    return f"（内容较长，以上为节选；完整答复请到{where}查看。）"


def shorten_answer(text: str, limit: int, hint: str) -> str:
    """``text`` within ``limit`` bytes, keeping the 【结论】, 提示 and 依据 lines.

    Body lines are kept in order while they fit; the first one that does not fit is cut with
    an ellipsis when enough room is left; ``hint`` goes right before the 依据 line.
    """
    if utf8_len(text) <= limit:
        return text
    lines = text.split("\n")
    head = lines.pop(0) if lines and lines[0].startswith(CONCLUSION_PREFIX) else None
    basis_at = next(
        (i for i in range(len(lines) - 1, -1, -1) if lines[i].startswith(BASIS_PREFIX)), None
    )
    basis = lines.pop(basis_at) if basis_at is not None else None
    notes = [line for line in lines if line.startswith(NOTE_PREFIX)]
    lines = [line for line in lines if not line.startswith(NOTE_PREFIX)]
    fixed = [line for line in (head, *notes, hint, basis) if line is not None]
    room = limit - utf8_len("\n".join(fixed)) - 1  # the newline before the body
    body: list[str] = []
    for line in lines:
        cost = utf8_len(line) + 1
        if cost <= room:
            body.append(line)
            room -= cost
            continue
        if room > utf8_len(ELLIPSIS) + 30:  # a useful fragment, not two characters
            body.append(truncate_bytes(line, room - 1))
        break
    kept = [head] if head is not None else []
    kept += [*body, *notes, hint] + ([basis] if basis is not None else [])
    return truncate_bytes("\n".join(kept), limit)


def _normalise_choice(text: str) -> str:
    """Typed reply in comparable form: NFKC (full-width digits), no spaces or end punctuation."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s。.!！?？,，、“”\"']+", "", folded)


@dataclass(frozen=True)
class RenderedReply:
    """One passive reply: its text and what the user may type back for each offered button."""

    text: str
    choices: Mapping[str, str] = field(default_factory=dict)


def render_buttons(buttons: Sequence[Mapping[str, Any]], first_number: int = 1) -> str:
    """Buttons as lines to type: short titles quoted on one line, others numbered."""
    titles = [str(b.get("title", "")).strip() for b in buttons if b.get("title")]
    if not titles:
        return ""
    if all(len(t) <= SHORT_TITLE_CHARS for t in titles):
        return "请回复：" + " / ".join(f"“{t}”" for t in titles)
    numbered = [f"{first_number + i}. {t}" for i, t in enumerate(titles)]
    return "\n".join(["请回复序号或文字：", *numbered])


def _choices_for(buttons: Sequence[Mapping[str, Any]], first_number: int) -> dict[str, str]:
    """Typed key → payload for one message's buttons (numbers only when they were shown)."""
    offered = [
        (str(b["title"]).strip(), str(b.get("payload") or b["title"]))
        for b in buttons
        if b.get("title")
    ]
    choices = {_normalise_choice(title): payload for title, payload in offered}
    if not all(len(title) <= SHORT_TITLE_CHARS for title, _ in offered):
        for i, (_, payload) in enumerate(offered):
            choices[str(first_number + i)] = payload
    return choices


def _message_parts(messages: Iterable[Mapping[str, Any]]) -> tuple[list[str], dict[str, str]]:
    """Text of each message (with its buttons) and the choices they offer, numbers running on."""
    parts: list[str] = []
    choices: dict[str, str] = {}
    number = 1
    for message in messages:
        text = str(message.get("text") or "").strip()
        buttons = list(message.get("buttons") or [])
        if not text and not buttons:
            continue  # custom payloads, images: nothing a WeChat text can show
        block = render_buttons(buttons, number)
        new_choices = _choices_for(buttons, number)
        if any(key.isdigit() for key in new_choices):
            number += len(buttons)
        choices.update(new_choices)
        parts.append(text)
        parts.append(block)
    return parts, choices


def render_reply(
    messages: Sequence[Mapping[str, Any]],
    limit: int = MAX_REPLY_BYTES,
    website_url: str | None = None,
) -> RenderedReply:
    """The bot's messages (Rasa collector format) as one WeChat text within ``limit`` bytes.

    Texts are separated by a blank line, each followed by its buttons as lines to type. When the
    whole is too long, the longest text (the policy answer) is shortened with
    :func:`shorten_answer` so that everything else, such as the follow-up question, still fits.
    """
    parts, choices = _message_parts(messages)
    if not any(parts):
        return RenderedReply(text="", choices=choices)
    joined = _join(parts)
    if utf8_len(joined) <= limit:
        return RenderedReply(text=joined, choices=choices)
    longest = max(range(0, len(parts), 2), key=lambda i: utf8_len(parts[i]))
    room = limit - (utf8_len(joined) - utf8_len(parts[longest]))
    parts[longest] = shorten_answer(parts[longest], max(room, 0), full_text_hint(website_url))
    return RenderedReply(text=truncate_bytes(_join(parts), limit), choices=choices)


def _join(parts: Sequence[str]) -> str:
    """Message texts joined by blank lines, each button block directly under its text."""
    blocks: list[str] = []
    for i in range(0, len(parts), 2):
        block = "\n".join(p for p in parts[i : i + 2] if p)
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)


def resolve_choice(typed: str, choices: Mapping[str, str] | None) -> str | None:
    """The button payload the user picked by typing its title or number, if any."""
    if not choices:
        return None
    return choices.get(_normalise_choice(typed))


def welcome_reply() -> RenderedReply:
    """Fallback welcome for a new follower, used when the bot cannot answer in time."""
    buttons = [{"title": topic, "payload": topic} for topic in TOPICS]
    return render_reply([{"text": WELCOME_TEXT, "buttons": buttons}])
