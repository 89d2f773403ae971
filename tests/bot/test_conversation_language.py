"""What whole conversations brought to light (issue 11): how people type, and the facts they give
in their own words. Each table holds the kind of failure, with the blind set's example and its
siblings."""

from __future__ import annotations

import pytest

from bot.assistant.slot_filling import answer_to_requested_slot, message_slot_values
from bot.language.facts import extract_facts
from bot.language.homophones import correct_homophones
from bot.language.normalize import normalize_text
from bot.language.reactions import is_correction, is_doubt


def facts_of(text: str, entity: str) -> set[tuple[str, str | None]]:
    return {(f.value, f.role) for f in extract_facts(normalize_text(text)) if f.entity == entity}


AS_OF = __import__("datetime").date(2023, 6, 1)


def slots_of(text: str, intent: str = "inform") -> dict[str, str]:
    """The slot values ``text`` states, dated as the assistant dates them (as of AS_OF)."""
    normalized = normalize_text(text)
    entities = [f.as_entity("test") for f in extract_facts(normalized, AS_OF)]
    return message_slot_values(entities, intent, normalized)


HOMOPHONES = [
    pytest.param("去年有劳动仲才案件", "去年有劳动仲裁案件", id="劳动仲才 is 劳动仲裁"),
    pytest.param("能脱管吗", "能托管吗", id="脱管 is 托管"),
    pytest.param("我们是人力资原公司", "我们是人力资源公司", id="人力资原 is 人力资源"),
    pytest.param("能力测式两人平均81分", "能力测试两人平均81分", id="测式 is 测试"),
    pytest.param("托管期间公司主销了", "托管期间公司注销了", id="主销 is 注销"),
    pytest.param("33人，生产正长", "33人，生产正常", id="正长 is 正常"),
    pytest.param("我们在坑子街道", "我们在坑梓街道", id="坑子 is 坑梓"),
    pytest.param("石进街道的厂", "石井街道的厂", id="石进 is 石井, said the southern way"),
    pytest.param("去年有劳动检查案件", "去年有劳动监察案件", id="劳动检查 is 劳动监察"),
    pytest.param("这是行业惯例", "这是行业惯例", id="a sound across two words is left alone"),
    pytest.param("我们是精英团队", "我们是精英团队", id="a common word of the same sound is left"),
    pytest.param("补贴多少", "补贴多少", id="the right word stays"),
]


@pytest.mark.parametrize(("typed", "read"), HOMOPHONES)
def test_homophone_typos_of_the_services_words_are_read_as_the_words(typed: str, read: str) -> None:
    assert correct_homophones(typed) == read


TYPED = [
    pytest.param(
        "我们 公司 在 坪山 注册 纳税 经营 ， 45 人 ， 不是 派遣 也不是 人力资源 公司",
        {"firm_type": "other", "headcount": "45", "in_pingshan": "yes"},
        id="a message typed word by word keeps 也不是 with its noun",
    ),
    pytest.param(
        "我哋公司喺坪山註冊、納稅同經營，有45個人，唔係勞務派遣亦唔係人力資源公司",
        {"firm_type": "other", "headcount": "45", "in_pingshan": "yes"},
        id="Cantonese 唔係 and 亦 are 不是 and 也",
    ),
    pytest.param(
        "我們公司在坪山碧嶺，註冊納稅也在坪山，30人",
        {"operating_in_pingshan": "yes", "registered_in_pingshan": "yes", "headcount": "30"},
        id="the enterprise's place beside the other two named is where it operates",
    ),
    pytest.param(
        "哦说错了，经营地也是坪山，龙岗那是以前的旧厂",
        {"operating_in_pingshan": "yes"},
        id="a place it used to be is not where it is",
    ),
    pytest.param("七八十个人", {"headcount": "70-80"}, id="七八十个人 is 70 to 80"),
    pytest.param(
        "去年没有劳动案件，也没入库科技型中小企业，不知道算不算重点企业",
        {"qualifying_condition": "not:labour_case,tech_sme"},
        id="not knowing one condition leaves it unknown, not yes",
    ),
    pytest.param(
        "搞错了，那个仲裁是2021年的，去年一件都没有，我们也不是科技型中小企业，也不是什么重点企业",
        {"qualifying_condition": "none"},
        id="all three conditions denied is none",
    ),
    pytest.param(
        "我们机构去年服务70家，有案件的企业6家，要求更换的3家，没有违法违规",
        {
            "clients_served": "70",
            "clients_with_cases": "6",
            "change_requests": "3",
            "other_violation": "no",
        },
        id="what a count counts may come before it",
    ),
    pytest.param(
        "律所，司法局登记的，有专门的服务场所、工作人员和办公条件，业务范围就是法律服务",
        {
            "organisation_type": "enterprise_or_institution",
            "premises_and_staff": "yes",
            "business_scope": "yes",
        },
        id="an agency's conditions are read from its own words",
    ),
    pytest.param(
        "民政局登記，業務範圍有勞動關係服務，專門場所、工作人員、辦公條件都有",
        {
            "organisation_type": "social_organisation",
            "premises_and_staff": "yes",
            "business_scope": "yes",
        },
        id="民政局登记 is a social organisation, in traditional characters too",
    ),
    pytest.param(
        "我们没有专门场所，业务范围不含劳动关系服务",
        {"premises_and_staff": "no", "business_scope": "no"},
        id="conditions denied are no",
    ),
    pytest.param(
        "哦不对，坪地那边只是仓库，工厂是搬到坪山龙田了",
        {"exit_event": "moved_within"},
        id="a move to a place in 坪山 is not moving out",
    ),
    pytest.param("从坑梓搬到了龙岗坪地", {"exit_event": "relocated"}, id="a move to 龙岗 is"),
    pytest.param(
        "就纳税地不在坪山也不行吗", {"tax_in_pingshan": "no"}, id="不在坪山 is not in 坪山"
    ),
    pytest.param(
        "我们坪山注册纳税经营，40人，正常，不是派遣",
        {"operating_normally": "yes"},
        id="正常 as a clause among facts is normal operation",
    ),
    pytest.param(
        "我们是人力资源公司，想当托管服务机构",
        {"organisation_type": "enterprise_or_institution"},
        id="a company that would be an agency is registered as an enterprise",
    ),
    pytest.param(
        "我们是律师事务所，2名专职律师",
        {"organisation_type": "enterprise_or_institution"},
        id="a law firm is an institution of its 行业主管部门",
    ),
    pytest.param("我们公司在坪山，45人", {"organisation_type": None}, id="an enterprise is not"),
    pytest.param("我们厂在大鹏新区葵涌", {"in_pingshan": "no"}, id="大鹏新区 is outside 坪山"),
    pytest.param(
        "去年没有发生劳动信访、监察、仲裁案件",
        {"qualifying_condition": None},
        id="a negation before a list of case kinds covers each kind",
    ),
    pytest.param(
        "注册地和经营地都在坪山",
        {"registered_in_pingshan": "yes", "operating_in_pingshan": "yes", "in_pingshan": None},
        id="two places said to be in 坪山 are those two, not all three",
    ),
    pytest.param("公司最近搬迁了", {"exit_event": "moved"}, id="a move that does not say where"),
    pytest.param("已经般到惠州了", {"exit_event": "relocated"}, id="a move to 惠州, typed 般到"),
    pytest.param(
        "公司是在市场监督管理局登记的有限公司，经营范围有人力资源服务",
        {"organisation_type": "enterprise_or_institution", "business_scope": "yes"},
        id="市场监督管理局登记 is an enterprise",
    ),
    pytest.param(
        "我们律所在坪山有办公室和办公设备，专职律师3名都有法律职业资格证",
        {"business_scope": "yes", "premises_and_staff": "yes"},
        id="a law firm with an office and equipment",
    ),
    pytest.param(
        "我们机构专职人员只有1个，持劳动争议调解员证",
        {"certified_staff": "1"},
        id="专职人员只有1个 is one certified staff member",
    ),
    pytest.param(
        "不对，78分是另一家机构的，我们的两名专职人员是83和81",
        {"test_scores": "83,81"},
        id="a score said to be another's is not ours",
    ),
    pytest.param(
        "我们机构的案件发生率不到1%",
        {"own_case_rate": "<1"},
        id="a rate said to be under 1% is kept as under 1%",
    ),
    pytest.param(
        "案件发生率不到1%就不会退出吗",
        {"own_case_rate": None},
        id="a rate asked about is the threshold, not the agency's",
    ),
    pytest.param(
        "我们机构自身全年零案件",
        {"own_case_count": "0", "own_case_rate": "0"},
        id="no case of its own is a count and a rate of 0",
    ),
    pytest.param(
        "我们机构首次签约是2022年",
        {"first_signing_date": "2022"},
        id="a year alone dates a signing",
    ),
    pytest.param(
        "我们是龙田的小微企业，做LED灯具，员工45人",
        {"firm_type": "other", "business_line": "LED灯具"},
        id="a trade named as 做X is neither a dispatch nor an HR firm",
    ),
    pytest.param(
        "公司在坑梓，注册地和经营地都在坪山",
        {"tax_in_pingshan": None, "registered_in_pingshan": "yes"},
        id="where the firm is said to be is not where it pays tax",
    ),
    pytest.param(
        "更正一下，注册地址去年年底已经迁到坑梓了，现在注册、纳税、经营都在坪山区",
        {"exit_event": "stayed", "in_pingshan": "yes"},  # moved within 坪山: it stays
        id="a registration address moved is no relocation of the business",
    ),
    pytest.param(
        "托管40家企业里有3家出过案子，要求换机构的有1家",
        {"clients_served": "40", "clients_with_cases": "3", "change_requests": "1"},
        id="要求换机构的1家 is a count of one, not an article",
    ),
    pytest.param(
        "我们机构托管30家企业，没有企业要求换机构",
        {"change_requests": "0"},
        id="没有企业要求换机构 is a count of none",
    ),
    pytest.param(
        "我们机构专职律师三个都有法律职业资格证",
        {"certified_staff": "3"},
        id="专职律师三个 counts certified staff",
    ),
    pytest.param(
        "我们机构专职 2 人 都有 劳动关系协调员证 测试 80 分 和 80 分",
        {"certified_staff": "2", "test_scores": "80,80"},
        id="专职2人 counts staff in 人",
    ),
    pytest.param(
        "我们公司接受托管服务已经届满三年了，还是托管服务对象吗",
        {"years_served": "3"},
        id="届满三年 is three years served",
    ),
    pytest.param(
        "註冊、納稅、經營都在龍田，生產經營正常，不是勞務派遣或人力資源機構",
        {"firm_type": "other"},
        id="不是X或Y denies both firm types",
    ),
    pytest.param(
        "我没有注册公司，也没有登记社会组织，以个人身份可以当托管服务机构吗",
        {"organisation_type": "other"},
        id="没有登记社会组织 is no social organisation",
    ),
    pytest.param("厂已经搬东莞了，执照也迁了", {"exit_event": "relocated"}, id="搬东莞 without 到"),
    pytest.param(
        "我们机构能力测试 两人 平均 8 0 分",
        {"test_scores": "80"},
        id="digits typed one by one before their unit are one number",
    ),
    pytest.param(
        "第一年和第二年的补贴上限分别多少",
        {"service_year": "all"},
        id="several service years ask for every year",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_facts_typed_as_people_type_them_fill_their_slots(
    text: str, expected: dict[str, str]
) -> None:
    slots = slots_of(text)
    assert {k: slots.get(k) for k in expected} == expected


def test_a_hypothetical_violation_is_not_a_fact() -> None:
    assert facts_of("如果有违规会怎样", "agency_condition") == set()


REPLIES = [
    pytest.param("headcount", "七八十个", "70-80", id="a range of people answers how many"),
    pytest.param("test_scores", "85、74", "85,74", id="two bare scores"),
    pytest.param("test_scores", "两个人都是八十八", "88,88", id="both the same score"),
    pytest.param("test_scores", "是82和78", "82,78", id="a corrected pair of scores"),
    pytest.param(
        "test_scores", "其中一个是兼职的，专职的只有1个", None, id="counted people are no scores"
    ),
    pytest.param("change_requests", "没有", "0", id="没有 to how many is none"),
    pytest.param("in_pingshan", "都在坪山", "yes", id="都在坪山 answers all three places"),
    pytest.param(
        "in_pingshan",
        "注册地址和办公地址都在坪山",
        None,
        id="two places named leave the third to be asked",
    ),
    pytest.param("other_violation", "有的，去年因为虚开发票被税务处罚过", "yes", id="有的 and why"),
    pytest.param(
        "operating_normally", "好，那补贴多少？", None, id="好 then a question answers nothing"
    ),
    pytest.param(
        "qualifying_condition", "问了，有一件", "labour_case", id="a number of cases is a case"
    ),
    pytest.param("qualifying_condition", "今年有一件", None, id="this year's case is not counted"),
]


@pytest.mark.parametrize(("slot", "text", "value"), REPLIES)
def test_short_replies_answer_the_question_asked(slot: str, text: str, value: str | None) -> None:
    intent = "deny" if text.startswith(("没有", "其中")) else "inform"
    normalized = normalize_text(text)
    entities = [f.as_entity("FactExtractor") for f in extract_facts(normalized)]
    assert answer_to_requested_slot(slot, intent, normalized, entities) == value


def test_emoji_beside_words_go_but_emoji_alone_stay() -> None:
    assert (normalize_text("👌正常"), normalize_text("👍")) == ("正常", "👍")


@pytest.mark.parametrize(
    ("text", "correcting"),
    [
        ("不好意思我看错了，社保名单上是109人", True),
        ("更正一下，要求换机构的是10家", True),
        ("哦说错了，经营地也是坪山", True),
        ("我们说错了吗", False),
        ("哎说错了，我们是软件公司", True),
        ("等一下，人事刚核对了花名册，是100人整，刚才多算了。那现在呢？", True),
        ("不好意思，我刚看了营业执照，注册地址其实是龙岗区", True),
        ("这个不对劲", False),
    ],
)
def test_a_correction_is_known_by_how_it_opens_or_what_it_says(text: str, correcting: bool) -> None:
    assert is_correction(normalize_text(text)) is correcting


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("1%也算？不是超过1%才算吗", True),
        ("正好80分也行吗", True),
        ("你确定吗", True),
        ("我们也算小微企业吗", False),
    ],
)
def test_a_figure_on_the_line_doubted_is_a_doubt_of_the_verdict(text: str, doubt: bool) -> None:
    assert is_doubt(normalize_text(text)) is doubt


@pytest.mark.parametrize(
    ("known", "needless"),
    [
        (
            {"client_case_percent": "8", "change_percent": "5"},
            {"clients_with_cases", "change_requests", "clients_served"},
        ),
        ({"client_case_percent": "8"}, {"clients_with_cases"}),
        ({"own_case_count": "0"}, {"own_case_rate"}),
        ({"clients_served": "40"}, set()),
    ],
    ids=[
        "both shares given: no counts and no number of clients asked",
        "one share given: its count is not asked",
        "no case of its own: no rate asked",
        "counts to come: every question stays",
    ],
)
def test_agency_exit_questions_made_needless_by_other_facts_are_not_asked(
    known: dict[str, str], needless: set[str]
) -> None:
    from bot.assistant.registry import CHECKS

    check = CHECKS["agency_exit"]
    assert set(check.slots) - set(check.missing(known)) - set(known) == needless


@pytest.mark.parametrize(
    ("known", "asked"),
    [
        pytest.param(
            {
                "registered_in_pingshan": "yes",
                "tax_in_pingshan": "yes",
                "operating_in_pingshan": "yes",
            },
            False,
            id="each place said in its own message makes the question about all three needless",
        ),
        pytest.param(
            {"registered_in_pingshan": "yes", "operating_in_pingshan": "yes"},
            True,
            id="two places said leave the question asked",
        ),
    ],
)
def test_the_three_places_are_asked_only_while_one_is_unknown(
    known: dict[str, str], asked: bool
) -> None:
    from bot.assistant.registry import CHECKS

    assert ("in_pingshan" in CHECKS["eligibility"].missing(known)) is asked


def test_a_list_of_facts_with_colons_keeps_its_negations_and_doubts() -> None:
    text = (
        "7. 去年劳动信访、监察、仲裁案件：没有 8. 科技型中小企业：去年申报了，有没有入库我不清楚。"
    )
    assert facts_of(text, "qualifying_condition") == {
        ("no_labour_case", None),
        ("unknown_tech_sme", None),
    }


def test_a_doubt_about_something_else_leaves_the_fact_as_said() -> None:
    assert facts_of("去年有劳动仲裁，不清楚能不能托管", "qualifying_condition") == {
        ("labour_case", None)
    }


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        pytest.param("员工一百二时人", "员工一百二十人", id="时 between numerals is 十"),
        pytest.param("我们厂一白二十个人", "我们厂一百二十个人", id="白 between numerals is 百"),
        pytest.param("明白二十个人的情况", "明白二十个人的情况", id="明白 stays 明白"),
        pytest.param("营业执照范围有人立资源服务", "营业执照范围有人力资源服务", id="人立资源"),
        pytest.param("注册纳税经营都在坪三区", "注册纳税经营都在坪山区", id="坪三区"),
        pytest.param("要签书面协以吗", "要签书面协议吗", id="协以"),
        pytest.param(
            "托管服物机构推出的条件是啥", "托管服务机构退出的条件是啥", id="推出 for 退出"
        ),
        pytest.param("我们不是劳务派遗", "我们不是劳务派遣", id="派遗"),
        pytest.param(
            "我哋機構舊年託管咗四十間企業",
            "我们机构去年托管了四十家企业",
            id="Cantonese 间 and 旧年",
        ),
        pytest.param("三间办公室", "三间办公室", id="rooms stay rooms"),
    ],
)
def test_typing_slips_seen_in_the_blind_sets_are_read_as_meant(typed: str, read: str) -> None:
    assert normalize_text(typed) == normalize_text(read) == read.replace("，", ",")


SET_F_TYPED = [
    pytest.param("纳锐也在坪山", "纳税也在坪山", id="纳锐 for 纳税"),
    pytest.param("去年没有劳动纠分", "去年没有劳动纠纷", id="纠分 for 纠纷"),
    pytest.param("去年有员工去劳动仲栽", "去年有员工去劳动仲裁", id="仲栽 for 仲裁"),
    pytest.param("今年3月才入酷科技型中小企业", "今年3月才入库科技型中小企业", id="入酷 for 入库"),
    pytest.param("公司是工商登计的有限公司", "公司是工商登记的有限公司", id="登计 for 登记"),
    pytest.param("两个全职同事都有证", "两个专职人员都有证", id="全职 colleagues are 专职"),
    pytest.param("有四十几个伙记", "有四十几个员工", id="a shop's 伙记 are its employees"),
    pytest.param("去年有劳动监,做印刷的", "去年有劳动监察,做印刷的", id="劳动监 cut short"),
    pytest.param("更换率是3%", "更换率是3%", id="率是 is not a homophone of 律师"),
]


@pytest.mark.parametrize(("typed", "read"), SET_F_TYPED)
def test_slips_and_other_words_for_the_same_thing_are_read_as_the_regulations(
    typed: str, read: str
) -> None:
    assert normalize_text(typed) == read


LISTS = [
    pytest.param(
        "1.都在坪山（注册/纳税/经营） 2.28人 3.经营正常 4.2022年已入库科技型中小企业",
        {
            "headcount": "28",
            "in_pingshan": "yes",
            "operating_normally": "yes",
            "qualifying_condition": "tech_sme",
        },
        id="an item starting with a figure keeps the figure, not the item number",
    ),
    pytest.param(
        "①坪山注册纳税经营 ②35人 ③正常生产",
        {"headcount": "35", "in_pingshan": "yes"},
        id="circled item numbers are clause breaks",
    ),
    pytest.param(
        "1 注册纳税经营都在坪山 2 员工45人",
        {"headcount": "45"},
        id="items numbered with a space after the number",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_numbered_lists_of_facts_are_read_item_by_item(text: str, expected: dict[str, str]) -> None:
    slots = slots_of(text)
    assert {k: slots.get(k) for k in expected} == expected


def test_a_number_alone_between_words_is_no_list() -> None:
    assert slots_of("我们 5 人").get("headcount") == "5"


def dated_slots(text: str, intent: str = "inform") -> dict[str, str]:
    """The slot values ``text`` states, read in the context of ``intent``, dated as of AS_OF."""
    normalized = normalize_text(text)
    entities = [f.as_entity("test") for f in extract_facts(normalized, AS_OF)]
    return message_slot_values(entities, intent, normalized)


SAID_OF_A_YEAR = [
    pytest.param(
        "2021年有过一次劳动监察，2022年一件都没有。科技型中小企业没入库，也不是重点企业",
        {"qualifying_condition": "none"},
        id="a case two years ago is no case last year, and none last year is none",
    ),
    pytest.param(
        "那个仲裁是2021年的，2022年其实没有",
        {"qualifying_denied": "labour_case", "qualifying_condition": None},
        id="a case moved to the year before denies last year's",
    ),
    pytest.param(
        "我们今年3月才入库科技型中小企业",
        {"qualifying_denied": "tech_sme"},
        id="entering the library this year is not last year's entry",
    ),
    pytest.param(
        "2022年有一起劳动仲裁",
        {"qualifying_condition": "labour_case"},
        id="a case in last year's number is last year's",
    ),
    pytest.param(
        "去年有没有劳动仲裁监察这些我得问下人事，科技型中小企业应该不是，重点企业我也不清楚",
        {"qualifying_condition": "not:tech_sme", "qualifying_denied": None},
        id="a case the speaker must ask about is unknown, and 应该不是 denies",
    ),
    pytest.param(
        "客户2022年8月首签，第一年多少？哦不对，是2021年8月签的",
        {"first_signing_date": "2021-08"},
        id="a date corrected inside the message is the one after the correction",
    ),
    pytest.param("公司50人，说错了，是60人", {"headcount": "60"}, id="so is a headcount"),
]


@pytest.mark.parametrize(("text", "expected"), SAID_OF_A_YEAR)
def test_facts_are_read_for_the_year_and_the_correction_they_are_said_of(
    text: str, expected: dict[str, str | None]
) -> None:
    slots = dated_slots(text)
    assert {k: slots.get(k) for k in expected} == expected


AGENCY_WORDS = [
    pytest.param("打错了，第二个是七十七", {"test_scores": "second:77"}, id="one of two scores"),
    pytest.param("第一个人其实是78分", {"test_scores": "first:78"}, id="the first score"),
    pytest.param("测试派了两人，82、79", {"test_scores": "82,79"}, id="two figures after the test"),
    pytest.param("机构自己0案件，无违规", {"own_case_count": "0"}, id="0案件 is no case"),
    pytest.param("没人要换，也没违规", {"change_requests": "0"}, id="nobody asked to change"),
    pytest.param(
        "我们机构2022年零案件，托管30家企业有1家发生过仲裁",
        {"own_case_count": "0", "clients_with_cases": "1"},
        id="an agency's 零案件 is none of its own",
    ),
    pytest.param(
        "我们机构2022年一件劳动信访、监察、仲裁案件都没有",
        {"own_case_count": "0"},
        id="一件…都没有 over a list of case kinds is none",
    ),
    pytest.param(
        "1）公司，营业执照经营范围有人力资源服务",
        {"organisation_type": "enterprise_or_institution"},
        id="a business licence is a registration with 市场监管",
    ),
    pytest.param(
        "有固定办公地方同设备", {"premises_and_staff": "yes"}, id="办公地方 is a premises"
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGENCY_WORDS)
def test_an_agencys_facts_in_its_own_words_fill_their_slots(
    text: str, expected: dict[str, str]
) -> None:
    slots = slots_of(text, "ask_agency_conditions" if "test_scores" in expected else "inform")
    assert {k: slots.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("律所", "enterprise_or_institution", id="a law firm"),
        pytest.param("有限公司", "enterprise_or_institution", id="a company"),
        pytest.param("行业协会", "social_organisation", id="an association"),
        pytest.param("好的", None, id="an acknowledgement names none"),
    ],
)
def test_a_short_reply_naming_the_organisation_answers_its_question(
    text: str, kind: str | None
) -> None:
    assert answer_to_requested_slot("organisation_type", "inform", text) == kind


@pytest.mark.parametrize(
    ("text", "role"),
    [
        pytest.param("我们厂在坑梓", "operating", id="a factory is where it operates"),
        pytest.param("厂房设在龙田", "operating", id="so are its premises"),
        pytest.param(
            "我们公司在坑梓",
            "operating",
            id="where a company is said to be is where it operates (registration and tax are asked)",
        ),
    ],
)
def test_a_workplace_said_to_be_somewhere_is_where_the_enterprise_operates(
    text: str, role: str | None
) -> None:
    assert facts_of(text, "district") == {("坪山区", role)}


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        pytest.param(
            "women gongsi zai pingshan zhuce, yuangong 150 ren, neng zuo tuoguan fuwu duixiang ma",
            "我们公司在坪山注册,员工150人,能做托管服务对象吗",
            id="a whole message in pinyin",
        ),
        pytest.param(
            "zhege tuoguan guanli banfa youxiaoqi dao shenme shihou",
            "这个托管管理办法有效期到什么时候",
            id="a question in pinyin",
        ),
        pytest.param(
            "women shi keji xing zhongxiao qiye, 2022年ru ku le",
            "我们是科技型中小企业,2022年入库了",
            id="pinyin mixed with characters and figures",
        ),
        pytest.param(
            "我是公司的HR,想问app", "我是公司的人事,想问小程序", id="English words are no pinyin"
        ),
    ],
)
def test_words_typed_in_pinyin_are_read_as_the_chinese_they_spell(typed: str, read: str) -> None:
    assert normalize_text(typed) == read


MORE_F = [
    pytest.param(
        "我在坪山马峦开了两家湘菜馆，员工一共31个",
        {"clients_served": None, "headcount": "31"},
        id="an owner's own restaurants are not an agency's clients",
    ),
    pytest.param(
        "我们第一次签约是2021年11月，2022年11月那份是续签的",
        {"first_signing_date": "2021-11"},
        id="the signing named the first is the first signing",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE_F)
def test_what_an_enterprise_says_of_itself_fills_its_own_slots(text, expected) -> None:
    slots = slots_of(text, "ask_subsidy_amount" if "first_signing_date" in expected else "inform")
    assert {k: slots.get(k) for k in expected} == expected


def test_a_year_said_relative_to_today_of_a_signing_is_that_year() -> None:
    normalized = normalize_text("我们公司去年签的托管")
    dates = [f.value for f in extract_facts(normalized, AS_OF) if f.entity == "date"]
    assert dates == ["2022"]


def test_the_service_year_the_enterprise_is_in_now_is_asked_as_the_current_one() -> None:
    assert facts_of("那按现在这个服务年度算，机构最多能拿多少", "service_year") == {
        ("current", None)
    }


def test_a_month_is_no_answer_to_how_many() -> None:
    assert answer_to_requested_slot("service_year", "inform", "今年5月整个厂搬到惠州去了") is None


SET_G = [
    pytest.param(
        "经营范围：人力资源服务",
        {"organisation_type": "enterprise_or_institution"},
        id="a 经营范围 is a business licence's, so a registered enterprise's",
    ),
    pytest.param(
        "专职：3人，都有劳动关系协调员证",
        {"certified_staff": "3", "headcount": None},
        id="专职：3人 in a list counts certified staff, not the headcount",
    ),
    pytest.param(
        "我们服务机构办公场所在坪山",
        {"premises_and_staff": "yes"},
        id="an agency's premises said to be somewhere are premises it has",
    ),
    pytest.param(
        "我们是科技型中小企业，前年入的库，去年没入",
        {"qualifying_denied": "tech_sme"},
        id="a library entry the year before last is not last year's",
    ),
    pytest.param(
        "我们是做软件开发的，人力资源公司是我们的客户",
        {"firm_type": "other"},
        id="a firm type said of a client is not the enterprise's",
    ),
    pytest.param("生意正常", {"operating_normally": "yes"}, id="生意正常 is operating normally"),
    pytest.param(
        "不好意思，是服务了4个月，不是5个月",
        {"months_served": "4"},
        id="the figure after 不是 is the one denied",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SET_G)
def test_set_g_kinds_fill_their_slots(text: str, expected: dict[str, str | None]) -> None:
    intent = "ask_agency_conditions" if "certified_staff" in expected else "inform"
    slots = dated_slots(text) if "qualifying_denied" in expected else slots_of(text, intent)
    assert {k: slots.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param(
            "哦不是5月3号，是5月25号签的", ["2023-05-25"], id="a day with no year is this year's"
        ),
        pytest.param("今天6月1号还没去备案", [], id="today is no date of the facts"),
        pytest.param("22年", ["2022"], id="a two-digit year alone"),
    ],
)
def test_dates_said_without_their_year_are_read_as_of_today(text: str, value: list[str]) -> None:
    normalized = normalize_text(text)
    assert [f.value for f in extract_facts(normalized, AS_OF) if f.entity == "date"] == value


def test_a_case_spoken_of_before_and_dated_last_year_is_last_years() -> None:
    normalized = normalize_text("哦不对，我记错了，那次投诉是去年（2022年）11月的。")
    values = [
        f.value for f in extract_facts(normalized, AS_OF) if f.entity == "qualifying_condition"
    ]
    assert values == ["labour_case"]


def test_an_enterprise_in_custody_now_has_not_served_its_three_years() -> None:
    assert ("under:3", None) in facts_of("我们公司正在接受托管，最近搬家了", "years")


def test_the_roles_said_of_here_are_the_place_just_named() -> None:
    slots = slots_of("我们公司在坪山区石井街道，注册纳税经营都在这，做医疗器械的，70人")
    assert slots.get("in_pingshan") == "yes"


@pytest.mark.parametrize(
    ("text", "correcting"),
    [
        pytest.param("刚刚让人事重新数了，现在在职的是98个人", True, id="counted again"),
        pytest.param("我们重新算一下吧", False, id="a plan to count again corrects nothing yet"),
        pytest.param("哎呀我说反了，我们是做软件开发的", True, id="said the wrong way round"),
        pytest.param(
            "抱歉，我看的是隔壁公司的执照。我们是做塑胶模具的",
            True,
            id="what was said was the neighbour's",
        ),
        pytest.param("我看的是别人的资料吗", False, id="asking whose it was corrects nothing"),
        pytest.param(
            "不好意思，派遣公司是我朋友的，我自己的是食品加工厂，其他情况都一样。",
            True,
            id="what was said was a friend's, and the speaker's own follows",
        ),
    ],
)
def test_counting_again_is_a_correction(text: str, correcting: bool) -> None:
    assert is_correction(normalize_text(text)) is correcting


@pytest.mark.parametrize(
    ("text", "violation"),
    [
        pytest.param(
            "我们有个员工伪造了一家企业的托管服务档案去申请补贴", "yes", id="our own fraud"
        ),
        pytest.param(
            "听说有企业跟机构串通做假档案，会怎么处理？", None, id="others' fraud heard of"
        ),
        pytest.param("如果我们弄虚作假会怎样", None, id="a supposed fraud"),
    ],
)
def test_fraud_by_the_agency_speaking_is_a_violation(text: str, violation: str | None) -> None:
    assert slots_of(text).get("other_violation") == violation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param(
            "注册纳税经营都在坪山，53个人，生产正常，是小微企业", "生产", id="a firm producing"
        ),
        pytest.param(
            "我们是科技型中小企业，2022年入库了", "科技型中小企业", id="a tech SME in the library"
        ),
        pytest.param("生产经营正常", None, id="第九条's own words say nothing of the trade"),
    ],
)
def test_a_firm_that_produces_or_is_a_tech_sme_is_read_as_neither_excluded_type(
    text: str, line: str | None
) -> None:
    slots = slots_of(text)
    assert slots.get("business_line") == line
    assert slots.get("firm_type") == ("other" if line else None)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "托管中遇到共性的用工问题，人社局会给业务支持吗", id="during custody, said of anyone"
        ),
        pytest.param("申请托管补贴需不需要企业的营业执照复印件", id="a licence asked about"),
        pytest.param(
            "俺们公司是搞劳务派遣的，营业执照就在坪山，能当托管的服务对象不",
            id="an enterprise's licence",
        ),
    ],
)
def test_words_about_custody_and_licences_in_questions_are_no_facts_of_the_speaker(
    text: str,
) -> None:
    facts = {(f.entity, f.value) for f in extract_facts(normalize_text(text))}
    assert not any(entity in ("years", "organisation_type") for entity, _ in facts)


SET_H = [
    pytest.param(
        "注册地\t坪山区坪山街道\n纳税地\t坪山区\n经营地\t坪山区\n从业人员\t88人\n经营状况\t正常",
        {"registered_in_pingshan": "yes", "tax_in_pingshan": "yes", "headcount": "88"},
        id="a pasted table of labels and values reads each value under its label",
    ),
    pytest.param(
        "注册地  坪山区\n纳税地  龙岗区",
        {"registered_in_pingshan": "yes", "tax_in_pingshan": "no"},
        id="so does a table whose columns are spaces",
    ),
    pytest.param(
        "注册纳税经营\u3000都在坪山，\u300025人",
        {"in_pingshan": "yes", "headcount": "25"},
        id="a space before 都在 does not cut the places from their roles",
    ),
    pytest.param(
        "我们\u30002023年\u3000刚入库\u3000科技型中小企业，\u30002022年\u3000没有\u3000任何劳动案件，\u3000也不是\u3000重点企业",
        {"qualifying_condition": "none"},
        id="a library entry this year, no case and 也不是 spaced out deny all three conditions",
    ),
    pytest.param(
        "22年入库科技型了 不是派遣",
        {"qualifying_condition": "tech_sme", "firm_type": "other"},
        id="入库 in 22年 is last year's entry into the tech SME library",
    ),
    pytest.param(
        "我们是23年才入库的科技型中小企业",
        {"qualifying_denied": "tech_sme"},
        id="an entry in 23年 is this year's and not last year's",
    ),
    pytest.param(
        "我们是坪山马峦的一家烘焙工坊，26个人",
        {"business_line": "烘焙", "firm_type": "other"},
        id="the trade of 一家烘焙工坊 says it is neither excluded firm type",
    ),
    pytest.param(
        "1. 2021年6月1日首次签约\n2. 2021年12月1日注销，服务满6个月",
        {"first_signing_date": "2021-06-01", "service_ended": "2021-12-01", "months_served": "6"},
        id="a deregistration date is no signing date but the day the service ended",
    ),
    pytest.param(
        "企业2023年2月1日首签，4月1日就注销了，第一年补贴折算上限是多少？",
        {"first_signing_date": "2023-02-01", "service_ended": "2023-04-01"},
        id="so is a day without its year said of the deregistration",
    ),
    pytest.param(
        "今年3月1日注销的",
        {"service_ended": "2023-03-01", "first_signing_date": None},
        id="and the end alone, said after the signing",
    ),
    pytest.param(
        "首次签约是2021年11月。那第一年补贴上限应该是多少？现在这一年（第二年）的上限又是多少？",
        {"service_year": "all"},
        id="应该是多少 asks and corrects nothing, so both years are asked",
    ),
    pytest.param(
        "如果托管满三年了，我们还算服务对象吗",
        {"years_served": "if:3"},
        id="three years supposed are asked about, not said to have passed",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SET_H)
def test_set_h_kinds_fill_their_slots(text: str, expected: dict[str, str | None]) -> None:
    slots = dated_slots(text, "ask_subsidy_amount" if "补贴" in text else "inform")
    if "business_line" in expected:
        slots = slots_of(text)
    assert {k: slots.get(k) for k in expected} == expected, slots


SET_I = [
    pytest.param(
        "注册地：坪山\n纳税地：坪山\n经营地：坪山\n员工人数：\t77",
        {"headcount": "77"},
        id="a figure ending its line is the value of its label, not the next item's number",
    ),
    pytest.param(
        "1. 坪山注册 2. 坪山纳税 3. 坪山龙田经营 4. 98人 5. 生产正常",
        {"headcount": "98", "registered_in_pingshan": "yes"},
        id="an item that starts with a figure after its number keeps the figure",
    ),
    pytest.param(
        "店在坪山街道 执照也是坪山的",
        {"operating_in_pingshan": "yes", "registered_in_pingshan": "yes"},
        id="店在 says where the firm operates and 执照 where it is registered",
    ),
    pytest.param(
        "women gongsi zhuce, nashui, jingying dou zai pingshan",
        {"in_pingshan": "yes"},
        id="the three roles listed with commas are one list of roles",
    ),
    pytest.param(
        "註冊地、納稅地及營運地皆位於坪山區，營運正常",
        {"in_pingshan": "yes", "operating_normally": "yes"},
        id="營運 is the operating place and operating normally",
    ),
    pytest.param(
        "上个月搬完的 坪山这边没经营了",
        {"exit_event": "relocated", "operating_in_pingshan": "no"},
        id="no longer operating in 坪山 after the move is a move out of it",
    ),
    pytest.param(
        "说错了，是搬到坪山的石井街道，不是龙岗。搬完以后还算托管服务对象吗？",
        {"exit_event": "moved_within"},
        id="the move said again without its place is the one whose place was said",
    ),
    pytest.param(
        "公司一直正常经营，在坪山没动过",
        {"exit_event": "stayed"},
        id="没动过 says the firm stayed",
    ),
    pytest.param(
        "去年服务企业数：60\n出劳动案件企业数：12\n要求换机构：0\n机构自身案件：0\n违法违规：无",
        {
            "clients_served": "60",
            "clients_with_cases": "12",
            "change_requests": "0",
            "own_case_count": "0",
            "other_violation": "no",
        },
        id="an agency's figures as labelled lines are read under their labels",
    ),
    pytest.param(
        "我说混了，劳务派遣公司是我们的供应商。我们自己是做电子元器件贴片加工的",
        {"firm_type": "other"},
        id="a dispatch firm that supplies the enterprise is not the enterprise",
    ),
    pytest.param(
        "我们跟一家劳务派遣公司合作招人",
        {"firm_type": None},
        id="nor is one it works with",
    ),
    pytest.param(
        "托管服务能帮我们办员工社保和做工资表吗？",
        {"firm_type": None, "business_line": None},
        id="a task asked about is no trade of the firm",
    ),
    pytest.param(
        "员工一共130人左右",
        {"headcount": "130~"},
        id="about 130 is kept as said",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SET_I)
def test_set_i_kinds_fill_their_slots(text: str, expected: dict[str, str | None]) -> None:
    slots = dated_slots(text, "ask_agency_exit" if "机构" in text else "inform")
    assert {k: slots.get(k) for k in expected} == expected, slots


def test_a_start_named_as_the_real_one_is_the_start_whatever_was_said_before() -> None:
    text = "2020年那是和另一家咨询公司签的普通顾问合同，不是托管。真正开始托管是2021年5月10日"
    assert dated_slots(text, "ask_enterprise_exit").get("service_started") == "2021-05-10"


@pytest.mark.parametrize(
    ("text", "swap"),
    [
        pytest.param(
            "再核对了一下，那6家里有1家的仲裁是2021年的，2022年实际只有5家。这样呢？",
            ("6", "5"),
            id="the figure pointed at with 那 is replaced by what it really is",
        ),
        pytest.param("是6家不是8家", ("8", "6"), id="as one denied is by the one affirmed"),
    ],
)
def test_a_figure_replaced_is_known_by_what_replaces_it(text: str, swap: tuple[str, str]) -> None:
    from decimal import Decimal

    from bot.language.reactions import replaced_figure

    assert replaced_figure(text) == (Decimal(swap[0]), Decimal(swap[1]))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("不好意思我说混了，劳务派遣公司是我们的供应商", id="说混了 corrects"),
        pytest.param("再核对了一下，实际只有5家", id="so does checking again"),
    ],
)
def test_mixing_up_and_checking_again_are_corrections(text: str) -> None:
    assert is_correction(text)


SET_J = [
    pytest.param(
        "能做托管的有两个人：一个是专职律师，有法律职业资格证；另一个是兼职的实习生，还没证",
        {"certified_staff": "1"},
        id="one full-time certified and one part-time are one certified full-time staff",
    ),
    pytest.param(
        "我刚对了一下社保名单，其实现在是105人",
        {"headcount": "105"},
        id="其实现在是 gives the figure that stands",
    ),
    pytest.param(
        "我刚打电话核实了，他们只是从坪山街道搬到了龙田街道，还在坪山区内，公司正常经营",
        {"exit_event": "moved_within", "operating_in_pingshan": "yes"},
        id="a move within 坪山 keeps the firm operating there",
    ),
    pytest.param(
        "托管企业\t30家\n有案件的企业\t3家\n要求更换机构\t2家\n机构自身案件\t0件\n违法违规\t无",
        {"clients_served": "30", "change_requests": "2", "other_violation": "no"},
        id="a one-character value in a pasted table is read under its label",
    ),
    pytest.param(
        "我哋機構舊年託管咗40間企業，其中10間發生過勞動監察或者仲裁案件",
        {"clients_served": "40", "clients_with_cases": "10"},
        id="Cantonese 间 before 发生 counts firms",
    ),
    pytest.param(
        "我门是做住塑的小厂，在坪山街到，注册、纳水、经营都在坪山，生产经荣正常",
        {"operating_normally": "yes", "in_pingshan": "yes"},
        id="经荣 is a slip for 经营",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SET_J)
def test_set_j_kinds_fill_their_slots(text: str, expected: dict[str, str | None]) -> None:
    normalized = normalize_text(text)
    intent = "ask_agency_exit" if "机构" in normalized or "托管企业" in normalized else "inform"
    if "证" in normalized:
        intent = "ask_agency_conditions"
    slots = dated_slots(text, intent)
    assert {k: slots.get(k) for k in expected} == expected, slots


@pytest.mark.parametrize(
    ("text", "n"),
    [
        pytest.param("第2个我没看全，再详细说一下", 2, id="an item not read in full"),
        pytest.param("那第（一）项呢？", 1, id="an item numbered in brackets"),
        pytest.param("先回答2", 2, id="an item to answer first"),
    ],
)
def test_replies_pointing_at_an_item_are_read_by_its_number(text: str, n: int) -> None:
    from bot.language.statements import item_reference

    assert item_reference(text) == n


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        pytest.param("第十三条第（二）项是什么意思？", [13], id="what an article means"),
        pytest.param("第十五条原文", [15], id="an article's text"),
        pytest.param("托管办法第十九调讲的是啥", [19], id="what an article says, 条 typed as 调"),
        pytest.param("第十五条规定的服务内容有哪些", [], id="a question about its subject"),
    ],
)
def test_asking_what_an_article_means_asks_for_its_text(text: str, articles: list[int]) -> None:
    from bot.language.article_requests import requested_articles

    assert requested_articles(normalize_text(text)) == articles


SET_K = [
    pytest.param(
        "哎说错了，停产的是我们隔壁那家，我们生产是正常的",
        {"operating_normally": "yes", "exit_event": None},
        id="a stop said of the firm next door is not the speaker's",
    ),
    pytest.param(
        "企业正常经营，还在坪山，没停业也没注销",
        {"exit_event": "stayed"},
        id="still in 坪山 says the firm did not move out",
    ),
    pytest.param(
        "1. 2021年7月首次签约 2. 今年4月企业办了注销 3. 注销前一直在坪山经营",
        {"exit_event": "deregistered"},
        id="an exit event outweighs where the firm was before it",
    ),
    pytest.param(
        "不对，我说错了，新厂是在坪地，坪地属于龙岗区，注册也迁过去了。",
        {"operating_in_pingshan": "no", "exit_event": "relocated"},
        id="new premises in another district's 街道 are a move out of 坪山",
    ),
    pytest.param(
        "2022年我们机构自己没发生过任何劳动信访、监察、仲裁案件",
        {"own_case_count": "0"},
        id="none of the agency's own cases listed by kind is none",
    ),
    pytest.param(
        "投诉那次是前年2021年的，去年2022年啥案子也没有。我们也不是科技型企业，也不是什么重点企业",
        {"qualifying_condition": "none"},
        id="啥案子也没有 in last year is no case that year",
    ),
    pytest.param(
        "专职员工4个，其中两个有劳动关系协调员证，另外两个有人力资源管理师证",
        {"certified_staff": "4"},
        id="certified staff said in two groups add up",
    ),
    pytest.param(
        "中间2022年8月续签了一次，现在是第二年服务",
        {"first_signing_date": None, "service_year": "2"},
        id="a renewal's date is no first signing",
    ),
    pytest.param(
        "家电配件厂，注册地\u3000坪山，纳税地\u3000坪山，经营地\u3000坪\u3000山\u3000龙田",
        {"in_pingshan": "yes"},
        id="a label and its value apart by a space stay together",
    ),
    pytest.param("现在120ren，生产正常", {"headcount": "120"}, id="ren typed after a figure is 人"),
    pytest.param(
        "汽车维修厂，坪山注册、纳税、经营，28人",
        {"firm_type": "other"},
        id="a repair shop is a trade",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SET_K)
def test_set_k_kinds_fill_their_slots(text: str, expected: dict[str, str | None]) -> None:
    normalized = normalize_text(text)
    intent = "inform"
    if "机构" in normalized or "证" in normalized:
        intent = "ask_agency_exit" if "案件" in normalized else "ask_agency_conditions"
    if "续签" in normalized:
        intent = "ask_subsidy_amount"
    slots = dated_slots(text, intent)
    assert {k: slots.get(k) for k in expected} == expected, slots


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("三年都要", "all", id="all three years"),
        pytest.param("都要", "all", id="all of them"),
        pytest.param("第二年的", None, id="one year named is read from its fact, not as all"),
    ],
)
def test_which_service_year_is_answered_by_all_or_one(text: str, value: str | None) -> None:
    normalized = normalize_text(text)
    entities = [f.as_entity("test") for f in extract_facts(normalized)]
    assert answer_to_requested_slot("service_year", "inform", normalized, entities) == value


SET_L = [
    pytest.param(
        "做五金冲压的，在坪山碧岭，注册纳税也在这，52人，前年有过仲裁，去年没有，也不是科技型中小企业和重点企业",
        {"in_pingshan": "yes", "operating_in_pingshan": "yes", "qualifying_condition": "none"},
        id="where the firm is, besides where it registers and pays tax, is where it operates; "
        "a negation before a list of conditions covers each",
    ),
    pytest.param(
        "他说有过一起劳动仲裁，不过是2021年的事了，2022年一件都没有",
        {"qualifying_condition": None, "qualifying_denied": "labour_case"},
        id="a case dated in the clause after it is that year's",
    ),
    pytest.param(
        "全职顾问4个，两个有劳动关系协调员证，两个有人力资源管理师证",
        {"certified_staff": "4"},
        id="全职 is 专职 and two groups with certificates add up",
    ),
    pytest.param(
        "我哋機構舊年自己有12單勞動仲裁", {"own_case_count": "12"}, id="Cantonese 单 counts cases"
    ),
    pytest.param(
        "托管企业\u3000从石井\u3000搬到\u3000龙田街道\u3000了\u3000还算托管对象吗",
        {"exit_event": "moved_within", "years_served": "under:3"},
        id="a firm under custody moving within 坪山 has not served its three years",
    ),
    pytest.param(
        "第3条那个，我们去年托管32家企业里有3家要求换机构，算不算？其他几种情况我们都没有",
        {"change_requests": "3", "clients_with_cases": "0", "other_violation": "no"},
        id="an agency's 其他几种情况都没有 denies the other situations",
    ),
    pytest.param(
        "企业2022年11月1日整体搬到东莞去了，10月31日是最后一天在坪山",
        {"service_ended": "2022-11-01", "first_signing_date": None},
        id="the last day in 坪山 is no signing date",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SET_L)
def test_set_l_kinds_fill_their_slots(text: str, expected: dict[str, str | None]) -> None:
    slots = dated_slots(text, "ask_agency_exit" if "机构" in normalize_text(text) else "inform")
    assert {k: slots.get(k) for k in expected} == expected, slots


@pytest.mark.parametrize(
    "text",
    [p.values[0] for p in SET_H + SET_I + SET_J + SET_K + SET_L],
)
def test_the_slot_mapper_reads_every_message_of_the_blind_sets_without_failing(text: str) -> None:
    from bot.assistant.slot_filling import slot_entities

    normalized = normalize_text(text)
    entities = [f.as_entity("test") for f in extract_facts(normalized, AS_OF)]
    for intent in ("inform", "ask_agency_exit", "ask_enterprise_exit", "ask_subsidy_amount"):
        slot_entities(entities, intent, normalized)  # raises when the context adds unmapped slots


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("1是 2是 3是", "yes", id="all three places in 坪山 by number"),
        pytest.param("1是 2否 3是", "no", id="one place elsewhere by number"),
        pytest.param("1.在 2.不在 3.在", "no", id="numbered 在 and 不在"),
    ],
)
def test_the_three_places_are_answered_by_number(text: str, value: str) -> None:
    normalized = normalize_text(text)
    assert answer_to_requested_slot("in_pingshan", "inform", normalized, []) == value


def test_a_figure_in_words_is_no_service_year() -> None:
    normalized = normalize_text("工厂一直正常生产，没停过。搬了以后还能继续托管吗？")
    entities = [f.as_entity("test") for f in extract_facts(normalized)]
    assert answer_to_requested_slot("service_year", "inform", normalized, entities) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "后面续签过一次，现在是第二年的服务期（2022年7月到2023年6月）",
            {"first_signing_date": None, "service_year": "2"},
            id="the dates bounding a service year are no signing",
        ),
        pytest.param(
            "托管期间我们把厂从坪山街道搬到坑梓街道了，还算托管对象吗",
            {"exit_event": "moved_within", "years_served": "under:3"},
            id="托管期间 says the service is running",
        ),
        pytest.param(
            "不过我们厂房其实在龙岗宝龙，坪山只是注册地址",
            {"operating_in_pingshan": "no", "registered_in_pingshan": "yes"},
            id="厂房 names where the firm operates",
        ),
    ],
)
def test_periods_custody_and_premises_are_read_as_meant(
    text: str, expected: dict[str, str | None]
) -> None:
    slots = dated_slots(text, "ask_subsidy_amount" if "续签" in text else "inform")
    assert {k: slots.get(k) for k in expected} == expected, slots


SET_M = [
    pytest.param(
        "🚚企业从碧岭街道搬到坑梓街道，还在坪山，托管要停吗？",
        {"exit_event": "moved_within", "years_served": "under:3"},
        id="asking whether custody stops after a move within 坪山 presupposes it runs",
    ),
    pytest.param(
        "老板娘来问😊 我们奶茶店🧋在坪山，注册纳税经营都在这边",
        {"in_pingshan": "yes"},
        id="the roles said of 这边 join the role the place already has",
    ),
    pytest.param(
        "老板让我问下，我们是做注塑的小厂，在坑梓街道，工人58个",
        {"operating_in_pingshan": "yes", "headcount": "58"},
        id="a factory said to be somewhere operates there",
    ),
    pytest.param(
        "啊我表达错了，我是公司人力资源部的，公司本身是做模具的。注册纳税经营都在坪山",
        {"firm_type": "other", "business_line": "模具"},
        id="the speaker's HR department is no HR firm",
    ),
    pytest.param(
        "搞错了，是换了法定代表人，公司还在坪山正常营业。这个要退出托管吗",
        {"exit_event": "stayed", "business_line": None},
        id="搞错了 is a slip, no trade",
    ),
    pytest.param("五金", {"business_line": "五金", "firm_type": "other"}, id="a trade alone"),
    pytest.param(
        "注册经营坪山",
        {"registered_in_pingshan": "yes", "operating_in_pingshan": "yes", "tax_in_pingshan": None},
        id="role words before a place without 在 give it both roles",
    ),
    pytest.param(
        "税东莞交", {"tax_in_pingshan": "no", "in_pingshan": "no"}, id="税 right before a city"
    ),
    pytest.param(
        "纳税惠州，经营坪山",
        {"tax_in_pingshan": "no", "operating_in_pingshan": "yes"},
        id="each role word names the place right after it",
    ),
    pytest.param(
        "1坪山 2坪山 3光明区 4 40人 5正常 6去年入库科技型中小企业",
        {
            "registered_in_pingshan": "yes",
            "tax_in_pingshan": "yes",
            "operating_in_pingshan": "no",
            "headcount": "40",
            "operating_normally": "yes",
        },
        id="numbered places answer 注册地 纳税地 经营地 in order and 正常 alone is an item",
    ),
    pytest.param(
        "1.坪山 2.龙岗 3.坪山",
        {"registered_in_pingshan": "yes", "tax_in_pingshan": "no", "operating_in_pingshan": "yes"},
        id="three places each on its own answer the three places in order",
    ),
    pytest.param(
        "一、坪山 二、坪山 三、惠州",
        {"registered_in_pingshan": "yes", "operating_in_pingshan": "no"},
        id="numbered in Chinese numerals, a city after a list mark",
    ),
    pytest.param("测试成绩\t85\t77", {"test_scores": "85,77"}, id="scores in table columns"),
    pytest.param("测试成绩 85 77", {"test_scores": "85,77"}, id="scores apart by a space"),
    pytest.param("成绩85 2人", {"test_scores": "85"}, id="a count after a score is no score"),
    pytest.param(
        "工商登记 业务有人力资源服务",
        {"business_scope": "yes", "organisation_type": "enterprise_or_institution"},
        id="业务有 names the business scope",
    ),
    pytest.param("我们业务上没有法律服务", {"business_scope": "no"}, id="业务上没有 denies it"),
]


@pytest.mark.parametrize(("text", "expected"), SET_M)
def test_set_m_kinds_fill_their_slots(text: str, expected: dict[str, str | None]) -> None:
    slots = dated_slots(text)
    assert {k: slots.get(k) for k in expected} == expected, slots


@pytest.mark.parametrize(
    ("text", "fewer"),
    [
        pytest.param("不好意思，其中一个其实是兼职的。还符合吗", 1, id="one of them is part-time"),
        pytest.param("有一个没证", 1, id="one has no certificate"),
        pytest.param("其中两个是外聘的", 2, id="two are hired from outside"),
        pytest.param("其中一个人还没拿到证", 1, id="one has not got the certificate yet"),
        pytest.param("两个都是专职", None, id="both full-time takes none away"),
        pytest.param(
            "我们有一个兼职会计", None, id="a part-time accountant besides is no correction"
        ),
    ],
)
def test_some_of_the_certified_staff_are_taken_away(text: str, fewer: int | None) -> None:
    from bot.assistant.slot_filling import fewer_certified

    assert fewer_certified(normalize_text(text)) == fewer


SET_N = [
    pytest.param(
        "注册地 坪山　纳税地 坪山　经营地 东莞\t人数 20\t做灯饰的\t能托管吗",
        {"registered_in_pingshan": "yes", "operating_in_pingshan": "no", "headcount": "20"},
        id="label value pairs on one line are read field by field",
    ),
    pytest.param(
        "经营地：惠州", {"operating_in_pingshan": "no"}, id="a place after a label's colon"
    ),
    pytest.param(
        "我们公司注测地在坪山，纳说也在坪山，经营地坪三，做包装的小微企业",
        {"in_pingshan": "yes"},
        id="a street name typed as it sounds after 经营地",
    ),
    pytest.param(
        "我们是做无人机零部件研发的科技形中小企业，去年已入酷",
        {"qualifying_condition": "tech_sme"},
        id="无 inside 无人机 negates nothing",
    ),
    pytest.param(
        "做非标自动化的，去年有劳动仲裁",
        {"qualifying_condition": "labour_case", "business_line": "非标自动化"},
        id="非 inside 非标 negates nothing",
    ),
    pytest.param(
        "前年有过一宗劳动仲裁，没入库科技型中小企业，也不是重点企业",
        {"qualifying_condition": "none"},
        id="a case only in an earlier year is none in 上一年度",
    ),
    pytest.param(
        "我翻了下记录，仲裁不是前年，是去年10月份的",
        {"qualifying_condition": "labour_case", "first_signing_date": None},
        id="a case's year corrected to last year is last year's case and no signing",
    ),
    pytest.param(
        "托管企业搬离坪山以后，机构的补贴怎么处理？",
        {"exit_event": "relocated"},
        id="搬离 moves out",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "更正一下，要求换机构的只有1家，另外4家是咨询过但没换",
            {"change_requests": "1", "clients_served": None},
            id="the rest of a group counted is no count of its own",
        ),
        pytest.param(
            "我们机构2022年托管了30家企业，托管企业都没发生案件",
            {"clients_served": "30", "clients_with_cases": "0"},
            id="托管企业都没发生案件 is no client with a case",
        ),
    ],
)
def test_set_n_agency_counts(text: str, expected: dict[str, str | None]) -> None:
    slots = dated_slots(text, "ask_agency_exit")
    assert {k: slots.get(k) for k in expected} == expected, slots


@pytest.mark.parametrize(
    ("text", "classified"),
    [
        pytest.param("嗯 那补贴呢", "那补贴呢", id="a question after 嗯 is read without it"),
        pytest.param("好的，那第三年呢", "那第三年呢", id="a question after 好的"),
        pytest.param("OK 那备案呢", "那备案呢", id="a question after OK"),
        pytest.param("好的谢谢", "好的谢谢", id="thanks after 好的 stays as it is"),
        pytest.param("明白了吗", "明白了吗", id="明白了吗 is no acknowledgement"),
        pytest.param("行不行", "行不行", id="行不行 is no acknowledgement"),
    ],
)
def test_an_acknowledgement_before_a_question_is_not_classified(text: str, classified: str) -> None:
    from bot.language.normalize import classification_text

    assert classification_text(normalize_text(text)) == classified


SET_O = [
    pytest.param(
        "重点企业？不清楚，没听说过。你先按现在的情况给个结论。",
        {"qualifying_condition": None},
        id="a condition said back with a question mark and 不清楚 is no fact",
    ),
    pytest.param(
        "去年0投诉0仲裁🙅 不是科技型🙅 也不是重点企业🙅",
        {"qualifying_condition": "none"},
        id="0仲裁 is none of that kind",
    ),
    pytest.param(
        "我们是开打印店的🖨️，注册纳税经营都在坪山",
        {"firm_type": "other", "business_line": "打印"},
        id="a shop of a trade is that trade",
    ),
    pytest.param(
        "我们开了家烧腊档口，10个人",
        {"firm_type": "other", "business_line": "烧腊档口"},
        id="a shop of a trade outside the list is a trade",
    ),
    pytest.param(
        "我哋係坪山一間餐廳，員工25個",
        {"firm_type": "other", "business_line": "餐厅", "headcount": "25"},
        id="一間餐廳 in Cantonese is a restaurant's trade",
    ),
    pytest.param(
        "我哋係託管企業，由坑梓搬去龍田，都係坪山區入面，生產冇停，會唔會退出託管？",
        {"exit_event": "moved_within", "years_served": "under:3"},
        id="係 as the copula says the firm is under custody",
    ),
    pytest.param(
        "不对不对，我刚翻了文件，那次仲裁是2022年3月的，就是去年。那现在呢？",
        {"qualifying_condition": "labour_case", "first_signing_date": None},
        id="那次仲裁是2022年3月的 dates a case and is no signing",
    ),
    pytest.param(
        "啊不是注销，是我理解错了。是把注册地址从坪山街道迁到坑梓街道，公司正常经营，不停业。",
        {"exit_event": "stayed", "operating_normally": "yes"},
        id="a registration moved within 坪山 keeps the firm in 坪山",
    ),
    pytest.param(
        "注册地址迁到龙岗了", {"exit_event": None}, id="a registration moved out is no move"
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("是重点企业吗？", [], id="a condition asked about is no fact"),
        pytest.param("重点企业？我们不是", ["no_key_enterprise"], id="asked then denied"),
        pytest.param("去年有仲裁吗？有", ["labour_case"], id="asked then affirmed"),
    ],
)
def test_a_condition_asked_is_read_by_its_answer(text: str, expected: list[str]) -> None:
    from bot.language.facts import qualifying_conditions

    assert [f.value for f in qualifying_conditions(normalize_text(text))] == expected


def test_an_agencys_table_of_counts_is_read_row_by_row() -> None:
    text = (
        "机构去年数据：\n托管企业数\t40\n有案件企业数\t5\n要求更换机构数\t5\n"
        "机构案件总量\t5\n案件发生率\t0.6%\n违法违规\t无\n会触发退出吗？"
    )
    slots = dated_slots(text, "ask_agency_exit")
    assert {k: slots.get(k) for k in ("clients_served", "change_requests", "own_case_count")} == {
        "clients_served": "40",
        "change_requests": "5",
        "own_case_count": "5",
    }


@pytest.mark.parametrize(
    ("text", "verdict_only"),
    [
        pytest.param("那就是不行？", True, id="the verdict said back to be confirmed"),
        pytest.param("意思是可以托管咯？", True, id="意思是 with the verdict"),
        pytest.param("那就是说补贴多少？", False, id="a question of amount is no verdict"),
        pytest.param(
            "重点企业？不清楚，没听说过。你先按现在的情况给个结论。",
            True,
            id="the echo of the question asked is no question of its own",
        ),
    ],
)
def test_a_verdict_said_back_asks_only_for_the_verdict(text: str, verdict_only: bool) -> None:
    from bot.language.statements import asks_only_for_the_verdict

    assert asks_only_for_the_verdict(normalize_text(text)) is verdict_only


SET_P = [
    pytest.param(
        "等一下，刚问了会计，我们的税其实一直在龙岗总公司那边交的，坪山这边没有单独纳税。",
        {"tax_in_pingshan": "no"},
        id="tax paid at the head office elsewhere and none in 坪山",
    ),
    pytest.param(
        "不对不对，我打错了，我们是做食品加工的，只是以前用过劳务派遣工。",
        {"firm_type": "other"},
        id="a firm that used dispatched workers is no dispatch firm",
    ),
    pytest.param(
        "我们在坪山街道做五金加工，45个人",
        {"operating_in_pingshan": "yes", "headcount": "45"},
        id="the place where the trade is done is where the firm operates",
    ),
    pytest.param(
        "我们2022年8月开始托管，最近在龙田街道里面换了个更大的厂房，照常生产。",
        {"operating_normally": "yes", "operating_in_pingshan": "yes"},
        id="照常生产 is normal operation",
    ),
    pytest.param("去年没案子，没入库，不是重点企业", {"qualifying_condition": "none"}, id="没入库"),
    pytest.param(
        "那第二年（2023年6月起）的补贴上限是多少？",
        {"service_year": "2", "first_signing_date": None},
        id="the date of a service year in brackets is no signing",
    ),
    pytest.param(
        "按现在（2023年6月）各自所处的服务年度，补贴上限分别是多少？",
        {"first_signing_date": None},
        id="today's date in brackets is no signing",
    ),
    pytest.param(
        "老細拖咗我兩個月人工，點算好？",
        {"months_served": None},
        id="months of wages owed are no months served",
    ),
    pytest.param(
        "我们机构2021年7月1日和一家厂首次签约，2022年4月1日起我们因为第十一条的情形不再是托管服务机构了。",
        {"first_signing_date": "2021-07-01", "service_ended": "2022-04-01"},
        id="the day the agency stopped being one ends the service",
    ),
]


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        pytest.param(
            "第（二）项可能有问题：去年服务30家，有5家发生了劳动仲裁。其他三项都没有。",
            "ask_agency_exit",
            {"clients_with_cases": "5", "change_requests": "0", "own_case_count": "0"},
            id="其他三项都没有 denies the agency's other situations",
        ),
        pytest.param(
            "公司在市场监管局登记的，营业范围里有劳动关系咨询服务和法律咨询。",
            "ask_agency_conditions",
            {"business_scope": "yes"},
            id="营业范围 is the business scope",
        ),
        pytest.param(
            "全职做这块业务的员工有3个，都有劳动关系协调员证书。",
            "ask_agency_conditions",
            {"certified_staff": "3", "business_line": None},
            id="full-time staff a few words after 全职, all certified",
        ),
    ],
)
def test_set_p_agency_facts(text: str, intent: str, expected: dict[str, str | None]) -> None:
    slots = dated_slots(text, intent)
    assert {k: slots.get(k) for k in expected} == expected, slots


@pytest.mark.parametrize(
    ("text", "verdict_only"),
    [
        pytest.param("我能去告他们吗？", False, id="asking whether to sue is no verdict"),
        pytest.param("我们能托管吗？", True, id="asking whether custody is possible is"),
    ],
)
def test_a_question_of_doing_something_else_is_no_verdict(text: str, verdict_only: bool) -> None:
    from bot.language.statements import asks_only_for_the_verdict

    assert asks_only_for_the_verdict(normalize_text(text)) is verdict_only


SET_Q = [
    pytest.param(
        "我们是马峦街道的新能源汽车零部件企业，72个员工",
        {"firm_type": "other", "headcount": "72"},
        id="汽车零部件 is a trade",
    ),
    pytest.param(
        "不好意思说错了，做劳务派遣的是我们关联公司。我们这家是做五金冲压加工的，其他情况都一样",
        {"firm_type": "other"},
        id="dispatch done by an associated company is not this firm's",
    ),
    pytest.param(
        "不对不对，我们是搬到了坪山碧岭，没有出坪山，刚才说错了。公司没停业也没注销",
        {"exit_event": "moved_within", "operating_normally": "yes"},
        id="a correction marker does not let 没停业 replace the move",
    ),
    pytest.param(
        "明年4月满三年以后还算托管对象吗",
        {"years_served": "if:3"},
        id="满三年以后 asks of the time after three years",
    ),
]


def test_staff_said_to_be_full_time_after_their_count_are_counted() -> None:
    slots = dated_slots(
        "团队9个人，其中5个是专职做劳动关系的，都有劳动关系协调员证书", "ask_agency_conditions"
    )
    assert slots.get("certified_staff") == "5" and slots.get("business_line") is None, slots


SET_R = [
    pytest.param(
        "托管企业　搬到了　东莞\n还算 托管服务对象 吗",
        {"exit_event": "relocated", "operating_in_pingshan": "no"},
        id="a city right after 搬到了 is where it moved",
    ),
    pytest.param(
        "满三年以后还有补贴吗？",
        {"years_served": "if:3", "service_year": "4"},
        id="the subsidy after three years is the fourth year's",
    ),
    pytest.param(
        "1.注册地坪山 2.纳税地坪山 3.经营地坪山 4.从业人员90人 5.电子元器件组装 6.去年被劳动监察立案过",
        {"firm_type": "other", "in_pingshan": "yes", "headcount": "90"},
        id="a trade as an item of a numbered list",
    ),
    pytest.param("有办公室，设备齐全", {"business_line": None}, id="设备齐全 is no trade"),
]


def test_a_penalty_from_an_authority_is_an_agencys_violation() -> None:
    slots = dated_slots(
        "我们脱管机构去年因为虚假宣传被市场监管局处法了，算违法违归吗？会不会被取销托管服务机构资格",
        "ask_agency_exit",
    )
    assert slots.get("other_violation") == "yes", slots


@pytest.mark.parametrize(
    ("text", "swap"),
    [
        pytest.param(
            "更正一下，76分那个复核以后改成了80分。现在符合吗？",
            ("76", "80"),
            id="the figure pointed at then what it became",
        ),
    ],
)
def test_a_figure_pointed_at_and_changed_is_replaced(text: str, swap: tuple[str, str]) -> None:
    from bot.language.reactions import replaced_figure

    found = replaced_figure(normalize_text(text))
    assert found is not None and tuple(str(v) for v in found) == swap


def test_withholding_a_fact_and_asking_the_verdict_asks_only_for_the_verdict() -> None:
    from bot.language.statements import asks_only_for_the_verdict

    assert asks_only_for_the_verdict(normalize_text("公司具体做什么的先不说，你直接给结论"))


SET_S = [
    pytest.param(
        "我们是一家做智能锁的公司，在坪山石井，40人",
        {"operating_in_pingshan": "yes", "registered_in_pingshan": None},
        id="where the firm is said to be is where it operates, not where it is registered",
    ),
    pytest.param(
        "五金加工厂，龙田街道，员工85个",
        {"operating_in_pingshan": "yes", "headcount": "85"},
        id="a street after the firm's own clause",
    ),
    pytest.param(
        "我们是一家宠物用品电商，公司在坪山龙田，22个人",
        {"operating_in_pingshan": "yes", "firm_type": "other"},
        id="公司在坪山龙田 and a trade a few words after 一家",
    ),
    pytest.param(
        "专职人圆3个都有劳动关系协调圆证书，能力测式两个人一个92一个70",
        {"certified_staff": "3", "test_scores": "92,70"},
        id="人圆 and 协调圆 typed for 人员 and 协调员",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "刚翻了营业执照，经营范围只有物业管理和保洁服务，没有人力资源、劳动关系或法律服务。",
            {"business_scope": "no"},
            id="a scope of other services, then none of the three, is no scope",
        ),
        pytest.param(
            "帮我判断一下机构会不会退出：\n服务企业数：40\n出过劳动仲裁/监察/信访的企业：9\n"
            "要求换机构的：1\n我们自己的案件：0\n违法违规：无",
            {"clients_served": "40", "clients_with_cases": "9", "own_case_count": "0"},
            id="labels naming several kinds of case and 我们自己的案件",
        ),
    ],
)
def test_set_s_agency_facts(text: str, expected: dict[str, str | None]) -> None:
    slots = dated_slots(text, "ask_agency_exit")
    assert {k: slots.get(k) for k in expected} == expected, slots


def test_dont_ask_me_so_much_asks_only_for_the_verdict() -> None:
    from bot.language.statements import asks_only_for_the_verdict

    text = "👀我们有40人，去年有劳动仲裁，别问那么多，直接告诉我能不能申请托管"
    assert asks_only_for_the_verdict(normalize_text(text))


@pytest.mark.parametrize(
    ("text", "now"),
    [
        pytest.param("别问那么多，直接告诉我能不能申请托管", True, id="别问 and 直接告诉我"),
        pytest.param("先给个结论", True, id="先给个结论"),
        pytest.param(
            "稅喺邊度交我唔清楚，你直接話我得唔得？", True, id="直接話 in Cantonese says the same"
        ),
        pytest.param(
            "🤔 100人的企业算不算100人以下？",
            True,
            id="whether a figure meets a threshold is that condition's verdict",
        ),
        pytest.param("平均80分够不够80分以上", True, id="whether a score meets its threshold"),
        pytest.param(
            "我们2021年有过劳动仲裁，2022年没有，这个算不算第九条第一项“上一年度发生劳动仲裁案件”？",
            True,
            id="whether the facts meet a named item of an article",
        ),
        pytest.param(
            "我们公司45人，能托管吗", False, id="a plain question waits for the questions"
        ),
    ],
)
def test_a_verdict_wanted_before_any_question_is_told_from_a_plain_one(
    text: str, now: bool
) -> None:
    from bot.assistant.slot_filling import wants_the_verdict_now

    assert wants_the_verdict_now(normalize_text(text)) is now


SET_T = [
    pytest.param(
        "前年有仲裁去年没有😂 我们不是科技型也不是重点企业，做快递网点的，在坪山注册纳税经营，25人",
        {"qualifying_condition": "none", "firm_type": "other"},
        id="the year before a case is its year, not the one denied after it",
    ),
    pytest.param(
        "正常。去年有仲裁。能办吗",
        {"operating_normally": "yes", "qualifying_condition": "labour_case"},
        id="正常 opening a message is a clause of its own",
    ),
    pytest.param(
        "我们在托管期内，公司般去龙岗了，还算托管服务对相吗",
        {"exit_event": "relocated", "years_served": "under:3"},
        id="般去 typed for 搬去",
    ),
]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        pytest.param(
            "兼职那个上个月已经转专职，也有劳动争议调解员证。",
            -1,
            id="a part-timer turned full-time with a certificate is one more",
        ),
        pytest.param("兼职的转专职了", None, id="turned full-time without a certificate adds none"),
    ],
)
def test_a_part_timer_turned_full_time_adds_a_certified_one(text: str, change: int | None) -> None:
    from bot.assistant.slot_filling import fewer_certified

    assert fewer_certified(normalize_text(text)) == change


SET_U = [
    pytest.param("惠州", {"in_pingshan": "no"}, id="a city as the whole reply is a place"),
    pytest.param(
        "A 都在坪山\nB 60人\nC 正常\nD 去年有劳动信访",
        {"operating_normally": "yes", "headcount": "60"},
        id="正常 as a lettered item",
    ),
    pytest.param(
        "我们厂在平山，注册纳税经营都在平山，六十个人，去年有劳动眼察来查过，生产正长，做塑胶的",
        {"qualifying_condition": "labour_case", "in_pingshan": "yes"},
        id="眼察 typed for 监察",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), SET_N + SET_O + SET_P + SET_Q + SET_R + SET_S + SET_T + SET_U
)
def test_the_kinds_found_by_sets_n_to_u_fill_their_slots(
    text: str, expected: dict[str, str | None]
) -> None:
    # the agency's facts are read as the agency's question reads them
    slots = dated_slots(text, "ask_agency_conditions" if "专职" in text else "inform")
    assert {k: slots.get(k) for k in expected} == expected, slots


# the kinds sets T and U left open, fixed after them (read in the context of the check named)
AFTER_SET_U = [
    pytest.param(
        "2022年我们机构自身一件劳动信访、劳动监察、劳动仲裁案件都没有。",
        "ask_agency_exit",
        {"own_case_count": "0"},
        id="not one case of a long list of kinds is none",
    ),
    pytest.param("22年首次签的", "inform", {"first_signing_date": "2022"}, id="a two-figure year"),
    pytest.param(
        "我们21年开始托管的",
        "ask_enterprise_exit",
        {"service_started": "2021"},
        id="a two-figure year the service started",
    ),
    pytest.param(
        "协议签了20年", "inform", {"first_signing_date": None}, id="twenty years is no year"
    ),
    pytest.param(
        "我们是做HR service的公司",
        "inform",
        {"firm_type": "hr_service"},
        id="an HR service firm in code-mixed words",
    ),
    pytest.param(
        "我们是做人事代理的",
        "inform",
        {"firm_type": "hr_service"},
        id="personnel agency work is an HR service",
    ),
    pytest.param(
        "我们公司在福田，工商注册，做劳动法律咨询和人力资源服务，想接坪山的托管业务。",
        "ask_agency_conditions",
        {"business_scope": "yes", "organisation_type": "enterprise_or_institution"},
        id="an agency doing labour-law advice and HR services has that business scope",
    ),
]


SET_V = [
    pytest.param(
        "我们生产很正常，2022年已经入库科技型中小企业",
        "inform",
        {"operating_normally": "yes", "qualifying_condition": "tech_sme"},
        id="生产很正常 is operating normally",
    ),
    pytest.param(
        "我们是物业管理公司，经营范围只有物业管理和保洁服务，在坪山有办公室",
        "ask_agency_conditions",
        {"business_scope": "no"},
        id="a scope listed that names none of the services is no such scope",
    ),
    pytest.param(
        "营业执照有人力资源服务",
        "ask_agency_conditions",
        {"business_scope": "yes"},
        id="what the business licence lists is the business scope",
    ),
    pytest.param(
        "专职2人，只有1人有劳动关系协调员证，另一个还在考",
        "ask_agency_conditions",
        {"certified_staff": "1"},
        id="one certified and the other still sitting the exam is one",
    ),
    pytest.param(
        "我们公司在评山注册，纳锐也在评山，经营地也在，员工45人",
        "inform",
        {"in_pingshan": "yes", "operating_in_pingshan": "yes"},
        id="a role said to be there too is at the place named before it",
    ),
    pytest.param(
        "注册在龙岗，纳税也在",
        "inform",
        {"tax_in_pingshan": "no"},
        id="a role there too outside Pingshan is outside too",
    ),
    pytest.param(
        "我们机构去年服务40家，有2家要求换机构，4家各出过1件劳动案件，我们自己0件，没违规",
        "ask_agency_exit",
        {"clients_served": "40", "clients_with_cases": "4", "own_case_count": "0"},
        id="clients that each had a case are clients with cases",
    ),
    pytest.param(
        "今年11月就进入第三年了，第三年的补贴上限是不是要按最新的2022年平均工资算？",
        "inform",
        {"service_year": "3", "first_signing_date": None},
        id="the month a service year begins is no signing",
    ),
    # left open by set T and O
    pytest.param(
        "我们公司请的托管机构被退出了，我们跟它的合同怎么办？能换一家吗？",
        "inform",
        {"organisation_type": None},
        id="the agency an enterprise hired does not make it an agency",
    ),
    pytest.param(
        "更正一下，是60家，要求换的是5家；另外我们机构自己去年没有劳动案件，"
        "客户里发生过案件的只有4家、一共4件，也没有违法违规。",
        "ask_agency_exit",
        {"own_case_count": "0", "clients_with_cases": "4", "clients_served": "60"},
        id="the cases of the clients with cases are not the agency's own",
    ),
    pytest.param(
        "托管服对象问下 注册在坪 税也在坪山交 经营在坑梓 员工50",
        "inform",
        {"registered_in_pingshan": "yes", "in_pingshan": "yes"},
        id="坪 cut short at the end of its clause is 坪山",
    ),
    pytest.param(
        "去年有仲，今年没有",
        "inform",
        {"qualifying_condition": "labour_case"},
        id="仲 cut short at the end of its clause is 仲裁",
    ),
    # found by set W
    pytest.param("運作正常", "inform", {"operating_normally": "yes"}, id="运作正常 is operating"),
    pytest.param("没停，正常开着", "inform", {"operating_normally": "yes"}, id="open for business"),
    pytest.param(
        "我们是科技型中下企业，22年入的库",
        "inform",
        {"qualifying_condition": "tech_sme"},
        id="中下 typed for 中小",
    ),
    pytest.param(
        "我们是做托管的机构，想问三件事：A 备案期限 B 补贴申请材料 C 机构被退出的情形",
        "ask_agency_exit",
        {"own_case_count": None},
        id="three matters asked are no three cases",
    ),
    # found by set X
    pytest.param(
        "公司坪山注册，税坪山交，厂坪山，人38，做家具，生产正常",
        "inform",
        {"headcount": "38"},
        id="人 as a clause's label before the figure is the headcount",
    ),
    pytest.param(
        "我们公司想接受托管服务，我们是劳务派遣公司",
        "inform",
        {"firm_type": "labour_dispatch", "organisation_type": None},
        id="receiving custody is an enterprise's wish, not an agency's",
    ),
    # found by set Y
    pytest.param(
        "我们机构去年一共托管了50家企业，去年总共发生劳动案件6件，涉及的企业有5家，案件发生率0.4%",
        "ask_agency_exit",
        {"clients_served": "50", "clients_with_cases": "5"},
        id="the firms the cases fell in are the clients with cases",
    ),
    pytest.param(
        "更正一下：专职服务人员是两个，两个人都有证，一个是人力资源管理师，一个是劳动关系协调员",
        "ask_agency_conditions",
        {"certified_staff": "2"},
        id="two full-time staff who both hold a certificate are two certified",
    ),
    pytest.param(
        "工厂正常运转", "inform", {"operating_normally": "yes"}, id="正常运转 is operating"
    ),
    # found by set Z
    pytest.param(
        "前年有个员工去仲裁了，其他没有。也不是科技型或者什么重点企业。能托管吗？",
        "inform",
        {"qualifying_condition": "none"},
        id="不是 covers each item of a list joined by 或者",
    ),
    pytest.param(
        "不对不对，说错了，劳务派遣是我们以前合作的供应商。我们自己是做仓储物流的",
        "inform",
        {"firm_type": "other"},
        id="a dispatch firm that was a supplier is not this firm",
    ),
    pytest.param(
        "没有案件，也不是科技型",
        "inform",
        {"qualifying_denied": "labour_case,tech_sme"},
        id="no case and not a tech firm deny two of the three conditions",
    ),
    pytest.param(
        "3. 托管企业和我们机构自己去年都没有信访、监察、仲裁案件",
        "ask_agency_exit",
        {"own_case_count": "0", "clients_with_cases": "0"},
        id="no case on either side is none of its own and none among the clients",
    ),
    pytest.param(
        "我们给一家模具厂做托管，2021年4月首次签约的。",
        "inform",
        {"firm_type": None, "first_signing_date": "2021-04"},
        id="the trade of a client an agency serves is not the speaker's",
    ),
    pytest.param(
        "帮我看下我们能不能做托管对象：坑梓的一家汽修店，注册、纳税、经营都在坪山",
        "inform",
        {"firm_type": "other"},
        id="asked to help check, the firm's own trade stays its own",
    ),
    pytest.param(
        "我哋間廠去年開始做託管，上個月由坪山搬咗去中山，仲算唔算託管服務對象？",
        "ask_enterprise_exit",
        {"exit_event": "relocated"},
        id="moved to 中山, a name that is also a common word, is moved out",
    ),
    pytest.param(
        "员工1️⃣1️⃣0️⃣人😅 其他条件都满足，还能托管吗",
        "inform",
        {"headcount": "110"},
        id="keycap digits are digits",
    ),
    pytest.param("生惨正常", "inform", {"operating_normally": "yes"}, id="惨 typed for 产"),
    # found by set AA
    pytest.param(
        "科技型中小企业没入过库，也不是区里说的产业导向重点企业。这种情况能申请托管吗？",
        "inform",
        {"qualifying_denied": "tech_sme,key_enterprise", "qualifying_condition": None},
        id="never entered the library, and not a key enterprise a few words on",
    ),
    pytest.param(
        "注册地址和纳税都在坪山，不过办公室和研发团队都在南山科技园，坪山那边没人办公。",
        "inform",
        {"operating_in_pingshan": "no", "registered_in_pingshan": "yes"},
        id="nobody working in Pingshan is no operating place there",
    ),
    pytest.param("2023签的", "inform", {"first_signing_date": "2023"}, id="a year without 年"),
    pytest.param(
        "我在龙田开了一家湘菜馆，想问一下托管的事。",
        "inform",
        {"operating_in_pingshan": "yes"},
        id="a shop opened at a place is where the firm operates",
    ),
    pytest.param(
        "托管的25家企业里出过案件的：2家",
        "inform",
        {"clients_served": "25", "clients_with_cases": "2"},
        id="the firms a figure is taken among are the clients served",
    ),
    pytest.param(
        "8件分布在7家企业里",
        "inform",
        {"clients_served": None, "clients_with_cases": "7"},
        id="the firms cases fell in are no clients served",
    ),
    pytest.param(
        "出过案子的企业也没有，要求换机构的也没有",
        "inform",
        {"clients_with_cases": "0", "change_requests": "0"},
        id="a reply naming each figure asked and none of it",
    ),
    pytest.param(
        "有案件的企业没有要求换机构",
        "inform",
        {"clients_with_cases": None, "change_requests": "0"},
        id="firms with cases asking no change is no count of firms with cases",
    ),
    pytest.param(
        "违法违规也没有", "inform", {"other_violation": "no"}, id="no violation said in a reply"
    ),
    pytest.param(
        "客户里没有出过案件的", "inform", {"clients_with_cases": "0"}, id="none among the clients"
    ),
    # found by set AB
    pytest.param(
        "1 是，都在坪山",
        "inform",
        {"registered_in_pingshan": "yes", "tax_in_pingshan": "yes", "operating_in_pingshan": "yes"},
        id="all in Pingshan as a clause of its own is all three places",
    ),
    pytest.param(
        "员工都在坪山", "inform", {"in_pingshan": None}, id="the staff being there is not"
    ),
    pytest.param(
        "科技型不是，重点企业也不是",
        "inform",
        {"qualifying_denied": "tech_sme,key_enterprise"},
        id="科技型 denied after it",
    ),
    pytest.param(
        "去年仲裁没有，科技型也没有",
        "inform",
        {"qualifying_denied": "labour_case,tech_sme"},
        id="each kind denied by 没有 after it",
    ),
    pytest.param("生意还行", "inform", {"operating_normally": "yes"}, id="trading as usual"),
    pytest.param("生意不行了", "inform", {"operating_normally": None}, id="trading badly is not"),
    pytest.param(
        "今年3月有个员工投诉到劳动监察那里去了，前年和去年都没有过这种事",
        "inform",
        {"qualifying_denied": "labour_case", "qualifying_condition": None},
        id="none of the kind of case just told of last year",
    ),
    pytest.param(
        "我们主要做招聘和人力资源外包服务的",
        "inform",
        {"firm_type": "hr_service"},
        id="recruiting and HR outsourcing sold to others",
    ),
    pytest.param(
        "我们想把招聘和人事外包出去", "inform", {"firm_type": None}, id="outsourcing one's own HR"
    ),
    pytest.param(
        "托管服务除了规定那十项，能不能让机构帮我们做点别的，比如员工关怀活动？",
        "inform",
        {"business_line": None},
        id="something else asked of the agency is no trade",
    ),
    pytest.param("我们做点心的", "inform", {"business_line": "点心"}, id="点心 is a trade"),
    pytest.param(
        "托管服务机构去年托管了20家，有六家发生了劳动仲载，会被退出吗",
        "inform",
        {"clients_served": "20", "clients_with_cases": "6"},
        id="仲载 typed for 仲裁",
    ),
    pytest.param(
        "托管企业数\t20\n去年有劳动案件的企业\t2\n要求换机构的企业\t1",
        "inform",
        {"clients_served": "20", "clients_with_cases": "2", "change_requests": "1"},
        id="a pasted table with a long label",
    ),
    pytest.param(
        "我们托管的企业 整体搬到了 惠州惠阳 ，还算不算托管服务对象？",
        "ask_enterprise_exit",
        {"exit_event": "relocated"},
        id="a space after 搬到了 is no clause break",
    ),
    pytest.param(
        "但是 服务人员 全是 兼职 的 ，  有 2 个 人 有 调解员证",
        "inform",
        {"certified_staff": "0"},
        id="all staff part-time is none certified full-time, whatever their certificates",
    ),
    pytest.param(
        "企业是2021年11月首次签约的，现在第几年了？这一年和下一年的补贴上限各是多少？",
        "ask_subsidy_amount",
        {"service_year": "all", "first_signing_date": "2021-11"},
        id="this year and the next are several years",
    ),
    # found by set AC
    pytest.param(
        "服务30家企业，我们机构和这30家企业都没有任何劳动信访、监察、仲裁案件，只有1家要求换机构",
        "inform",
        {"clients_served": "30", "clients_with_cases": "0", "change_requests": "1"},
        id="the agency and the thirty firms it serves had no case",
    ),
    pytest.param(
        "3. 没有停业注销",
        "inform",
        {"exit_event": None, "operating_normally": "yes"},
        id="a negation before two exit events covers both",
    ),
    pytest.param(
        "没停业，但是注销了",
        "inform",
        {"exit_event": "deregistered"},
        id="a negation of the first does not cover one said against it",
    ),
    pytest.param(
        "我们企业在托管期间要搬签出坪山，去惠阳，还算托管对象吗",
        "ask_enterprise_exit",
        {"exit_event": "relocated", "operating_in_pingshan": "no"},
        id="搬迁出坪山 is out of Pingshan, typed 搬签",
    ),
    pytest.param(
        "搬迁到坪山龙田", "inform", {"exit_event": "moved_within"}, id="搬迁到 a street is within"
    ),
    pytest.param(
        "我们有俩个专职，都有劳动关系协调员正书",
        "inform",
        {"certified_staff": "2"},
        id="俩个 is two and 正书 is 证书",
    ),
    pytest.param(
        "我们2022年4月开始接受托管，托管机构是坪山本地一家人力资源公司",
        "inform",
        {"firm_type": None},
        id="the HR firm named as the agency is not the enterprise",
    ),
    pytest.param(
        "我们厂坪山注册 坪山纳 坪山经营 做电子 能托管?",
        "inform",
        {"registered_in_pingshan": "yes", "tax_in_pingshan": "yes", "operating_in_pingshan": "yes"},
        id="纳 cut short for 纳税 after 坪山",
    ),
    # found by set AD
    pytest.param("人不多，42个。", "inform", {"headcount": "42"}, id="人不多 then the figure"),
    pytest.param(
        "啊我表达错了，是我们的用工供应商是劳务派遣公司。我们自己是做电子元器件组装的，70人",
        "inform",
        {"firm_type": "other", "headcount": "70"},
        id="the supplier being a dispatch firm is not the enterprise's type",
    ),
    pytest.param(
        "我们机构去年因为没给自己员工足额缴社保，被行政处罚了，会影响我们托管服务机构的资格吗？",
        "ask_agency_exit",
        {"other_violation": "yes"},
        id="an agency penalised, named a clause before",
    ),
    pytest.param(
        "我们公司注册坪山 纳税坪山 经营坪山 员40人 做食品 去年劳监察立案 生产正 能托吗",
        "inform",
        {"operating_normally": "yes", "headcount": "40"},
        id="正 cut short for 正常 after 生产",
    ),
    pytest.param(
        "我们企业2022年签的托管，上个月半家出坪山去东关了，还算托管对象吗",
        "ask_enterprise_exit",
        {"exit_event": "relocated", "operating_in_pingshan": "no"},
        id="半家 for 搬家 and 东关 for 东莞",
    ),
    pytest.param("我们搬家了", "inform", {"exit_event": "moved"}, id="搬家 is a move"),
    pytest.param(
        "补贴从2022年4月1日起停发。按月折算第一年最多多少",
        "ask_subsidy_amount",
        {"service_ended": "2022-04-01"},
        id="the day the subsidy stopped ends the service",
    ),
    pytest.param(
        "我们是做奶茶店的🧋，3家店都在坪山😊注册纳税也在坪山",
        "inform",
        {"operating_in_pingshan": "yes", "registered_in_pingshan": "yes"},
        id="an emoji between two clauses ends the first",
    ),
    # found by set AE
    pytest.param(
        "不好意思，派遣公司是我朋友的，我自己的是食品加工厂，其他情况都一样。",
        "inform",
        {"firm_type": "other"},
        id="the dispatch firm is a friend's",
    ),
    pytest.param(
        "刚问了财务，我们其实是在龙岗那边的总公司汇总纳税的，坪山这边不交税。",
        "inform",
        {"tax_in_pingshan": "no"},
        id="no tax paid at the place named",
    ),
    pytest.param(
        "哦我搞错了，要求更换的是2家，7家是今年新签约的。",
        "inform",
        {"change_requests": "2", "clients_served": None},
        id="the firms signed this year are no clients of the year asked",
    ),
    pytest.param(
        "不好意思说错了，注册地也已经迁到坪山了，去年就迁过来了。",
        "inform",
        {"registered_in_pingshan": "yes"},
        id="the registration moved to the place is registered there",
    ),
    pytest.param(
        "我们公私在坪山住册，纳水也在坪山，经营地在坑子，员工45人，去年有劳动冲裁",
        "inform",
        {"qualifying_condition": "labour_case", "tax_in_pingshan": "yes"},
        id="冲裁 typed for 仲裁",
    ),
    pytest.param(
        "托管\t第二年\n公司\t正常经营\n没有\t搬迁、停业、注销\n还算托管对象吗",
        "ask_enterprise_exit",
        {"exit_event": "stayed", "operating_normally": "yes"},
        id="a negation heading a table row covers the events listed",
    ),
    pytest.param(
        "我们签的托管机构今年被取消托管服务机构资格了，我们能解约吗？",
        "ask_service_transition",
        {"first_signing_date": None},
        id="the year the agency lost its standing is no signing",
    ),
    pytest.param(
        "2021年4月1日首次签约的企业，现在是第三年，如果它7月1日搬去东莞，第三年补贴最多能拿多少？",
        "ask_subsidy_amount",
        {"service_ended": "2023-07-01", "service_year": "3"},
        id="a day supposed ahead is this year's",
    ),
    pytest.param(
        "7月1日注销了", "inform", {"service_ended": "2022-07-01"}, id="a day past is last year's"
    ),
    # found by set AG
    pytest.param("面包店，12个店员", "inform", {"headcount": "12"}, id="shop assistants are staff"),
    pytest.param(
        "我们生物医药公司90人，注册纳税研发都在坪山",
        "inform",
        {"operating_in_pingshan": "yes"},
        id="where it does research is where it works",
    ),
    pytest.param(
        "我们是民政登记的法律服务类社会组织，有专门场所和办公条件",
        "ask_agency_conditions",
        {"business_scope": "yes"},
        id="a legal-services social organisation names its services",
    ),
    pytest.param(
        "我们服务机构去年自己的劳动信访监察仲裁案见一共十二建，会不会被退处",
        "ask_agency_exit",
        {"own_case_count": "12"},
        id="案见 and 建 typed for 案件 and 件",
    ),
    pytest.param(
        "停了，没开工", "inform", {"operating_normally": "no"}, id="not working is stopped"
    ),
    # found by sets AH and AI
    pytest.param(
        "我们在平山区坑子街道，注塑厂，55人，注册纳税都在这边",
        "inform",
        {"in_pingshan": "yes", "headcount": "55"},
        id="the place the firm is at keeps its role when 这边 gives it the others",
    ),
    pytest.param(
        "我们厂一白二十个人，在坪山注册纳税经营",
        "inform",
        {"headcount": "120"},
        id="百 typed as 白 in a headcount",
    ),
    pytest.param(
        "做箱包的，从业人员\u3000１０５\u3000人，能托管吗",
        "ask_enterprise_eligibility",
        {"headcount": "105"},
        id="full-width digits between full-width spaces are a headcount",
    ),
    pytest.param(
        "員工啱啱好101個，可唔可以託管？",
        "ask_enterprise_eligibility",
        {"headcount": "101"},
        id="Cantonese 啱啱好 before a headcount",
    ),
    pytest.param(
        "我哋係坪山嘅茶餐廳，三十幾個伙記",
        "inform",
        {"firm_type": "other", "business_line": "茶餐厅"},
        id="a firm said to be a place's tea restaurant names its trade",
    ),
    pytest.param(
        "women shi pingshan de canyin dian, 35 ren",
        "inform",
        {"firm_type": "other", "business_line": "餐饮", "headcount": "35"},
        id="a restaurant typed in pinyin is a shop",
    ),
    pytest.param(
        "店是在坪山注册的，税也在坪山报，现在生意照常。",
        "inform",
        {"operating_normally": "yes"},
        id="trading as usual is operating normally",
    ),
    pytest.param(
        "去年有个店员说我拖欠加班费，投诉到劳动监察那边，后来处理完了。",
        "inform",
        {"qualifying_condition": "labour_case"},
        id="a complaint taken to labour inspection last year is a case",
    ),
    pytest.param(
        "员工说要投诉到劳动监察",
        "inform",
        {"qualifying_condition": None},
        id="a complaint threatened is no case",
    ),
    pytest.param(
        "范围有人力资源服务",
        "ask_agency_conditions",
        {"business_scope": "yes"},
        id="the scope named short is the business scope",
    ),
    pytest.param(
        "有办公室，设备齐",
        "ask_agency_conditions",
        {"premises_and_staff": "yes", "business_line": None},
        id="equipment said to be complete is no trade",
    ),
    pytest.param(
        "机构自查（2022年）：\n客户数\t40\n有案件企业数\t6\n要求更换机构\t2\n机构自身案件\t0",
        "ask_agency_exit",
        {"clients_served": "40", "clients_with_cases": "6", "change_requests": "2"},
        id="an agency's table counts its clients by 客户数",
    ),
    pytest.param(
        "1. 2023年1月首次签约 2. 9月底注销 3. 按月折算，想知道第一年补贴最多多少",
        "ask_subsidy_amount",
        {"first_signing_date": "2023-01", "service_ended": "2023-09-30"},
        id="a month's end with no year ends the service after its signing",
    ),
    pytest.param(
        "2月底搬走了", "inform", {"service_ended": "2023-02-28"}, id="a month's end is its last day"
    ),
    pytest.param(
        "行业\t玩具\n人数\t40\n状态\t已停业半年\n能否作为托管服务对象",
        "ask_enterprise_eligibility",
        {"operating_normally": "no", "months_served": None},
        id="how long a firm has stood still is no months of service",
    ),
    pytest.param(
        "我们机构2022年2月首次签了一家企业，服务满6个月时我们机构因为年度案件超10件被退出了。",
        "inform",
        {"first_signing_date": "2022-02", "months_served": "6", "own_case_count": "10"},
        id="a first signing said as such is one in an agency's account too",
    ),
    # found by sets AJ and AK
    pytest.param(
        "注册 纳税 经营 都 在 坪山 ，做 纸箱 的 ，员 工 1 2 0 人 ，能 托管 吗",
        "ask_enterprise_eligibility",
        {"headcount": "120"},
        id="digits typed one by one are a figure, not list numbers",
    ),
    pytest.param(
        "1是（都在坪山） 2是（正常生产） 3 九十五人 4 去年入库了科技型中小企业",
        "inform",
        {"in_pingshan": "yes", "headcount": "95", "operating_normally": "yes"},
        id="an answer in brackets after its number is all three places",
    ),
    pytest.param(
        "没有纠纷，也不是科技企业，不是重点企业",
        "inform",
        {"qualifying_condition": "none"},
        id="no dispute and not a tech firm nor a key one is none of the three",
    ),
    pytest.param(
        "做服装加工的，在龙田街道",
        "inform",
        {"operating_in_pingshan": "yes", "business_line": "服装"},
        id="the trade, then where, is where it operates",
    ),
    pytest.param(
        "有专门的服务大厅和办公设备",
        "ask_agency_conditions",
        {"premises_and_staff": "yes"},
        id="a service hall is premises",
    ),
    pytest.param(
        "测试两人平均85", "ask_agency_conditions", {"test_scores": "85"}, id="two took it, average"
    ),
    pytest.param(
        "我们公司托管的服务机构听说被取消资格了，我们能解约吗？",
        "inform",
        {"organisation_type": None},
        id="the agency that serves the firm is no would-be agency",
    ),
    pytest.param("惠州惠阳", "inform", {"in_pingshan": "no"}, id="a city and its district"),
    pytest.param(
        "第二年服务满9个月的时候（今年5月），我们机构被退出了。这家第二年补贴上限折算多少？",
        "ask_subsidy_amount",
        {"months_served": "9", "first_signing_date": None},
        id="when a point of the service was reached is no signing",
    ),
]


@pytest.mark.parametrize(("text", "intent", "expected"), AFTER_SET_U + SET_V)
def test_the_kinds_left_by_sets_t_and_u_fill_their_slots(
    text: str, intent: str, expected: dict[str, str | None]
) -> None:
    slots = dated_slots(text, intent)
    assert {k: slots.get(k) for k in expected} == expected, slots
