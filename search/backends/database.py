"""Wagtail's database search backend, folding Vietnamese on index and on query.

Used as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends.database".
Options: SEARCH_CONFIG (PostgreSQL text search configuration, default "dx_vietnamese",
created by search/migrations/0001; built on `simple` with `unaccent`, so no English stemming
or stop words).
"""

from django.db import connection
from modelsearch.backends.base import EmptySearchResults
from modelsearch.index import RelatedFields
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from search.text import fold, index_text, query_terms

POSTGRES_SEARCH_CONFIG = "dx_vietnamese"


def _terms_query(terms, operator, exact):
    """Match every folded word (or any, with operator "or"); with `exact`, also score the words'
    exact tokens so results spelled with the visitor's marks rank first."""
    folded = [PlainText(word) for word, _token in terms]
    combine = Or if operator == "or" else And
    base = folded[0] if len(folded) == 1 else combine(folded)
    tokens = [PlainText(token) for _word, token in terms if token]
    if not exact or not tokens:
        return base
    bonus = tokens[0] if len(tokens) == 1 else Or(tokens)
    # (base) OR (base AND bonus): the same matches as `base`, more weight when the marks agree.
    return Or([base, And([base, bonus])])


def vietnamese_query(query, operator=None, exact=True):
    """The query in the index's folded form, or None when nothing searchable is left."""
    if isinstance(query, str):
        query = PlainText(query, operator=operator or "and")
    if isinstance(query, PlainText):
        terms = query_terms(query.query_string)
        return _terms_query(terms, query.operator, exact) if terms else None
    if isinstance(query, Phrase):
        text = " ".join(word for word, _token in query_terms(query.query_string))
        return Phrase(text) if text else None
    if isinstance(query, Fuzzy):
        return Fuzzy(fold(query.query_string), operator=query.operator, unaccent=query.unaccent)
    if isinstance(query, Boost):
        sub = vietnamese_query(query.subquery, operator, exact)
        return Boost(sub, query.boost) if sub is not None else None
    if isinstance(query, Not):
        sub = vietnamese_query(query.subquery, operator, exact)
        return Not(sub) if sub is not None else None
    if isinstance(query, (And, Or)):
        subs = [sub for sub in (vietnamese_query(q, operator, exact) for q in query.subqueries) if sub is not None]
        if not subs:
            return None
        return subs[0] if len(subs) == 1 else type(query)(subs)
    return query  # MatchAll and anything we do not know stay as they are


class FoldingIndexerMixin:
    """Stores index_text(value) for search fields and the folded value for autocomplete fields."""

    def prepare_field(self, obj, field):
        for item in super().prepare_field(obj, field):
            if isinstance(field, RelatedFields):
                # The recursion already went through this method for each sub-field.
                yield item
                continue
            *head, value = item
            current_field = head[0]
            if current_field.__class__.__name__ == "AutocompleteField":
                yield (*head, fold(value))
            else:
                yield (*head, index_text(value))


# The columns of the database index that a `fields=` restriction may name.
INDEX_COLUMNS = {"title"}


class FoldingBackendMixin:
    """Folds every query (search and autocomplete) before the database backend compiles it."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, MatchAll):
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        is_autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        fields = kwargs.get("fields")
        if fields and not set(fields) <= INDEX_COLUMNS:
            # The database index keeps one title and one body per object, not a column per
            # field: a restriction to other fields (the admin listings pass their
            # `search_fields`, e.g. a nomination's "statement") would name a column that
            # does not exist (SQLite: "no such column: statement", an HTTP 500). Search the
            # whole entry, which holds exactly the model's search fields.
            kwargs["fields"] = None
        folded = vietnamese_query(query, kwargs.get("operator"), exact=not is_autocomplete)
        if folded is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, folded, model_or_queryset, **kwargs)


def _install_indexer_hook(module):
    """Let a backend choose the ObjectIndexer class its index uses.

    The database indexes build their indexers through the module-level name `ObjectIndexer`;
    it is replaced, once, by a dispatcher that asks the backend for `indexer_class` and
    otherwise builds the original indexer, so Wagtail's own backends behave as before.
    """
    original = module.ObjectIndexer
    if getattr(original, "is_dispatcher", False):
        return original.original

    class DispatchingIndexer:
        is_dispatcher = True

        def __new__(cls, obj, backend):
            return getattr(backend, "indexer_class", original)(obj, backend)

    DispatchingIndexer.original = original
    module.ObjectIndexer = DispatchingIndexer
    return original


TITLE_WEIGHT = 2.0
FACET_CHUNK = 5000  # primary keys per query, well under SQLite's limit on parameters


def _sqlite_backend():
    from django.db.models import Count, FloatField, TextField
    from django.db.models.expressions import RawSQL
    from django.db.models.functions import Cast
    from modelsearch.backends.database.sqlite import query as sqlite_query
    from modelsearch.backends.database.sqlite import sqlite
    from modelsearch.utils import get_descendants_content_types_pks

    class Indexer(FoldingIndexerMixin, _install_indexer_hook(sqlite)):
        pass

    class RankedCompilerMixin:
        """Scores every match once. Wagtail's SQLite compiler ranks with a correlated subquery
        that runs the full-text match again for each candidate row, which grows with the square
        of the matches; here one FTS query returns (id, score) pairs and the page is sorted in Python."""

        def ranked_pks(self, config):
            cached = getattr(self, "_ranked_pks", None)
            if cached is not None:
                return cached
            normalized = sqlite_query.normalize(self.query)
            if not self.order_by_relevance or isinstance(normalized, (MatchAll, Not)):
                return None
            search_query = self.build_search_query(normalized, config=config)
            match = sqlite_query.MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
            # One bm25() for the whole match, the title column weighted double (FTS5 columns:
            # autocomplete, body, title). Wagtail's expression calls bm25() once per term, each
            # returning the same number, and combines them in products whose sign can flip.
            table = sqlite.SQLiteFTSIndexEntry._meta.db_table
            rank = RawSQL(f"bm25({table}, 1.0, 1.0, {TITLE_WEIGHT})", [], output_field=FloatField())  # noqa: S611
            index_query = (
                sqlite.SQLiteFTSIndexEntry.objects.filter(match)
                .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
                .annotate(score=rank)
            )
            # One pass over the matches, restricted to the queryset (live, public, locale…).
            allowed = self.queryset.annotate(_search_pk=Cast("pk", TextField())).values("_search_pk")
            rows = index_query.filter(index_entry__object_id__in=allowed).values_list(
                "index_entry__object_id", "score", "index_entry__content_type_id"
            )
            to_python = self.queryset.model._meta.pk.to_python
            ranked = []
            content_types = {}
            for object_id, score, content_type_id in rows:
                pk = to_python(object_id)
                ranked.append((pk, score))
                content_types[pk] = content_type_id
            # The type each match was indexed as (its specific model): the facet on
            # `content_type` is read from here, without a second query.
            self._ranked_content_types = content_types
            # bm25() is negative: lower is better; ties newest first, as Wagtail orders them.
            ranked.sort(key=lambda item: (item[1], -item[0] if isinstance(item[0], int) else 0))
            self._ranked_pks = ranked
            return ranked

    class Compiler(RankedCompilerMixin, sqlite.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteCompiler(RankedCompilerMixin, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class Results(sqlite.SQLiteSearchResults):
        def _ranked(self):
            return self.query_compiler.ranked_pks(self.query_compiler.get_config(self.backend))

        def _do_search(self):
            ranked = self._ranked()
            if ranked is None:
                return super()._do_search()
            window = ranked[self.start : self.stop]
            objects = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=[pk for pk, _ in window])}
            results = []
            for pk, score in window:
                obj = objects.get(pk)
                if obj is not None:
                    if self._score_field:
                        setattr(obj, self._score_field, score)
                    results.append(obj)
            return results

        def _do_count(self):
            ranked = self._ranked()
            if ranked is None:
                return super()._do_count()
            count = len(ranked) - self.start
            return max(0, min(count, self.stop - self.start) if self.stop is not None else count)

        def facet(self, field_name):
            ranked = self._ranked()
            compiler = self.query_compiler
            if ranked is None or compiler._get_filterable_field(field_name) is None:
                return super().facet(field_name)
            counts = {}
            content_types = getattr(compiler, "_ranked_content_types", None)
            if field_name in ("content_type", "content_type_id") and content_types is not None:
                for pk, _score in ranked:
                    content_type_id = content_types[pk]
                    counts[content_type_id] = counts.get(content_type_id, 0) + 1
                return dict(sorted(counts.items(), key=lambda item: -item[1]))
            pks = [pk for pk, _score in ranked]
            for start in range(0, len(pks), FACET_CHUNK):
                rows = (
                    compiler.queryset.filter(pk__in=pks[start : start + FACET_CHUNK])
                    .order_by()
                    .values(field_name)
                    .annotate(count=Count("pk"))
                )
                for row in rows:
                    counts[row[field_name]] = counts.get(row[field_name], 0) + row["count"]
            return dict(sorted(counts.items(), key=lambda item: -item[1]))

    class Backend(FoldingBackendMixin, sqlite.SQLiteSearchBackend):
        indexer_class = Indexer
        query_compiler_class = Compiler
        autocomplete_query_compiler_class = AutocompleteCompiler
        results_class = Results

    return Backend


def _postgres_backend():
    from django.contrib.postgres.search import SearchRank
    from modelsearch.backends.database.postgres import postgres

    class Indexer(FoldingIndexerMixin, _install_indexer_hook(postgres)):
        pass

    class SingleRankMixin:
        """Ranks with one ts_rank() per vector (title, body) over the whole tsquery.

        Wagtail's compiler ranks every word and sub-query separately and combines them in
        products and means: for "chuyển đổi số" that is 26 ts_rank() calls per matching row
        (2.9 s for 1,850 matches of 10,000 pages). One call over the combined query ranks the
        same way in substance: the more of the query's lexemes a document holds (the folded
        words, then the exact tokens of the visitor's marks), the higher it ranks."""

        def _build_rank_expression(self, vectors, config):
            tsquery = self.build_tsquery(self.query, config=config)
            rank = None
            for vector, boost in vectors:
                expression = SearchRank(vector, tsquery, weights=self.sql_weights) * boost
                rank = expression if rank is None else rank + expression
            return rank

    class Compiler(SingleRankMixin, postgres.PostgresSearchQueryCompiler):
        pass

    class AutocompleteCompiler(SingleRankMixin, postgres.PostgresAutocompleteQueryCompiler):
        pass

    class Results(postgres.PostgresSearchResults):
        def facet(self, field_name):
            """Counts per value; their sum is the number of results (GROUP BY keeps a NULL
            group), so the count that pagination asks for next costs no second match."""
            counts = super().facet(field_name)
            if self.start == 0 and self.stop is None and self._count_cache is None:
                self._count_cache = sum(counts.values())
            return counts

    class Backend(FoldingBackendMixin, postgres.PostgresSearchBackend):
        indexer_class = Indexer
        query_compiler_class = Compiler
        autocomplete_query_compiler_class = AutocompleteCompiler
        results_class = Results

        def __init__(self, params):
            params = {"SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG, **params}
            super().__init__(params)
            # Autocomplete also without stemming, and with the same unaccent mapping.
            self.autocomplete_config = self.config

    return Backend


_BACKEND_CLASSES = {}


def backend_class():
    """The folding backend class for the default database's vendor."""
    vendor = connection.vendor
    if vendor not in _BACKEND_CLASSES:
        if vendor == "postgresql":
            _BACKEND_CLASSES[vendor] = _postgres_backend()
        elif vendor == "sqlite":
            from modelsearch.backends import database

            database.SearchBackend({})  # detects FTS5 once
            if database.USE_SQLITE_FTS:
                _BACKEND_CLASSES[vendor] = _sqlite_backend()
            else:  # pragma: no cover - SQLite without FTS5
                from modelsearch.backends.database.fallback import DatabaseSearchBackend

                _BACKEND_CLASSES[vendor] = DatabaseSearchBackend
        else:  # pragma: no cover - MySQL is not a supported database here
            from modelsearch.backends.database import SearchBackend as vendor_backend

            return lambda params: vendor_backend(params)
    return _BACKEND_CLASSES[vendor]


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    return backend_class()(params)
