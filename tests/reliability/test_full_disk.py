"""A full disk and a pulled drive, on real file systems made by the test.

Full disk: a 1 MB tmpfs holding the plan is filled until a write fails.
Pulled drive: an ext4 image on a loop device is shut down under the open plan
(EXT4_IOC_SHUTDOWN: every later I/O fails, as when a USB stick is pulled),
then mounted again as if plugged back in.

Either way: the user is told in a sentence (session.save_failed), the plan on
disk is still whole, the edit is kept in memory and in the recovery copy, and
saving elsewhere works. Needs root and permission to mount; skipped otherwise.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from planner_gui.core.edits import SetBody, SetHeading
from planner_gui.core.interchange import dumps
from planner_gui.store import PlanFile
from planner_gui.store.recovery import RecoveryFolder

EXT4_IOC_SHUTDOWN = 0x8004587D          # _IOR('X', 125, __u32)
EXT4_GOING_FLAGS_NOLOGFLUSH = 0x2


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True)


def _need_root():
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root and mount(8) to make a small file system")


@pytest.fixture
def tiny_disk(tmp_path):
    _need_root()
    point = tmp_path / "stick"
    point.mkdir()
    made = _run("mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(point))
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    yield point
    _run("umount", "-l", str(point))


@pytest.fixture
def usb_stick(tmp_path):
    """(mount point, plug_in()) for an 8 MB ext4 image on a loop device."""
    _need_root()
    if not shutil.which("mkfs.ext4"):
        pytest.skip("mkfs.ext4 is not installed")
    image = tmp_path / "stick.img"
    with open(image, "wb") as handle:
        handle.truncate(8 * 1024 * 1024)
    made = _run("mkfs.ext4", "-q", "-F", str(image))
    if made.returncode != 0:
        pytest.skip(f"mkfs.ext4 failed: {made.stderr.strip()}")
    point = tmp_path / "stick"
    point.mkdir()

    def plug_in():
        result = _run("mount", "-o", "loop", str(image), str(point))
        if result.returncode != 0:
            pytest.skip(f"cannot mount a loop device here: {result.stderr.strip()}")

    plug_in()
    yield point, plug_in
    _run("umount", "-l", str(point))


def fill(folder: Path) -> Path:
    """Write until the file system says it is full."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\xAA" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def open_session(path: Path, recovery: RecoveryFolder):
    from planner_gui.models.session import PlanSession

    plan_file = PlanFile.open(path)
    session = PlanSession(plan_file.load(), plan_file, recovery=recovery.writer(path))
    told: list[str] = []
    session.save_failed.connect(told.append)
    return session, told


def check_kept_and_recovered(session, told, recovery, path, figures, case):
    assert len(told) == 1 and ("磁盘" in told[0]) and "Traceback" not in told[0]
    assert not session.saved
    copy = recovery.find(path)
    assert copy is not None and copy.source == path.absolute()
    with PlanFile.open(copy.path, read_only=True) as recovered:
        assert dumps(recovered.load()) == dumps(session.plan)     # the edit is in the copy
    figures("full disk", case, 1, told[0])


def test_full_disk(tiny_disk, tmp_path, sample_plan, qapp, figures):
    path = tiny_disk / "计划.ghjh"
    PlanFile.create(path, sample_plan).close()
    recovery = RecoveryFolder(tmp_path / "appdata" / "recovery")
    session, told = open_session(path, recovery)
    session.apply(SetHeading("s1", "磁盘满之前的修改"))
    committed = dumps(session.plan)
    filler = fill(tiny_disk)
    session.apply(SetBody("s1", ["磁盘满时输入的一大段文字。" * 2000] * 4))
    check_kept_and_recovered(session, told, recovery, path, figures,
                             "plan on a 1 MB file system filled until a write fails")
    in_memory = dumps(session.plan)
    assert in_memory != committed
    # The plan on disk is still whole: the last committed state.
    assert session.plan_file.integrity_ok()
    assert dumps(session.plan_file.load()) == committed and not session.plan_file.damaged
    # Another edit while still full: told again, nothing on disk changes.
    session.apply(SetHeading("s2", "仍然满"))
    assert len(told) == 2 and dumps(session.plan_file.load()) == committed
    # Saving elsewhere works, and the session carries on there.
    elsewhere = tmp_path / "另存为.ghjh"
    session.replace_file(PlanFile.create(elsewhere, session.plan))
    session.apply(SetHeading("s3", "另存为之后的修改"))
    assert session.saved
    final = dumps(session.plan)
    session.close()
    with PlanFile.open(elsewhere) as saved:
        assert dumps(saved.load()) == final
    with PlanFile.open(path) as original:
        assert original.integrity_ok() and dumps(original.load()) == committed
    # With room again, the next save writes everything kept in memory.
    filler.unlink()
    session, told = open_session(path, recovery)
    session.apply(SetBody("s1", ["腾出空间后的修改"]))
    assert session.saved and not told
    session.close()
    figures("full disk", "after the disk is full: save elsewhere, then free space and save", 2,
            "saved; plan on the full disk whole and unchanged")


def test_full_disk_then_space_freed_saves_everything(tiny_disk, tmp_path, sample_plan, qapp):
    path = tiny_disk / "计划.ghjh"
    PlanFile.create(path, sample_plan).close()
    recovery = RecoveryFolder(tmp_path / "appdata" / "recovery")
    session, told = open_session(path, recovery)
    filler = fill(tiny_disk)
    session.apply(SetBody("s1", ["满时输入。" * 3000] * 3))
    session.apply(SetHeading("s2", "满时改的标题"))
    assert len(told) == 2 and not session.saved
    filler.unlink()
    assert session.flush() and session.saved
    expected = dumps(session.plan)
    session.close()
    with PlanFile.open(path) as plan_file:
        assert plan_file.integrity_ok() and dumps(plan_file.load()) == expected


def test_pulled_drive(usb_stick, tmp_path, sample_plan, qapp, figures):
    point, plug_in = usb_stick
    path = point / "计划.ghjh"
    PlanFile.create(path, sample_plan).close()
    recovery = RecoveryFolder(tmp_path / "appdata" / "recovery")
    session, told = open_session(path, recovery)
    session.apply(SetHeading("s1", "拔出之前的修改"))
    committed = dumps(session.plan)
    # Pull the stick: every later read and write of that file system fails.
    handle = os.open(point, os.O_RDONLY)
    try:
        fcntl.ioctl(handle, EXT4_IOC_SHUTDOWN, struct.pack("I", EXT4_GOING_FLAGS_NOLOGFLUSH))
    except OSError as exc:
        pytest.skip(f"cannot shut the test file system down: {exc}")
    finally:
        os.close(handle)
    session.apply(SetHeading("s2", "拔出之后的修改"))
    assert len(told) == 1 and "U 盘" in told[0]
    copy = recovery.find(path)
    with PlanFile.open(copy.path, read_only=True) as recovered:
        assert dumps(recovered.load()) == dumps(session.plan)
    elsewhere = tmp_path / "另存为.ghjh"
    session.replace_file(PlanFile.create(elsewhere, session.plan))
    assert session.saved
    session.close()
    # Plug it back in: the plan there is whole and holds what was committed.
    assert _run("umount", str(point)).returncode == 0
    plug_in()
    with PlanFile.open(path) as plan_file:
        assert plan_file.integrity_ok()
        assert dumps(plan_file.load()) == committed and not plan_file.damaged
    figures("full disk", "USB stick pulled under the open plan (ext4 shut down), plugged back", 1,
            told[0], kept_in_recovery_copy=1)
