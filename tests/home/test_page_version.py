"""`{% page_version page %}`: a fragment cache key part that changes exactly when the cached
page itself would be dropped (the page, its section, the site), not for a page elsewhere."""

import pytest
from django.template import Context, Template

pytestmark = pytest.mark.django_db


def _version(page):
    return Template("{% load site_tags %}{% page_version page %}").render(Context({"page": page}))


def test_the_version_changes_when_the_page_or_a_sibling_is_published(site_home):
    from home.factories import StandardPageFactory

    section = StandardPageFactory(parent=site_home, title="Mục")
    page = StandardPageFactory(parent=section, title="Trang")
    sibling = StandardPageFactory(parent=section, title="Trang bên cạnh")
    elsewhere_section = StandardPageFactory(parent=site_home, title="Mục khác")
    elsewhere = StandardPageFactory(parent=elsewhere_section, title="Trang nơi khác")

    before = _version(page)
    assert _version(page) == before  # stable while nothing changes

    elsewhere.save_revision().publish()
    assert _version(page) == before  # a page in another section leaves it

    sibling.save_revision().publish()
    after_sibling = _version(page)
    assert after_sibling != before  # its section's listings changed

    page.title = "Trang mới"
    page.save_revision().publish()
    assert _version(page) != after_sibling
