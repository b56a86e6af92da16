"""What people read is in Vietnamese formats (90,77; 20/10/2025) and the framework's words;
what machines read (CSV, JSON, SVG) is not localised (issue 16)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from enterprises.factories import EnterpriseFactory
from honors.factories import RankingEntryFactory
from honors.services.rankings import rerank

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(rankings):
    from assessment_forms.factories import load_dbi_1970

    load_dbi_1970()
    row = RankingEntryFactory(
        enterprise=EnterpriseFactory(
            name="Công ty Cổ phần Cà phê Đắk Mil", publish_dbi_consent=True, size_class="small"
        ),
        total=Decimal("90.77"),
        level=0,
        p3=Decimal("12.5"),
        verified_at=timezone.make_aware(datetime.datetime(2025, 10, 20, 9, 0)),
    )
    rerank(2025)
    return row


def test_the_ranking_reads_90_77_and_20_10_2025_and_the_downloads_do_not(client, rankings, entry):
    html = client.get(rankings.url).content.decode()
    table = html[html.index("<table") :]
    assert "90,77" in table and "20/10/2025" in table and "12,5" in table
    assert "90.77" not in table and "2025-10-20" not in table
    csv_text = b"".join(client.get(rankings.url + "csv/").streaming_content).decode("utf-8-sig")
    assert "90.77" in csv_text and "2025-10-20" in csv_text and "90,77" not in csv_text
    data = client.get(rankings.url + "json/").json()["results"][0]
    assert data["total"] == 90.77 and data["verified_on"] == "2025-10-20"


def test_english_reads_90_77(client, rankings, entry):
    html = client.get("/en/rankings/").content.decode()
    table = html[html.index("<table") :]
    assert "90.77" in table and "90,77" not in table


def test_phone_cards_show_rank_name_level_total_and_pillars_on_tap(client, rankings, entry):
    html = client.get(rankings.url).content.decode()
    cards = html[html.index('class="ranking-cards') : html.index("</ol>", html.index('class="ranking-cards'))]
    assert "Công ty Cổ phần Cà phê Đắk Mil" in cards and "90,77" in cards
    assert "Chưa khởi động" in cards  # the framework's name of level 0
    assert re.search(r'class="ranking-card-rank"><span class="visually-hidden">Hạng </span>1<', cards)
    details = cards[cards.index("<details") : cards.index("</details>")]
    assert "<summary>" in details and "P3" in details and "12,5%" in details and "20/10/2025" in details


def test_level_and_size_names_come_from_the_framework_and_the_registry(rankings, entry):
    from honors.templatetags.honors_tags import level_name, size_name

    assert [str(level_name(level)) for level in range(6)] == [
        "Chưa khởi động",
        "Khởi động",
        "Bắt đầu",
        "Hình thành",
        "Nâng cao",
        "Dẫn dắt",
    ]
    assert str(size_name("small")) == "Nhỏ"


def test_the_profile_draws_its_bars_with_machine_numbers_in_vietnamese(client, rankings, entry):
    from tests.core.svg_check import check_markup

    html = client.get(rankings.profile_url(entry.enterprise_id)).content.decode()
    svgs, numbers = check_markup(html, "profile")
    assert svgs >= 1 and numbers > 30
    assert "90,77/320" in html and "12,5%" in html
