"""The catalogue (filters, search without diacritics, comparison, suggestions from the DBI
result) and the supply–demand board (moderation, expiry, contact through the site)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from market import services
from market.factories import PostFactory, ProviderFactory, SolutionFactory
from market.models import ContactRequest, Listing, Post, Solution

pytestmark = pytest.mark.django_db


def test_catalogue_filters_in_the_url(client):
    accounting = SolutionFactory(name="Kế toán Đắk Mil", category=Solution.Category.ACCOUNTING, pillars=["P3"])
    shop = SolutionFactory(name="Gian hàng số", category=Solution.Category.ECOMMERCE, pillars=["P2"], has_trial=False)
    pending = SolutionFactory(name="Chưa duyệt", status=Listing.PENDING, pillars=["P3"])
    hidden_provider = SolutionFactory(name="Nhà cung cấp chưa duyệt", provider=ProviderFactory(status=Listing.PENDING))

    def names(**query):
        response = client.get(reverse("market:catalogue"), query)
        assert response.status_code == 200
        return set(Solution.objects.filter(pk__in=list(response.context["page_obj"])).values_list("name", flat=True))

    assert names() == {accounting.name, shop.name}
    assert names(category="ecommerce") == {shop.name}
    assert names(pillar="P3") == {accounting.name}
    assert names(trial="on") == {accounting.name}
    assert names(q="ke toan dak mil") == {accounting.name}
    assert pending.name not in names() and hidden_provider.name not in names()
    assert client.get(reverse("market:catalogue"), {"category": "<script>"}).status_code == 200


def test_size_filter_keeps_solutions_for_every_size():
    any_size = SolutionFactory(sizes=[])
    micro_only = SolutionFactory(sizes=["micro"])
    medium_only = SolutionFactory(sizes=["medium"])
    found = set(services.filter_solutions(services.CatalogueFilter(size="micro")))
    assert found == {any_size, micro_only} and medium_only not in found


def test_compare_up_to_three_in_order(client):
    solutions = [SolutionFactory() for _ in range(4)]
    ids = [s.pk for s in reversed(solutions)]
    response = client.get(reverse("market:compare"), {"id": ids})
    assert [s.pk for s in response.context["solutions"]] == ids[:3]


def test_suggestions_prefer_the_weakest_criteria():
    by_pillar = SolutionFactory(name="A theo trụ cột", pillars=["P2"])
    by_criterion = SolutionFactory(name="B theo tiêu chí", pillars=["P2"], criteria=["2.1.03"])
    unrelated = SolutionFactory(name="C khác", pillars=["P5"])
    suggested = services.suggest_for(["P2"], criteria=["2.1.03"])
    assert suggested == [by_criterion, by_pillar]
    assert unrelated not in suggested
    links = services.solution_recommendations(["P2"])
    assert reverse("market:solution", args=[by_criterion.pk]) in {link["url"] for link in links}


def test_board_shows_only_approved_unexpired_posts(client):
    live = PostFactory(title="Cà phê Robusta")
    PostFactory(title="Chờ duyệt", status=Listing.PENDING)
    PostFactory(title="Hết hạn", expires_at=timezone.now() - timedelta(minutes=1))
    pks = list(client.get(reverse("market:board")).context["page_obj"])
    titles = set(Post.objects.filter(pk__in=pks).values_list("title", flat=True))
    assert titles == {live.title}
    expired = Post.objects.get(title="Hết hạn")
    assert client.get(reverse("market:post", args=[expired.pk])).status_code == 404


def test_contact_goes_through_the_site_and_never_shows_the_posters_address(
    client, human_payload, django_capture_on_commit_callbacks
):
    post = PostFactory(contact_email="kin@doanhnghiep.vn")
    page = client.get(reverse("market:post", args=[post.pk])).content.decode()
    assert "kin@doanhnghiep.vn" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("market:post", args=[post.pk]),
            human_payload(name="Trần Văn Mua", email="mua@htx.vn", message="Cần 2 tấn mỗi tháng", consent="on"),
        )
    assert response.status_code == 302
    assert ContactRequest.objects.get().email == "mua@htx.vn"
    assert mail.outbox[-1].to == ["kin@doanhnghiep.vn"]
    assert "Cần 2 tấn mỗi tháng" in mail.outbox[-1].body and "mua@htx.vn" in mail.outbox[-1].body


def test_a_bot_posting_at_once_writes_nothing(client):
    post = PostFactory()
    response = client.post(
        reverse("market:post", args=[post.pk]),
        {"name": "bot", "email": "b@b.vn", "message": "spam", "consent": "on", "website": "http://spam"},
    )
    assert response.status_code == 200 and not ContactRequest.objects.exists()


def test_only_verified_members_post_and_posts_wait_for_moderation(client, human_payload):
    from accounts.factories import UserFactory
    from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory

    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("market:new_post")).status_code == 302  # not a member of anything
    enterprise = EnterpriseFactory()
    other = EnterpriseFactory()
    EnterpriseMembershipFactory(enterprise=enterprise, user=user)
    data = human_payload(kind="offer", title="Tiêu", description="Tiêu đen", contact_email="a@b.vn")
    response = client.post(reverse("market:new_post"), {**data, "enterprise": other.pk})
    assert response.status_code == 200 and not Post.objects.exists()
    client.post(reverse("market:new_post"), {**data, "enterprise": enterprise.pk})
    post = Post.objects.get()
    assert post.status == Listing.PENDING and post.enterprise == enterprise
    assert post not in services.public_posts()
    services.approve_listing(post)
    assert post in services.public_posts()
