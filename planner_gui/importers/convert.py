"""Old Word (.doc), WPS (.wps), RTF and OpenDocument files -> .docx, through
LibreOffice when it is installed.

soffice runs headless with a private profile in a temporary folder (so it
neither touches the user's LibreOffice settings nor collides with a running
LibreOffice), in its own process group, and is killed when it overruns the
time limit. Everything it writes is in the temporary folder, removed after.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from . import cancel
from .base import PlanImportError

TIMEOUT = 120  # seconds
MAX_OUTPUT = 50 * 1024 * 1024

KIND_NAMES = {"doc": "旧版 Word 文档（.doc）", "wps": "WPS 文档（.wps）", "rtf": "RTF 文档",
              "odt": "OpenDocument 文档（.odt）"}

_WINDOWS_PLACES = [r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]


def find_soffice() -> str | None:
    """LibreOffice's soffice, or None. PLANNER_SOFFICE overrides (an empty
    value means "not installed")."""
    override = os.environ.get("PLANNER_SOFFICE")
    if override is not None:
        return override or None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        return next((p for p in _WINDOWS_PLACES if Path(p).is_file()), None)
    if sys.platform == "darwin":
        mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
        return mac if Path(mac).is_file() else None
    return None


def convert_to_docx(data: bytes, kind: str, timeout: float = TIMEOUT) -> bytes:
    """The bytes of a .docx made by LibreOffice from `data` (kind: doc, wps, rtf, odt)."""
    what = KIND_NAMES.get(kind, "这种文件")
    soffice = find_soffice()
    if soffice is None:
        raise PlanImportError(f"这是{what}，需要 LibreOffice 才能转换，但本机没有安装。"
                              "请在 Word 或 WPS 中打开它，“另存为” .docx 格式后再导入。")
    with tempfile.TemporaryDirectory(prefix="planner-import-") as tmp:
        folder = Path(tmp)
        source = folder / f"input.{kind}"
        source.write_bytes(data)
        out_dir = folder / "out"
        out_dir.mkdir()
        profile = folder / "profile"
        command = [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                   "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
                   "--convert-to", "docx", "--outdir", str(out_dir), str(source)]
        extra = {"start_new_session": True} if os.name == "posix" else \
            {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, cwd=tmp, **extra)
        except OSError:
            raise PlanImportError(f"无法启动 LibreOffice 转换{what}。请在 Word 或 WPS 中另存为 .docx 后再导入。") from None
        try:
            waited = 0.0
            while True:            # in short steps, so that a cancelled import stops the conversion
                try:
                    process.wait(timeout=min(0.2, max(timeout - waited, 0.01)))
                    break
                except subprocess.TimeoutExpired:
                    waited += 0.2
                    if cancel.cancelled():
                        raise cancel.ImportCancelled() from None
                    if waited >= timeout:
                        raise
        except subprocess.TimeoutExpired:
            _kill(process)
            raise PlanImportError(f"LibreOffice 转换{what}超时。请在 Word 或 WPS 中另存为 .docx 后再导入。") from None
        except BaseException:
            _kill(process)
            raise
        result = out_dir / "input.docx"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise PlanImportError(f"LibreOffice 未能转换这份{what}（文件可能已损坏或设有密码）。"
                                  "请在 Word 或 WPS 中打开并另存为 .docx 后再导入。")
        if result.stat().st_size > MAX_OUTPUT:
            raise PlanImportError("转换后的文件过大，未导入。")
        return result.read_bytes()


def _kill(process: subprocess.Popen) -> None:
    """Stop soffice and anything it started (its own process group)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
