"""One vocabulary for levels, pillars and size classes (issue 16): every app reads the names
from the framework (and the registry), so "Chưa khởi động" is never "Chưa chuyển đổi số"
elsewhere and the pillars have one set of names."""

import copy

import pytest
from django.utils import translation

from assessment_forms import services

pytestmark = pytest.mark.django_db

LEVELS = ["Chưa khởi động", "Khởi động", "Bắt đầu", "Hình thành", "Nâng cao", "Dẫn dắt"]


def test_the_framework_names_levels_and_pillars_in_both_languages(framework):
    assert [name for _level, name in services.level_choices()] == LEVELS
    pillars = dict(services.pillar_choices())
    assert pillars["P1"] == "Trải nghiệm số cho khách hàng" and len(pillars) == 6
    with translation.override("en"):
        assert services.level_name(0) == "Not started"
        assert services.pillar_name("P1") == "Digital customer experience"


def test_editing_the_framework_renames_everywhere(framework):
    assert services.level_name(0) == "Chưa khởi động"
    levels = copy.deepcopy(framework.levels)  # the loader shares its parsed file: never edit it in place
    levels[0]["name"]["vi"] = "Chưa bắt đầu"
    framework.levels = levels
    framework.save()
    assert services.level_name(0) == "Chưa bắt đầu"


def test_events_stories_handbook_honours_read_the_same_names(framework):
    from events.choices import LEVEL_CHOICES, SIZE_CHOICES, label_for
    from events.choices import pillar_choices as event_pillars
    from handbook.choices import pillar_choices as handbook_pillars
    from handbook.choices import size_choices
    from honors.models.cycles import SIZE_CHOICES as HONOURS_SIZES
    from honors.templatetags.honors_tags import level_name
    from stories.pillars import pillar_choices as story_pillars

    framework_pillars = services.pillar_choices()
    assert event_pillars() == story_pillars() == handbook_pillars() == framework_pillars
    assert label_for(LEVEL_CHOICES, "0") == "Mức 0 – Chưa khởi động"
    assert [str(level_name(level)) for level in range(6)] == LEVELS
    from enterprises.models import Enterprise

    assert list(SIZE_CHOICES) == list(HONOURS_SIZES) == size_choices() == list(Enterprise.SizeClass.choices)


def test_before_any_framework_is_loaded_the_reference_file_names_them(db):
    from assessment_forms.models import Framework

    Framework.objects.all().delete()  # `migrate` loads the shipped frameworks (issue 20)
    services.forget_vocabulary()
    assert services.level_name(0) == "Chưa khởi động"
    assert [code for code, _name in services.pillar_choices()] == ["P1", "P2", "P3", "P4", "P5", "P6"]


def test_recommendation_kinds_are_words_not_codes():
    assert services.kind_label("event") == "Tập huấn"
    assert services.kind_label("handbook") == "Cẩm nang"
    with translation.override("en"):
        assert services.kind_label("event") == "Training"
    assert services.kind_label("mystery") == ""
