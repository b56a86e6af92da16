"""StreamField blocks of a story's body, and the home-page section of the latest stories."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from assessment_forms.blocks import AssessmentCallToActionBlock
from market.blocks import MatchingOffersBlock

from .choices import DESK_CHOICES, KIND_CHOICES


class CaptionedImageBlock(blocks.StructBlock):
    """An image with a caption and a credit or licence note."""

    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Nguồn ảnh, giấy phép"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "stories/blocks/captioned_image.html"
        description = _("Một ảnh kèm chú thích và nguồn ảnh.")
        preview_value = {"caption": "Nông dân Đắk Mil tra cứu giá cà phê trên điện thoại."}


class GalleryBlock(blocks.StructBlock):
    """A set of captioned photos, shown as a grid (photo stories)."""

    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Các ảnh"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Bộ ảnh")
        template = "stories/blocks/gallery.html"
        description = _("Nhiều ảnh có chú thích, xếp thành lưới.")
        preview_value = {"title": "Một ngày ở hợp tác xã", "images": []}


class PullQuoteBlock(blocks.StructBlock):
    """A quotation set apart from the text."""

    quote = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn nổi bật")
        template = "stories/blocks/pull_quote.html"
        description = _("Một câu nói nổi bật của nhân vật.")
        preview_value = {
            "quote": "Từ khi bán hàng qua mạng, đơn hàng của hợp tác xã tăng gấp đôi.",
            "attribution": "Giám đốc hợp tác xã",
        }


class AudioBlock(blocks.StructBlock):
    """An uploaded audio file (a Wagtail document: MP3, M4A, OGG, WAV) with its transcript,
    so the segment is accessible to people who cannot hear it."""

    title = blocks.CharBlock(label=_("Tên đoạn âm thanh"), max_length=200)
    audio = DocumentChooserBlock(label=_("Tệp âm thanh"))
    duration = blocks.IntegerBlock(label=_("Thời lượng (giây)"), required=False, min_value=0)
    transcript = blocks.RichTextBlock(label=_("Bản ghi lời"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "media"
        label = _("Âm thanh")
        template = "stories/blocks/audio.html"
        description = _("Trình phát âm thanh cho tệp đã tải lên, kèm bản ghi lời.")
        preview_value = {"title": "Bản tin chuyển đổi số", "transcript": "<p>Kính chào quý thính giả…</p>"}


class VideoBlock(blocks.StructBlock):
    """A video: an embed (YouTube and similar) or an uploaded file, with an optional transcript."""

    title = blocks.CharBlock(label=_("Tên video"), max_length=200)
    embed = EmbedBlock(label=_("Địa chỉ video nhúng"), required=False)
    video = DocumentChooserBlock(label=_("Tệp video đã tải lên"), required=False)
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=300)
    transcript = blocks.RichTextBlock(label=_("Bản ghi lời"), required=False, features=["bold", "italic", "link"])

    class Meta:
        icon = "media"
        label = _("Video")
        template = "stories/blocks/video.html"
        description = _("Video nhúng hoặc tệp video tải lên.")
        preview_value = {"title": "Phóng sự chuyển đổi số"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("embed") and not value.get("video"):
            raise blocks.StructBlockValidationError(
                block_errors={"embed": ValidationError(_("Nhập địa chỉ video nhúng hoặc chọn tệp video."))}
            )
        return value


class FactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Số liệu"), max_length=40)
    label = blocks.CharBlock(label=_("Nội dung"), max_length=200)


class FactBoxBlock(blocks.StructBlock):
    """A box of key figures next to the story."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    facts = blocks.ListBlock(FactBlock(), label=_("Số liệu"))
    note = blocks.CharBlock(label=_("Ghi chú, nguồn"), required=False, max_length=300)

    class Meta:
        icon = "list-ul"
        label = _("Hộp số liệu")
        template = "stories/blocks/fact_box.html"
        description = _("Các con số chính của bài viết.")
        preview_value = {
            "heading": "Con số",
            "facts": [{"value": "65%", "label": "doanh nghiệp dùng hóa đơn điện tử"}],
        }


def _body_blocks():
    body = [
        (
            "paragraph",
            blocks.RichTextBlock(
                label=_("Đoạn văn"),
                features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"],
                icon="pilcrow",
            ),
        ),
        ("image", CaptionedImageBlock()),
        ("gallery", GalleryBlock()),
        ("quote", PullQuoteBlock()),
        ("audio", AudioBlock()),
        ("video", VideoBlock()),
        ("facts", FactBoxBlock()),
        ("dbi_cta", AssessmentCallToActionBlock()),
        ("matching_offers", MatchingOffersBlock()),
    ]
    return body


class StoryBodyBlock(blocks.StreamBlock):
    """The body of a story."""

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__(local_blocks=_body_blocks() + list(local_blocks or []), **kwargs)

    class Meta:
        label = _("Nội dung")


class LatestStoriesBlock(blocks.StructBlock):
    """A home-page section: the newest live stories, optionally of one kind or one desk."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120, default=_("Tin bài mới"))
    number = blocks.IntegerBlock(label=_("Số bài"), default=6, min_value=1, max_value=24)
    kind = blocks.ChoiceBlock(
        label=_("Loại bài"), choices=[("", _("Tất cả"))] + list(KIND_CHOICES), required=False, widget=forms.Select
    )
    desk = blocks.ChoiceBlock(
        label=_("Ban biên tập"), choices=[("", _("Tất cả"))] + list(DESK_CHOICES), required=False, widget=forms.Select
    )

    class Meta:
        icon = "doc-full"
        label = _("Tin bài mới nhất")
        template = "stories/blocks/latest_stories.html"
        description = _("Danh sách tin bài mới nhất, có thể lọc theo loại bài hoặc ban biên tập.")
        preview_value = {"heading": "Tin bài mới", "number": 3, "kind": "", "desk": ""}

    def get_context(self, value, parent_context=None):
        from .services import latest_stories

        context = super().get_context(value, parent_context=parent_context)
        context["stories"] = latest_stories(
            limit=value.get("number") or 6, kind=value.get("kind") or None, desk=value.get("desk") or None
        )
        return context
