"""The directory served from the cache (core.fragments, core.widgets): an edit shows at the
next request, filters still filter and keep their selection, a language never shows the
other's labels, bad filters are a message, and it all works with the cache down."""

import pytest
from django.urls import reverse

from support import services
from support.factories import ConsultantFactory, OrganisationFactory, topic
from support.models import ApprovalStatus, Consultant

pytestmark = pytest.mark.django_db

URL = reverse("support:directory")


@pytest.fixture
def people(units):
    shop = topic("thuong-mai-dien-tu")
    shop.name, shop.name_en = "Thương mại điện tử", "E-commerce"
    shop.save()
    org = OrganisationFactory(name="Viện Kinh tế số Đại Ngàn", slug="vien-kinh-te-so")
    hung = ConsultantFactory(
        name="Nguyễn Văn Hùng",
        slug="nguyen-van-hung",
        job_title="Chuyên gia thương mại điện tử",
        topics=[shop],
        pillars=["P1"],
        areas=[units["district"]],
        organisation=org,
    )
    lan = ConsultantFactory(name="Trần Thị Lan", slug="tran-thi-lan", pillars=["P5"], areas=[units["other"]])
    return {"hung": hung, "lan": lan, "org": org, "shop": shop}


def body(client, url=URL, data=None):
    response = client.get(url, data)
    assert response.status_code == 200
    return response.content.decode()


def test_an_edit_shows_at_the_next_request(client, people):
    hung = people["hung"]
    assert "Chuyên gia thương mại điện tử" in body(client)  # cached now
    hung.job_title = "Trưởng nhóm tư vấn sàn"
    hung.save()
    page = body(client)
    assert "Trưởng nhóm tư vấn sàn" in page and "Chuyên gia thương mại điện tử" not in page


def test_related_changes_show_too(client, people, coordinator):
    hung, org = people["hung"], people["org"]
    body(client)
    org.name = "Viện Số Tây Nguyên"
    org.save()
    assert "Viện Số Tây Nguyên" in body(client)
    # A consultant's topics change without the consultant row (many-to-many).
    data = topic("du-lieu")
    hung.topics.add(data)
    assert data.localized_name in body(client)
    # Pillars approved from the consultant's own proposal.
    hung.pending_changes = {"pillars": ["P2", "P6"]}
    hung.save()
    body(client)
    services.approve_changes(hung, coordinator)
    assert "P2, P6" in body(client)


def test_unlisting_and_deleting_drop_the_card(client, people):
    assert "Trần Thị Lan" in body(client) and "Nguyễn Văn Hùng" in body(client)
    Consultant.objects.get(pk=people["lan"].pk).delete()
    assert "Trần Thị Lan" not in body(client)
    hung = people["hung"]
    hung.status = ApprovalStatus.SUSPENDED
    hung.save()
    page = body(client)
    assert "Nguyễn Văn Hùng" not in page


def test_a_new_consultant_and_topic_appear(client, people):
    body(client)
    fresh = topic("an-toan-thong-tin")
    ConsultantFactory(name="Lê Văn Mới", slug="le-van-moi", topics=[fresh])
    page = body(client)
    assert "Lê Văn Mới" in page
    assert f'<option value="{fresh.slug}">' in page  # the topic filter's options too


def test_filters_filter_and_keep_the_selection(client, people, units):
    page = body(client, data={"topic": "thuong-mai-dien-tu", "pillar": "P1", "area": units["district"].code})
    assert "Nguyễn Văn Hùng" in page and "Trần Thị Lan" not in page
    assert '<option value="thuong-mai-dien-tu" selected>' in page
    assert '<option value="P1" selected>' in page
    assert f'<option value="{units["district"].code}" selected>' in page
    assert '<option value="" selected>' in page  # the sector filter keeps "all"
    # The same options, another selection: the cached options are not marked for good.
    page = body(client, data={"pillar": "P5"})
    assert "Trần Thị Lan" in page and "Nguyễn Văn Hùng" not in page
    assert '<option value="thuong-mai-dien-tu">' in page and '<option value="P5" selected>' in page


def test_labels_follow_the_language(client, people):
    vietnamese = body(client)
    english = body(client, "/en" + URL)
    assert "Thương mại điện tử" in vietnamese and "E-commerce" not in vietnamese
    assert "E-commerce" in english and "Thương mại điện tử" not in english
    assert 'href="/en/ho-tro/chuyen-gia/nguyen-van-hung/"' in english
    assert 'href="/ho-tro/chuyen-gia/nguyen-van-hung/"' in vietnamese
    # And back, from the warm cache: still not mixed.
    assert "E-commerce" not in body(client)


@pytest.mark.parametrize(
    "query",
    [
        {"pillar": "P99"},
        {"topic": "khong-co"},
        {"sector": "ZZ"},
        {"area": "<script>"},
        {"q": "x" * 500},
    ],
)
def test_invalid_filters_are_a_message(client, people, query):
    page = body(client, data={**query, "trang": "abc"})
    assert "Một số bộ lọc không hợp lệ đã được bỏ qua." in page
    assert "Nguyễn Văn Hùng" in page and "Trần Thị Lan" in page  # the bad filter is ignored
    assert "<script>" not in page


def test_page_numbers_out_of_range(client, people, monkeypatch):
    import support.views

    monkeypatch.setattr(support.views, "PER_PAGE", 1)
    assert "Nguyễn Văn Hùng" in body(client, data={"trang": "1"})
    second = body(client, data={"trang": "2"})
    assert "Trần Thị Lan" in second and "Nguyễn Văn Hùng" not in second
    assert "Trần Thị Lan" in body(client, data={"trang": "99"})  # the last page
    assert "Nguyễn Văn Hùng" in body(client, data={"trang": "-1x"})


def test_works_with_the_cache_down(client, people, settings):
    """Redis at a closed port (the settings' fail-open backend): built each time, never stale."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}",
            "OPTIONS": {"CACHE_RETRY_SECONDS": 0},
        }
    }
    page = body(client, data={"topic": "thuong-mai-dien-tu"})
    assert "Nguyễn Văn Hùng" in page and "Trần Thị Lan" not in page
    assert '<option value="thuong-mai-dien-tu" selected>' in page
    people["hung"].job_title = "Đổi khi cache hỏng"
    people["hung"].save()
    assert "Đổi khi cache hỏng" in body(client)
