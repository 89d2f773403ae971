"""A line of business named in a message (「我们做注塑的」), from bot/language/industries.yml."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

INDUSTRIES_FILE = Path(__file__).with_name("industries.yml")


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return frozenset(
        str(w) for w in yaml.safe_load(INDUSTRIES_FILE.read_text(encoding="utf-8"))["industries"]
    )


def trade_words() -> list[str]:
    """The lines of business of industries.yml (「注塑」「餐饮」…), longest first."""
    return sorted(_words(), key=len, reverse=True)


@lru_cache(maxsize=1)
def _alternatives() -> str:
    """The trade words as a regex alternation, longest first."""
    return "|".join(map(re.escape, trade_words()))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alternatives = _alternatives()
    # the trade as the enterprise's own: 做注塑的 / 注塑厂 / 开饭店 / 电子公司 / 搞物流, and with
    # a few words between (机械加工厂 / 制药设备公司 / 电子科技有限公司)
    return re.compile(
        # 「开了两家湘菜馆」: a count and a word of its kind between the verb and the trade
        rf"(?:做|搞|开|干|从事|经营|生产|是)(?:了)?(?:[一两二三四五六七八九几]家)?[\u4e00-\u9fff]{{0,2}}?"
        rf"(?P<a>{alternatives})"
        rf"|(?P<b>{alternatives})[\u4e00-\u9fff]{{0,4}}?"
        r"(?:厂|公司|企业|行业|生意|工厂|店|工坊|作坊|工作室|门店|档口|馆|铺|坊|车间)"
        # 「我们是马峦的一家烘焙工坊」: the trade of the one firm counted
        rf"|一家[\u4e00-\u9fff]{{0,5}}?(?P<e>{alternatives})"
        # 「我哋係坪山嘅茶餐廳」: the firm said to be a place's trade, the trade ending the clause
        rf"|(?:我们|我司|本店|我家|我)(?:是|系)[^,，。;；]{{0,6}}?的(?P<h>{alternatives})"
        r"(?=[,，。;；!！?？\s]|$)"
    )


# 「做LED灯具」「做软硬件开发」「从事生物试剂」: a trade outside the list, said the usual way
_DOING = re.compile(
    r"(?:做|搞|从事)(?P<c>[\u4e00-\u9fffA-Za-z]{2,8}?)"
    r"(?:的|生意|行业|加工|研发|开发|设计|生产|运营|[,，。;；!！?？、]|$)"
)
# what follows 做 that is no trade: the excluded firm types themselves, the service, questions
_NOT_A_TRADE = re.compile(
    r"派遣|人力|劳务|猎头|托管|机构|补贴|备案|申请|什么|哪些|不了|不到|不好|完|核对|测试|登记|"
    r"正常|好的|得到|准备|一下|出来|这个|那个|这块|这方面|这一块|多少|怎么|手续|^材料|工作"
    # 「帮我们做工资表吗」: the HR tasks custody covers (第十五条), asked about, are no trade
    r"|工资|社保|考勤|合同|账|表|招聘|培训|档案|个税|吗|呢|劳动关系|这块业务|这个业务"
    r"|^了|^错|^混|^反|^不清|^懂|^定"  # 「做了十年人事」「搞错了」「搞混了」「搞不清」: slips, no trade
    # 「能不能帮我们做点别的」「做些其他的」: something else asked of the agency, no trade
    r"|^点(?:别|其|事|儿|什么)|^些|别的|其他|其它|活动"
)


# 「开打印店的」「一间餐厅」「开了家烧腊档口」: a shop or workshop of a trade outside the list
_SHOP = re.compile(
    r"(?:开|做|是|一(?:家|间|个))(?:了)?(?:[一两二三四五六七八九几]?(?:家|间|个))?"
    # the kind of shop: not a place word, a count or a word of where (「门店」「分店」「网店」)
    r"(?P<f>(?:(?![开做是在的了这那一家间个门分总网])[\u4e00-\u9fff]){1,4}?)"
    r"(?:店|餐厅|厅|馆|铺|档口|工作室|作坊)(?![长房里区])"
)


@lru_cache(maxsize=1)
def _item_pattern() -> re.Pattern[str]:
    """An item of a list of facts that is a trade and nothing else (「电子元器件组装」)."""
    return re.compile(
        rf"(?:^|(?<=[,，;；。]))(?P<g>{_alternatives()})[\u4e00-\u9fff]{{0,6}}(?=[,，;；。]|$)"
    )


# an item that says something of the trade (「设备齐全」「加工正常」) is no trade
_NOT_AN_ITEM = re.compile(r"齐全|齐|都有|正常|没有|不是|有没有|吗|呢|多少|怎么|哪")


# 「行业：环保设备制造」 in a list of facts
_SECTOR = re.compile(r"行业[:：是为]\s*(?P<d>[\u4e00-\u9fffA-Za-z]{2,12})")


# 「我们给一家模具厂做托管」: an agency naming its client's trade, not its own
_SERVES_A_CLIENT = re.compile(
    r"(?:给|为|替|帮(?=一家|这家|那家|几家|\d+家))(?:一家|这家|那家|几家|\d+家)?"
    r"[^,，。;；]{0,8}?(?:厂|公司|企业|店|客户)"
    r"[^,，。;；]{0,4}?(?:做|提供)(?:的)?托管(?!对象|服务对象)"
)


def business_line(text: str) -> str | None:
    """The first line of business the enterprise names as its own, or ``None``."""
    if _SERVES_A_CLIENT.search(text):
        return None
    words = _words()
    bare = text.strip(" ,，。.!！")
    if bare in words:  # 「五金」 alone, in reply to what the firm does
        return bare
    found = _pattern().search(text)
    if found:
        return found.group("a") or found.group("b") or found.group("e") or found.group("h")
    for item in _item_pattern().finditer(
        text
    ):  # 「…，90人，电子元器件组装，…」: a trade as an item
        if item.group("g") in words and not _NOT_AN_ITEM.search(item.group(0)):
            return item.group("g")
    for shop in _SHOP.finditer(text):
        kind = shop.group("f")
        if not _NOT_A_TRADE.search(kind):
            return text[shop.start("f") : shop.end()]
    sector = _SECTOR.search(text)
    if sector and not _NOT_A_TRADE.search(sector.group("d")):
        return sector.group("d")
    for doing in _DOING.finditer(text):
        trade = doing.group("c")
        if not _NOT_A_TRADE.search(trade):
            return trade
    return None
