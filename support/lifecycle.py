"""A request's life: new → assigned → in progress ⇄ waiting for the enterprise → resolved →
closed, or refused with a reason. Each transition checks who may make it, writes in one
transaction and queues its e-mails through core.mail.

Who is who:
- a *coordinator* holds `support.assign_supportrequest` (support coordinators, programme editors);
- the *consultant* is the one the request is assigned to (by their account);
- the *enterprise* is whoever holds the request's signed link (the status page).
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import queue_mail, site_url

from .clock import set_due_dates
from .models import Attachment, Message, SupportRequest

Status = SupportRequest.Status
LINK_SALT = "support.request-link"
COORDINATOR_GROUP = "Điều phối hỗ trợ"


class TransitionError(Exception):
    """A transition this person may not make, or not from this status."""


# --- who may do what ----------------------------------------------------------------------


def is_coordinator(user):
    return bool(user and user.is_authenticated and user.has_perm("support.assign_supportrequest"))


def is_assigned_consultant(user, support_request):
    return bool(
        user
        and user.is_authenticated
        and support_request.consultant_id
        and support_request.consultant.user_id == user.pk
    )


def requests_for(user):
    """The requests a staff user may see: all for coordinators, a consultant's own otherwise."""
    qs = SupportRequest.objects.all()
    if is_coordinator(user):
        return qs
    if user and user.is_authenticated and user.has_perm("support.view_supportrequest"):
        return qs.filter(consultant__user=user)
    return qs.none()


def _check(allowed):
    if not allowed:
        raise TransitionError(_("Bạn không có quyền thực hiện thao tác này."))


def _status(support_request, *statuses):
    if support_request.status not in statuses:
        raise TransitionError(
            _("Không thực hiện được khi yêu cầu đang ở trạng thái “%(status)s”.")
            % {"status": support_request.get_status_display()}
        )


# --- links and recipients -----------------------------------------------------------------


def link_token(support_request):
    """The same link every time (no timestamp): it is the enterprise's key to the request, and
    changing `access_key` revokes it."""
    return signing.Signer(salt=LINK_SALT).sign_object([support_request.pk, support_request.access_key])


def request_for_token(token):
    """The request a signed link stands for, or None if forged or revoked."""
    try:
        pk, key = signing.Signer(salt=LINK_SALT).unsign_object(token)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return SupportRequest.objects.filter(pk=pk, access_key=key).select_related("topic", "consultant").first()


def status_url(support_request):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(support_request.language):
        return site_url(reverse("support:status", args=[link_token(support_request)]))


def admin_url(support_request):
    from django.urls import reverse

    return site_url(reverse("support_request:manage", args=[support_request.pk]))


def user_language(user, default="vi"):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.preferred_language if profile and profile.preferred_language else default)[:2]


def coordinators():
    User = get_user_model()
    return User.objects.filter(is_active=True, groups__name=COORDINATOR_GROUP).exclude(email="").distinct()


def _mail_enterprise(kind, support_request, extra=None):
    queue_mail(
        f"support.{kind}",
        support_request.email,
        f"support/email/{kind}",
        {"req": support_request, "link": status_url(support_request), **(extra or {})},
        language=support_request.language,
        related=support_request,
    )


def _mail_consultant(kind, support_request, extra=None):
    consultant = support_request.consultant
    if consultant is None:
        return
    queue_mail(
        f"support.{kind}",
        consultant.contact_email,
        f"support/email/{kind}",
        {"req": support_request, "consultant": consultant, "link": admin_url(support_request), **(extra or {})},
        language=consultant.language,
        related=support_request,
    )


def _mail_coordinators(kind, support_request, extra=None):
    for user in coordinators():
        queue_mail(
            f"support.{kind}",
            user.email,
            f"support/email/{kind}",
            {"req": support_request, "link": admin_url(support_request), **(extra or {})},
            language=user_language(user),
            related=support_request,
        )


def _system(support_request, text, user=None):
    return Message.objects.create(
        request=support_request,
        author_kind=Message.Author.SYSTEM,
        author=user if user is not None and user.is_authenticated else None,
        body=text,
        internal=True,
    )


# --- creating -----------------------------------------------------------------------------


def next_reference(support_request):
    return f"HT-{timezone.localtime(support_request.created_at):%Y}-{support_request.pk:06d}"


@transaction.atomic
def create_request(files=(), notify=True, **fields):
    """Store a new request (fields of SupportRequest), its attachments, and its targets."""
    support_request = SupportRequest(**fields)
    if support_request.enterprise_id and not support_request.area_id:
        support_request.area_id = support_request.enterprise.area_id
    set_due_dates(support_request)
    support_request.reference = f"tmp-{support_request.access_key[:14]}"
    support_request.save()
    support_request.reference = next_reference(support_request)
    SupportRequest.objects.filter(pk=support_request.pk).update(reference=support_request.reference)
    for upload in files:
        Attachment.objects.create(request=support_request, file=upload, name=upload.name[:200], size=upload.size)
    if notify:
        _mail_enterprise("received", support_request)
        _mail_coordinators("new_request", support_request)
    return support_request


# --- transitions --------------------------------------------------------------------------


def _lock(support_request):
    return (
        SupportRequest.objects.select_for_update(of=("self",))
        .select_related("consultant", "topic")
        .get(pk=support_request.pk)
    )


@transaction.atomic
def assign(support_request, consultant, by):
    support_request = _lock(support_request)
    _check(is_coordinator(by))
    _status(support_request, Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING)
    if not support_request.consent:
        raise TransitionError(_("Doanh nghiệp chưa đồng ý chia sẻ yêu cầu với chuyên gia."))
    support_request.consultant = consultant
    support_request.assigned_at = timezone.now()
    if support_request.status == Status.NEW:
        support_request.status = Status.ASSIGNED
    support_request.save()
    _system(support_request, _("Phân công cho %(name)s.") % {"name": consultant.display_name}, by)
    _mail_consultant("assigned_consultant", support_request)
    _mail_enterprise("assigned", support_request)
    return support_request


@transaction.atomic
def refuse(support_request, reason, by):
    support_request = _lock(support_request)
    _check(is_coordinator(by))
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Vui lòng nêu lý do từ chối."))
    _status(support_request, *SupportRequest.OPEN)
    support_request.status = Status.REFUSED
    support_request.refusal_reason = reason
    support_request.closed_at = timezone.now()
    support_request.save()
    _system(support_request, _("Từ chối: %(reason)s") % {"reason": reason}, by)
    _mail_enterprise("refused", support_request)
    return support_request


@transaction.atomic
def start(support_request, by):
    support_request = _lock(support_request)
    _check(is_coordinator(by) or is_assigned_consultant(by, support_request))
    _status(support_request, Status.ASSIGNED)
    support_request.status = Status.IN_PROGRESS
    support_request.save()
    _system(support_request, _("Bắt đầu xử lý."), by)
    return support_request


@transaction.atomic
def resolve(support_request, by, summary=""):
    support_request = _lock(support_request)
    _check(is_coordinator(by) or is_assigned_consultant(by, support_request))
    _status(support_request, Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING)
    if summary.strip():
        _add_message(support_request, by, summary, internal=False)
    support_request.status = Status.RESOLVED
    support_request.resolved_at = timezone.now()
    support_request.save()
    _system(support_request, _("Đã giải quyết."), by)
    _mail_enterprise("resolved", support_request)
    return support_request


@transaction.atomic
def close(support_request, by):
    support_request = _lock(support_request)
    _check(is_coordinator(by))
    _status(support_request, Status.RESOLVED)
    support_request.status = Status.CLOSED
    support_request.closed_at = timezone.now()
    support_request.save()
    _system(support_request, _("Đã đóng."), by)
    _mail_enterprise("closed", support_request)
    return support_request


def _author_kind(user, support_request):
    if is_assigned_consultant(user, support_request):
        return Message.Author.CONSULTANT
    return Message.Author.STAFF


def _add_message(support_request, user, body, internal, files=()):
    message = Message.objects.create(
        request=support_request,
        author_kind=_author_kind(user, support_request),
        author=user,
        author_name=(user.get_full_name() or user.get_username())[:150],
        body=body.strip(),
        internal=internal,
    )
    for upload in files:
        Attachment.objects.create(
            request=support_request, message=message, file=upload, name=upload.name[:200], size=upload.size
        )
    return message


@transaction.atomic
def staff_message(support_request, by, body, internal=False, wait=False, files=()):
    """A message from a coordinator or the assigned consultant. Not internal: the enterprise
    reads it (and gets an e-mail); the first one stops the first-response clock; `wait` asks
    the enterprise for something and pauses the request until they answer."""
    support_request = _lock(support_request)
    if not (body or "").strip():
        raise TransitionError(_("Vui lòng nhập nội dung."))
    _check(is_coordinator(by) or is_assigned_consultant(by, support_request))
    if support_request.status in (Status.CLOSED, Status.REFUSED):
        raise TransitionError(_("Yêu cầu đã kết thúc."))
    message = _add_message(support_request, by, body, internal, files)
    if internal:
        return message
    if support_request.first_response_at is None:
        support_request.first_response_at = message.created_at
    if support_request.status == Status.ASSIGNED:
        support_request.status = Status.IN_PROGRESS
    if wait and support_request.status in (Status.IN_PROGRESS, Status.ASSIGNED):
        support_request.status = Status.WAITING
    support_request.save()
    _mail_enterprise("message", support_request, {"message": message})
    return message


@transaction.atomic
def enterprise_reply(support_request, body, files=()):
    """A message from the enterprise (through its signed link): answers a wait, or reopens a
    resolved request not yet closed."""
    if not (body or "").strip():
        raise TransitionError(_("Vui lòng nhập nội dung."))
    support_request = _lock(support_request)
    if support_request.status in (Status.CLOSED, Status.REFUSED):
        raise TransitionError(_("Yêu cầu đã kết thúc, không thể gửi thêm trao đổi."))
    message = Message.objects.create(
        request=support_request,
        author_kind=Message.Author.ENTERPRISE,
        author_name=support_request.contact_name,
        body=body.strip(),
    )
    for upload in files:
        Attachment.objects.create(
            request=support_request, message=message, file=upload, name=upload.name[:200], size=upload.size
        )
    if support_request.status in (Status.WAITING, Status.RESOLVED):
        support_request.status = Status.IN_PROGRESS
        support_request.resolved_at = None
        support_request.save()
    if support_request.consultant_id:
        _mail_consultant("reply", support_request, {"message": message})
    else:
        _mail_coordinators("reply", support_request, {"message": message})
    return message


@transaction.atomic
def rate(support_request, rating, comment=""):
    """The enterprise rates the help, once, after it is resolved."""
    support_request = _lock(support_request)
    _status(support_request, Status.RESOLVED, Status.CLOSED)
    if support_request.rating is not None:
        raise TransitionError(_("Yêu cầu này đã được đánh giá."))
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise TransitionError(_("Vui lòng chọn mức đánh giá từ 1 đến 5."))
    support_request.rating = rating
    support_request.rating_comment = (comment or "").strip()[:2000]
    support_request.rated_at = timezone.now()
    support_request.save()
    _mail_consultant("rated", support_request)
    return support_request


def visible_messages(support_request, for_enterprise):
    qs = support_request.messages.prefetch_related("attachments")
    if for_enterprise:
        qs = qs.filter(internal=False).exclude(author_kind=Message.Author.SYSTEM)
    return qs
