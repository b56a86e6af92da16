"""Peer comparison that always says something true (issue 16): the narrowest group with at
least five other verified enterprises among sector + size + area → sector + size → sector →
the province, named on the page, and never a median of a group under five."""

import pytest
from django.utils import translation

from assessment_forms import services
from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
from assessment_forms.models import AssessmentPage
from assessment_forms.views import resume_url
from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory, SectorFactory
from enterprises.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(db):
    """Section C with two divisions, section G; district Đắk Mil with two communes, district Krông Nô."""
    section = SectorFactory(code="C", name="Công nghiệp chế biến, chế tạo", name_en="Manufacturing", level=1)
    division_10 = SectorFactory(code="10", name="Sản xuất chế biến thực phẩm", level=2, parent=section)
    division_11 = SectorFactory(code="11", name="Sản xuất đồ uống", level=2, parent=section)
    other_section = SectorFactory(code="G", name="Bán buôn và bán lẻ", level=1)
    district = AdministrativeUnitFactory(code="D1", name="Huyện Đắk Mil", name_en="Dak Mil district")
    commune_1 = AdministrativeUnitFactory(
        code="X1", name="Xã Đắk Lao", level=AdministrativeUnit.Level.COMMUNE, parent=district
    )
    commune_2 = AdministrativeUnitFactory(
        code="X2", name="Thị trấn Đắk Mil", level=AdministrativeUnit.Level.COMMUNE, parent=district
    )
    other_district = AdministrativeUnitFactory(code="D2", name="Huyện Krông Nô")
    return {
        "section": section,
        "d10": division_10,
        "d11": division_11,
        "other_section": other_section,
        "district": district,
        "c1": commune_1,
        "c2": commune_2,
        "other_district": other_district,
    }


def verified(framework, year=2025, **enterprise):
    return VerifiedSubmissionFactory(enterprise=EnterpriseFactory(**enterprise), framework=framework, year=year)


def me(framework, place):
    return verified(framework, sector=place["d10"], area=place["c1"], size_class="small")


def test_the_narrowest_group_counts_divisions_under_their_section_and_communes_under_their_district(framework, place):
    mine = me(framework, place)
    peers = [verified(framework, sector=place["d11"], area=place["c2"], size_class="small") for _ in range(5)]
    result = services.comparison(mine)
    assert result["scope"] == "sector_size_area" and result["count"] == 5
    assert result["label"] == "5 doanh nghiệp nhỏ ngành C – Công nghiệp chế biến, chế tạo ở Huyện Đắk Mil"
    assert result["total"] == sorted(p.total for p in peers)[2]


def test_a_small_group_widens_to_sector_and_size_and_the_median_is_of_the_wider_group(framework, place):
    mine = me(framework, place)
    same_place = [verified(framework, sector=place["d10"], area=place["c1"], size_class="small") for _ in range(4)]
    elsewhere = [verified(framework, sector=place["d11"], area=place["other_district"], size_class="small")]
    # Not peers: other size, other section, other year, not verified.
    verified(framework, sector=place["d10"], area=place["c1"], size_class="medium")
    verified(framework, sector=place["other_section"], area=place["c1"], size_class="small")
    verified(framework, year=2024, sector=place["d10"], area=place["c1"], size_class="small")
    SubmissionFactory(
        enterprise=EnterpriseFactory(sector=place["d10"], area=place["c1"], size_class="small"),
        framework=framework,
        year=2025,
    )
    result = services.comparison(mine)
    assert result["scope"] == "sector_size" and result["count"] == 5
    assert result["label"] == "5 doanh nghiệp nhỏ ngành C – Công nghiệp chế biến, chế tạo"
    assert result["total"] == sorted(p.total for p in same_place + elsewhere)[2]


def test_then_the_sector_then_the_province(framework, place):
    mine = me(framework, place)
    for size in ("micro", "medium", "large", "micro"):
        verified(framework, sector=place["d10"], area=place["c1"], size_class=size)
    verified(framework, sector=place["d11"], area=place["other_district"], size_class="small")
    # 4 small in C, but 5 in C of any size.
    result = services.comparison(mine)
    assert result["scope"] == "sector" and result["label"] == "5 doanh nghiệp ngành C – Công nghiệp chế biến, chế tạo"

    other = me(framework, place)
    other.enterprise.sector = place["other_section"]
    other.enterprise.save()
    result = services.comparison(other)
    assert result["scope"] == "province" and result["count"] == 6
    assert result["label"] == "6 doanh nghiệp trong toàn tỉnh"


def test_never_a_group_under_five(framework, place):
    mine = me(framework, place)
    for _ in range(3):
        verified(framework, sector=place["d10"], area=place["c1"], size_class="small")
    verified(framework, sector=place["other_section"], area=place["other_district"], size_class="large")
    assert services.comparison(mine) is None  # four others in the whole province
    verified(framework, sector=place["other_section"], area=place["other_district"], size_class="large")
    assert services.comparison(mine)["scope"] == "province"


def test_the_group_is_named_in_english(framework, place):
    mine = me(framework, place)
    for _ in range(5):
        verified(framework, sector=place["d10"], area=place["c1"], size_class="small")
    with translation.override("en"):
        label = services.comparison(mine)["label"]
    assert label == "5 small enterprises in section C – Manufacturing in Dak Mil district"


def test_the_result_page_names_the_group_and_the_median(client, site_home, framework, place):
    page = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia", min_fill_seconds=0)
    site_home.add_child(instance=page)
    page.save_revision().publish()
    mine = me(framework, place)
    peers = [verified(framework, sector=place["d10"], area=place["c2"], size_class="micro") for _ in range(5)]
    html = client.get(resume_url(page, mine, "result")).content.decode()
    median = sorted(p.total for p in peers)[2]
    assert (
        f"So với 5 doanh nghiệp ngành C – Công nghiệp chế biến, chế tạo đã được thẩm định năm 2025: "
        f"trung vị tổng điểm là {median} điểm." in html
    )
    assert "Nhóm hẹp hơn" in html and "stroke-dasharray" in html
    # People read percentages with the Vietnamese decimal comma; the radar's coordinates are plain.
    percent = mine.pillar_scores.order_by("pillar__order").first().percent
    assert f'<td class="text-end" data-label="%">{percent:.2f}'.replace(".", ",") in html
    from tests.core.svg_check import check_markup

    assert check_markup(html, "result")[0] >= 1
