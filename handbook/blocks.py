"""StreamField blocks of the handbook: chapter bodies and FAQ entries."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from assessment_forms.blocks import AssessmentCallToActionBlock

from .toc import anchor_for

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "blockquote"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; it gets an anchor and an entry in the chapter's table of contents."""

    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("2", _("Mục (cấp 2)")), ("3", _("Mục con (cấp 3)"))],
        default="2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "handbook/blocks/heading.html"
        description = _("Tiêu đề mục, tự động đưa vào mục lục của chương.")
        preview_value = {"text": "Trụ cột trải nghiệm số cho khách hàng", "level": "2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The page passes unique anchors; a lone preview falls back to the heading's own.
        context["anchor"] = context.get("anchor") or anchor_for(value["text"])
        return context


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alternative text and an optional caption and credit."""

    image = ImageBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Nguồn ảnh"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "handbook/blocks/image.html"
        description = _("Ảnh minh họa có chú thích.")


class CalloutBlock(blocks.StructBlock):
    """A boxed note: a tip, a key point or a warning."""

    kind = blocks.ChoiceBlock(
        label=_("Loại"),
        choices=[("tip", _("Mẹo")), ("note", _("Lưu ý")), ("warning", _("Cảnh báo")), ("example", _("Ví dụ"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Nội dung"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Hộp ghi chú")
        template = "handbook/blocks/callout.html"
        description = _("Một hộp nổi bật: mẹo, lưu ý, cảnh báo hoặc ví dụ.")
        preview_value = {
            "kind": "tip",
            "title": "Bắt đầu từ việc nhỏ",
            "text": "<p>Hãy số hóa sổ bán hàng trước khi đầu tư phần mềm lớn.</p>",
        }


class AttachmentBlock(blocks.StructBlock):
    """A downloadable document (form, checklist, slides) with a short description."""

    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(label=_("Tên hiển thị"), required=False, max_length=160)
    description = blocks.CharBlock(label=_("Mô tả"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu tải về")
        template = "handbook/blocks/attachment.html"
        description = _("Một tệp để người đọc tải về.")


class ChapterBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"), features=RICH_TEXT_FEATURES, icon="pilcrow", template="handbook/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    attachment = AttachmentBlock()
    dbi_cta = AssessmentCallToActionBlock()


class FAQItemBlock(blocks.StructBlock):
    """One question and its answer; also published as schema.org Question/Answer data."""

    question = blocks.CharBlock(label=_("Câu hỏi"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Trả lời"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Câu hỏi")
        template = "handbook/blocks/faq_item.html"
        description = _("Một câu hỏi thường gặp và câu trả lời.")
        preview_value = {
            "question": "Doanh nghiệp siêu nhỏ có cần chuyển đổi số không?",
            "answer": "<p>Có. Bắt đầu từ những việc nhỏ như hóa đơn điện tử và bán hàng trực tuyến.</p>",
        }


class FAQSectionBlock(blocks.StructBlock):
    """A group of questions under a heading."""

    heading = blocks.CharBlock(label=_("Nhóm câu hỏi"), max_length=160)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Các câu hỏi"))

    class Meta:
        icon = "list-ul"
        label = _("Nhóm câu hỏi")
        template = "handbook/blocks/faq_section.html"
        description = _("Một nhóm câu hỏi thường gặp có tiêu đề.")
        preview_value = {"heading": "Về bộ chỉ số DBI", "items": []}
