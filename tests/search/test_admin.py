"""Programme editors: translating a page segment by segment, the translation status overview,
editors' picks and the search terms report; the admin in Vietnamese."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from accounts.factories import UserFactory
from search import hits, services, translations
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(roles=["programme_editor"])
    client.force_login(user)
    return user


def test_translate_a_page_segment_by_segment_then_status(editor, client, make_page, django_capture_on_commit_callbacks):
    from wagtail_localize.models import StringSegment, Translation

    page = make_page("Cẩm nang chuyển đổi số", intro="Hướng dẫn từng bước cho doanh nghiệp.")
    en = Locale.objects.get(language_code="en")
    rows = {(r.page_id, r.status) for r in translations.translation_status(target_locales=[en])}
    assert (page.pk, translations.MISSING) in rows

    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [en.pk]})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert "/login" not in response["Location"], response["Location"]
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=en)
    target = translation.get_target_instance()
    # The translation editor opens on the English page.
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert editor_page.status_code == 200
    assert b"w-localize" in editor_page.content or b"translation-editor" in editor_page.content

    english = {
        "Cẩm nang chuyển đổi số": "Digital transformation handbook",
        "Hướng dẫn từng bước cho doanh nghiệp.": "Step-by-step guidance for enterprises.",
    }
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        if segment.string.data in english:
            url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
            answer = client.put(url, {"value": english[segment.string.data]})
            # Django's test client sends PUT data as the raw body; post with the method override.
            if answer.status_code >= 400:
                answer = client.generic(
                    "PUT", url, f"value={english[segment.string.data]}", "application/x-www-form-urlencoded"
                )
            assert answer.status_code in (200, 201), answer.content
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(user=editor, publish=True)
    target.refresh_from_db()
    assert target.title == "Digital transformation handbook"
    assert target.specific.intro == "Step-by-step guidance for enterprises."

    statuses = {r.page_id: r.status for r in translations.translation_status(target_locales=[en])}
    assert statuses[page.pk] == translations.CURRENT
    page.save_revision().publish()
    statuses = {r.page_id: r.status for r in translations.translation_status(target_locales=[en])}
    assert statuses[page.pk] == translations.OUTDATED

    overview = client.get(reverse("search_admin:translation_status"))
    assert overview.status_code == 200
    assert "Cẩm nang chuyển đổi số" in overview.content.decode()


def test_translation_status_needs_programme_rights(client, site_home):
    client.force_login(UserFactory(roles=["journalist_newspaper"]))
    assert_denied(client.get(reverse("search_admin:translation_status")))


def test_search_terms_are_buffered_then_reported(editor, client, make_page):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    make_page("Chuyển đổi số cho doanh nghiệp nhỏ")
    for _ in range(3):
        assert client.get("/search/", {"q": "chuyen doi so"}).status_code == 200
    assert not Query.objects.exists()  # nothing written during the searches
    assert hits.flush_hits() == 3
    assert QueryDailyHits.objects.get(query__query_string="chuyen doi so").hits == 3
    report = client.get(reverse("search_admin:search_terms"))
    assert report.status_code == 200
    assert "chuyen doi so" in report.content.decode()


def test_editors_picks_match_without_diacritics(editor, client, make_page, site_home):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    pick = make_page("Đăng ký tập huấn DBI")
    query = Query.objects.create(query_string="tập huấn")
    SearchPromotion.objects.create(query=query, page=pick, sort_order=0, description="Lịch tập huấn năm nay.")
    picks = services.editors_picks("tap huan", site_home.locale)
    assert [hit.title for hit in picks] == ["Đăng ký tập huấn DBI"]
    # Programme editors may manage the picks.
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200


def test_admin_page_editor_in_vietnamese(client, make_page):
    from wagtail.users.models import UserProfile

    user = UserFactory(roles=["programme_editor"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    client.force_login(user)
    page = make_page("Trang thử")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for label in ["Lưu bản nháp", "Xem trước", "Xuất bản", "Bình luận", "Quảng bá", "Thao tác"]:
        assert label in html, label
