"""Whether a message only states facts, or asks or requests something.

「我们有45个员工」「公司停业了」「第三年」 state facts: in reply to a form question or after an
answer they are ``inform``, whatever the classifier's guess from the words (「停业」 alone looks like
the exit question). 「我们45人能托管吗」「帮我算一下，第二年」 ask; those stay with the classifier.
"""

from __future__ import annotations

import re

# Question words and particles, and the ways people phrase a request on a phone.
_ASKS = re.compile(
    r"[?？]|吗|呢|么|啥|咋|怎|如何|为何|为什么|多少|几|哪|谁|是否|能否|可否|是不是|有没有|"
    r"行不行|能不能|可不可以|会不会|要不要|需不需要|算不算|"
    r"帮|请|麻烦|算一下|算算|查一下|查查|看看|看一下|想知道|想问|问一下|问下|问问|咨询|"
    r"告诉|了解|介绍|说说|讲讲|"
    # a hypothetical or a rule asked about without 吗: 「如果我们公司停业了」「机构要有3名专职人员」
    r"如果|假如|假设|要是|万一|的话|情况下|条件|标准|规定|需要|必须|至少|不少于|要有|得有|"
    # 「45人的企业能托管」: a clause closing on 能/可以 and a verb
    r"(?:能|可以)[^,，。.!！\s]{0,4}(?=[,，。.!！\s]|$)|"
    # A还是B, 对吧, 够不够 / 包不包括, a clause closing on 不 (能托管不, 符合条件不; not 都不),
    # and 没有 / 嘛 / 哈 closing a clause after a verb (建好了没有, 能托管哈)
    r"还是|对吧|是吧|(.)不\1|[^都也并从还]不(?=[,，。.!！\s]|$)|"
    r"(?:能|可以|会|要|行|算|得|了).{0,12}(?:没有|没|嘛|哈)(?=[,，。.!！\s]|$)"
)


def asks_something(text: str) -> bool:
    """「我们45人能托管吗」「帮我算下补贴」 → True; 「注册在坪山，45人」 → False."""
    return bool(_ASKS.search(text))
