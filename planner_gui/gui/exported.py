"""After an export: the message offers to open the document or its folder,
as Word and WPS users expect (the file is what they came for)."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from . import alerts

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def open_url(url: QUrl) -> bool:
    """The system's program for the file or folder (tests replace this)."""
    return QDesktopServices.openUrl(url)


def offer_to_open(parent, target: str, what: str) -> str:
    """"已导出到 …" with 打开文档 / 打开所在文件夹 / 关闭; returns the key chosen."""
    text = translate("exported", "%1 was written:\n%2").replace("%1", what).replace("%2", target)
    choice = alerts.choose(parent, text, [
        ("open", translate("exported", "Open Document")),
        ("folder", translate("exported", "Open Containing Folder")),
        ("close", translate("exported", "Close")),
    ], translate("exported", "Exported"), default="close", cancel="close")
    if choice == "open":
        url = QUrl.fromLocalFile(target)
    elif choice == "folder":
        url = QUrl.fromLocalFile(os.path.dirname(os.path.abspath(target)))
    else:
        return choice
    if not open_url(url):
        log.warning("could not open %s", url.toString())
        alerts.error(parent, translate("exported", "No program could open %1.").replace("%1", url.toLocalFile()))
    return choice
