"""Search backends that understand Vietnamese typed with or without diacritics.

* `search.backends.database`: Wagtail's database backend (SQLite FTS5 or PostgreSQL) that
  indexes a folded copy of the text and folds every query (see search/text.py).
* `search.backends.elasticsearch`: the elasticsearch8 backend with ASCII folding analyzers,
  which falls back to the database backend when the server cannot be reached.
"""
