"""StreamField blocks of the events app: the programme of an event, its body, and the
upcoming-events list other pages (the home page) can embed."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from assessment_forms.blocks import AssessmentCallToActionBlock
from market.blocks import MatchingOffersBlock

from .choices import pillar_choices


class SpeakerBlock(blocks.StructBlock):
    """A speaker of a session: name, role and organisation."""

    name = blocks.CharBlock(label=_("Họ và tên"), max_length=120)
    role = blocks.CharBlock(label=_("Chức danh, đơn vị"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("Diễn giả")


class SessionBlock(blocks.StructBlock):
    """One session of the programme with its times and speakers."""

    start = blocks.TimeBlock(label=_("Bắt đầu"))
    end = blocks.TimeBlock(label=_("Kết thúc"), required=False)
    title = blocks.CharBlock(label=_("Nội dung"), max_length=200)
    description = blocks.TextBlock(label=_("Mô tả"), required=False)
    speakers = blocks.ListBlock(SpeakerBlock(), label=_("Diễn giả"), default=[])

    class Meta:
        icon = "time"
        label = _("Phiên")
        template = "events/blocks/session.html"
        description = _("Một phiên trong chương trình, có giờ và diễn giả.")
        preview_value = {
            "start": "08:30",
            "end": "09:15",
            "title": "Tổng quan bộ chỉ số DBI",
            "speakers": [{"name": "Nguyễn Văn An", "role": "Sở Khoa học và Công nghệ"}],
        }


class DayHeadingBlock(blocks.CharBlock):
    """A heading that splits a programme of several days or parts."""

    class Meta:
        icon = "date"
        label = _("Tiêu đề ngày, buổi")
        template = "events/blocks/day_heading.html"
        description = _("Tách chương trình thành ngày hoặc buổi.")
        preview_value = "Buổi sáng"


class ProgrammeBlock(blocks.StreamBlock):
    day = DayHeadingBlock()
    session = SessionBlock()


class EventBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"), features=["bold", "italic", "link", "ol", "ul", "h3"], icon="pilcrow"
    )
    assessment_cta = AssessmentCallToActionBlock()
    matching_offers = MatchingOffersBlock()


class EventDocumentsBlock(blocks.StreamBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))


class UpcomingEventsBlock(blocks.StructBlock):
    """The next few events, optionally only those addressing some DBI pillars."""

    heading = blocks.CharBlock(label=_("Tiêu đề mục"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Số sự kiện"), min_value=1, max_value=12, default=3)
    pillars = blocks.MultipleChoiceBlock(label=_("Chỉ các trụ cột"), required=False, choices=pillar_choices)

    class Meta:
        icon = "date"
        label = _("Sự kiện sắp diễn ra")
        template = "events/blocks/upcoming_events.html"
        description = _("Danh sách các sự kiện, lớp tập huấn sắp diễn ra.")
        preview_value = {"heading": "Sự kiện sắp diễn ra", "count": 3, "pillars": []}

    def get_context(self, value, parent_context=None):
        from .services import upcoming_events

        context = super().get_context(value, parent_context=parent_context)
        context["events"] = upcoming_events(
            limit=value.get("count") or 3, pillars=value.get("pillars") or None, locale=translation.get_language()
        )
        return context
