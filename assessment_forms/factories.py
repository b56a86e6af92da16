"""Factories for the DBI self-assessment, shared by the tests (here and in other apps) and the demo.

    framework = load_dbi_1970()                       # the real 1970 SME index, loaded once per DB
    sub = VerifiedSubmissionFactory(enterprise=e, year=2024, target_level=3)

Submissions get generated answers scored by the real scoring engine, so totals, levels and
pillar scores are always consistent.
"""

import random

import factory
from django.utils import timezone

from enterprises.factories import EnterpriseFactory

from . import services
from .loader import DBI_1970_FILE, load_data, read_file
from .models import AnswerOption, Framework, Submission, SubmissionRevision
from .scoring import score

_file_data = {}

# How the province's enterprises are spread over the levels (most at 1–3).
REALISTIC_LEVEL_WEIGHTS = {0: 8, 1: 30, 2: 33, 3: 20, 4: 7, 5: 2}


def load_dbi_1970():
    """The DBI-1970-SME framework, loading the data file into this database if needed.

    The parsed file is cached in process, so tests that need the framework stay fast."""
    key = str(DBI_1970_FILE)
    if key not in _file_data:
        _file_data[key] = read_file(DBI_1970_FILE)
    framework = Framework.objects.filter(code="DBI-1970-SME").order_by("-version").first()
    if framework is not None:
        return framework
    framework, _action = load_data(_file_data[key], source_name=DBI_1970_FILE.name)
    return framework


def realistic_level(rng=random):
    levels, weights = zip(*REALISTIC_LEVEL_WEIGHTS.items(), strict=True)
    return rng.choices(levels, weights=weights)[0]


def option_levels(framework):
    """{criterion code: sorted levels that have an answer option} — some criteria offer only
    some levels (the three frequency options of 1.2.01–1.2.03 are levels 1, 3 and 5)."""
    levels = {}
    for code, level in AnswerOption.objects.filter(criterion__framework=framework).values_list(
        "criterion__code", "level"
    ):
        levels.setdefault(code, set()).add(level)
    return {code: sorted(values) for code, values in levels.items()}


def generate_answers(spec, target_level=None, rng=None, allowed_levels=None):
    """Answers {criterion code: level} whose overall level is `target_level` (random realistic
    level when None). Starts from a noisy maturity around the target, then nudges single
    answers up or down, to the next level the criterion offers, until the real scoring
    engine agrees."""
    rng = rng or random.Random()
    if target_level is None:
        target_level = realistic_level(rng)
    codes = list(spec.criteria)
    pillar_of = {code: spec.criteria[code].pillar for code in codes}
    allowed = {code: (allowed_levels or {}).get(code) or sorted(spec.criteria[code].points_by_level) for code in codes}
    centre = {p.code: target_level + rng.uniform(-0.8, 0.8) for p in spec.pillars}
    answers = {}
    for code in codes:
        value = round(rng.gauss(centre[pillar_of[code]], 1.1))
        answers[code] = min(allowed[code], key=lambda level, v=value: (abs(level - v), level))
    for _step in range(2000):
        result = score(spec, answers, validate=False)
        if result.level == target_level:
            return answers
        if result.level < target_level:
            weakest = min(result.pillars, key=lambda p: p.points / p.max)
            candidates = [c for c in codes if pillar_of[c] == weakest.code and answers[c] < allowed[c][-1]]
            if not candidates or rng.random() >= 0.7:
                candidates = [c for c in codes if answers[c] < allowed[c][-1]]
            code = rng.choice(candidates)
            answers[code] = next(level for level in allowed[code] if level > answers[code])
        else:
            code = rng.choice([c for c in codes if answers[c] > allowed[c][0]])
            answers[code] = max(level for level in allowed[code] if level < answers[code])
    return answers


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A submitted (not yet verified) self-assessment with consistent scores."""

    class Meta:
        model = Submission
        skip_postgeneration_save = True

    class Params:
        target_level = None
        seed = None

    enterprise = factory.SubFactory(EnterpriseFactory)
    framework = factory.LazyFunction(load_dbi_1970)
    year = 2025
    status = Submission.Status.SUBMITTED
    source = Submission.Source.WEB
    respondent_name = "Nguyễn Thị Lan"
    respondent_email = factory.Sequence(lambda n: f"nguoitraloi{n}@doanhnghiep.vn")
    answers = factory.LazyAttribute(
        lambda o: generate_answers(
            services.get_spec(o.framework),
            o.target_level,
            random.Random(o.seed) if o.seed is not None else None,
            allowed_levels=option_levels(o.framework),
        )
    )
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def scored(obj, create, extracted, **kwargs):
        if not create:
            return
        services.save_result(obj)
        SubmissionRevision.objects.create(
            submission=obj,
            kind=SubmissionRevision.Kind.SUBMITTED,
            answers=obj.answers,
            total=obj.total,
            level=obj.level,
        )


class VerifiedSubmissionFactory(SubmissionFactory):
    """A verified self-assessment: the kind that counts for rankings, honours and the dashboard."""

    status = Submission.Status.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)
    verification_note = "Đã đối chiếu hồ sơ, minh chứng đầy đủ."


class DraftSubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    enterprise = factory.SubFactory(EnterpriseFactory)
    framework = factory.LazyFunction(load_dbi_1970)
    year = 2025
    status = Submission.Status.DRAFT
    answers = factory.LazyFunction(dict)


def score_dict(framework, answers):
    """Convenience for tests: the scoring result of answers as the CLI prints it."""
    return services.score_answers(framework, answers).as_dict()
