"""Files: texts read exactly as stored, and atomic writes (a temporary file in the same folder,
fsync, then rename).

A failed or interrupted write leaves the previous file byte-identical and no
temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from kg.core.errors import ExportError, SourceError


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically; returns ``path``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    # Named before it exists, so that an interruption at any point (SIGTERM arrives
    # as SystemExit) can remove it: mkstemp could be stopped after creating its file
    # and before telling its name. os.urandom, not secrets: importing that costs ~5 ms.
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"{path}: cannot write: {e.strerror}") from e
    try:
        with open(tmp, "xb") as handle:
            os.chmod(tmp, _mode_for(path))
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        if not isinstance(e, FileExistsError):  # never remove a file that is not ours
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(e, OSError):
            raise ExportError(f"{path}: cannot write: {e.strerror}") from e
        raise
    return path


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def cannot_read(path: Path | str, error: OSError) -> str:
    """The one wording of a file that cannot be read: ``cannot read x.ttl: no such file``."""
    reason = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
    return f"cannot read {path}: {(reason or str(error)).lower()}"


def read_text(path: Path) -> str:
    """Read a UTF-8 text exactly as stored (no newline translation)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise SourceError(f"{path}: no such file") from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SourceError(f"{path}: not UTF-8 at byte {e.start}") from e
