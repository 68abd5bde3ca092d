"""The plan's life in the window: open, locked, save failures, recovery,
the sample plan, save as, new, recent files, export, closing."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from planner_gui.core.edits import SetBody
from planner_gui.gui import recovery, settings
from planner_gui.store import PlanFile
from planner_gui.store.errors import StoreWriteError


def _fail_writes(monkeypatch, session, message="磁盘已满，无法保存。"):
    def broken(*args, **kwargs):
        raise StoreWriteError(message)
    monkeypatch.setattr(session.plan_file, "sync", broken)
    monkeypatch.setattr(session.plan_file, "write_all", broken)


def _heal_writes(monkeypatch, session):
    """The disk is back: the file's own methods again (through monkeypatch, so
    its undo at teardown still finds what it set)."""
    plan_file = session.plan_file
    for name in ("sync", "write_all"):
        monkeypatch.setattr(plan_file, name, getattr(type(plan_file), name).__get__(plan_file))


def test_save_failure_shows_the_message_and_keeps_the_edit(window, alerts, monkeypatch):
    session = window.session
    section = session.plan.sections[0]
    _fail_writes(monkeypatch, session)
    assert window.push_edit(SetBody(section.id, ["保留的文字"]), "set")
    assert section.body == ["保留的文字"]
    assert len(alerts.messages("error")) == 1
    assert "磁盘已满" in alerts.messages("error")[0]
    assert "没有丢失" in alerts.messages("error")[0]
    assert window.status.save_label.text() == "未保存：写入失败"
    assert window.banner.isVisibleTo(window) and "磁盘已满" in window.banner_label.text()
    # a second failure does not pile up message boxes
    window.push_edit(SetBody(section.id, ["保留的文字", "第二段"]), "set")
    assert len(alerts.messages("error")) == 1
    # the recovery copy holds the edit
    copy = recovery.recovery_path(session.path)
    assert copy.exists()
    assert recovery.load_copy(copy).sections[0].body == ["保留的文字", "第二段"]
    # the disk comes back: everything is written, the copy goes
    _heal_writes(monkeypatch, session)
    assert session.flush()
    assert window.status.save_label.text() == "全部已保存"
    assert not copy.exists()
    assert not window.banner.isVisibleTo(window)


def test_closing_after_a_failed_save_asks_and_can_save_elsewhere(window, alerts, monkeypatch, tmp_path):
    session = window.session
    plan = session.plan
    _fail_writes(monkeypatch, session)
    window.push_edit(SetBody(plan.sections[0].id, ["要保住的内容"]), "set")
    alerts.answer("choose", "cancel")
    window.close()
    assert window.isVisible()              # cancelled: still open
    target = tmp_path / "别处" / "副本.ghjh"
    target.parent.mkdir()
    alerts.answer("choose", "save_as")
    alerts.answer("save_plan_path", str(target))
    window.close()
    assert not window.isVisible()
    with PlanFile.open(target) as saved:
        assert saved.load().sections[0].body == ["要保住的内容"]


def test_a_locked_plan_shows_the_message(make_window, plan_path, alerts):
    holder = PlanFile.open(plan_path)           # another window has it
    try:
        window = make_window(plan_path)
    finally:
        holder.close()
    assert window.is_sample                       # falls back to the sample
    assert any("已在别处打开" in m for m in alerts.messages("error"))


def test_a_missing_file_is_a_clear_message(make_window, tmp_path, alerts):
    window = make_window(tmp_path / "不存在.ghjh")
    assert window.is_sample
    assert any("不存在" in m for m in alerts.messages("error"))


def test_not_a_plan_is_refused(make_window, tmp_path, alerts):
    bogus = tmp_path / "假的.ghjh"
    bogus.write_text("这不是数据库", encoding="utf-8")
    make_window(bogus)
    assert any("不是工会工作计划文件" in m for m in alerts.messages("error"))


def test_a_newer_recovery_copy_is_offered_when_opening(make_window, plan_path, alerts, sample_plan):
    changed = sample_plan
    changed.preamble = ["恢复出来的开头"]
    recovery.writer_for(plan_path)(changed)
    copy = recovery.recovery_path(plan_path)
    os.utime(copy, (os.path.getmtime(plan_path) + 10,) * 2)
    alerts.answer("confirm", True)
    window = make_window(plan_path)
    assert window.session.plan.preamble == ["恢复出来的开头"]
    assert any("恢复副本" in m for m in alerts.messages("confirm"))
    assert not copy.exists()
    window.session.close()
    with PlanFile.open(plan_path) as reopened:   # and it is in the file now
        assert reopened.load().preamble == ["恢复出来的开头"]


def test_a_declined_or_older_recovery_copy_is_not_used(make_window, plan_path, alerts, sample_plan):
    original = sample_plan.preamble
    changed = PlanFile.open(plan_path)
    plan = changed.load()
    changed.close()
    plan.preamble = ["旧副本"]
    recovery.writer_for(plan_path)(plan)
    copy = recovery.recovery_path(plan_path)
    os.utime(copy, (os.path.getmtime(plan_path) - 100,) * 2)   # older than the file
    window = make_window(plan_path)
    assert alerts.messages("confirm") == []
    assert window.session.plan.preamble == original


def test_the_sample_plan_is_editable_and_asks_on_close(make_window, alerts, tmp_path):
    window = make_window()
    assert window.is_sample and window.session.plan_file is None
    assert "示例计划" in window.banner_label.text()
    assert window.status.save_label.text() == "示例计划，尚未存为文件"
    window.push_edit(SetBody(window.session.plan.sections[0].id, ["试着改一改"]), "try")
    assert window.status.save_label.text() == "未保存：示例计划"
    target = tmp_path / "我的计划.ghjh"
    alerts.answer("choose", "save_as")
    alerts.answer("save_plan_path", str(target))
    window.close()
    assert "修改了示例计划" in alerts.messages("choose")[0]
    with PlanFile.open(target) as saved:
        assert saved.load().sections[0].body == ["试着改一改"]


def test_save_as_switches_to_the_new_file_and_keeps_undo(window, alerts, tmp_path, plan_path):
    plan = window.session.plan
    window.push_edit(SetBody(plan.sections[0].id, ["另存之前"]), "before")
    target = tmp_path / "另一份.ghjh"
    alerts.answer("save_plan_path", str(target))
    assert window.save_as()
    assert str(window.session.path) == str(target)
    window.push_edit(SetBody(plan.sections[0].id, ["另存之后"]), "after")
    assert window.undo_stack.count() == 2
    assert settings.recent_files()[0] == str(target)
    window.session.close()
    with PlanFile.open(target) as saved:
        assert saved.load().sections[0].body == ["另存之后"]
    with PlanFile.open(plan_path) as old:
        assert old.load().sections[0].body == ["另存之前"]


def test_new_plan_from_a_template_asks_where_to_save(window, alerts, tmp_path, monkeypatch):
    from planner_gui.dialogs import new_plan
    from planner_gui.resources import load_template

    monkeypatch.setattr(new_plan, "get_new_plan",
                        lambda parent: (load_template("sample", year=2030), True))
    target = tmp_path / "新计划.ghjh"
    alerts.answer("save_plan_path", str(target))
    assert window.new_plan()
    assert str(window.session.path) == str(target)
    assert window.session.plan.meta.year == 2030
    assert window.undo_stack.count() == 0
    assert target.exists()


def test_new_plan_dialog_builds_an_empty_plan(qtbot):
    from planner_gui.dialogs.new_plan import NewPlanDialog

    dialog = NewPlanDialog()
    qtbot.addWidget(dialog)
    dialog.empty.setChecked(True)
    dialog.organization.setText("红星机械厂工会")
    dialog.year.setValue(2026)
    dialog.kind.setCurrentIndex(dialog.kind.findData("first_half"))
    plan = dialog.plan()
    assert plan.meta.organization == "红星机械厂工会"
    assert plan.meta.period.start == "2026-01" and plan.meta.period.end == "2026-06"
    dialog.from_template.setChecked(True)
    assert dialog.plan().sections


def test_a_template_offers_only_its_periods(qtbot):
    from planner_gui.dialogs.new_plan import NewPlanDialog

    dialog = NewPlanDialog()
    qtbot.addWidget(dialog)
    names = [dialog.templates.item(i).data(Qt.UserRole + 1) for i in range(dialog.templates.count())]
    enabled = lambda: {dialog.kind.itemData(r) for r in range(dialog.kind.count())  # noqa: E731
                       if dialog.kind.model().item(r).isEnabled()}
    dialog.templates.setCurrentRow(names.index("school"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("school_year"))
    assert "school_year" in enabled()
    dialog.templates.setCurrentRow(names.index("enterprise"))
    assert "school_year" not in enabled()
    assert dialog.kind.currentData() in enabled()
    assert dialog.plan().meta.period.kind != "school_year"
    dialog.empty.setChecked(True)
    assert "school_year" in enabled()


def test_recent_files_menu_opens_the_file(window, plan_path, tmp_path, alerts):
    other = tmp_path / "其他.ghjh"
    PlanFile.create(other, window.session.plan).close()
    assert window.open_path(other)
    window.menus.recent.aboutToShow.emit()
    names = [a.text() for a in window.menus.recent.actions()]
    assert names[:2] == ["其他.ghjh", os.path.basename(plan_path)]
    window.menus.recent.actions()[1].trigger()
    assert str(window.session.path) == str(plan_path)


def test_read_only_file_opens_with_a_notice(make_window, plan_path, alerts):
    os.chmod(plan_path, 0o444)
    try:
        window = make_window(plan_path)
        assert window.session.read_only
        assert window.status.notice_label.text() == "只读"
        assert "只读" in window.banner_label.text()
        window.push_edit(SetBody(window.session.plan.sections[0].id, ["改了"]), "x")
        assert window.status.save_label.text() == "未保存：文件只读"
    finally:
        os.chmod(plan_path, 0o644)


def test_export_word_warns_about_placeholders_then_exports(window, alerts, tmp_path, monkeypatch):
    written = []
    from planner_gui.export import docx_writer

    monkeypatch.setattr(docx_writer, "export_docx", lambda plan, path, **_: written.append(path))
    window.push_edit(SetBody(window.session.plan.sections[0].id, ["XX单位"]), "x")
    alerts.answer("choose", "cancel")
    assert not window.export_word()
    assert written == []
    alerts.answer("choose", "go")
    alerts.answer("save_path", str(tmp_path / "计划.docx"))
    assert window.export_word()
    assert written == [str(tmp_path / "计划.docx")]


def test_export_errors_are_shown(window, alerts, tmp_path, monkeypatch):
    from planner_gui.export import ExportError, docx_writer

    def fail(plan, path, **_):
        raise ExportError("无法写入文件：目标文件正被 Word 打开。")
    monkeypatch.setattr(docx_writer, "export_docx", fail)
    monkeypatch.setattr("planner_gui.gui.placeholder_panel.confirm_placeholders", lambda *args: True)
    alerts.answer("save_path", str(tmp_path / "计划.docx"))
    assert not window.export_word()
    assert "正被 Word 打开" in alerts.messages("error")[-1]


def test_window_geometry_is_remembered(make_window, plan_path):
    window = make_window(plan_path)
    window.resize(700, 500)
    window.close()
    again = make_window(plan_path)
    assert (again.width(), again.height()) == (700, 500)


def test_discarding_after_a_failed_save_leaves_no_recovery_copy(window, alerts, monkeypatch):
    session = window.session
    path = session.path
    _fail_writes(monkeypatch, session)
    window.push_edit(SetBody(session.plan.sections[0].id, ["不要了"]), "x")
    assert recovery.recovery_path(path).exists()
    alerts.answer("choose", "discard")
    window.close()
    assert not window.isVisible()
    assert not recovery.recovery_path(path).exists()
    with PlanFile.open(path) as reopened:
        assert reopened.load().sections[0].body != ["不要了"]


def _choose_first_backup(monkeypatch, offered):
    from planner_gui.dialogs import restore_backup

    def pick(parent, backups):
        offered.extend(backups)
        return (backups[-1].path, True) if backups else (None, False)
    monkeypatch.setattr(restore_backup, "get_backup", pick)


def test_restore_from_backup_brings_back_the_plan_as_it_was(make_window, plan_path, monkeypatch):
    window = make_window(plan_path)
    original = window.session.plan.meta.title
    window.push_edit(SetBody(window.session.plan.sections[0].id, ["改过的文字"]), "set")
    from planner_gui.core.edits import SetMeta
    window.push_edit(SetMeta({"title": "改坏的标题"}), "set")
    offered = []
    _choose_first_backup(monkeypatch, offered)
    assert window.restore_from_backup()
    assert offered, "opening the plan made a backup"
    assert window.session.path is not None and os.path.samefile(window.session.path, plan_path)
    assert window.session.plan.meta.title == original
    assert not window.session.plan_file.read_only


def test_damaged_plan_is_offered_its_backup(make_window, plan_path, alerts, monkeypatch):
    window = make_window(plan_path)  # opening makes the first backup
    title = window.session.plan.meta.title
    window.close_plan()
    data = bytearray(plan_path.read_bytes())
    data[100:4000] = os.urandom(3900)
    plan_path.write_bytes(bytes(data))
    offered = []
    _choose_first_backup(monkeypatch, offered)
    assert window.open_path(plan_path)
    assert any("备份" in text for text in alerts.messages("confirm"))
    assert window.session.plan.meta.title == title


def test_restore_needs_a_plan_file(window, alerts):
    window.close_plan()  # back to the sample, which is not a file
    assert not window.restore_from_backup()
    assert alerts.messages("info")
