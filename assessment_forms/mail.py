"""E-mails the self-assessment promises, through the site's one pipeline (core.mail): the
resume link (the start form says the e-mail is for that), "your assessment was submitted"
and "your assessment was verified" (to the respondent and the enterprise's contacts)."""

from django.conf import settings
from django.utils import translation

from core.mail import queue_mail, site_url
from enterprises.services import contact_emails

from .models import AssessmentPage


def _page_for(submission):
    pages = AssessmentPage.objects.live().order_by("path")
    return pages.filter(framework_code=submission.framework.code).first() or pages.first()


def link(submission, name="resume", page=None):
    """The absolute signed link of a submission (resume or result)."""
    from .views import resume_url

    page = page or _page_for(submission)
    if page is None:
        return site_url("/")
    url = resume_url(page, submission, name)
    return url if url.startswith("http") else site_url(url)


def _send(kind, template, submission, to, page=None, language=None):
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "submission": submission,
            "enterprise": submission.enterprise,
            "resume_url": link(submission, "resume", page),
            "result_url": link(submission, "result", page),
        }
    return queue_mail(kind, to, template, context, language=language, related=submission)


def resume_link(submission, page=None):
    if submission.respondent_email:
        return _send(
            "assessment.resume_link", "assessment_forms/mail/resume_link", submission, submission.respondent_email, page
        )
    return None


def submitted(submission, page=None):
    if submission.respondent_email:
        return _send(
            "assessment.submitted", "assessment_forms/mail/submitted", submission, submission.respondent_email, page
        )
    return None


def verified(submission):
    """To the respondent and everyone who speaks for the enterprise; with nobody, an
    "unreachable" row that programme editors see in the outgoing-mail list."""
    to = {submission.respondent_email} if submission.respondent_email else set()
    if submission.enterprise_id:
        to.update(contact_emails(submission.enterprise))
    return _send(
        "assessment.verified", "assessment_forms/mail/verified", submission, sorted(to), language=settings.LANGUAGE_CODE
    )
