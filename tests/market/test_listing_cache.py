"""The catalogue and the board served from the cache (core.fragments, core.widgets): an edit
shows at the next request, an expired post leaves the board on time, filters keep their
selection, a language never shows the other's labels, bad filters are a message."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from enterprises.factories import AdministrativeUnitFactory, SectorFactory
from market import services
from market.factories import PostFactory, ProviderFactory, SolutionFactory
from market.models import Listing, Post, Solution

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("market:catalogue")
BOARD = reverse("market:board")


def body(client, url, data=None):
    response = client.get(url, data)
    assert response.status_code == 200
    return response.content.decode()


def test_a_solution_edit_shows_at_the_next_request(client):
    solution = SolutionFactory(name="Kế toán Đắk Mil", summary="Phần mềm kế toán cho hộ kinh doanh.")
    assert "Phần mềm kế toán cho hộ kinh doanh." in body(client, CATALOGUE)
    solution.summary = "Kế toán, hóa đơn và kho trên điện thoại."
    solution.save()
    page = body(client, CATALOGUE)
    assert "Kế toán, hóa đơn và kho trên điện thoại." in page and "cho hộ kinh doanh" not in page
    # The provider's name is on the card too.
    provider = solution.provider
    provider.name = "Công ty Số Tây Nguyên"
    provider.save()
    assert "Công ty Số Tây Nguyên" in body(client, CATALOGUE)
    # A provider's own edit, approved by a programme editor (in a transaction).
    solution.pending_changes = {"name": "Kế toán Đắk Mil 2"}
    solution.save()
    assert "Kế toán Đắk Mil 2" not in body(client, CATALOGUE)
    services.decide_changes(solution, UserFactory(), approve=True)
    assert "Kế toán Đắk Mil 2" in body(client, CATALOGUE)


def test_unlisting_a_solution_or_its_provider_drops_it(client):
    kept = SolutionFactory(name="Giữ lại")
    dropped = SolutionFactory(name="Bị ẩn")
    hidden_provider = SolutionFactory(name="Nhà cung cấp bị ẩn")
    page = body(client, CATALOGUE)
    assert all(name in page for name in ("Giữ lại", "Bị ẩn", "Nhà cung cấp bị ẩn"))
    dropped.status = Listing.REJECTED
    dropped.save()
    provider = hidden_provider.provider
    provider.status = Listing.PENDING
    provider.save()
    page = body(client, CATALOGUE)
    assert kept.name in page and "Bị ẩn" not in page and "Nhà cung cấp bị ẩn" not in page
    SolutionFactory(name="Mới duyệt")
    assert "Mới duyệt" in body(client, CATALOGUE)


def test_catalogue_filters_keep_their_selection(client):
    SolutionFactory(name="Kế toán", category=Solution.Category.ACCOUNTING, pillars=["P3"], has_trial=True)
    SolutionFactory(name="Gian hàng", category=Solution.Category.ECOMMERCE, pillars=["P2"], has_trial=False)
    page = body(client, CATALOGUE, {"category": "accounting", "pillar": "P3", "trial": "on"})
    assert "Kế toán" in page and "Gian hàng" not in page
    assert '<option value="accounting" selected>' in page and '<option value="P3" selected>' in page
    assert '<input type="checkbox" name="trial" class="form-check-input" id="id_trial" checked>' in page
    page = body(client, CATALOGUE, {"category": "ecommerce"})
    assert "Gian hàng" in page and "Kế toán</a>" not in page
    assert '<option value="accounting">' in page and '<option value="ecommerce" selected>' in page


@pytest.mark.parametrize(
    "query", [{"category": "<script>"}, {"pillar": "P99"}, {"size": "huge"}, {"q": "x" * 300}, {"page": "abc"}]
)
def test_invalid_catalogue_filters_are_a_message(client, query):
    SolutionFactory(name="Kế toán Đắk Mil")
    page = body(client, CATALOGUE, query)
    assert "Kế toán Đắk Mil" in page
    assert "<script>" not in page
    if "page" not in query:
        assert "Một số bộ lọc không hợp lệ đã được bỏ qua." in page
        assert "invalid-feedback" in page and 'aria-invalid="true"' in page


def test_catalogue_labels_follow_the_language(client):
    SolutionFactory(name="Kế toán Đắk Mil", category=Solution.Category.ACCOUNTING, price_min=1_200_000)
    vietnamese = body(client, CATALOGUE)
    english = body(client, "/en" + CATALOGUE)
    assert 'href="/giai-phap/' in vietnamese and 'href="/en/giai-phap/' in english
    assert "1.200.000" in vietnamese and "1,200,000" in english
    assert "1,200,000" not in body(client, CATALOGUE)


def test_a_post_leaves_the_board_when_it_expires(client, monkeypatch):
    soon = PostFactory(title="Hết hạn sớm", expires_at=timezone.now() + timedelta(hours=1))
    PostFactory(title="Còn lâu", expires_at=timezone.now() + timedelta(days=30))
    assert soon.title in body(client, BOARD)
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = body(client, BOARD)
    assert "Hết hạn sớm" not in page and "Còn lâu" in page


def test_board_edits_and_moderation_show_at_once(client):
    post = PostFactory(title="Cà phê Robusta")
    pending = PostFactory(title="Chờ duyệt", status=Listing.PENDING)
    assert "Cà phê Robusta" in body(client, BOARD) and "Chờ duyệt" not in body(client, BOARD)
    services.approve_listing(pending)
    post.title = "Cà phê Arabica Cầu Đất"
    post.save()
    enterprise = post.enterprise
    enterprise.name = "HTX Cà phê Đắk Mil"
    enterprise.save()
    page = body(client, BOARD)
    assert "Chờ duyệt" in page and "Cà phê Arabica Cầu Đất" in page and "HTX Cà phê Đắk Mil" in page
    Post.objects.get(pk=post.pk).delete()
    assert "Cà phê Arabica Cầu Đất" not in body(client, BOARD)


def test_a_new_enterprise_leaves_the_board_cached_a_renamed_one_does_not(client):
    """A registration rush records hundreds of new enterprises: none can be on the board yet,
    so the board's cache stays; renaming one that is named on a post drops it."""
    from core import cache as versions
    from enterprises.factories import EnterpriseFactory
    from market.signals import BOARD as BOARD_VERSION

    post = PostFactory(title="Cà phê Robusta")
    before = versions.version(BOARD_VERSION)
    EnterpriseFactory(name="Doanh nghiệp mới đăng ký", sector=post.enterprise.sector, area=post.enterprise.area)
    assert versions.version(BOARD_VERSION) == before
    post.enterprise.name = "HTX Cà phê Đắk Mil"
    post.enterprise.save()
    assert versions.version(BOARD_VERSION) != before
    assert "HTX Cà phê Đắk Mil" in body(client, BOARD)


def test_board_filters_filter_keep_their_selection_and_follow_new_areas(client):
    coffee = SectorFactory(code="ZC", name="Cà phê", name_en="Coffee", level=1)
    area = AdministrativeUnitFactory(code="TB1", name="Xã Thử Một")
    PostFactory(title="Cà phê rang xay", sector=coffee, area=area)
    PostFactory(title="Cần mua máy rang", kind=Post.Kind.DEMAND)
    page = body(client, BOARD, {"sector": "ZC", "area": "TB1"})
    assert "Cà phê rang xay" in page and "Cần mua máy rang" not in page
    assert '<option value="ZC" selected>ZC – Cà phê</option>' in page
    assert '<option value="TB1" selected>Xã Thử Một</option>' in page
    assert '<option value="ZC">ZC – Coffee</option>' in body(client, "/en" + BOARD)
    assert "Coffee" not in body(client, BOARD)
    # A post in a new area: the area filter offers it at once.
    other = AdministrativeUnitFactory(code="TB2", name="Xã Thử Hai")
    PostFactory(title="Mật ong", area=other)
    assert '<option value="TB2">Xã Thử Hai</option>' in body(client, BOARD)


@pytest.mark.parametrize("query", [{"kind": "sell"}, {"sector": "<b>"}, {"area": "ZZZ"}, {"q": "x" * 300}])
def test_invalid_board_filters_are_a_message(client, query):
    PostFactory(title="Cà phê Robusta")
    page = body(client, BOARD, {**query, "page": "9x"})
    assert "Cà phê Robusta" in page
    assert "Một số bộ lọc không hợp lệ đã được bỏ qua." in page
    assert "<b>" not in page


def test_other_pages_with_solution_cards_still_work(client):
    SolutionFactory(name="Sàn Đắk Mil", is_platform=True)
    ProviderFactory()
    assert "Sàn Đắk Mil" in body(client, reverse("market:platforms"))
