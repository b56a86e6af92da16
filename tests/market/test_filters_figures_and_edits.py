"""The catalogue's remaining filters, the board's filters and yearly figures, and the
programme editors' decision on a provider's own edit."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.factories import UserFactory
from core.models import AuditEntry
from enterprises.factories import AdministrativeUnitFactory, SectorFactory
from market import services
from market.factories import PostFactory, ProviderFactory, SolutionFactory
from market.models import ContactRequest, Listing, Post

pytestmark = pytest.mark.django_db
F = services.CatalogueFilter


def test_sector_filter_keeps_solutions_for_every_sector_and_the_section():
    section = SectorFactory(code="Q", name="Y tế")
    for_any = SolutionFactory()
    for_section = SolutionFactory()
    for_section.sectors.add(section)
    for_other = SolutionFactory()
    for_other.sectors.add(SectorFactory(code="K", name="Tài chính"))
    assert set(services.filter_solutions(F(sector="Q86"))) == {for_any, for_section}


def test_made_in_vietnam_and_platform_filters():
    local_platform = SolutionFactory(is_platform=True)
    foreign_platform = SolutionFactory(is_platform=True, provider=ProviderFactory(make_in_vietnam=False))
    SolutionFactory(is_platform=False)
    assert set(services.filter_solutions(F(platform=True))) == {local_platform, foreign_platform}
    assert set(services.filter_solutions(F(platform=True, make_in_vietnam=True))) == {local_platform}


def test_suggestions_need_a_pillar_or_criterion_and_respect_the_size():
    SolutionFactory(pillars=["P2"])
    assert services.suggest_for([]) == []
    for_all = SolutionFactory(name="A cho mọi quy mô", pillars=["P4"])
    for_micro = SolutionFactory(name="B cho siêu nhỏ", pillars=["P4"], sizes=["micro"])
    SolutionFactory(name="C cho vừa", pillars=["P4"], sizes=["medium"])
    assert services.suggest_for(["P4"], size="micro") == [for_all, for_micro]


def test_board_filters_by_kind_sector_area_and_words():
    coffee = SectorFactory(code="ZC", name="Cà phê")
    roasting = SectorFactory(code="ZC1", name="Rang xay", parent=coffee)
    area = AdministrativeUnitFactory(code="TB1")
    offer = PostFactory(title="Cà phê rang xay", description="Đạt chuẩn OCOP 4 sao.", sector=roasting, area=area)
    demand = PostFactory(
        title="Cần mua máy rang", description="Công suất 50 kg/mẻ.", kind=Post.Kind.DEMAND, sector=coffee
    )
    assert list(services.public_posts(kind=Post.Kind.DEMAND)) == [demand]
    assert set(services.public_posts(sector="ZC")) == {offer, demand}
    assert list(services.public_posts(area="TB1")) == [offer]
    # Words are matched without diacritics on both sides (the board once folded the query only).
    assert list(services.public_posts(q="máy rang")) == [demand]
    assert list(services.public_posts(q="MAY RANG")) == [demand]
    assert set(services.public_posts(q="rang xay")) == {offer}
    assert services.matching_offers("ZC") == [offer]


def test_approving_a_post_extends_its_expiry():
    post = PostFactory(status=Listing.PENDING, expires_at=timezone.now() + timedelta(days=1))
    services.approve_listing(post)
    post.refresh_from_db()
    assert post.status == Listing.APPROVED
    assert post.expires_at >= timezone.now() + timedelta(days=services.POST_DAYS - 1)


def test_yearly_figures():
    year = timezone.now().year
    offer = PostFactory()
    PostFactory(kind=Post.Kind.DEMAND, status=Listing.PENDING)
    ContactRequest.objects.create(post=offer, name="Lê Thị Hoa", email="hoa@caphe.vn", message="Xin báo giá")
    SolutionFactory()
    assert services.figures(year) == {"offers": 1, "demands": 1, "approved": 1, "contacts": 1, "solutions": 1}
    assert services.figures(year - 3)["offers"] == 0


def test_only_an_owner_proposes_and_a_rejection_keeps_the_listing():
    owner, editor = UserFactory(), UserFactory(roles=["programme_editor"])
    provider = ProviderFactory(description="Mô tả đã duyệt")
    provider.owners.add(owner)
    assert list(services.providers_of(owner)) == [provider]
    assert not services.providers_of(AnonymousUser()).exists()
    with pytest.raises(PermissionDenied):
        services.propose_changes(provider, {"description": "Chiếm quyền"}, UserFactory())
    changes = services.propose_changes(provider, {"description": "Mô tả mới", "website": provider.website}, owner)
    assert changes == {"description": "Mô tả mới"}
    services.decide_changes(provider, editor, approve=False)
    provider.refresh_from_db()
    assert provider.description == "Mô tả đã duyệt" and provider.pending_changes == {}
    entry = AuditEntry.objects.get(action="market.listing_changes")
    assert entry.user == editor and entry.details == {"approved": False, "fields": ["description"]}
