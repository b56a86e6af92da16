"""Providers keep their own listing through an account; changes go public only once a
programme editor approves them, and nobody edits another provider's listing."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from market.factories import ProviderFactory, SolutionFactory
from market.models import Solution
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db


def test_an_owner_proposes_and_the_public_keeps_the_approved_text_until_approval(client):
    owner = UserFactory()
    solution = SolutionFactory(summary="Bản đã duyệt", provider=ProviderFactory())
    solution.provider.owners.add(owner)
    other = SolutionFactory(summary="Của người khác")
    client.force_login(owner)
    assert solution.name in client.get(reverse("market:my_listings")).content.decode()
    url = reverse("market:edit_listing", args=["giai-phap", solution.pk])
    response = client.post(url, {"summary": "Bản mới chờ duyệt", "price_min": 1000, "price_max": 2000, "url": ""})
    assert response.status_code == 302
    solution.refresh_from_db()
    assert solution.summary == "Bản đã duyệt" and solution.pending_changes["summary"] == "Bản mới chờ duyệt"
    public = client.get(reverse("market:solution", args=[solution.pk])).content.decode()
    assert "Bản đã duyệt" in public and "Bản mới chờ duyệt" not in public
    # Someone else's listing does not exist for this account.
    assert client.get(reverse("market:edit_listing", args=["giai-phap", other.pk])).status_code == 404
    client.post(reverse("market:edit_listing", args=["giai-phap", other.pk]), {"summary": "x"})
    assert Solution.objects.get(pk=other.pk).pending_changes == {}

    journalist = UserFactory(roles=["journalist_portal"])
    client.force_login(journalist)
    assert_denied(client.post(reverse("market_admin:decide", args=["solution", solution.pk]), {"decision": "approve"}))
    assert Solution.objects.get(pk=solution.pk).summary == "Bản đã duyệt"

    client.force_login(UserFactory(roles=["programme_editor"]))
    assert "Bản mới chờ duyệt" in client.get(reverse("market_admin:pending")).content.decode()
    client.post(reverse("market_admin:decide", args=["solution", solution.pk]), {"decision": "approve"})
    solution.refresh_from_db()
    assert solution.summary == "Bản mới chờ duyệt" and solution.pending_changes == {}


def test_an_account_without_a_provider_has_no_listing_page(client):
    client.force_login(UserFactory())
    assert client.get(reverse("market:my_listings")).status_code == 404
