"""Uploaded spreadsheets: limits checked before any parser runs, and a private staging area.

`check_spreadsheet` refuses, from the bytes alone and in bounded memory, a file that is too
big, a CSV with too many lines, a line (so a field) over `IMPORT_MAX_FIELD_BYTES` or a NUL
byte, and an XLSX whose zip declares more uncompressed bytes than `IMPORT_MAX_UNCOMPRESSED`
(a zip bomb is refused from its central directory in milliseconds; Python's zipfile never
inflates past a member's declared size, so the declaration bounds what openpyxl can read) or
whose first sheet declares more rows than allowed.

Staged files (waiting between a dry run and its confirmation) live under
`PRIVATE_MEDIA_ROOT`/staged (never under MEDIA_ROOT, which the web server may publish); they are
deleted on confirmation, on cancellation, and by `manage.py purge_staged_uploads` after a day.
"""

from __future__ import annotations

import re
import time
import uuid
import zipfile
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

CHUNK = 1024 * 1024


class UploadRefused(ValueError):
    """The file breaks a limit; the message is for the person who uploaded it."""


def limits() -> dict[str, int]:
    return {
        "bytes": getattr(settings, "IMPORT_MAX_BYTES", 20 * 1024 * 1024),
        "rows": getattr(settings, "IMPORT_MAX_ROWS", 200_000),
        "uncompressed": getattr(settings, "IMPORT_MAX_UNCOMPRESSED", 150 * 1024 * 1024),
        "field": getattr(settings, "IMPORT_MAX_FIELD_BYTES", 128 * 1024),
    }


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f}"


def check_spreadsheet(handle: Any, name: str) -> None:
    """Raise UploadRefused when the upload breaks a limit. `handle` is a binary file."""
    limit = limits()
    size = getattr(handle, "size", None)
    if size is None:
        handle.seek(0, 2)
        size = handle.tell()
    if size > limit["bytes"]:
        raise UploadRefused(_("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": _mb(limit["bytes"])})
    handle.seek(0)
    suffix = Path(str(name)).suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            _check_xlsx(handle, limit)
        else:
            _check_csv(handle, limit)
    finally:
        handle.seek(0)


def _check_csv(handle: IO[bytes], limit: dict[str, int]) -> None:
    lines = 0
    line_length = 0
    while chunk := handle.read(CHUNK):
        if b"\x00" in chunk:
            raise UploadRefused(_("Tệp chứa ký tự NUL không hợp lệ."))
        parts = chunk.split(b"\n")
        lines += len(parts) - 1
        for part in parts[:-1]:
            if line_length + len(part) > limit["field"]:
                raise UploadRefused(_("Có dòng dài quá %(kb)s KB.") % {"kb": limit["field"] // 1024})
            line_length = 0
        line_length += len(parts[-1])
        if line_length > limit["field"]:
            raise UploadRefused(_("Có dòng dài quá %(kb)s KB.") % {"kb": limit["field"] // 1024})
        if lines > limit["rows"]:
            raise UploadRefused(_("Tệp có quá %(rows)s dòng.") % {"rows": limit["rows"]})


DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


def _check_xlsx(handle: IO[bytes], limit: dict[str, int]) -> None:
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRefused(_("Không đọc được tệp Excel (tệp hỏng hoặc không phải XLSX)."))
    with archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
        if len(members) > 10_000 or declared > limit["uncompressed"]:
            raise UploadRefused(_("Tệp Excel giải nén ra quá %(mb)s MB.") % {"mb": _mb(limit["uncompressed"])})
        sheets = sorted(m.filename for m in members if m.filename.startswith("xl/worksheets/sheet"))
        if sheets:
            with archive.open(sheets[0]) as sheet:
                head = sheet.read(4096)
            match = DIMENSION.search(head)
            if match and match.group(1) and int(match.group(1)) > limit["rows"] + 1:
                raise UploadRefused(_("Tệp có quá %(rows)s dòng.") % {"rows": limit["rows"]})


# --- staging ---------------------------------------------------------------------------

STAGING_MAX_AGE = 24 * 60 * 60


def staging_storage(area: str) -> FileSystemStorage:
    # On the local disk even when private files go to a bucket: the parsers read a path.
    return FileSystemStorage(location=Path(settings.PRIVATE_MEDIA_ROOT) / "staged" / area)


def stage(area: str, upload: Any, name: str) -> str:
    """Store an upload for later confirmation; returns its staged name."""
    suffix = Path(str(name)).suffix.lower()
    return staging_storage(area).save(f"{uuid.uuid4().hex}{suffix}", upload)


def unstage(area: str, staged: str) -> None:
    storage = staging_storage(area)
    if staged and storage.exists(staged):
        storage.delete(staged)


def purge_staged(max_age: int = STAGING_MAX_AGE, now: float | None = None) -> int:
    """Delete staged files older than `max_age` seconds, in every area. Returns how many."""
    root = Path(staging_storage("x").location).parent
    now = now or time.time()
    removed = 0
    if not root.exists():
        return 0
    for path in root.glob("*/*"):
        if path.is_file() and now - path.stat().st_mtime > max_age:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
