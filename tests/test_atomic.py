"""Writes are atomic: a failed or killed write leaves the previous file intact."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.core.errors import ExportError
from kg.core.files import write_atomic


def test_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "one")
    target.chmod(0o640)
    write_atomic(target, "두")
    assert target.read_text(encoding="utf-8") == "두"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "previous")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomic(target, "new content")
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_unwritable_folder_is_an_export_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        write_atomic(blocker / "out.txt", "x")


def kill_half_way(command: list[str], out: Path, sig: int) -> None:
    """Start a build into ``out`` and send it ``sig`` once it is writing: as soon as a
    temporary file shows, or kg.ttl (the first of the three) has been replaced."""
    ttl = (out / "kg.ttl").stat()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if any(p.name.startswith(".") for p in out.iterdir()):
            break
        now = (out / "kg.ttl").stat()
        if (now.st_ino, now.st_mtime_ns) != (ttl.st_ino, ttl.st_mtime_ns):
            break
        time.sleep(0.002)
    process.send_signal(sig)  # nothing happens if the build has already ended
    process.wait()


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killing_a_build_half_way_keeps_the_previous_outputs(
    built_dir: Path, tmp_path: Path, sig: int
) -> None:
    out = tmp_path / "dist"
    shutil.copytree(built_dir, out)  # the previous outputs: the session's build
    reference = {p.name: p.read_bytes() for p in out.iterdir()}
    kill_half_way([sys.executable, "-m", "kg.cli", "build", "--out", str(out)], out, sig)
    finals = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert finals == reference, f"outputs changed after signal {sig}"
    if sig == signal.SIGTERM:
        assert not [p for p in out.iterdir() if p.name.startswith(".")], "temp file left"
