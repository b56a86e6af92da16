"""The issue's cases, on SQLite and PostgreSQL (DATABASE_URL=postgres://…/dx_search)."""

import pytest
from wagtail.models import Locale, Page

from search import services
from search.text import exact_token, fold, index_text

pytestmark = pytest.mark.django_db

SECTION = None
TITLE = "Chuyển đổi số cho doanh nghiệp nhỏ"


@pytest.fixture(autouse=True)
def _scope(section):
    global SECTION
    SECTION = section


def titles(query):
    locale = Locale.objects.get(language_code="vi")
    return [page.title for page in services.live_pages(locale).child_of(SECTION).search(query)]


def test_fold_and_exact_tokens():
    assert fold("CHUYỂN ĐỔI SỐ") == "chuyen doi so"
    assert fold("Đắk R'lấp") == "dak r'lap"
    assert exact_token("số") != exact_token("sổ") != exact_token("so")
    assert index_text("Số").startswith("so\n")


@pytest.mark.parametrize("query", ["chuyen doi so", "CHUYỂN ĐỔI SỐ", "chuyển doi so", "doanh nghiep", "Doanh Nghiệp"])
def test_page_found_with_or_without_diacritics(make_page, query):
    make_page(TITLE)
    make_page("Hội thảo thương mại điện tử")
    assert titles(query) == [TITLE]


def test_so_does_not_match_everything(make_page):
    make_page(TITLE)
    make_page("Hội thảo thương mại điện tử", intro="Kết nối nhà cung cấp giải pháp.")
    make_page("Sổ tay hướng dẫn", intro="Cẩm nang cho hộ kinh doanh.")
    found = titles("so")
    assert TITLE in found and "Sổ tay hướng dẫn" in found
    assert "Hội thảo thương mại điện tử" not in found
    # Nor do other short syllables that English would stem or drop.
    assert sorted(titles("cho")) == sorted([TITLE, "Sổ tay hướng dẫn"])


def test_exact_diacritics_rank_first(make_page):
    make_page("Sổ tay chuyển đổi")
    make_page("Số tay chuyển đổi")
    assert titles("số tay") == ["Số tay chuyển đổi", "Sổ tay chuyển đổi"]
    assert titles("sổ tay") == ["Sổ tay chuyển đổi", "Số tay chuyển đổi"]
    assert set(titles("so tay")) == {"Sổ tay chuyển đổi", "Số tay chuyển đổi"}


def test_autocomplete_without_diacritics(make_page, site_home):
    page = make_page(TITLE)
    locale = site_home.locale
    suggestions = {s["title"]: s["url"] for s in services.suggest("chuyen doi so cho", locale)}
    assert suggestions[TITLE] == page.get_url()
    assert TITLE in [s["title"] for s in services.suggest("doanh ngh", locale)]
    assert services.suggest("x", locale) == []


def test_admin_style_search_on_page_model_folds(make_page):
    make_page(TITLE)
    assert TITLE in [p.title for p in Page.objects.search("chuyen doi so")]


def test_only_punctuation_finds_nothing(make_page):
    make_page(TITLE)
    assert titles("?!") == []


def test_result_count_agrees_with_a_separate_count(make_page):
    """The count of results is taken from the per-kind counts (no second match on PostgreSQL)."""
    for number in range(3):
        make_page(f"Chuyển đổi số {number}")
    make_page("Hội thảo thương mại điện tử")
    locale = Locale.objects.get(language_code="vi")
    outcome = services.site_search("chuyen doi so", locale)
    separate = services.live_pages(locale).search("chuyen doi so").count()
    assert outcome.page.paginator.count == separate >= 3
    assert sum(kind.count for kind in outcome.kinds if kind.key in services.PAGE_KIND_KEYS) == separate


def test_postgres_indexes_the_search_document():
    """search/migrations/0003: the expression the backend filters on is indexed (GIN)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_document'")
        row = cursor.fetchone()
    assert row is not None and "gin" in row[0] and "(title || body)" in row[0]
