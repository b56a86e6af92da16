"""Importing the province's business registry lists (CSV or XLSX), with a dry run first.

See docs/enterprises.md for the columns. Rows are streamed (csv reader, openpyxl read-only),
validated, and written in batches inside one transaction; any rejected row rolls the whole
import back, so a bad file changes nothing.
"""

from .columns import COLUMNS
from .engine import ImportReport, RowResult, import_file
from .readers import UnsupportedFile

__all__ = ["COLUMNS", "ImportReport", "RowResult", "UnsupportedFile", "import_file"]
