"""After an export: the message offers to open the document or its folder,
as Word and WPS users expect (the file is what they came for)."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from . import alerts

log = logging.getLogger(__name__)

def open_url(url: QUrl) -> bool:
    """The system's program for the file or folder (tests replace this)."""
    return QDesktopServices.openUrl(url)


def offer_to_open(parent, target: str, what: str) -> str:
    """"已导出到 …" with 打开文档 / 打开所在文件夹 / 关闭; returns the key chosen."""
    text = f"{what}已导出：\n{target}"
    choice = alerts.choose(parent, text, [
        ("open", "打开文档"),
        ("folder", "打开所在文件夹"),
        ("close", "关闭"),
    ], "导出完成", default="close", cancel="close")
    if choice == "open":
        url = QUrl.fromLocalFile(target)
    elif choice == "folder":
        url = QUrl.fromLocalFile(os.path.dirname(os.path.abspath(target)))
    else:
        return choice
    if not open_url(url):
        log.warning("could not open %s", url.toString())
        alerts.error(parent, f"没有能打开 {url.toLocalFile()} 的程序。")
    return choice
