import pytest

from handbook.factories import HandbookChapterPageFactory, HandbookIndexPageFactory


@pytest.fixture
def handbook(site_home):
    """An index with chapters A (with A.1 and A.2 nested) and B, in reading order A, A.1, A.2, B."""
    index = HandbookIndexPageFactory(parent=site_home, slug="cam-nang", show_in_menus=True)
    a = HandbookChapterPageFactory(parent=index, title="Chuyển đổi số là gì", slug="chuyen-doi-so-la-gi")
    a1 = HandbookChapterPageFactory(parent=a, title="Đổi mới quy trình", slug="doi-moi", pillar_codes=["P4"])
    a2 = HandbookChapterPageFactory(parent=a, title="Trải nghiệm khách hàng", slug="khach-hang", pillar_codes=["P1"])
    b = HandbookChapterPageFactory(parent=index, title="Dữ liệu là tài sản", slug="du-lieu", pillar_codes=["P6", "P1"])
    return index, a, a1, a2, b
