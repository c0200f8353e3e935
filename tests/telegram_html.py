"""A checker for Telegram's HTML parse mode: allowed tags only, balanced, valid entities, within 4096."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

ALLOWED = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
           "blockquote", "tg-emoji"}
_ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in ALLOWED, f"tag <{tag}> not allowed by Telegram"
        if tag == "a":
            assert dict(attrs).get("href"), "<a> needs href"
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def assert_valid_telegram_html(message: str) -> None:
    assert not _ENTITY.search(message), "unsupported or bare & entity"
    checker = _Checker()
    checker.feed(message)
    checker.close()
    assert not checker.stack, f"unclosed tags {checker.stack}"
    visible = html.unescape("".join(checker.text))
    assert 0 < len(visible.encode("utf-16-le")) // 2 <= 4096, "empty or longer than 4096"
