"""StreamField blocks for the home page and other general pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from assessment_forms.blocks import AssessmentCallToActionBlock
from events.blocks import UpcomingEventsBlock
from honors.blocks import LatestHonoursBlock
from stories.blocks import LatestStoriesBlock


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address, with its own label."""

    label = blocks.CharBlock(label=_("Nhãn"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Trang"), required=False)
    url = blocks.URLBlock(label=_("Hoặc địa chỉ"), required=False)

    class Meta:
        icon = "link"
        label = _("Liên kết")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            from django.core.exceptions import ValidationError
            from wagtail.blocks import StructBlockValidationError

            raise StructBlockValidationError({"url": ValidationError(_("Chọn một trang hoặc nhập một địa chỉ."))})
        return value


class FooterLinkBlock(LinkBlock):
    """A footer link: the site's footer is shared by both languages, so it carries an
    English label too; a page link leads to the page's translation in the reader's language."""

    label_en = blocks.CharBlock(label=_("Nhãn tiếng Anh"), max_length=80, required=False)

    class Meta:
        icon = "link"
        label = _("Liên kết")


class HeroBlock(blocks.StructBlock):
    """The opening banner: a headline, a sentence and up to two calls to action."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    text = blocks.TextBlock(label=_("Nội dung"), required=False)
    image = ImageChooserBlock(label=_("Ảnh"), required=False)
    actions = blocks.ListBlock(LinkBlock(), label=_("Nút hành động"), max_num=2, default=[])

    class Meta:
        icon = "pick"
        label = _("Khối mở đầu")
        template = "home/blocks/hero.html"
        description = _("Tiêu đề lớn đầu trang với tối đa hai nút hành động.")
        preview_value = {
            "heading": "Chuyển đổi số doanh nghiệp",
            "text": "Tự đánh giá mức độ chuyển đổi số theo bộ chỉ số DBI.",
            "actions": [],
        }


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), max_length=80)
    text = blocks.TextBlock(label=_("Mô tả"), required=False)
    link = LinkBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = _("Thẻ")


class CardGridBlock(blocks.StructBlock):
    """A titled row of cards pointing at the main areas of the site."""

    heading = blocks.CharBlock(label=_("Tiêu đề mục"), max_length=120, required=False)
    cards = blocks.ListBlock(CardBlock(), label=_("Các thẻ"))

    class Meta:
        icon = "grip"
        label = _("Lưới thẻ")
        template = "home/blocks/card_grid.html"
        description = _("Một hàng thẻ dẫn tới các khu vực của trang.")
        preview_value = {
            "heading": "Khám phá",
            "cards": [{"title": "Cẩm nang", "text": "Kiến thức chuyển đổi số", "link": None}],
        }


class FactsBlock(blocks.StructBlock):
    """Key figures of the programme, shown large."""

    heading = blocks.CharBlock(label=_("Tiêu đề mục"), max_length=120, required=False)
    facts = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("value", blocks.CharBlock(label=_("Con số"), max_length=20)),
                ("label", blocks.CharBlock(label=_("Ý nghĩa"), max_length=80)),
            ],
            icon="order",
        ),
        label=_("Các con số"),
    )

    class Meta:
        icon = "order"
        label = _("Con số nổi bật")
        template = "home/blocks/facts.html"
        description = _("Những con số chính của chương trình.")
        preview_value = {"heading": "", "facts": [{"value": "320", "label": "điểm tối đa của DBI"}]}


class SectionBlock(blocks.StructBlock):
    """A heading with rich text."""

    heading = blocks.CharBlock(label=_("Tiêu đề mục"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Nội dung"), features=["bold", "italic", "link", "ol", "ul", "h3"])

    class Meta:
        icon = "doc-full"
        label = _("Đoạn văn")
        template = "home/blocks/section.html"
        description = _("Một mục có tiêu đề và văn bản.")
        preview_value = {"heading": "Giới thiệu", "text": "<p>Nội dung</p>"}


class HomeSectionsBlock(blocks.StreamBlock):
    """The home page composes the other features through the blocks they offer."""

    hero = HeroBlock()
    cards = CardGridBlock()
    facts = FactsBlock()
    section = SectionBlock()
    latest_stories = LatestStoriesBlock()
    upcoming_events = UpcomingEventsBlock()
    assessment_cta = AssessmentCallToActionBlock()
    latest_honours = LatestHonoursBlock()


class BodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    cards = CardGridBlock()
    facts = FactsBlock()
