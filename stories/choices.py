"""Desks and kinds of stories. Desk keys match the role keys in accounts.roles (journalist_<desk>)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Desk(models.TextChoices):
    NEWSPAPER = "newspaper", _("Báo")
    RADIO = "radio", _("Phát thanh – Truyền hình")
    PORTAL = "portal", _("Cổng thông tin")


class Kind(models.TextChoices):
    ARTICLE = "article", _("Bài viết")
    SUCCESS_STORY = "success_story", _("Câu chuyện thành công")
    PHOTO_STORY = "photo_story", _("Phóng sự ảnh")
    RADIO_SEGMENT = "radio_segment", _("Chương trình phát thanh")
    VIDEO = "video", _("Video")
    INTERVIEW = "interview", _("Phỏng vấn")


DESK_CHOICES = Desk.choices
KIND_CHOICES = Kind.choices
