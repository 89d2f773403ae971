"""The fact extractor reads the facts people type, in their own words."""

from __future__ import annotations

from datetime import date

import pytest

from bot.language.facts import extract_facts
from bot.language.normalize import normalize_text


def facts(text: str) -> set[tuple[str, str, str | None]]:
    return {(f.entity, f.value, f.role) for f in extract_facts(normalize_text(text))}


CASES = [
    pytest.param("现在45名员工", {("headcount", "45", None)}, id="45名员工是人数45"),
    pytest.param("我们厂八十多人", {("headcount", "81-89", None)}, id="八十多人是81到89人"),
    pytest.param("一百来号人", {("headcount", "100~", None)}, id="一百来号人是约100人需要确认"),
    pytest.param("公司有150人", {("headcount", "150", None)}, id="150人是人数150"),
    pytest.param("员工一百人左右", {("headcount", "100~", None)}, id="一百人左右是约100人需要确认"),
    pytest.param("員工１２０人", {("headcount", "120", None)}, id="繁体和全角数字也能读出人数"),
    pytest.param(
        "我们是劳务派遣公司", {("firm_type", "labour_dispatch", None)}, id="劳务派遣公司是排除类型"
    ),
    pytest.param("不是劳务派遣", {("firm_type", "other", None)}, id="不是劳务派遣是其他类型"),
    pytest.param(
        "我们是人力资源服务机构",
        {("firm_type", "hr_service", None)},
        id="人力资源服务机构是排除类型",
    ),
    pytest.param(
        "注册在宝安，经营在坪山",
        {("district", "宝安区", "registered"), ("district", "坪山区", "operating")},
        id="注册地和经营地分开读出",
    ),
    pytest.param("注册、纳税和经营都在坪山区", {("district", "坪山区", "all")}, id="三地都在坪山"),
    pytest.param(
        "去年发生过劳动仲裁",
        {("qualifying_condition", "labour_case", None)},
        id="去年有仲裁是符合条件一",
    ),
    pytest.param(
        "去年没有发生劳动仲裁",
        {("qualifying_condition", "no_labour_case", None)},
        id="去年没有仲裁是否定",
    ),
    pytest.param(
        "上一年度已入库的科技型中小企业",
        {("qualifying_condition", "tech_sme", None)},
        id="科技型中小企业入库",
    ),
    pytest.param("公司注销了", {("operating_status", "deregistered", None)}, id="注销是退出情形"),
    pytest.param("搬到龙岗了", {("operating_status", "relocated", None)}, id="搬到龙岗是迁出"),
    pytest.param("正常经营", {("operating_status", "normal", None)}, id="正常经营"),
    pytest.param(
        "2021年5月10日首次签约", {("date", "2021-05-10", "first_signing")}, id="年月日读成日期"
    ),
    pytest.param("二零二一年三月签的", {("date", "2021-03", None)}, id="中文数字年月读成月份"),
    pytest.param("第二年补贴多少", {("service_year", "2", None)}, id="第二年是服务年度2"),
    pytest.param("服务了8个月", {("months", "8", None)}, id="8个月是服务月数"),
    pytest.param(
        "案件发生率1%", {("percent", "1", "own_case_rate")}, id="案件发生率是机构自身比例"
    ),
    pytest.param(
        "百分之二十的服务对象发生了仲裁案件",
        {("percent", "20", "client_case_rate"), ("qualifying_condition", "labour_case", None)},
        id="百分之二十的服务对象有案件",
    ),
    pytest.param(
        "百分之十的企业要求更换机构", {("percent", "10", "change_rate")}, id="百分之十要求更换"
    ),
    pytest.param(
        "我们服务了50家,其中10家出了案子",
        {("count", "50", "clients"), ("count", "10", "clients_with_cases")},
        id="其中10家出了案子是有案件的企业数",
    ),
    pytest.param(
        "托管的30家里有4家要求换机构",
        {("count", "4", "change_requests")},
        id="4家要求换机构是更换数",
    ),
    pytest.param(
        "首次签约是21年6月", {("date", "2021-06", "first_signing")}, id="两位年份读成21世纪"
    ),
    pytest.param(
        "我们是民政部门登记的社会组织",
        {("organisation_type", "social_organisation", None)},
        id="民政登记的社会组织",
    ),
    pytest.param(
        "我们是工商登记的公司",
        {("organisation_type", "enterprise_or_institution", None)},
        id="工商登记的公司",
    ),
    pytest.param(
        "我们公司目前经营不正常", {("operating_status", "abnormal", None)}, id="经营不正常"
    ),
    pytest.param(
        "上年度一宗信访都没出过",
        {("qualifying_condition", "no_labour_case", None)},
        id="not a single case, negated after the case, is no case",
    ),
    pytest.param(
        "厂房在惠阳，注册在坪山",
        {("district", "惠阳区", "operating"), ("district", "坪山区", "registered")},
        id="the factory in 惠阳 is where it operates",
    ),
    pytest.param(
        "我们在坪山开了五年了，三十来个人",
        {("district", "坪山区", "operating"), ("headcount", "30~", None)},
        id="开了五年 in a district is where it operates",
    ),
    pytest.param("员工就十几个", {("headcount", "11-19", None)}, id="十几个 is 11 to 19"),
    pytest.param(
        "有两名持人力资源管理师证的专职人员",
        {("count", "2", "staff")},
        id="staff with a named certificate are counted as staff",
    ),
    pytest.param(
        "我们派了三个人参加能力测试，一个81分",
        {("count", "3", "full_time_staff"), ("score", "81", None)},
        id="people an agency sent to the test are its staff, certified or not",
    ),
    pytest.param(
        "我们是市场监管局注册的管理咨询公司",
        {("organisation_type", "enterprise_or_institution", None)},
        id="a consulting firm registered with market regulation is an enterprise",
    ),
    pytest.param(
        "营业执照经营范围没写人力资源服务",
        {("firm_type", "other", None)},
        id="a business scope without HR services is not an HR service firm",
    ),
    pytest.param(
        "机构托管的企业有15%出过信访",
        {("percent", "15", "client_case_rate")},
        id="an agency's clients' case rate",
    ),
    pytest.param(
        "服务了十个月企业就注销了",
        {("months", "10", None), ("operating_status", "deregistered", None)},
        id="ten months then deregistered",
    ),
    pytest.param(
        "30个员工申请托管可以吗",
        {("headcount", "30", None)},
        id="employees applying for custody are the headcount",
    ),
    pytest.param(
        "员工50人被拖欠工资",
        {("headcount", "50", None)},
        id="50 employees owed wages are the headcount",
    ),
    pytest.param(
        "我们是已经托管的企业，去年出过一起仲裁",
        {("qualifying_condition", "labour_case", None)},
        id="an enterprise already in custody still reports its own case",
    ),
    pytest.param(
        "公司员工一共一百多",
        {("headcount", "101-199", None)},
        id="一百多 at the end of the message",
    ),
    pytest.param("员工一百零几个", {("headcount", "101-109", None)}, id="一百零几 is 101 to 109"),
    pytest.param(
        "我们没有被列入经营异常名录",
        {("operating_status", "normal", None)},
        id="not listed as abnormal is normal operation",
    ),
    pytest.param(
        "去年有一起仲裁也没赔钱",
        {("qualifying_condition", "labour_case", None)},
        id="a case that cost nothing is still a case",
    ),
    pytest.param(
        "公司被列入经营异常名录了",
        {("operating_status", "abnormal", None)},
        id="列入经营异常名录 is abnormal operation",
    ),
    pytest.param(
        "我们从来没有经营异常",
        {("operating_status", "normal", None)},
        id="never abnormal is normal operation, not abnormal",
    ),
    pytest.param(
        "两名专职人员考了79.5分和82分",
        {("count", "2", "full_time_staff"), ("score", "79.5", None), ("score", "82", None)},
        id="两名专职人员和两个分数",
    ),
    pytest.param(
        "机构有3名专职，测试成绩分别为85和78",
        {("score", "85", None), ("score", "78", None)},
        id="成绩分别为两个数是两个测试分数",
    ),
    pytest.param(
        "我们只有一个专职的协调员",
        {("count", "1", "full_time_staff")},
        id="一个专职是一名专职人员",
    ),
    pytest.param(
        "服务对象里出案子的占了15%",
        {("percent", "15", "client_case_rate")},
        id="服务对象出案子的比例是有案件企业占比",
    ),
    pytest.param("首年能补多少", {("service_year", "1", None)}, id="首年是第一年"),
    pytest.param("我们只有一个员工", {("headcount", "1", None)}, id="只有一个员工是人数1"),
    pytest.param("机构本身今年一件仲裁都没有", {("count", "0", "cases")}, id="一件都没有是零件"),
    pytest.param(
        "我们公司45人，员工正在仲裁",
        {("qualifying_condition", "labour_case", None)},
        id="正在仲裁的案件也算劳动案件",
    ),
    pytest.param("头一年的补贴", {("service_year", "1", None)}, id="头一年是第一年"),
    pytest.param(
        "上年度被劳动监察查过一次",
        {("qualifying_condition", "labour_case", None)},
        id="被监察过是发生过的劳动案件",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extracts_the_facts_a_user_typed(text: str, expected: set) -> None:
    assert expected <= facts(text), facts(text)


def test_the_full_eligibility_message_yields_every_fact() -> None:
    text = "我们公司注册、纳税和经营都在坪山区，现在45名员工，正常经营，不是劳务派遣，去年发生过一起劳动仲裁案件，能托管吗？"
    assert {
        ("district", "坪山区", "all"),
        ("headcount", "45", None),
        ("operating_status", "normal", None),
        ("firm_type", "other", None),
        ("qualifying_condition", "labour_case", None),
    } <= facts(text)


NOT_FACTS = [
    pytest.param("托管机构不行了能换一家吗", "count", id="一家是量词不是家数"),
    pytest.param(
        "托管机构被投诉多了会不会被踢出去", "qualifying_condition", id="被投诉不是劳动案件"
    ),
    pytest.param("就是把人事外包出去吗", "firm_type", id="人事外包不是企业类型"),
    pytest.param("派去测试的两个人考了78分和83分", "headcount", id="考试的两个人不是企业人数"),
    pytest.param("就会计一个人在管社保", "headcount", id="一个人管事不是企业人数"),
    pytest.param("专职的考了12次才过", "score", id="考了几次不是测试分数"),
    pytest.param(
        "员工说要去申请仲裁，托管能帮忙吗", "qualifying_condition", id="将要仲裁不是发生过的案件"
    ),
    pytest.param(
        "我们机构服务了30家，有3家出过仲裁",
        "qualifying_condition",
        id="机构客户的仲裁不是第九条情形",
    ),
    pytest.param(
        "我们服务的二十家企业里有两家出过劳动监察案件",
        "qualifying_condition",
        id="cases of the enterprises an agency serves are not its own 第九条 case",
    ),
    pytest.param("员工一直都是签的劳动合同", "headcount", id="一直 has no number one in it"),
    pytest.param(
        "有三个工人申请了仲裁",
        "headcount",
        id="workers who applied for arbitration are not the headcount",
    ),
    pytest.param("有三个工人申请了仲裁", "count", id="workers are not client enterprises"),
    pytest.param("服务了十个月企业就注销了", "count", id="十个月 is months, not ten clients"),
    pytest.param("今年案件没到十件", "count", id="没到十件 names the threshold, not a count"),
    pytest.param(
        "我们派了三个人参加能力测试",
        "headcount",
        id="people sent to the test are not the headcount",
    ),
]


@pytest.mark.parametrize(("text", "entity"), NOT_FACTS)
def test_words_that_look_like_facts_are_not_taken_as_facts(text: str, entity: str) -> None:
    assert not any(e == entity for e, _, _ in facts(text)), facts(text)


WRONG_READINGS = [
    pytest.param(
        "去坪山开了个会",
        ("district", "坪山区", "operating"),
        id="开了个会 in a district is not where it operates",
    ),
    pytest.param(
        "在坪山开了发票，注册在龙岗",
        ("district", "坪山区", "operating"),
        id="开了发票 is not where it operates",
    ),
    pytest.param(
        "我们公司十几号人，派了两个去上课",
        ("count", "2", "staff"),
        id="people sent to a class are not test staff",
    ),
    pytest.param(
        "一起劳动仲裁都没输过",
        ("qualifying_condition", "no_labour_case", None),
        id="never lost an arbitration is not no arbitration",
    ),
    pytest.param(
        "去年有一起仲裁也没赔钱",
        ("count", "0", "cases"),
        id="one case that cost nothing is not zero cases",
    ),
]


@pytest.mark.parametrize(("text", "wrong"), WRONG_READINGS)
def test_a_fact_is_not_read_in_the_wrong_sense(text: str, wrong: tuple) -> None:
    assert wrong not in facts(text), facts(text)


def test_staff_with_certificates_are_not_read_as_the_headcount() -> None:
    assert not any(e == "headcount" for e, _, _ in facts("我们有两名专职服务人员"))


QUESTION_CLAUSES = [
    pytest.param(
        "我们公司在坪山,45名员工,正常经营,能托管吗?", "能托管吗?", id="事实在前问题在后取出问题"
    ),
    pytest.param("我们公司能托管吗", None, id="只有一句时不取"),
    pytest.param("能托管吗,我们有45人", None, id="结尾不是问题时不取"),
    pytest.param("公司注销了,托管还继续吗", "托管还继续吗", id="注销后还继续吗"),
    pytest.param(
        "客户公司注销了,补贴咋算?2022年3月1号首签的,服务了3个月",
        "补贴咋算?",
        id="a question asked before the facts that follow it is the question",
    ),
]


@pytest.mark.parametrize(("text", "question"), QUESTION_CLAUSES)
def test_the_closing_question_is_found(text: str, question: str | None) -> None:
    from bot.language.normalize import question_clause

    assert question_clause(text) == question


PLACES_IN_ONE_CLAUSE = [
    pytest.param(
        "注册在龙岗经营在坪山",
        {("district", "龙岗区", "registered"), ("district", "坪山区", "operating")},
        id="注册在龙岗经营在坪山: each place has its own role",
    ),
    pytest.param(
        "公司在坪山注册在龙岗经营",
        {("district", "坪山区", "registered"), ("district", "龙岗区", "operating")},
        id="在坪山注册在龙岗经营: the role follows its place",
    ),
    pytest.param(
        "注册地在龙岗、经营地在坪山",
        {("district", "龙岗区", "registered"), ("district", "坪山区", "operating")},
        id="注册地在龙岗、经营地在坪山: roles named as places",
    ),
    pytest.param(
        "税交在龙岗厂在坪山",
        {("district", "龙岗区", "tax"), ("district", "坪山区", "operating")},
        id="税交在龙岗厂在坪山: the tax place and the factory",
    ),
    pytest.param(
        "龙岗注册坪山经营",
        {("district", "龙岗区", "registered"), ("district", "坪山区", "operating")},
        id="龙岗注册坪山经营 without 在",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLACES_IN_ONE_CLAUSE)
def test_two_places_in_one_clause_each_keep_their_own_role(text: str, expected: set) -> None:
    assert {f for f in facts(text) if f[0] == "district"} == expected


ROLE_WORDS_IN_CONTEXT = [
    pytest.param(
        "我们厂注册在坪山但是税在宝安交的",
        {("district", "坪山区", "registered"), ("district", "宝安区", "tax")},
        id="我们厂 is the speaker, not the place of operation",
    ),
    pytest.param(
        "我们公司注册在平山",
        {("district", "坪山区", "registered")},
        id="平山 is the homophone typed for 坪山",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_WORDS_IN_CONTEXT)
def test_role_words_are_read_in_their_context(text: str, expected: set) -> None:
    assert {f for f in facts(text) if f[0] == "district"} == expected


QUOTED_THRESHOLDS = [
    pytest.param(
        "公司150人，听说300人以下就能托管，能托管吗？",
        {("headcount", "150", None)},
        id="300人以下 quoted from the rule is not the headcount",
    ),
    pytest.param(
        "听说80分以上才算合格，我们考了82和79.5",
        {("score", "82", None), ("score", "79.5", None)},
        id="80分以上 quoted from the rule is not a score",
    ),
    pytest.param(
        "案件发生率1%以上就要退出吗，我们是0.5%",
        {("percent", "0.5", None)},
        id="1%以上 quoted from the rule is not the rate",
    ),
    pytest.param(
        "听说100人以下的企业可以，我们120人",
        {("headcount", "120", None)},
        id="100人以下的企业 is the rule, 120人 the fact",
    ),
    pytest.param(
        "我们公司100人以下能托管吗",
        {("headcount", "100", None)},
        id="the user's own 100人以下 stays a fact",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_THRESHOLDS)
def test_figures_quoted_from_a_rule_are_not_the_users_facts(text: str, expected: set) -> None:
    kinds = {"headcount", "score", "percent", "count"}
    assert {f for f in facts(text) if f[0] in kinds} == expected


# Found by blind dialogue set D: the kinds of wording its failures stood for.
SAID_THE_WAY_PEOPLE_SAY_IT = [
    pytest.param("员工一百二时人", {("headcount", "120", None)}, id="十 typed as 时 in a number"),
    pytest.param("我们厂一白二十个人", {("headcount", "120", None)}, id="百 typed as 白"),
    pytest.param("员工八时人", {("headcount", "80", None)}, id="八时人 is eighty people"),
    pytest.param("不是派遣", {("firm_type", "other", None)}, id="不是派遣 denies labour dispatch"),
    pytest.param("不做派遣", {("firm_type", "other", None)}, id="不做派遣 denies labour dispatch"),
    pytest.param(
        "我们是做派遣的", {("firm_type", "labour_dispatch", None)}, id="做派遣的 is labour dispatch"
    ),
    pytest.param("三地都在坪山", {("district", "坪山区", "all")}, id="三地 names all three places"),
    pytest.param(
        "我们三地其实都在石井", {("district", "坪山区", "all")}, id="三地 with 其实 still all three"
    ),
    pytest.param(
        "纳税地不是龙岗，是坪山",
        {("district", "坪山区", "tax")},
        id="the place meant after the place denied takes the role",
    ),
    pytest.param(
        "注册地不是坪山，是龙岗",
        {("district", "龙岗区", "registered")},
        id="a Pingshan place denied gives its role to the place meant",
    ),
    pytest.param(
        "注册在坪山，纳税不是在坪山，是在龙岗",
        {("district", "坪山区", "registered"), ("district", "龙岗区", "tax")},
        id="是在 after the place denied",
    ),
    pytest.param(
        "这8件分布在7家企业里",
        {("count", "7", "clients_with_cases")},
        id="the firms the cases fell in are the clients with cases",
    ),
    pytest.param(
        "是一共7件案件，但都集中在4家企业，不是7家企业",
        {("count", "4", "clients_with_cases")},
        id="so are the firms they are concentrated in",
    ),
    pytest.param(
        "我们机构去年自己被员工告了12次劳动仲裁",
        {("count", "12", "cases")},
        id="cases counted by 次 are cases",
    ),
    pytest.param(
        "专职服务人员只有我1个，我有人力资源管理师证",
        {("count", "1", "staff")},
        id="只有我1个 counts one certified staff member",
    ),
    pytest.param(
        "测试85和80", {("score", "85", None), ("score", "80", None)}, id="测试 before the scores"
    ),
    pytest.param(
        "2名专职服务人员，两人能力测试平均88分",
        {("count", "2", "full_time_staff"), ("score", "88", None)},
        id="full-time staff with no word of certificates are not counted as certified",
    ),
    pytest.param(
        "去年有没有劳动案件我不清楚，科技型中小企业也不是",
        {
            ("qualifying_condition", "unknown_labour_case", None),
            ("qualifying_condition", "no_tech_sme", None),
        },
        id="a condition denied after it is not met",
    ),
    pytest.param(
        "科技型中小企业不是很清楚",
        {("qualifying_condition", "unknown_tech_sme", None)},
        id="不是很清楚 after a condition is a doubt, not a denial",
    ),
    pytest.param(
        "坪山有场地，有办公设备",
        {("agency_condition", "yes", "premises_and_staff")},
        id="场地 and 办公设备 are the premises",
    ),
    pytest.param(
        "两人能力测试平均85。", {("score", "85", None)}, id="测试平均85 without 分 is the average"
    ),
    pytest.param(
        "去年入库了科技型中小企业，生产一切正常",
        {("operating_status", "normal", None)},
        id="生产一切正常 is normal operation",
    ),
    pytest.param(
        "公司正常经营，没有停业也没注销",
        {("operating_status", "normal", None)},
        id="没停业没注销 says it is still in business",
    ),
    pytest.param("没搬走，一直在坪山", {("operating_status", "stayed", None)}, id="没搬走 stays"),
    pytest.param(
        "专职做这块的有两个人，一个有法律职业资格证，另一个还没考出任何证书",
        {("count", "1", "staff")},
        id="of two full-time staff one holds a certificate",
    ),
    pytest.param("员工刚好100个，不多不少", {("headcount", "100", None)}, id="刚好100个"),
    pytest.param(
        "去年劳动信访：0次；仲裁：0；监察：0",
        {("qualifying_condition", "no_labour_case", None)},
        id="a list of case kinds with 0 each is no case",
    ),
    pytest.param("开工正常", {("operating_status", "normal", None)}, id="开工正常"),
    pytest.param(
        "哦员工数应该是一百零五，刚才漏算了两家门店的",
        {("headcount", "105", None)},
        id="a headcount corrected with 应该是",
    ),
    pytest.param(
        "纠正一下，那个仲裁是2021年的，2022年一整年没有任何投诉、监察或仲裁",
        {("qualifying_condition", "no_labour_case", None)},
        id="a case corrected to 2021 leaves none in 2022",
    ),
    pytest.param("没搬，一直在坪山", {("operating_status", "stayed", None)}, id="没搬 stays"),
    pytest.param(
        "我们是托管服务对象，2022年开始托管的",
        {("date", "2022", None)},
        id="the year the service started",
    ),
    pytest.param(
        "啊讲错了，是今年先入库，去年没有入",
        {("qualifying_condition", "no_tech_sme", None)},
        id="入库 this year is not last year's 科技型中小企业",
    ),
    pytest.param(
        "我哋機構舊年託管咗四十間企業",
        {("count", "40", "clients")},
        id="Cantonese 间 counts firms",
    ),
    pytest.param(
        "上個月成間廠搬咗去惠州",
        {("operating_status", "relocated", None)},
        id="Cantonese 搬咗去 is a move",
    ),
    pytest.param(
        "2022年我们没有任何劳动纠纷，也不是科技型企业，也不是区里的重点企业",
        {
            ("qualifying_condition", "no_labour_case", None),
            ("qualifying_condition", "no_tech_sme", None),
            ("qualifying_condition", "no_key_enterprise", None),
        },
        id="three conditions denied, one with words between 不是 and it",
    ),
    pytest.param(
        "去年有劳动监察的案子。啊不对，是前年的，去年没有。",
        {("qualifying_condition", "no_labour_case", None)},
        id="a case corrected to the year before within the message is none last year",
    ),
    pytest.param(
        "有案件的客户：九家", {("count", "9", "clients_with_cases")}, id="a label with a colon"
    ),
    pytest.param(
        "能力测试一个七十九分，一个八十三分",
        {("score", "79", None), ("score", "83", None)},
        id="one score each in words",
    ),
    pytest.param(
        "我们是行业协会，在民正局登记的",
        {("organisation_type", "social_organisation", None)},
        id="民正局 typed for 民政局",
    ),
    pytest.param(
        "有营业执照和固定办公点，办公设备齐",
        {("agency_condition", "yes", "premises_and_staff")},
        id="a fixed office is the premises",
    ),
    pytest.param(
        "签约也没满三年", {("years", "under:3", None)}, id="没满三年 is under three years"
    ),
    pytest.param(
        "营业执照是坪山区的，税也一直在坪山交",
        {("district", "坪山区", "registered"), ("district", "坪山区", "tax")},
        id="营业执照 is where it is registered",
    ),
    pytest.param(
        "一个82一个88", {("score", "82", None), ("score", "88", None)}, id="one score each"
    ),
    pytest.param(
        "3个专职，都有劳动关系协调员证",
        {("count", "3", "staff")},
        id="full-time staff said to hold a certificate are the certified count",
    ),
    pytest.param(
        "我们是坪山的一家企业管理咨询有限公司，经营范围有人力资源服务、法律咨询",
        {("organisation_type", "enterprise_or_institution", None)},
        id="a limited company stating its business scope is a registered enterprise",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SAID_THE_WAY_PEOPLE_SAY_IT)
def test_facts_said_the_way_people_say_them_are_read(text: str, expected: set) -> None:
    assert expected <= facts(text), facts(text)


NOT_SAID = [
    pytest.param("我们有派遣员工", "firm_type", id="using dispatched workers is no firm type"),
    pytest.param(
        "我们是给人力资源公司开发招聘软件的软件公司",
        ("firm_type", "hr_service", None),
        id="the firm type of a client is not the enterprise's",
    ),
    pytest.param(
        "纳税地不在龙岗", ("district", "龙岗区", "tax"), id="a place denied is not where it is"
    ),
    pytest.param(
        "注册地不是坪山，是龙岗",
        ("district", "坪山区", "registered"),
        id="a place denied and corrected is not where it is",
    ),
]


NOT_SAID += [
    pytest.param(
        "哦员工数应该是一百零五，刚才漏算了两家门店的",
        "count",
        id="an enterprise's own shops are no agency's clients",
    ),
    pytest.param("我们有劳动纠纷", "qualifying_condition", id="a 纠纷 need not be a case"),
    pytest.param(
        "公司注册在龙田，税和办公地点也都在坪山，42个员工。",
        "agency_condition",
        id="where an enterprise has its office is no agency's premises",
    ),
    pytest.param(
        "员工一百零一个。行吗？顺便问下正好100人的算不算",
        ("headcount", "100", None),
        id="a headcount asked about is not the user's own",
    ),
    pytest.param(
        "是一共7件案件，但都集中在4家企业",
        ("count", "7", "cases"),
        id="cases said to fall in some clients are not the agency's own",
    ),
    pytest.param(
        "2023年5月公司已经注销了",
        ("date", "2023-05", None),
        id="the date of a deregistration is no signing date",
    ),
    pytest.param(
        "坪山没有办公点", ("district", "坪山区", "operating"), id="坪山没有办公点 is not there"
    ),
]


@pytest.mark.parametrize(("text", "unwanted"), NOT_SAID)
def test_what_a_message_does_not_say_is_not_read(text: str, unwanted: object) -> None:
    found = facts(text)
    if isinstance(unwanted, str):
        assert all(entity != unwanted for entity, _, _ in found), found
    else:
        assert unwanted not in found, found


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        pytest.param("我们是去年8月首次签的约", "2022-08", id="去年8月 is last year's August"),
        pytest.param("今年3月15号签的", "2023-03-15", id="今年 with a day"),
        pytest.param("前年的5月份签约", "2021-05", id="前年的5月份"),
        pytest.param("2021年5月签约", "2021-05", id="a date with its year is as said"),
    ],
)
def test_a_month_in_a_year_said_relative_to_today_is_dated(text: str, dated: str) -> None:
    found = {f.value for f in extract_facts(normalize_text(text), date(2023, 6, 1))}
    assert dated in found, found


def test_without_today_a_relative_date_is_not_guessed() -> None:
    assert not [f for f in extract_facts("我们是去年8月首次签的约") if f.entity == "date"]
