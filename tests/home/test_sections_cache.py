import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_sections_are_rendered_afresh_after_any_change(client, site_home):
    first = client.get("/").content.decode()
    assert "Mục mới trong trình đơn" not in first
    StandardPageFactory(parent=site_home, title="Mục mới trong trình đơn", slug="muc-moi-2", show_in_menus=True)
    from home.demo import build_home_sections

    class Quiet:
        def write(self, *args):
            pass

    build_home_sections(Quiet())
    assert "Mục mới trong trình đơn" in client.get("/").content.decode()
