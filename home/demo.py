"""Demo content for the home app: the home page in both languages, the about page and
the site profile. Idempotent: running it again updates rather than duplicates."""

from wagtail.models import Locale, Site

from core.pages import translate_page

from .factories import StandardPageFactory, make_site_home
from .models import HomePage, SiteProfile, StandardPage

ABOUT_BODY_VI = [
    (
        "section",
        {
            "heading": "Mục tiêu",
            "text": (
                "<p>Chương trình hỗ trợ doanh nghiệp, hợp tác xã và hộ kinh doanh trên địa bàn tỉnh "
                "hiểu rõ mức độ chuyển đổi số của mình theo Bộ chỉ số đánh giá mức độ chuyển đổi số "
                "doanh nghiệp (DBI) ban hành kèm Quyết định 1970/QĐ-BTTTT, từ đó có lộ trình phù hợp.</p>"
            ),
        },
    ),
    (
        "section",
        {
            "heading": "Hoạt động chính",
            "text": (
                "<ul><li>Tuyên truyền về chuyển đổi số trên báo, đài và cổng thông tin của tỉnh;</li>"
                "<li>Hướng dẫn doanh nghiệp tự đánh giá theo bộ chỉ số DBI;</li>"
                "<li>Tập huấn, hội thảo theo quy mô, trình độ và ngành nghề;</li>"
                "<li>Tôn vinh doanh nghiệp tiêu biểu hằng năm.</li></ul>"
            ),
        },
    ),
]

ABOUT_BODY_EN = [
    (
        "section",
        {
            "heading": "Purpose",
            "text": (
                "<p>The programme helps the province's enterprises, cooperatives and household "
                "businesses understand how far they have gone in digital transformation, measured by "
                "the Digital Business Indicators (DBI) of Decision 1970/QĐ-BTTTT, and plan their next steps.</p>"
            ),
        },
    ),
]


def _sections(language, about):
    if language == "en":
        return [
            (
                "hero",
                {
                    "heading": "Digital transformation for the province's enterprises",
                    "text": "Measure your enterprise with the DBI index, learn from local success stories, "
                    "and join free training.",
                    "image": None,
                    "actions": [{"label": "About the programme", "page": about, "url": ""}],
                },
            ),
            (
                "facts",
                {
                    "heading": "The DBI index in figures",
                    "facts": [
                        {"value": "6", "label": "pillars"},
                        {"value": "60", "label": "criteria"},
                        {"value": "320", "label": "points"},
                        {"value": "0–5", "label": "levels"},
                    ],
                },
            ),
        ]
    return [
        (
            "hero",
            {
                "heading": "Chuyển đổi số cho doanh nghiệp của tỉnh",
                "text": "Tự đánh giá theo bộ chỉ số DBI, học từ những mô hình thành công ở địa phương "
                "và đăng ký các lớp tập huấn miễn phí.",
                "image": None,
                "actions": [{"label": "Về chương trình", "page": about, "url": ""}],
            },
        ),
        (
            "facts",
            {
                "heading": "Bộ chỉ số DBI qua những con số",
                "facts": [
                    {"value": "6", "label": "trụ cột"},
                    {"value": "60", "label": "tiêu chí"},
                    {"value": "320", "label": "điểm tối đa"},
                    {"value": "0–5", "label": "mức độ"},
                ],
            },
        ),
    ]


def _area_cards(home, language):
    """Cards for the areas other features add under the home page (shown in menus)."""
    children = home.get_children().live().in_menu().specific()
    heading = "Explore" if language == "en" else "Khám phá"
    cards = [
        {
            "title": child.title,
            "text": getattr(child, "search_description", ""),
            "link": {"label": child.title, "page": child, "url": ""},
        }
        for child in children
    ]
    return [("cards", {"heading": heading, "cards": cards})] if cards else []


def build(stdout):
    home = make_site_home(title="Trang chủ", intro="Cổng thông tin chuyển đổi số doanh nghiệp của tỉnh.")
    en = Locale.objects.get(language_code="en")
    translate_page(home, en, title="Home", slug="home-en", intro="The enterprise digital transformation portal.")

    about = StandardPage.objects.filter(slug="gioi-thieu", locale=home.locale).first()
    if about is None:
        about = StandardPageFactory(
            parent=home,
            title="Giới thiệu chương trình",
            slug="gioi-thieu",
            show_in_menus=True,
            intro="Chương trình thúc đẩy chuyển đổi số doanh nghiệp theo Kế hoạch 257/KH-UBND.",
            body=ABOUT_BODY_VI,
        )
    translate_page(
        about,
        en,
        title="About the programme",
        slug="about",
        intro="The programme that drives enterprise digital transformation under Plan 257/KH-UBND.",
        body=ABOUT_BODY_EN,
    )

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Chuyển đổi số doanh nghiệp"
    site.save()
    profile = SiteProfile.for_site(site)
    profile.programme_name = "Chương trình chuyển đổi số doanh nghiệp"
    profile.programme_name_en = "Enterprise Digital Transformation Programme"
    profile.owner = "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"
    profile.owner_en = "Department of Science and Technology of Lam Dong Province"
    profile.address = "Số 36 Trần Phú, phường Xuân Hương – Đà Lạt, tỉnh Lâm Đồng"
    profile.address_en = "36 Tran Phu, Xuan Huong – Da Lat Ward, Lam Dong Province"
    profile.phone = "0263 3822 000"
    profile.email = "chuyendoiso@example.gov.vn"
    profile.footer_note = (
        "<p>Thực hiện Kế hoạch 257/KH-UBND ngày 10/5/2022 về hỗ trợ doanh nghiệp chuyển đổi số "
        "theo Quyết định 1970/QĐ-BTTTT.</p>"
    )
    profile.footer_note_en = (
        "<p>Carrying out Plan 257/KH-UBND of 10/5/2022 on supporting the digital transformation of "
        "enterprises under Decision 1970/QĐ-BTTTT.</p>"
    )
    profile.footer_links = [
        ("link", {"label": "Giới thiệu chương trình", "label_en": "About the programme", "page": about, "url": ""})
    ]
    profile.save()
    stdout.write("home: trang chủ, giới thiệu, thông tin đơn vị")


FEATURE_SECTIONS = {
    "vi": {
        "cta": (
            "Doanh nghiệp bạn chuyển đổi số đến đâu?",
            "Trả lời 60 câu hỏi của bộ chỉ số DBI để biết mức chuyển đổi số và việc nên làm tiếp.",
            "Bắt đầu tự đánh giá",
        ),
        "stories": "Tin bài mới",
        "success": "Câu chuyện thành công",
        "events": "Tập huấn sắp diễn ra",
        "honours": "Doanh nghiệp được tôn vinh",
    },
    "en": {
        "cta": (
            "How far has your enterprise gone in digital transformation?",
            "Answer the 60 questions of the DBI index to learn your level and what to do next.",
            "Start the self-assessment",
        ),
        "stories": "Latest stories",
        "success": "Success stories",
        "events": "Upcoming training",
        "honours": "Honoured enterprises",
    },
}


def _feature_sections(home, language):
    """Newest stories, success stories, upcoming training, the DBI call to action and the
    latest honoured enterprises: each feature's own home-page block."""
    from assessment_forms.models import AssessmentPage

    texts = FEATURE_SECTIONS[language]
    sections = []
    assessment = AssessmentPage.objects.live().filter(locale=home.locale).first()
    if assessment is not None:
        heading, text, button = texts["cta"]
        sections.append(
            ("assessment_cta", {"heading": heading, "text": text, "page": assessment, "button_label": button})
        )
    sections += [
        ("latest_stories", {"heading": texts["stories"], "number": 6, "kind": "", "desk": ""}),
        ("upcoming_events", {"heading": texts["events"], "count": 3, "pillars": []}),
        ("latest_stories", {"heading": texts["success"], "number": 3, "kind": "success_story", "desk": ""}),
        ("latest_honours", {"heading": texts["honours"], "limit": 6}),
    ]
    return sections


def build_home_sections(stdout):
    """Run last: the home page's sections point at every area the other features built."""
    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    en = Locale.objects.get(language_code="en")
    about = StandardPage.objects.get(slug="gioi-thieu", locale=home.locale)
    home.sections = _sections("vi", about) + _feature_sections(home, "vi") + _area_cards(home, "vi")
    home.save_revision(log_action=False).publish(log_action=False)
    home_en = home.get_translation_or_none(en)
    about_en = about.get_translation(en)
    sections_en = _sections("en", about_en)
    if home_en:
        sections_en += _feature_sections(home_en, "en") + _area_cards(home_en, "en")
    translate_page(
        home,
        en,
        title="Home",
        slug="home-en",
        intro="The enterprise digital transformation portal.",
        sections=sections_en,
    )
    _main_menu(home)
    stdout.write("home: các mục trang chủ")


# Short labels for the main menu (the pages' own titles do not fit one line at 1280 px), by
# page type of the home page's children; unknown types keep their title.
MENU_LABELS = {
    "standardpage": ("Giới thiệu", "About"),
    "assessmentpage": ("Tự đánh giá DBI", "DBI self-assessment"),
    "eventindexpage": ("Sự kiện", "Events"),
    "newsroompage": ("Tin tức", "News"),
    "handbookindexpage": ("Cẩm nang", "Handbook"),
    "rankingspage": ("Xếp hạng", "Rankings"),
    "dashboardpage": ("Số liệu", "Dashboard"),
}


def _main_menu(home):
    site = Site.objects.get(is_default_site=True)
    profile = SiteProfile.for_site(site)
    links = []
    for page in home.get_children().live().in_menu():
        vi, en = MENU_LABELS.get(page.content_type.model, (page.title, ""))
        links.append(("link", {"label": vi, "label_en": en, "page": page, "url": ""}))
    profile.main_menu = links
    profile.save()
