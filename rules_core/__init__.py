"""Every rule of 《深圳市坪山区小微企业劳动关系事务托管服务管理办法》 (深坪府办规〔2021〕1号) as code.

Pure Python, fully typed, no Rasa import. Parameters (thresholds, fractions, dates, the wage
table) live in dated YAML files under ``rules_core/params/`` with a ``reference`` to the article
or source they come from. Every check returns a :class:`rules_core.results.CheckResult`.
"""
