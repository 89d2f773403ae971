"""Which check a message's facts belong to, when no question says so.

「我们机构托管了40家，5家出过仲裁」 is the agency exit check (第十一条) and 「注册在坪山，45人」 the
enterprise eligibility check (第九条), although neither asks anything. Used to start the right
check for facts given before any question (actions/recheck.py) and to read the facts of such a
message in the right context (:func:`context_intent`: a bare date is the first signing date of
the subsidy check, 「机构自己有2起」 are the agency's own cases).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.assistant.registry import CHECKS
from bot.assistant.vocabulary import EXCLUDED_FIRM_TYPES
from bot.language.industries import business_line
from bot.language.statements import asks_something

_AGENCY_ONLY_ROLES = frozenset({"clients", "clients_with_cases", "change_requests"})
# a move inside 坪山区 (moved_within) is no 第十三条 event: it does not start the exit check
_EXIT_EVENTS = frozenset({"suspended", "deregistered", "relocated", "moved"})
_ELIGIBILITY_ENTITIES = frozenset(
    {"headcount", "district", "firm_type", "qualifying_condition", "operating_status"}
)
_SUBSIDY_ENTITIES = frozenset({"date", "service_year", "months"})
SUBSIDY_WORDS = re.compile(r"补贴|补助|多少钱|上限|基数")
# 「我们是托管服务对象，2022年开始托管」: an enterprise saying since when it is served
_SERVED_SINCE = re.compile(
    r"(?:我们|我司|公司|企业|厂)(?:现在|目前|已经)?(?:是|属于)托管(?:服务)?对象"
    r"|(?:开始|接受)(?:了)?(?:托管|托管服务)(?!机构)|正在(?:接受)?托管|被托管"
    # 「那我们公司自己还能继续当托管服务对象吗」: a question only one already served asks
    r"|还能继续(?:当|做|作为|是)?托管(?:服务)?对象|还算(?:不算)?托管(?:服务)?对象"
)
_STAFF_ROLES = frozenset({"staff", "full_time_staff"})
# 「想当托管服务机构」「申请成为服务机构」: who speaks wants to be an agency (第八条)
_BECOMING_AGENCY = re.compile(
    r"(?:想|要|准备|打算|申请)(?:当|做|成为|申请成为|申请做|申请当)(?:托管)?(?:服务)?机构"
)
# 「机构自己有2起」「去年托管的企业总共12件案子」: an agency speaks of its cases
_AGENCY_SPEAKING = re.compile(r"机构|(?:托管|服务)的(?:企业|客户|公司)|服务对象")
# 「我们机构跟坪山一家五金厂是2021年7月1日第一次签的托管协议」: an agency speaking, whose
# client's places and trade are no application
_AN_AGENCY_SPEAKS = re.compile(r"我们机构|本机构|我们是(?:一家)?(?:托管)?(?:服务)?机构")
# 「我们托管服务了一家做电子烟配件的企业」「客户企业去年被员工告了仲裁」: an agency speaks of a
# client already under custody, whose facts are no application for custody (第九条)
_OF_A_CLIENT = re.compile(
    r"(?:托管|服务)(?:服务)?(?:了|过)(?:一家|几家|这家|那家|[0-9一二两三四五六七八九十]+家)"
    r"[^,，。;；]{0,12}?(?:企业|客户|公司|厂)"
    r"|(?:我们|机构)(?:托管|服务)的(?:企业|客户|公司|厂)|客户(?:企业|公司|厂)"
)


def _has(
    entities: list[Mapping[str, Any]], entity: str, roles: frozenset[str] | None = None
) -> bool:
    return any(
        e.get("entity") == entity and (roles is None or e.get("role") in roles) for e in entities
    )


def _enterprise_facts(entities: list[Mapping[str, Any]]) -> bool:
    """The message gives an enterprise's own facts (第九条): its places or its headcount."""
    return _has(entities, "headcount") or _has(entities, "district")


def _agency_only_facts(entities: list[Mapping[str, Any]]) -> bool:
    """The message gives facts only an agency gives of itself (第八条): its staff, their test
    scores, its premises."""
    return (
        _has(entities, "count", _STAFF_ROLES)
        or _has(entities, "score")
        or _has(entities, "agency_condition", frozenset({"premises_and_staff"}))
    )


def _names_the_trade(entity: Mapping[str, Any], entities: list[Mapping[str, Any]]) -> bool:
    """A business scope read from the same words as a firm type (「人力资源服务机构」), in a
    message that also gives an enterprise's facts (its places, its headcount)."""
    if entity.get("entity") != "agency_condition" or entity.get("role") != "business_scope":
        return False
    same_words = any(
        e.get("entity") == "firm_type" and e.get("start") == entity.get("start") for e in entities
    )
    return same_words and _enterprise_facts(entities)


def gives_subsidy_facts(entities: list[Mapping[str, Any]]) -> bool:
    """Whether the message gives what a subsidy cap is computed from (a signing date, a
    service year, months served: 第十九条、第二十三条)."""
    return any(e.get("entity") in _SUBSIDY_ENTITIES for e in entities)


def states_an_exit(entities: list[Mapping[str, Any]]) -> bool:
    """Whether the message states one of 第十三条's events (停业, 注销, 搬离坪山, 搬迁)."""
    return any(
        e.get("entity") == "operating_status" and e.get("value") in _EXIT_EVENTS for e in entities
    )


# facts only an enterprise applying gives (第九条): where it is, how many work there, which
# condition it meets
_APPLICATION_FACTS = frozenset({"district", "headcount", "qualifying_condition"})


def _applies_though_stopped(entities: list[Mapping[str, Any]], text: str) -> bool:
    """「1. 注册纳税经营都在坪山 2. 40人 3. 去年年底开始停产… 4. 去年有劳动仲裁」: a stop among
    the facts of an application (two kinds or more of 第九条's facts), from a firm that says
    nothing of being served, is 第九条's 生产经营不正常, not 第十三条's exit."""
    kinds = {str(e.get("entity")) for e in entities} & _APPLICATION_FACTS
    return len(kinds) >= 2 and not under_custody(text) and not _SERVED_SINCE.search(text)


def check_for_facts(entities: list[Mapping[str, Any]], text: str) -> str | None:
    """The check these facts belong to, most specific first, or None.

    An enterprise's 「去年有一起仲裁」 is also a count of cases, so cases alone mean the agency
    check only when an agency is speaking; a percentage only when it is one of 第十一条's rates.
    """
    agency_counts = _has(entities, "count", _AGENCY_ONLY_ROLES) or any(
        e.get("entity") == "percent" and e.get("role") for e in entities
    )
    if agency_counts or (
        _has(entities, "count", frozenset({"cases"})) and _AGENCY_SPEAKING.search(text)
    ):
        return "agency_exit"
    # 「我们是人力资源服务机构，注册纳税经营都在坪山，15个人」: the firm's own trade (第九条's
    # exclusion) is no agency's business scope when nothing else speaks of an agency
    agency_facts = [e for e in entities if not _names_the_trade(e, entities)]
    excluded_firm = any(
        e.get("entity") == "firm_type" and e.get("value") in EXCLUDED_FIRM_TYPES for e in entities
    )
    becoming_agency = bool(_BECOMING_AGENCY.search(text))
    if (
        excluded_firm
        and _enterprise_facts(entities)
        and not _agency_only_facts(entities)
        and not becoming_agency
    ):
        # 「我们是一家猎头公司，属于人力资源服务机构，在坪山注册…15个人」: an HR firm giving an
        # enterprise's facts asks as an enterprise (第九条 excludes it)
        return "eligibility"
    if becoming_agency and not _has(entities, "headcount"):
        # 「我们是劳务派遣公司，不是申请当服务对象，是想当托管服务机构」: 第八条, whatever the
        # firm's trade says of 第九条
        return "qualification"
    # 「我们公司注册、纳税、经营都在坪山，28个人」 names a registered firm (organisation_type)
    # too: that alone is no agency's fact when the firm gives its own (places, headcount, trade)
    own = _enterprise_facts(entities) or business_line(text) is not None
    if (
        _agency_only_facts(agency_facts)
        or _has(agency_facts, "agency_condition", frozenset({"business_scope"}))
        or (_has(agency_facts, "organisation_type") and not own)
    ):
        return "qualification"
    if _has(entities, "agency_condition", frozenset({"other_violation"})):
        return "agency_exit"
    if _has(entities, "months") and (_has(entities, "date") or _has(entities, "service_year")):
        # 「2021年6月1日首次签约，12月1日注销，服务满6个月」: months served in a service year
        # matter only to the subsidy (第二十三条 pro-rates by them), whatever ended the service
        return "subsidy"
    if states_an_exit(entities) and not _applies_though_stopped(entities, text):
        return "enterprise_exit"
    moved_within = any(
        e.get("entity") == "operating_status" and e.get("value") == "moved_within" for e in entities
    )
    if moved_within and (under_custody(text) or _ASKS_ABOUT_STAYING.search(text)):
        # 「在坪山区内从碧岭搬到坪山街道，会影响托管服务对象的资格吗」: 第十三条's question,
        # answered 未触发
        return "enterprise_exit"
    if _has(entities, "service_year") and _has(entities, "date"):
        # 「1）2023年3月首次签约 2）第一年 3）企业28人」: a signing and a service year are what the
        # subsidy's cap is computed from (第十九条); the headcount besides asks nothing of 第九条
        return "subsidy"
    if (
        _SERVED_SINCE.search(text)
        and not _AN_AGENCY_SPEAKS.search(text)
        and not _OF_A_CLIENT.search(text)
        and not SUBSIDY_WORDS.search(text)
        and not _has(entities, "service_year")
        and not _has(entities, "months")
    ):
        # 「我们是托管服务对象，2022年开始托管」: when its custody began (第十三条's three years)
        return "enterprise_exit"
    eligibility_facts = any(e.get("entity") in _ELIGIBILITY_ENTITIES for e in entities)
    applying = not _OF_A_CLIENT.search(text) and not _AN_AGENCY_SPEAKS.search(text)
    trade = business_line(text) is not None and not under_custody(text)
    if (eligibility_facts or trade) and applying:
        # 「做嵌入式软件的」: the firm's own trade says it is neither excluded firm type (第九条)
        return "eligibility"
    if gives_subsidy_facts(entities):
        return "subsidy"
    if _has(entities, "years"):
        return "enterprise_exit"
    return None


TERSE_REPLY_CHARS = 8


def terse_statement(text: str) -> bool:
    """A few words that ask nothing (「搬去东莞」「五金」): facts, whatever the classifier took them
    for; not 「在坪山注册公司要什么流程？」 nor 「推荐一下坪山好吃的餐厅」, which ask of another matter."""
    return len(text) <= TERSE_REPLY_CHARS and not asks_something(text)


INFORM = "inform"


def context_intent(intent: str, entities: list[Mapping[str, Any]], text: str) -> str:
    """The intent whose context a message's facts are read in.

    A plain statement of facts (``inform``) takes the question intent of the check its facts
    belong to (:data:`bot.assistant.registry.CHECKS`); any other intent is its own context.
    """
    if intent != INFORM:
        return intent
    check = CHECKS.get(check_for_facts(entities, text) or "")
    return check.question_intent if check is not None else intent


# 「会不会被退出」「还算不算」「影响资格吗」: whether it stays a 托管服务对象 (第十三条)
_ASKS_ABOUT_STAYING = re.compile(r"退出|还算|算不算|还是不是|资格|影响")
# 「我们是托管服务对象」「去年签的托管」「接受托管服务」: an enterprise already under custody
_UNDER_CUSTODY = re.compile(
    r"托管(?:服务)?对象|签(?:了|的|过)?(?:托管|协议|合同)|接受(?:了)?托管|(?:开始|正在|已经)托管"
    r"|正在接受托管|托管(?:了|中|着|紧)|(?:在|处于)托管(?:服务)?(?:期|期间|期限)内|被托管"
    # 「那托管还能继续吗」: custody that could go on has begun
    r"|托管(?:还能|还可以|能否|能不能|还)继续|继续(?:享受)?托管"
)


def under_custody(text: str) -> bool:
    """Whether the enterprise says it is already a 托管服务对象 (第十三条 can apply to it)."""
    return bool(_UNDER_CUSTODY.search(text))
