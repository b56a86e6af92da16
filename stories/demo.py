"""Demo content for the newsroom: the front, three desks (both languages), journalists,
stories for each desk with generated illustrations and audio, a few English translations.
Idempotent: stories are found by slug and left alone when they exist."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from assessment_forms.services import assessment_page
from core.pages import site_home, translate_page
from enterprises.factories import EnterpriseFactory
from enterprises.models import AdministrativeUnit, Enterprise, Sector

from .demo_content import ENTERPRISES, JOURNALISTS, STORIES
from .factories import DESK_TITLES, JournalistFactory, StoryPageFactory, make_newsroom
from .media import LICENCE, make_audio, make_image
from .models import Journalist, StoryByline, StoryEnterprise, StoryPage, StoryPillarTag

DESK_INTROS = {
    "newspaper": (
        "Tin bài về chuyển đổi số doanh nghiệp của Báo Đắk Nông.",
        "Digital transformation stories from the provincial newspaper.",
    ),
    "radio": (
        "Chương trình phát thanh, truyền hình về chuyển đổi số: bản tin, tọa đàm, phóng sự.",
        "Radio and television programmes on digital transformation: bulletins, talks, reports.",
    ),
    "portal": (
        "Tin tức, thông báo và câu chuyện thành công trên Cổng thông tin điện tử tỉnh.",
        "News, announcements and success stories from the provincial web portal.",
    ),
}
DESK_TITLES_EN = {"newspaper": "Dak Nong Newspaper", "radio": "Radio and Television", "portal": "Web Portal"}


def _cta_block():
    return (
        "dbi_cta",
        {
            "heading": "Doanh nghiệp bạn chuyển đổi số đến đâu?",
            "text": (
                "Trả lời 60 câu hỏi của bộ chỉ số DBI trong khoảng 20 phút để biết mức chuyển đổi số "
                "và việc nên làm tiếp."
            ),
            "page": assessment_page("vi"),
            "button_label": "Bắt đầu tự đánh giá",
        },
    )


def _enterprises():
    from assessment_forms.factories import VerifiedSubmissionFactory
    from assessment_forms.services import latest_verified

    found = {}
    for n, spec in enumerate(ENTERPRISES):
        enterprise = Enterprise.objects.filter(name=spec["name"]).first()
        if enterprise is None:
            enterprise = EnterpriseFactory(
                name=spec["name"],
                legal_form=spec["legal_form"],
                sector=Sector.objects.filter(code=spec["sector"]).first(),
                area=AdministrativeUnit.objects.filter(name=spec["area"]).first(),
                founded_year=spec["founded_year"],
                website=spec["website"],
                publish_dbi_consent=True,
                email=f"lienhe.demo{n}@doanhnghiep.vn",
            )
        if latest_verified(enterprise) is None:
            VerifiedSubmissionFactory(enterprise=enterprise, target_level=spec["level"], seed=100 + n)
        found[spec["name"]] = enterprise
    return found


def _body(spec, image, audio):
    body = list(spec["body"])
    if audio is not None:
        body.insert(
            1,
            (
                "audio",
                {
                    "title": spec["audio"]["title"],
                    "audio": audio,
                    "duration": spec["audio"]["seconds"],
                    "transcript": spec["audio"]["transcript"],
                },
            ),
        )
    if spec.get("gallery"):
        images = [
            {"image": make_image(caption, colour, slug="anh"), "caption": caption, "credit": LICENCE}
            for caption, colour in spec["gallery"]
        ]
        body.insert(1, ("gallery", {"title": "Phóng sự ảnh", "images": images}))
    if spec.get("cta"):
        body.append(_cta_block())
    return body


def _story(desk, spec, enterprises):
    story = StoryPage.objects.child_of(desk).filter(slug=spec["slug"]).first()
    if story is not None:
        return story.specific, False
    image = make_image(spec["title"], spec["colour"], slug=spec["slug"][:40])
    audio = None
    if spec.get("audio"):
        audio = make_audio(spec["audio"]["title"], seconds=spec["audio"]["seconds"], slug=spec["slug"][:40])
    story = StoryPageFactory(
        parent=desk,
        locale=desk.locale,
        title=spec["title"],
        slug=spec["slug"],
        standfirst=spec["standfirst"],
        kind=spec["kind"],
        publication_date=timezone.now() - timedelta(days=spec["days_ago"], hours=3),
        cover_image=image,
        cover_caption=f"Minh họa: {spec['title']}. {LICENCE}",
        body=_body(spec, image, audio),
        search_description=spec["standfirst"][:250],
    )
    for name in spec.get("journalists", []):
        StoryByline.objects.create(page=story, journalist=Journalist.objects.get(name=name))
    for name in spec.get("enterprises", []):
        StoryEnterprise.objects.create(page=story, enterprise=enterprises[name])
    for code in spec.get("pillars", []):
        StoryPillarTag.objects.create(page=story, code=code)
    story.sectors.set(Sector.objects.filter(code__in=spec.get("sectors", [])))
    story.areas.set(AdministrativeUnit.objects.filter(name__in=spec.get("areas", [])))
    story.save_revision(log_action=False).publish(log_action=False)
    return story, True


def build(stdout):
    home = site_home("vi")
    en = Locale.objects.get(language_code="en")
    newsroom, desks = make_newsroom(home)
    translate_page(
        newsroom,
        en,
        title="Digital transformation news",
        slug="news",
        intro=(
            "Stories on enterprise digital transformation from the provincial newspaper, "
            "radio and TV station and web portal."
        ),
        search_description="Stories, success stories and radio programmes on digital transformation.",
    )
    for key, desk in desks.items():
        vi_intro, en_intro = DESK_INTROS[key]
        if desk.intro != vi_intro:
            desk.intro = vi_intro
            desk.save_revision(log_action=False).publish(log_action=False)
        translate_page(desk, en, title=DESK_TITLES_EN[key], slug=DESK_TITLES[key][1], intro=en_intro)

    for name, desk_key, title in JOURNALISTS:
        JournalistFactory(name=name, desk=desk_key, title=title)
    enterprises = _enterprises()

    created = 0
    for spec in STORIES:
        story, new = _story(desks[spec["desk"]], spec, enterprises)
        created += new
        if spec.get("en"):
            english = spec["en"]
            translate_page(
                story,
                en,
                title=english["title"],
                slug=english["slug"],
                standfirst=english["standfirst"],
                body=english["body"] + ([_cta_block()] if spec.get("cta") else []),
                search_description=english["standfirst"][:250],
            )
    stdout.write(f"stories: trang tin bài, 3 ban biên tập, {created} tin bài mới ({len(STORIES)} tin bài mẫu)")
