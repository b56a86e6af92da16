"""Where handbook pages may be created, and creating a chapter through the admin."""

from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from handbook.factories import HandbookIndexPageFactory
from handbook.models import FAQPage, HandbookChapterPage, HandbookIndexPage
from home.factories import make_site_home
from home.models import HomePage, StandardPage


class HandbookPageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()
        cls.index = HandbookIndexPageFactory(parent=cls.home, slug="cam-nang")
        cls.user = get_user_model().objects.create_superuser("admin", "admin@example.vn", "matkhau")

    def setUp(self):
        self.client.force_login(self.user)

    def test_where_pages_can_be_created(self):
        self.assertCanCreateAt(HomePage, HandbookIndexPage)
        self.assertCanCreateAt(HandbookIndexPage, HandbookChapterPage)
        self.assertCanCreateAt(HandbookChapterPage, HandbookChapterPage)
        self.assertCanCreateAt(HandbookIndexPage, FAQPage)

    def test_where_pages_cannot_be_created(self):
        self.assertCanNotCreateAt(HomePage, HandbookChapterPage)
        self.assertCanNotCreateAt(StandardPage, HandbookChapterPage)
        self.assertCanNotCreateAt(HandbookChapterPage, HandbookIndexPage)
        self.assertCanNotCreateAt(HandbookChapterPage, FAQPage)
        self.assertCanNotCreateAt(HandbookIndexPage, HandbookIndexPage)
        self.assertCanNotCreateAt(FAQPage, HandbookChapterPage)
        self.assertCanNotCreateAt(HomePage, FAQPage)

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(HandbookChapterPage, {HandbookChapterPage})
        self.assertAllowedParentPageTypes(HandbookChapterPage, {HandbookIndexPage, HandbookChapterPage})

    def test_editor_creates_a_tagged_chapter_in_the_admin(self):
        data = nested_form_data(
            {
                "title": "Bán hàng trên sàn thương mại điện tử",
                "slug": "ban-hang-tren-san",
                "intro": "Đưa sản phẩm lên sàn.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Chọn sàn phù hợp", "level": "2"}),
                        ("paragraph", rich_text("<p>Shopee, Lazada, Tiki, Postmart…</p>")),
                    ]
                ),
                "attachments": inline_formset([]),
                "last_reviewed": "2026-05-01",
                "comments": inline_formset([]),
            }
        )
        data["pillar_codes"] = ["P1", "P3"]
        data["audience_sizes"] = ["micro", "small"]
        self.assertCanCreate(self.index, HandbookChapterPage, data)
        chapter = HandbookChapterPage.objects.get(slug="ban-hang-tren-san")
        assert chapter.pillar_codes == ["P1", "P3"]
        assert chapter.audience_sizes == ["micro", "small"]
        assert chapter.live
        # The stored value survives a revision round trip (previews, scheduled publishing).
        restored = chapter.latest_revision.as_object()
        assert restored.pillar_codes == ["P1", "P3"]
        assert isinstance(restored.body[1].value, RichText)

    def test_pages_are_renderable_and_previewable(self):
        from assessment_forms.factories import load_dbi_1970
        from handbook.factories import DBIGuidePageFactory, FAQPageFactory, HandbookChapterPageFactory

        load_dbi_1970()
        chapter = HandbookChapterPageFactory(parent=self.index, slug="chuong-xem-truoc")
        for page in (
            self.index,
            chapter,
            HandbookChapterPageFactory(parent=chapter, slug="chuong-con"),
            FAQPageFactory(parent=self.index),
            DBIGuidePageFactory(parent=self.index),
        ):
            self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(self.index)
        preview = nested_form_data(
            {
                "title": chapter.title,
                "slug": chapter.slug,
                "intro": "Xem trước.",
                "body": streamfield([("heading", {"text": "Mục xem trước", "level": "2"})]),
                "attachments": inline_formset([]),
                "comments": inline_formset([]),
            }
        )
        self.assertPageIsPreviewable(chapter, post_data=preview)
