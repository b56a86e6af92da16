"""Private uploads: stored apart from public media, named at random, typed by their content.

`private_storage()` is the storage of every file people must not fetch by guessing a URL
(nomination evidence): settings.STORAGES["private"], a FileSystemStorage under
PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT, no base URL) or a private S3 bucket. Nothing in it
has a public address; an app serves a file through its own view after checking the viewer's
rights, with `file_response`.

`sniff` reads the first bytes (and, for Office files, the zip's table of contents) instead of
trusting the name or the browser's content type: a renamed executable is refused.
"""

import os
import secrets
import zipfile
from collections.abc import Collection
from typing import IO, Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

# kind -> (extension, content type)
KINDS = {
    "pdf": ("pdf", "application/pdf"),
    "jpeg": ("jpg", "image/jpeg"),
    "png": ("png", "image/png"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


class PrivateFileSystemStorage(FileSystemStorage):
    """A FileSystemStorage whose files have no URL at all (FileSystemStorage would fall back
    to MEDIA_URL): a template that tries `file.url` fails loudly instead of linking /media/."""

    def url(self, name: str | None) -> str:
        raise ValueError("private files have no public URL; serve them through a view that checks rights")


class PrivateStorage(Storage):
    """Stands for `storages["private"]`, looked up at every use: a FileField evaluates its
    storage callable once, when the model class is built, so without this a deployment or a test
    that changes STORAGES["private"] afterwards would still write to the old place."""

    def _target(self) -> Storage:
        return storages["private"]

    def _open(self, name: str, mode: str = "rb") -> Any:
        return self._target().open(name, mode)

    def _save(self, name: str, content: Any) -> str:
        return self._target().save(name, content)

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        return self._target().save(name, content, max_length=max_length)

    def generate_filename(self, filename: str | os.PathLike[str]) -> str:
        return self._target().generate_filename(filename)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return self._target().get_available_name(name, max_length=max_length)

    def delete(self, name: str) -> None:
        self._target().delete(name)

    def exists(self, name: str) -> bool:
        return self._target().exists(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return self._target().listdir(path)

    def size(self, name: str) -> int:
        return self._target().size(name)

    def path(self, name: str) -> str:
        return self._target().path(name)

    def url(self, name: str | None) -> str:
        return self._target().url(name)

    def get_modified_time(self, name: str) -> Any:
        return self._target().get_modified_time(name)


_private = PrivateStorage()


def private_storage() -> Storage:
    """The private storage (a callable, so migrations do not freeze its location)."""
    return _private


def _office_kind(upload: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def sniff(upload: Any) -> str | None:
    """The kind of an uploaded file by its content ("pdf", "jpeg", "png", "docx", "xlsx"),
    or None for anything else."""
    upload.seek(0)
    head = upload.read(8)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"PK\x03\x04"):
        upload.seek(0)
        kind = _office_kind(upload)
    upload.seek(0)
    return kind


def check_upload(upload: Any, kinds: Collection[str] = tuple(KINDS), max_size: int | None = None) -> str:
    """The kind of an acceptable upload; ValidationError with a clear message otherwise."""
    max_size = max_size or settings.PRIVATE_UPLOAD_MAX_SIZE
    if upload.size > max_size:
        raise ValidationError(
            _("Tệp %(name)s quá lớn (tối đa %(size)s MB)."),
            code="too_big",
            params={"name": upload.name, "size": max_size // (1024 * 1024)},
        )
    kind = sniff(upload)
    if kind not in kinds:
        raise ValidationError(
            _("Tệp %(name)s không phải PDF, ảnh JPEG/PNG, Word (.docx) hay Excel (.xlsx)."),
            code="bad_type",
            params={"name": upload.name},
        )
    return cast(str, kind)


def random_name(kind: str, prefix: str = "") -> str:
    """A name nobody can guess, with the extension of the detected kind."""
    return f"{prefix}{secrets.token_urlsafe(24)}.{KINDS[kind][0]}"


def kind_of_name(name: str) -> str | None:
    extension = name.rsplit(".", 1)[-1].lower()
    return next((kind for kind, (ext, _type) in KINDS.items() if ext == extension), None)


def file_response(field_file: Any, download_name: str) -> FileResponse:
    """Stream a private file: never cached, never sniffed by the browser, always downloaded
    (a PDF or an image cannot run script in the site's origin)."""
    kind = kind_of_name(field_file.name)
    content_type = KINDS[kind][1] if kind else "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=download_name, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Robots-Tag"] = "noindex"
    return response
