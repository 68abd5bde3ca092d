"""The status bar: 字数 of the section and of the plan, whether everything
is saved, and why not (read-only file, sample plan, a failed write)."""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtWidgets import QLabel, QStatusBar

from ..core.locations import TEXT_ACTIVITY_FIELDS, TEXT_META_FIELDS
from ..core.wordcount import count_all, count_words


def plan_texts(plan) -> list[str]:
    """The texts core.wordcount.plan_words counts (core.locations.iter_texts,
    in the same order), without making a Location for each."""
    texts = [getattr(plan.meta, name) for name in TEXT_META_FIELDS]
    texts += plan.preamble
    for section in plan.walk():
        texts.append(section.heading)
        texts += section.body
    fields = attrgetter(*TEXT_ACTIVITY_FIELDS)
    for activity in plan.schedule:
        texts += fields(activity)
    texts += plan.closing
    return texts


class WordCounter:
    """plan_words() after every edit, without recounting every character:
    each text's count is remembered by the text itself, so only texts that
    changed since the last count are counted again (a keystroke recounts one
    paragraph, not the 30,000 characters of a large plan)."""

    def __init__(self):
        self._counts: dict[str, int] = {}

    def plan_words(self, plan) -> int:
        texts = plan_texts(plan)
        known = self._counts
        counts = list(map(known.get, texts))
        if None in counts:
            if len(known) > 2 * len(texts) + 64:   # keep only what the plan still holds
                known = self._counts = {t: n for t, n in zip(texts, counts) if n is not None}
            for i, words in enumerate(counts):
                if words is None:
                    text = texts[i]
                    words = known.get(text)
                    if words is None:
                        words = known[text] = count_words(text)
                    counts[i] = words
        return sum(counts)  # type: ignore[arg-type]  # every None was counted above


class PlanStatusBar(QStatusBar):
    SAVED, SAVING, UNSAVED = "saved", "saving", "unsaved"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.section_count = QLabel(self)
        self.section_count.setObjectName("sectionWordCount")
        self.plan_count = QLabel(self)
        self.plan_count.setObjectName("planWordCount")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveState")
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("readOnlyNotice")
        self.notice_label.hide()
        self.addWidget(self.notice_label)
        self.addPermanentWidget(self.section_count)
        self.addPermanentWidget(self.plan_count)
        self.addPermanentWidget(self.save_label)
        self.state = self.SAVED
        self.counter = WordCounter()
        self._counted = None   # (plan, its 字数) when last counted

    def show_counts(self, plan, kind, section_id, editor_texts=None, plan_changed=True) -> None:
        """editor_texts: the paragraphs as typed (may be a moment ahead of the plan);
        plan_changed=False: only another part was selected, the plan's total stands."""
        if plan_changed or self._counted is None or self._counted[0] is not plan:
            self._counted = (plan, self.counter.plan_words(plan))
        total = self._counted[1]
        self.plan_count.setText(f"全文 {total} 字")
        if kind is None or kind == "meta":
            self.section_count.setText("")
            return
        if editor_texts is not None:
            words = count_all(editor_texts)
            if kind == "section":
                section = plan.find_section(section_id)
                words += count_words(section.heading) if section is not None else 0
        elif kind == "section":
            section = plan.find_section(section_id)
            words = count_words(section.heading) + count_all(section.body) if section else 0
        else:
            words = count_all(getattr(plan, kind))
        self.section_count.setText(f"本节 {words} 字")

    def show_saved(self) -> None:
        self.state = self.SAVED
        self.save_label.setText("全部已保存")
        self.save_label.setToolTip("")

    def show_note(self, text: str) -> None:
        """Nothing to save, for a reason the user should know (the sample plan)."""
        self.state = self.SAVED
        self.save_label.setText(text)
        self.save_label.setToolTip("")

    def show_saving(self) -> None:
        self.state = self.SAVING
        self.save_label.setText("正在保存…")

    def show_unsaved(self, reason: str) -> None:
        self.state = self.UNSAVED
        self.save_label.setText(f"未保存：{reason}")
        self.save_label.setToolTip(reason)

    def show_notice(self, text: str | None) -> None:
        self.notice_label.setText(text or "")
        self.notice_label.setVisible(bool(text))
