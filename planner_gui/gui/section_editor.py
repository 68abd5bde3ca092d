"""The right-hand editor: a section's heading and paragraphs, or the plan's
opening (开头) or closing (结尾) paragraphs.

One paragraph per text block. Paste keeps the paragraphs and drops the
formatting (Word's HTML would otherwise bring fonts and tables along). The
panel never changes the plan: it emits what the user typed and the main
window turns it into undoable edits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QTextEdit, QVBoxLayout, QWidget

from ..core.sanitize import indent_length
from ..models.outline_model import PREAMBLE, SECTION
from .undo import WindowUndoKeys

#: What find and replace is looking for, marked in the text as Word marks it.
MATCH_BACKGROUND = QColor("#ffe066")


#: Files the window opens or imports when dropped on it.
DROPPED_SUFFIXES = (".ghjh", ".docx", ".doc", ".wps", ".txt")


def dropped_plan_file(mime) -> str | None:
    """The one local file of a kind the window takes (a plan, a Word or text
    plan) in a drag's data, or None."""
    if mime is None or not mime.hasUrls():
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    if len(files) != 1 or not files[0].lower().endswith(DROPPED_SUFFIXES):
        return None
    return files[0]


def paragraphs_of(text: str) -> list[str]:
    """Editor text -> paragraphs; an empty editor is no paragraphs at all."""
    return [] if text == "" else text.split("\n")


class ParagraphEdit(QTextEdit):
    """Plain text, one paragraph per block, shown with a first-line indent of
    two characters like the printed plan; paste as plain text."""

    focus_left = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self._needle = ""
        self._match_case = False
        self.textChanged.connect(self._mark_matches)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.setFont(font)

    def set_paragraphs_text(self, text: str) -> None:
        self.setPlainText(text)
        self.format_blocks()
        self._mark_matches()

    def highlight(self, needle: str, match_case: bool = False) -> None:
        """Mark every occurrence of `needle` (find and replace is open); "" clears."""
        self._needle, self._match_case = needle, match_case
        self._mark_matches()

    def _mark_matches(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self._needle:
            # Imported when find and replace first marks something: their
            # Python enums would cost every start-up about 2 ms.
            from PySide6.QtGui import QTextCharFormat, QTextDocument

            flags = QTextDocument.FindFlag.FindCaseSensitively if self._match_case \
                else QTextDocument.FindFlag(0)
            marked = QTextCharFormat()
            marked.setBackground(MATCH_BACKGROUND)
            cursor = self.document().find(self._needle, 0, flags)
            while not cursor.isNull() and len(selections) < 2000:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = marked
                selections.append(selection)
                cursor = self.document().find(self._needle, cursor, flags)
        self.setExtraSelections(selections)

    def marked_matches(self) -> list[tuple[int, int]]:
        """(start, end) of every marked occurrence (for tests and screenshots)."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.extraSelections()]

    def format_blocks(self) -> None:
        """First-line indent and a little space after each paragraph."""
        metrics = self.fontMetrics()
        block_format = QTextBlockFormat()
        block_format.setTextIndent(metrics.horizontalAdvance("中") * 2)
        block_format.setBottomMargin(metrics.height() * 0.35)
        block_format.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)

    def keyPressEvent(self, event):
        # Shift+Enter would make a line break inside a paragraph, which the
        # plan does not have: it starts a new paragraph like Enter.
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ShiftModifier:
            self.textCursor().insertBlock()
            return
        super().keyPressEvent(event)

    def strip_indents(self) -> bool:
        """Take away indentation typed or pasted at the start of paragraphs
        (the first-line indent is the document's); True when any was."""
        changed = False
        block = self.document().firstBlock()
        while block.isValid():
            length = indent_length(block.text())
            if length:
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                changed = True
            block = block.next()
        return changed

    def insertFromMimeData(self, source):
        if source.hasText():
            text = source.text().replace("\r\n", "\n").replace("\r", "\n")
            text = text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\x0b", "\n")
            self.insertPlainText(text)

    def canInsertFromMimeData(self, source):
        # A plan or Word file dropped here is for the window (open or import),
        # not its path as text.
        return source.hasText() and dropped_plan_file(source) is None

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.focus_left.emit()


class SectionEditor(QWidget):
    """Shows one target: ("section", id), ("preamble", None) or ("closing", None)."""

    heading_edited = Signal(str, str)          # section id, heading
    body_edited = Signal(str, object, object)  # kind, section id | None, paragraphs
    typing_paused = Signal()                   # focus left: the next keystroke starts a new undo step

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sectionPanel")
        self._session = None
        self._kind: str | None = None
        self._section_id: str | None = None
        self._loading = False
        self._read_only = False

        self.caption = QLabel(self)
        self.caption.setObjectName("sectionCaption")
        caption_font = QFont(self.caption.font())
        caption_font.setBold(True)
        self.caption.setFont(caption_font)
        self.heading = QLineEdit(self)
        self.heading.setObjectName("headingEdit")
        self.heading.setPlaceholderText("章节标题")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.editor = ParagraphEdit(self)
        self.editor.setObjectName("sectionEditor")
        self._undo_keys = WindowUndoKeys(self)
        self.editor.installEventFilter(self._undo_keys)
        self.heading.installEventFilter(self._undo_keys)
        self.editor.setPlaceholderText(
            "在这里输入正文；按回车键另起一段。")
        self.editor.setTabChangesFocus(False)
        self.hint = QLabel(self)
        self.hint.setObjectName("sectionHint")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.hint)

        self.heading.textEdited.connect(self._heading_typed)
        self.heading.editingFinished.connect(self.typing_paused)
        self.editor.textChanged.connect(self._body_typed)
        self.editor.focus_left.connect(self.typing_paused)
        self.show_target(None, None)

    # --- what is shown ------------------------------------------------------
    @property
    def target(self) -> tuple[str | None, str | None]:
        return self._kind, self._section_id

    def set_session(self, session) -> None:
        self._session = session
        self.show_target(None, None)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.heading.setReadOnly(read_only)
        self.editor.setReadOnly(read_only)

    def show_target(self, kind: str | None, section_id: str | None = None, number: str = "") -> None:
        self._kind, self._section_id = kind, section_id
        plan = self._session.plan if self._session is not None else None
        self._loading = True
        try:
            if plan is None or kind is None:
                self.caption.setText("请在左侧大纲中选择一个章节。")
                self.heading.hide()
                self.editor.set_paragraphs_text("")
                self.editor.setEnabled(False)
                self.hint.setText("")
                return
            self.editor.setEnabled(True)
            if kind == SECTION:
                section = plan.find_section(section_id)
                self.caption.setText(f"章节 {number}")
                self.heading.show()
                self.heading.setText(section.heading if section else "")
                self.editor.set_paragraphs_text("\n".join(section.body) if section else "")
                self.hint.setText("序号根据章节在大纲中的位置自动生成，无需输入。")
            else:
                self.heading.hide()
                if kind == PREAMBLE:
                    self.caption.setText("开头（指导思想）")
                    self.hint.setText("第一个带序号的章节之前的段落。")
                else:
                    self.caption.setText("结尾")
                    self.hint.setText("最后一个章节之后、落款之前的段落。")
                self.editor.set_paragraphs_text("\n".join(getattr(plan, kind)))
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._loading = False

    def current_paragraphs(self) -> list[str]:
        return paragraphs_of(self.editor.toPlainText())

    def refresh(self, number: str = "") -> None:
        """The plan changed under us (undo, replace): show it, keeping the cursor."""
        plan = self._session.plan if self._session is not None else None
        if plan is None or self._kind is None:
            return
        if self._kind == SECTION:
            section = plan.find_section(self._section_id)
            if section is None:
                self.show_target(None, None)
                return
            if number:
                self.caption.setText(f"章节 {number}")
            if self.heading.text() != section.heading:
                self._loading = True
                self.heading.setText(section.heading)
                self._loading = False
            body = section.body
        else:
            body = getattr(plan, self._kind)
        if self.current_paragraphs() != body:
            self._set_text_keeping_cursor("\n".join(body))

    def _set_text_keeping_cursor(self, text: str) -> None:
        position = self.editor.textCursor().position()
        bar = self.editor.verticalScrollBar().value()
        self._loading = True
        try:
            self.editor.set_paragraphs_text(text)
            cursor = self.editor.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.editor.setTextCursor(cursor)
            self.editor.verticalScrollBar().setValue(bar)
        finally:
            self._loading = False

    def select_text(self, paragraph: int, start: int, end: int) -> None:
        """Put the cursor on a match: paragraph index, character span."""
        block = self.editor.document().findBlockByNumber(paragraph)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(start, block.length() - 1))
        cursor.setPosition(block.position() + min(end, block.length() - 1), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_heading(self, start: int, end: int) -> None:
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)
        self.heading.setSelection(start, end - start)

    # --- typing -----------------------------------------------------------------
    def _heading_typed(self, text: str) -> None:
        if not self._loading and self._kind == SECTION and self._section_id:
            self.heading_edited.emit(self._section_id, text)

    def _body_typed(self) -> None:
        if self._loading or self._kind is None or self._read_only:
            return
        self._loading = True   # the cleaning below changes the text again
        try:
            self.editor.strip_indents()
        finally:
            self._loading = False
        self.body_edited.emit(self._kind, self._section_id, self.current_paragraphs())
