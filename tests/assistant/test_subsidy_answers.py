"""The subsidy check's answers to the questions people ask of totals and short services (第十九条、
第二十三条), through the registry as the actions call it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.assistant.context import AnswerContext, knowledge_base
from bot.assistant.registry import CHECKS, check_answer

AS_OF = dt.date(2023, 6, 1)


def answer_text(slots: dict[str, str]) -> str:
    answer = check_answer(CHECKS["subsidy"], slots, AnswerContext(kb=knowledge_base(), as_of=AS_OF))
    assert answer is not None
    return answer.text


@pytest.mark.parametrize(
    ("slots", "shown"),
    [
        pytest.param(
            {"first_signing_date": "2021"},
            ["前两年合计不超过51,126.53元", "三年合计不超过71,045.96元"],
            id="the schedule gives the first two years' total and the three years'",
        ),
        pytest.param(
            {"first_signing_date": "2021-05", "months_served": "3"},
            ["6,971.80"],
            id="months served with no year named are the first year's, pro-rated",
        ),
        pytest.param(
            {"first_signing_date": "2021-11", "service_year": "current"},
            ["23,239.33", "第2个服务年度"],
            id="the year the service is in now is counted from the first signing",
        ),
    ],
)
def test_the_subsidy_answer_gives_what_was_asked(slots: dict[str, str], shown: list[str]) -> None:
    text = answer_text(slots)
    assert all(s in text for s in shown), text


SEVERAL = [
    pytest.param(
        "两家企业，一家2021年8月首签，另一家2022年3月首签，第一年补贴合计多少？",
        ["27,887.20", "31,112.60", "合计不超过58,999.80"],
        id="a year asked in the closing question is each one's and the total is summed",
    ),
    pytest.param(
        "两家企业第一年补贴上限分别是多少：1. A企业2021年5月首签 2. B企业2022年11月首签",
        ["A企业（2021年5月首次签约）：第一年补贴上限为27,887.20", "31,112.60"],
        id="so is a year asked before the enterprises are listed",
    ),
    pytest.param(
        "A企业2022年8月续签，2021年8月首签；B企业2022年3月首签。第一年补贴分别多少",
        ["A企业（2021年8月首次签约）：第一年补贴上限为27,887.20", "31,112.60"],
        id="an enterprise's renewal said first is not its first signing",
    ),
    pytest.param(
        "A公司2022年1月1日首签，2023年3月1日注销，服务了2个月；B公司2023年1月首签。补贴上限各多少",
        ["第二年折算后补贴上限为4,321.19", "32,950.80"],
        id="an enterprise's own months served pro-rate its own cap only",
    ),
    pytest.param(
        "我们机构托管了三家企业，首次签约分别是2021年、2022年、2023年，第一年补贴上限各多少？",
        ["第1家（2021年首次签约；只说了年份", "2021年3月31日或之后", "31,112.60", "32,950.80"],
        id="first signings listed as years each get their own cap",
    ),
    pytest.param(
        "三家企业分别在2022年3月、2022年8月和2023年1月首次签约，第一年补贴上限各多少",
        ["第1家（2022年3月首次签约）", "第2家（2022年8月首次签约）", "32,950.80"],
        id="first signings listed as months in one clause each get their own cap",
    ),
    pytest.param(
        "一家企业如果2022年12月首签和2023年1月首签，第一年补贴上限分别是多少？差多少？",
        [
            "第1家（2022年12月首次签约）：第一年补贴上限为31,112.60",
            "32,950.80",
            "两者相差1,838.20元",
        ],
        id="two signings supposed are compared and their gap given",
    ),
]


@pytest.mark.parametrize(("text", "fragments"), SEVERAL)
def test_several_enterprises_in_one_message_are_calculated_one_by_one(
    text: str, fragments: list[str]
) -> None:
    from bot.assistant.checks.subsidy_several import several_clients, several_clients_answer
    from bot.language.normalize import normalize_text

    normalized = normalize_text(text)
    clients = several_clients(normalized, AS_OF)
    shown = several_clients_answer(clients, normalized, AS_OF).text
    for fragment in fragments:
        assert fragment in shown, shown


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "首次签约2021年11月，2022年11月续签，第二年多少", id="a renewal is no second firm"
        ),
        pytest.param("我们是一家2021年签约的企业", id="一家 of the speaker's own firm"),
        pytest.param(
            "2021年、2022年各续签了一次，首签是2020年，第三年多少",
            id="renewals listed are no list of firms",
        ),
        pytest.param(
            "客户2022年8月首签，第一年多少？哦不对，是2021年8月签的，那第一年和第二年分别多少",
            id="a signing date corrected is one enterprise's",
        ),
    ],
)
def test_one_enterprise_is_left_to_the_calculator(text: str) -> None:
    from bot.assistant.checks.subsidy_several import several_clients
    from bot.language.normalize import normalize_text

    assert several_clients(normalize_text(text), AS_OF) == []


@pytest.mark.parametrize(
    ("slots", "fragment"),
    [
        pytest.param(
            {"first_signing_date": "2023-02-01", "service_ended": "2023-04-01"},
            "第一年折算后补贴上限为5,491.80",
            id="two months from the signing to the deregistration pro-rate the first year",
        ),
        pytest.param(
            {
                "first_signing_date": "2021-09-01",
                "service_ended": "2023-03-01",
                "service_year": "2",
            },
            "第二年折算后补贴上限为11,619.67",
            id="the end in year two pro-rates year two by its months",
        ),
        pytest.param(
            {"first_signing_date": "2022-03", "service_ended": "2023-02"},
            "第一年折算后补贴上限为28,519.88",
            id="months alone count whole months",
        ),
        pytest.param(
            {
                "first_signing_date": "2021-06-01",
                "service_ended": "2022-08-15",
                "service_year": "2",
            },
            "第二年补贴上限为23,239.33",
            id="an end mid-month gives the whole year's cap and the offer to pro-rate",
        ),
        pytest.param(
            {"first_signing_date": "2023-01", "service_ended": "2023-09-30"},
            "第一年折算后补贴上限为24,713.10",
            id="a month's signing to a month's last day is whole months (January to September)",
        ),
        pytest.param(
            {"first_signing_date": "2023-01-15", "service_ended": "2023-09-30"},
            "三年补贴上限分别为第一年32,950.80元",
            id="a mid-month signing to a month's end is not whole months",
        ),
        pytest.param(
            {"first_signing_date": "2021", "service_year": "4"},
            "【结论】不再给予服务补贴",
            id="a fourth year gets none whatever the day of a year-only signing",
        ),
    ],
)
def test_the_end_of_the_service_gives_the_year_and_the_months_to_pro_rate(
    slots: dict[str, str], fragment: str
) -> None:
    assert fragment in answer_text(slots)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        pytest.param(
            "我们机构2022年一共首签了10家企业，第一年补贴加起来最多能拿多少？",
            "311,126.00",
            id="ten firms signed the same year, first year, added up",
        ),
        pytest.param(
            "我们机构2022年首次签约了3家企业，第一年每家都按上限算，合计最多多少？",
            "93,337.80",
            id="three firms, each at the cap",
        ),
        pytest.param(
            "我们机构2022年一共新签了5家企业，都是首次签约。第一年每家补贴最多多少？5家加起来最多多少？",
            "155,563.00",
            id="the number of firms said twice is one number",
        ),
        pytest.param(
            "2022年首签了5家企业，其中2家第一年补贴加起来多少", None, id="two numbers are no total"
        ),
        pytest.param("2022年首签的，第一年多少", None, id="one firm is the calculator's"),
        pytest.param(
            "2022年首签了3家企业，补贴合计多少", None, id="no service year named, no total guessed"
        ),
    ],
)
def test_firms_sharing_one_first_signing_are_added_up(text: str, total: str | None) -> None:
    from bot.assistant.checks.subsidy_several import same_signing_total
    from bot.language.normalize import normalize_text

    answer = same_signing_total(normalize_text(text), dt.date(2023, 6, 1))
    if total is None:
        assert answer is None
    else:
        assert answer is not None and f"合计不超过{total}元" in answer.text
        assert "第十九条" in answer.text


LISTED = (
    "【结论】2家企业的补贴上限各自按首次签约时间和服务年度计算，见下。\n"
    "· 第1家（2021年12月首次签约）：第一年补贴上限为27,887.20元\n"
    "· 第2家（2022年1月首次签约）：第一年补贴上限为31,112.60元"
)


@pytest.mark.parametrize(
    ("reply", "signing"),
    [
        pytest.param("选2号，再算下第二年", "2022-01", id="the second enterprise by its number"),
        pytest.param("第1家呢", "2021-12", id="the first by 第1家"),
        pytest.param("那第二年呢", None, id="a year asked chooses no enterprise"),
        pytest.param("选3号", None, id="a number past the list chooses none"),
    ],
)
def test_an_enterprise_of_several_is_chosen_by_its_number(reply: str, signing: str | None) -> None:
    from bot.assistant.checks.subsidy_several import chosen_client_signing

    assert chosen_client_signing(reply, [LISTED], dt.date(2023, 6, 1)) == signing


def test_enterprises_signed_in_a_year_alone_get_their_caps_with_the_year_asked() -> None:
    from bot.assistant.checks.subsidy_several import several_clients, several_clients_answer
    from bot.language.normalize import normalize_text

    text = normalize_text(
        "两家客户帮我一起算：A公司2021年首签，现在第二年；B公司2022年首签，现在第一年。各自的补贴上限？"
    )
    as_of = dt.date(2023, 6, 1)
    answer = several_clients_answer(several_clients(text, as_of), text, as_of).text
    # 2021 (the validity period began on 2021-03-31): as if inside it, and said so
    assert "A公司（2021年首次签约；只说了年份" in answer and "23,239.33元" in answer
    assert "B公司（2022年首次签约）" in answer and "31,112.60元" in answer


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        pytest.param(
            "第二年的补贴上限是多少？三年加起来最多多少？", True, id="three years added up"
        ),
        pytest.param("3年合计多少", True, id="3年合计"),
        pytest.param("第三年多少", False, id="one year"),
    ],
)
def test_a_question_of_the_three_years_total_is_told(text: str, asks: bool) -> None:
    from bot.assistant.checks.subsidy_several import asks_three_year_total

    assert asks_three_year_total(text) is asks
