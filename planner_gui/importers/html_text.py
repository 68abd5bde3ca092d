"""Web pages and Word's "single file web page" (.mht) -> plain text.

Many ".doc" files downloaded from sites are really HTML. Block elements
become line breaks, table cells tabs (so a month table reads as one), and
script/style are dropped; the text importer does the rest.
"""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser

from .base import PlanImportError

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
          "article", "header", "footer", "blockquote", "pre", "ul", "ol", "dt", "dd", "title"}
_SKIP = {"script", "style", "head", "noscript", "template", "svg", "xml"}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


def _decode(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    for encoding in ([match.group(1).decode("ascii", "ignore")] if match else []) + ["utf-8", "gb18030"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise PlanImportError("无法识别网页文件的文字编码，请把文字复制后粘贴进来。")


def html_to_text(data: bytes) -> str:
    parser = _TextParser()
    try:
        parser.feed(_decode(data))
        parser.close()
    except (AssertionError, ValueError):
        raise PlanImportError("网页文件无法读取，请把文字复制后粘贴进来。") from None
    lines = []
    for line in "".join(parser.parts).split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        while cells and not cells[0]:
            cells.pop(0)
        lines.append("\t".join(cells) if len(cells) > 1 else (cells[0] if cells else ""))
    return "\n".join(lines)


def mht_to_html(data: bytes) -> bytes:
    """The HTML part of a MIME (.mht) web archive."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset:
                    try:
                        return payload.decode(charset).encode("utf-8")
                    except (UnicodeDecodeError, LookupError):
                        pass
                return payload
    raise PlanImportError("这个网页存档（.mht）里没有找到正文，无法导入。")
