"""Demo content of the handbook: the index, chapters on DX and on each DBI pillar, an FAQ and
the DBI guide, in Vietnamese with English translations of the index and a few pages.
Idempotent: running it again updates the pages instead of duplicating them."""

import datetime

from wagtail.models import Locale, Site

from assessment_forms.factories import load_dbi_1970
from assessment_forms.services import assessment_page
from core.pages import translate_page
from enterprises.models import Sector

from . import demo_content as content
from .factories import DBIGuidePageFactory, FAQPageFactory, HandbookChapterPageFactory, HandbookIndexPageFactory
from .models import DBIGuidePage, FAQPage, HandbookChapterPage, HandbookIndexPage

REVIEWED = datetime.date(2026, 9, 15)
AGRICULTURE_PILLARS = {"P3", "P6"}


def _assessment_page(locale):
    return assessment_page(locale.language_code)


def _cta(assessment_page):
    return (
        "dbi_cta",
        {
            "heading": "Doanh nghiệp bạn chuyển đổi số đến đâu?",
            "text": "Trả lời các câu hỏi của bộ chỉ số DBI trong khoảng 20 phút để biết mức của từng trụ cột.",
            "page": assessment_page,
            "button_label": "Bắt đầu tự đánh giá",
        },
    )


def _upsert(model, factory, parent, slug, **fields):
    """The child of `parent` with this slug, created or updated and published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    sectors = fields.pop("sectors", None)
    if page is None:
        page = factory(parent=parent, slug=slug, sectors=sectors, **fields)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
        if sectors is not None:
            page.sectors.set(sectors)
        page.save_revision(log_action=False).publish(log_action=False)
    return page


def _chapter(parent, data, assessment_page=None, sectors=None):
    body = list(data["body"])
    if assessment_page is not None:
        body.append(_cta(assessment_page))
    return _upsert(
        HandbookChapterPage,
        HandbookChapterPageFactory,
        parent,
        data["slug"],
        title=data["title"],
        intro=data["intro"],
        body=body,
        pillar_codes=data["pillars"],
        audience_sizes=data["sizes"],
        last_reviewed=REVIEWED,
        sectors=sectors or [],
    )


def build(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    en = Locale.objects.get(language_code="en")
    assessment_page = _assessment_page(home.locale)
    agriculture = list(Sector.objects.filter(code="A"))

    index = _upsert(
        HandbookIndexPage,
        HandbookIndexPageFactory,
        home,
        "cam-nang",
        show_in_menus=True,
        search_description="Kiến thức chuyển đổi số và bộ chỉ số DBI cho doanh nghiệp nhỏ và vừa.",
        **content.INDEX_VI,
    )
    overview = _chapter(index, content.OVERVIEW_VI, assessment_page)
    _chapter(overview, content.ROADMAP_VI)
    pillar_pages = [
        _chapter(
            index,
            data,
            assessment_page,
            sectors=agriculture if AGRICULTURE_PILLARS & set(data["pillars"]) else None,
        )
        for data in content.PILLAR_CHAPTERS_VI
    ]
    faq = _upsert(
        FAQPage,
        FAQPageFactory,
        index,
        content.FAQ_VI["slug"],
        title=content.FAQ_VI["title"],
        intro=content.FAQ_VI["intro"],
        body=content.FAQ_VI["body"],
        last_reviewed=REVIEWED,
    )

    framework = load_dbi_1970()
    guide = _upsert(
        DBIGuidePage,
        DBIGuidePageFactory,
        index,
        content.GUIDE_VI["slug"],
        title=content.GUIDE_VI["title"],
        intro=content.GUIDE_VI["intro"],
        framework_code=framework.code,
        assessment_page=assessment_page,
        pillar_codes=["P1", "P2", "P3", "P4", "P5", "P6"],
    )

    translate_page(
        index,
        en,
        slug="handbook",
        search_description="Digital transformation and the DBI index explained for SMEs.",
        **content.INDEX_EN,
    )
    assessment_en = assessment_page.get_translation_or_none(en) if assessment_page else None
    for page, data in ((overview, content.OVERVIEW_EN), (pillar_pages[0], content.P1_EN)):
        body = list(data["body"]) + ([_cta_en(assessment_en)] if assessment_en else [])
        translate_page(page, en, title=data["title"], slug=data["slug"], intro=data["intro"], body=body)
    translate_page(
        faq,
        en,
        title=content.FAQ_EN["title"],
        slug=content.FAQ_EN["slug"],
        intro=content.FAQ_EN["intro"],
        body=content.FAQ_EN["body"],
    )
    translate_page(
        guide,
        en,
        title=content.GUIDE_EN["title"],
        slug=content.GUIDE_EN["slug"],
        intro=content.GUIDE_EN["intro"],
        assessment_page=assessment_en,
    )
    chapters = HandbookChapterPage.objects.descendant_of(index).count()
    stdout.write(f"handbook: cẩm nang ({chapters} chương), hỏi đáp, hướng dẫn DBI; bản tiếng Anh")


def _cta_en(assessment_page):
    return (
        "dbi_cta",
        {
            "heading": "How far has your business gone?",
            "text": "Answer the DBI questions in about 20 minutes to see the level of each pillar.",
            "page": assessment_page,
            "button_label": "Start the self-assessment",
        },
    )
