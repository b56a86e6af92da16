"""Importing the province's business registry lists (CSV or XLSX), with a dry run first.

See docs/enterprises.md for the columns. The registry is a client of the site's one import
engine (`core.importing`: streamed readers, the dry-run/commit pass, the report); this package
holds what is the registry's own: the columns and how cells are read (`columns.py`), the
lookups of sectors and units and the batched writes (`engine.py`).
"""

from core.importing import ImportReport, RowResult, UnsupportedFile

from .columns import COLUMNS
from .engine import EnterpriseImporter, import_file, written

__all__ = ["COLUMNS", "EnterpriseImporter", "ImportReport", "RowResult", "UnsupportedFile", "import_file", "written"]
