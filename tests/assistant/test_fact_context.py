"""Which check a message's facts belong to when no question says so (bot/assistant/fact_context.py)."""

from __future__ import annotations

import pytest

from bot.assistant.fact_context import check_for_facts
from bot.language.facts import extract_facts
from bot.language.normalize import normalize_text


def check_of(text: str) -> str | None:
    normalized = normalize_text(text)
    entities = [f.as_entity("test") for f in extract_facts(normalized)]
    return check_for_facts(entities, normalized)


@pytest.mark.parametrize(
    ("text", "check"),
    [
        pytest.param(
            "我们是人力资源服务机构，注册纳税经营都在坪山区，15个人",
            "eligibility",
            id="an HR firm giving an enterprise's facts is asking as an enterprise",
        ),
        pytest.param(
            "我们是劳务派遣公司，不是申请当服务对象，是想当托管服务机构",
            "qualification",
            id="who says they want to be an agency is asking as one",
        ),
        pytest.param(
            "我们是坪山的小公司，做广告设计的，想做托管",
            "eligibility",
            id="a firm of another trade that wants custody is an enterprise",
        ),
        pytest.param(
            "我们是人力资源咨询公司，经营范围有人力资源服务，专职3人都有证",
            "qualification",
            id="an agency's staff and scope are the agency check's",
        ),
        pytest.param(
            "2021年6月1日首次签约，2021年12月1日注销，服务满6个月",
            "subsidy",
            id="months served in a service year are the subsidy's, whatever ended the service",
        ),
        pytest.param(
            "做嵌入式软件的", "eligibility", id="a firm's own trade is a fact of its eligibility"
        ),
        pytest.param(
            "我们托管服务了一家做电子烟配件的企业，2022年3月签的约",
            "subsidy",
            id="a client's trade said by its agency is no application for custody",
        ),
        pytest.param(
            "我们想成为托管服务对象，30人，注册在坪山",
            "eligibility",
            id="an enterprise wanting to be a service object is applying",
        ),
        pytest.param(
            "1）2023年3月首次签约 2）第一年 3）企业28人",
            "subsidy",
            id="a signing and a service year are the subsidy's whatever headcount is besides",
        ),
        pytest.param(
            "我们是托管服务对象，2022年开始托管",
            "enterprise_exit",
            id="since when an enterprise under custody is served is 第十三条's fact",
        ),
        pytest.param(
            "我们这家企业2021年8月开始托管，一直在坪山正常经营。",
            "enterprise_exit",
            id="an enterprise under custody saying where it operates is 第十三条's",
        ),
        pytest.param(
            "我们机构2021年4月跟一家企业首次签的托管协议",
            "subsidy",
            id="an agency's first signing with a client is the subsidy's",
        ),
        pytest.param(
            "托管企业搬离坪山以后，机构的补贴怎么处理？",
            "enterprise_exit",
            id="搬离坪山 is a move out of 坪山",
        ),
    ],
)
def test_facts_start_the_check_of_who_is_speaking(text: str, check: str) -> None:
    assert check_of(text) == check


@pytest.mark.parametrize(
    ("text", "check"),
    [
        pytest.param(
            "1. 注册纳税经营都在坪山 2. 40人 3. 去年年底开始停产，到现在还没恢复 4. 去年有劳动仲裁",
            "eligibility",
            id="a stop among an application's facts is 第九条's, not an exit",
        ),
        pytest.param("我们公司停业了", "enterprise_exit", id="a stop said alone is an exit"),
        pytest.param(
            "我们是托管服务对象，在坪山，40人，去年底开始停产了",
            "enterprise_exit",
            id="a stop from a firm that says it is served is an exit",
        ),
    ],
)
def test_a_stop_is_read_as_an_application_or_an_exit(text: str, check: str) -> None:
    assert check_of(text) == check


def test_a_move_within_pingshan_asked_by_an_enterprise_under_custody_is_the_exit_question() -> None:
    assert (
        check_of(
            "我们是托管服务对象，下个月在坪山区内从碧岭街道搬到坪山街道，会影响托管服务对象的资格吗"
        )
        == "enterprise_exit"
    )


def test_a_move_within_pingshan_with_a_question_of_staying_is_the_exit_question() -> None:
    text = "我哋由坪山街道搬咗去坑梓，仲係坪山區㗎，正常經營，冇停業冇註銷。咁會唔會被退出？"
    assert check_of(text) == "enterprise_exit"


def test_an_hr_firm_naming_itself_with_an_enterprises_facts_asks_as_an_enterprise() -> None:
    text = "我们是一家猎头公司，属于人力资源服务机构，在坪山注册、纳税、经营，15个人。"
    assert check_of(text) == "eligibility"


def test_an_hr_company_with_an_agencys_staff_and_premises_asks_as_an_agency() -> None:
    text = "我们机构是工商登记的人力资源公司，经营范围有人力资源服务，在坪山有办公室和电脑打印机，3个专职都有劳动关系协调员证"
    assert check_of(text) == "qualification"
