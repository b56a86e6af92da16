"""StreamField blocks other apps embed (stories, handbook chapters, events)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AssessmentCallToActionBlock(blocks.StructBlock):
    """A call to take the DBI self-assessment: a heading, a sentence and a button to an
    assessment page. Stories, handbook chapters and event pages embed it."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120, default=_("Doanh nghiệp bạn chuyển đổi số đến đâu?"))
    text = blocks.TextBlock(
        label=_("Nội dung"),
        required=False,
        default=_(
            "Trả lời 60 câu hỏi của bộ chỉ số DBI trong khoảng 20 phút để biết mức chuyển đổi số và việc nên làm tiếp."
        ),
    )
    page = blocks.PageChooserBlock(label=_("Trang tự đánh giá"), page_type="assessment_forms.AssessmentPage")
    button_label = blocks.CharBlock(label=_("Nhãn nút"), max_length=60, default=_("Bắt đầu tự đánh giá"))

    class Meta:
        icon = "tasks"
        label = _("Mời tự đánh giá DBI")
        template = "assessment_forms/blocks/call_to_action.html"
        description = _("Hộp mời doanh nghiệp làm bài tự đánh giá mức độ chuyển đổi số (DBI).")
        preview_value = {
            "heading": "Doanh nghiệp bạn chuyển đổi số đến đâu?",
            "text": "Trả lời 60 câu hỏi của bộ chỉ số DBI để biết mức chuyển đổi số và việc nên làm tiếp.",
            "button_label": "Bắt đầu tự đánh giá",
        }
