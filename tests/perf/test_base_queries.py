"""The overhead every public page pays (issue 21, "base"): with the site table, the route and
the header, footer and language links cached, a warm plain page makes (almost) no query."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/gioi-thieu/", "/en/", "/en/about/"])
def test_warm_plain_pages_make_at_most_two_queries(client, site_home, url, django_assert_max_num_queries):
    for _ in range(3):  # the first renders create the site's settings and fill the caches
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(2):
        response = client.get(url)
    assert response.status_code == 200


def test_the_route_cache_spares_wagtails_routing_on_a_deep_page(client, site_home, django_assert_max_num_queries):
    """A page three levels down costs no more than one at the top (no query per path segment)."""
    from home.factories import StandardPageFactory
    from home.models import StandardPage

    about = StandardPage.objects.get(slug="gioi-thieu", locale__language_code="vi")
    level2 = StandardPageFactory(parent=about, title="Cấp hai", slug="cap-hai")
    StandardPageFactory(parent=level2, title="Cấp ba", slug="cap-ba")
    url = "/gioi-thieu/cap-hai/cap-ba/"
    for _ in range(3):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(2):
        response = client.get(url)
    assert "Cấp ba" in response.content.decode()
