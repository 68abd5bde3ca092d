"""Fixtures for the print/PDF tests: Qt offscreen, LibreOffice and poppler where installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ALIASES = (Path(__file__).resolve().parents[2] / "planner_gui" / "resources" / "fonts"
           / "fontconfig-aliases.conf")


def need(*tools: str) -> None:
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)}")


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_fonts(pdf: Path) -> list[list[str]]:
    """pdffonts rows split into columns (name, type…, emb, sub, uni, object, id)."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(command + [str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def libreoffice_pdf(folder: Path, docx: Path) -> Path:
    """DOCX -> PDF by LibreOffice with a private profile and the CJK font aliases."""
    need("soffice")
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <include>{ALIASES}</include>\n"
        "</fontconfig>\n", encoding="utf-8")
    out = folder / "lo-pdf"
    out.mkdir(exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(folder))
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        capture_output=True, text=True, env=env, timeout=600)
    pdf = out / (docx.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice made no PDF: {result.stderr[-2000:]}"
    return pdf
