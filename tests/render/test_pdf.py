"""The PDF file: A4 pages, embedded CJK fonts, searchable text, whole-or-nothing writes."""

from __future__ import annotations

import os
import re
import stat
import sys

import pytest

from planner_gui import safe_write
from planner_gui.render.pdf import PdfError, fix_to_unicode, ideograph_for, write_pdf

from .conftest import need, pdf_fonts, pdf_pages, pdf_text
from .plans import stress_plan


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory, qapp):
    from planner_gui.resources import sample_plan

    path = tmp_path_factory.mktemp("pdf") / "计划.pdf"
    write_pdf(sample_plan(), path)
    return path


def test_writes_a_pdf(sample_pdf):
    data = sample_pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_a4_pages_and_embedded_cjk_fonts(sample_pdf):
    need("pdfinfo", "pdffonts")
    import subprocess

    info = subprocess.run(["pdfinfo", str(sample_pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts", info)   # A4 portrait
    assert pdf_pages(sample_pdf) >= 2
    rows = pdf_fonts(sample_pdf)
    assert rows
    for row in rows:
        name, emb = row[0], row[-5]
        assert emb == "yes", row
        assert "CJK" in name or "UKai" in name, row       # no Latin fallback face
    assert any("Sans" in row[0] for row in rows)    # 黑体 headings
    assert any("Serif" in row[0] for row in rows)   # 仿宋 body


def test_text_is_searchable(sample_pdf):
    """Copy and search find the words, not look-alike radicals (⼯ for 工, ⻅ for 见)."""
    need("pdftotext")
    from planner_gui.resources import sample_plan

    text = pdf_text(sample_pdf)
    assert not re.search("[\u2e80-\u2fdf]", text)
    flat = re.sub(r"\s+", "", text)
    plan = sample_plan()
    assert re.sub(r"\s+", "", plan.meta.title) in flat
    for paragraph in plan.preamble:
        assert paragraph[:20].replace(" ", "") in flat
    assert "—1—" in flat and "—2—" in flat


def test_page_numbers_outside(sample_pdf):
    need("pdftotext")
    first, second = pdf_text(sample_pdf, 1), pdf_text(sample_pdf, 2)
    last = lambda text: [line for line in text.splitlines() if line.strip()][-1]  # noqa: E731
    assert re.search(r"—\s*1\s*—", last(first)) and last(first).startswith(" " * 20)
    assert re.search(r"—\s*2\s*—", last(second)) and not last(second).startswith(" " * 20)


def test_radicals_map_back_to_ideographs():
    assert ideograph_for("\u2f2f") == "工"    # KANGXI RADICAL WORK
    assert ideograph_for("\u2ec5") == "见"    # CJK RADICAL C-SIMPLIFIED SEE
    assert ideograph_for("\u2f3e") == "户"
    assert ideograph_for("\u2e81") == "\u2e81"   # no ideograph shares its glyph: kept
    cmap = (b"/CIDInit /ProcSet findresource begin\n<0001> <00FF> [<2F2F> <4F1A> <2EC5> <2E81>]\n"
            b"endcmap")
    data = b"%PDF-1.4\n<2F2F> outside\n" + cmap + b"\nstream <2F2F>"
    fixed = fix_to_unicode(data)
    assert len(fixed) == len(data)           # no object moves
    assert b"[<5DE5> <4F1A> <89C1> <2E81>]" in fixed
    assert fixed.count(b"<2F2F>") == 2      # only inside the text map


def test_stress_plan_pdf(tmp_path, qapp):
    need("pdfinfo")
    path = tmp_path / "stress.pdf"
    write_pdf(stress_plan(), path)
    assert pdf_pages(path) >= 25


def test_missing_folder_is_a_chinese_message(tmp_path, qapp):
    from planner_gui.resources import sample_plan

    with pytest.raises(PdfError, match="文件夹不存在"):
        write_pdf(sample_plan(), tmp_path / "no-such-folder" / "x.pdf")
    target = tmp_path / "a-folder.pdf"
    target.mkdir()
    with pytest.raises(PdfError, match="是一个文件夹"):
        write_pdf(sample_plan(), target)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_unwritable_folder_leaves_the_old_file(tmp_path, qapp):
    from planner_gui.resources import sample_plan

    folder = tmp_path / "locked"
    folder.mkdir()
    old = folder / "x.pdf"
    old.write_bytes(b"old")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(PdfError, match="权限"):
            write_pdf(sample_plan(), old)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert old.read_bytes() == b"old"


def test_failed_replace_leaves_the_old_file(tmp_path, qapp, monkeypatch):
    """A PDF held open by a viewer on Windows: os.replace fails; nothing changes."""
    from planner_gui.resources import sample_plan

    old = tmp_path / "x.pdf"
    old.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    with pytest.raises(PdfError, match="阅读器"):
        write_pdf(sample_plan(), old)
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]   # no temporary left


def test_disk_full_is_a_chinese_message(tmp_path, qapp, monkeypatch):
    import errno

    from planner_gui.resources import sample_plan

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", full)
    with pytest.raises(PdfError, match="磁盘空间不足"):
        write_pdf(sample_plan(), tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_digits_beside_latin_letters_stay_searchable(tmp_path, qapp):
    """"20xx年" starts with digits shaped as Latin; their glyphs must keep a Unicode value."""
    need("pdftotext")
    from planner_gui.core.plan import Meta, Plan

    plan = Plan(meta=Meta(title="工会20xx年计划"), preamble=["20xx年是开局之年，Qt6 与 5G 并提。"])
    path = tmp_path / "x.pdf"
    write_pdf(plan, path)
    flat = re.sub(r"\s+", "", pdf_text(path))
    assert "20xx年是开局之年" in flat and "Qt6与5G并提" in flat
