"""``python -m kb.search "补贴多少"``: print the best passages for a question, with citations."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence

from kb.records import SearchHit
from kb.repository import KnowledgeBase


def format_hit(rank: int, hit: SearchHit) -> str:
    head = f"{rank}. {hit.citation}（{hit.title}）  score {hit.score:.2f}"
    body = textwrap.fill(hit.snippet, width=40, initial_indent="   ", subsequent_indent="   ")
    return f"{head}\n{body}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kb.search",
        description="Search the regulation, the 政策解读 and the reports.",
    )
    parser.add_argument("query", nargs="+", help="the question, e.g. 补贴多少")
    parser.add_argument("-k", type=int, default=5, help="how many hits (default 5)")
    parser.add_argument("--url", help="SQLAlchemy URL (default: $KB_URL or var/kb.sqlite3)")
    parser.add_argument("--faq", action="store_true", help="rank the curated FAQ answers instead")
    args = parser.parse_args(argv)
    kb = KnowledgeBase.from_url(args.url)
    query = " ".join(args.query)
    hits = kb.search(query, args.k, kinds=("faq",) if args.faq else None)
    if not hits:
        print(f"没有找到与「{query}」相关的条文。")
        return 1
    print("\n".join(format_hit(rank, hit) for rank, hit in enumerate(hits, start=1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
