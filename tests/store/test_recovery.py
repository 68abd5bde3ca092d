"""Recovery copies in the user data folder: written whole, found, discarded."""

from planner_gui.core.edits import SetHeading, apply_edit
from planner_gui.core.interchange import dumps
from planner_gui.store import PlanFile
from planner_gui.store.recovery import RecoveryFolder


def test_writer_keeps_the_plan_in_memory_as_a_plan_file(plan_path, sample_plan, tmp_path_factory):
    folder = RecoveryFolder(tmp_path_factory.mktemp("appdata") / "recovery")
    apply_edit(sample_plan, SetHeading("s1", "只在内存中的修改"))
    write = folder.writer(plan_path)
    write(sample_plan)
    write(sample_plan)   # replaced, not piled up
    copy = folder.find(plan_path)
    assert copy is not None and copy.source == plan_path.absolute()
    with PlanFile.open(copy.path, read_only=True) as plan_file:
        assert plan_file.integrity_ok()
        assert dumps(plan_file.load()) == dumps(sample_plan)
    assert [c.path for c in folder.copies()] == [copy.path]
    folder.discard(plan_path)
    assert folder.find(plan_path) is None and folder.copies() == []


def test_unsaved_plan_and_damaged_copy(sample_plan, tmp_path):
    folder = RecoveryFolder(tmp_path / "recovery")
    path = folder.write(sample_plan, None)
    assert folder.find(None).source is None
    path.write_bytes(b"damaged")
    assert folder.find(None) is None and folder.copies() == []
