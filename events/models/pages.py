"""The events index (listing, filters, archive, calendar, iCalendar feed) and the event page
(details, programme, registration form, per-event .ics)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import EventBodyBlock, EventDocumentsBlock, ProgrammeBlock
from ..choices import LEVEL_CHOICES, SIZE_CHOICES, EventFormat, EventLanguage, label_for, pillar_choices
from ..fields import ChoiceListField
from ..organisers import OrganiserSelect

PAGE_SIZE = 12


class EventIndexPage(RoutablePageMixin, Page):
    """Lists the events below it: upcoming first with URL filters, the archive, a month
    calendar and an iCalendar feed."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("Trang danh sách sự kiện")
        verbose_name_plural = _("Trang danh sách sự kiện")

    def events(self):
        # Public only: a login- or password-restricted event stays out of the list, the
        # archive, the calendar and the iCalendar feed.
        return EventPage.objects.live().public().child_of(self)

    @path("")
    def upcoming(self, request):
        from ..listing import upcoming_context

        return self.render(request, context_overrides=upcoming_context(self, request))

    @path("archive/")
    def archive(self, request):
        from ..listing import archive_context

        return self.render(request, context_overrides=archive_context(self, request), template="events/archive.html")

    @path("calendar/")
    def calendar(self, request):
        from ..listing import calendar_context

        return self.render(request, context_overrides=calendar_context(self, request), template="events/calendar.html")

    @path("ical/")
    def feed(self, request):
        from ..ical import calendar_response

        events = self.events().select_related("area").order_by("start")
        return calendar_response(events, request, filename="su-kien.ics", name=self.title)


class EventPage(RoutablePageMixin, Page):
    """A workshop or training course with its programme, audience and registration rules.

    Registrations always belong to the page in the default language (the source of its
    translations), so the Vietnamese and English pages share one capacity."""

    summary = models.TextField(_("Tóm tắt"), max_length=500)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(EventBodyBlock(), blank=True, verbose_name=_("Giới thiệu chi tiết"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("Chương trình"))

    start = models.DateTimeField(_("Bắt đầu"), help_text=_("Giờ Việt Nam (Asia/Ho_Chi_Minh)."))
    end = models.DateTimeField(_("Kết thúc"))
    format = models.CharField(_("Hình thức"), max_length=10, choices=EventFormat.choices, default=EventFormat.IN_PERSON)
    venue = models.CharField(_("Địa điểm"), max_length=200, blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=300, blank=True)
    area = models.ForeignKey(
        "enterprises.AdministrativeUnit",
        verbose_name=_("Địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    online_url = models.URLField(
        _("Đường dẫn tham gia trực tuyến"),
        blank=True,
        help_text=_("Chỉ hiện cho người đã đăng ký được xác nhận."),
    )
    organiser = models.CharField(_("Đơn vị tổ chức"), max_length=200)
    co_organisers = models.TextField(_("Đơn vị phối hợp"), blank=True, help_text=_("Mỗi đơn vị một dòng."))
    contact_email = models.EmailField(_("Thư điện tử liên hệ"), blank=True)
    event_language = models.CharField(
        _("Ngôn ngữ sự kiện"), max_length=6, choices=EventLanguage.choices, default=EventLanguage.VI
    )

    audience_sizes = ChoiceListField(_("Quy mô doanh nghiệp"), item_choices=SIZE_CHOICES)
    audience_sectors = ParentalManyToManyField(
        "enterprises.Sector", verbose_name=_("Ngành nghề"), blank=True, related_name="events"
    )
    audience_levels = ChoiceListField(_("Mức độ chuyển đổi số (DBI)"), item_choices=LEVEL_CHOICES)
    pillars = ChoiceListField(_("Trụ cột DBI"), item_choices=pillar_choices)

    capacity = models.PositiveIntegerField(_("Số chỗ"), default=50)
    max_seats_per_enterprise = models.PositiveSmallIntegerField(_("Số người tối đa mỗi doanh nghiệp"), default=3)
    registration_opens_at = models.DateTimeField(_("Mở đăng ký từ"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("Hạn đăng ký"), null=True, blank=True, help_text=_("Để trống: đến giờ bắt đầu.")
    )
    needs_approval = models.BooleanField(
        _("Cần duyệt đăng ký"), default=False, help_text=_("Đăng ký chờ ban tổ chức duyệt trước khi xác nhận.")
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("Thời hạn giữ chỗ mời (giờ)"),
        default=24,
        help_text=_("Người trong danh sách chờ được mời nhận chỗ trống có chừng này giờ để xác nhận."),
    )
    documents = StreamField(
        EventDocumentsBlock(),
        blank=True,
        verbose_name=_("Tài liệu cho người tham dự"),
        help_text=_("Bài trình bày, tài liệu phát tay: người tham dự xem được sau sự kiện."),
    )

    # Who manages this event's registrations, exports and check-in (besides programme
    # editors, who see every event): named accounts and/or whole groups.
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tổ chức (tài khoản)"),
        blank=True,
        related_name="organised_events",
        help_text=_("Chỉ những người này (và biên tập chương trình) xem và quản lý người đăng ký của sự kiện."),
    )
    organiser_groups = ParentalManyToManyField(
        "auth.Group",
        verbose_name=_("Người tổ chức (nhóm)"),
        blank=True,
        related_name="organised_events",
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("area"),
                FieldPanel("online_url"),
                FieldPanel("event_language"),
            ],
            heading=_("Thời gian và địa điểm"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("co_organisers"),
                FieldPanel("contact_email"),
                FieldPanel("organisers", widget=OrganiserSelect),
                FieldPanel("organiser_groups", widget=OrganiserSelect),
            ],
            heading=_("Tổ chức"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience_sizes"),
                FieldPanel("audience_sectors"),
                FieldPanel("audience_levels"),
                FieldPanel("pillars"),
            ],
            heading=_("Đối tượng"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_seats_per_enterprise")]),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldPanel("needs_approval"),
                FieldPanel("offer_hours"),
            ],
            heading=_("Đăng ký"),
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
        FieldPanel("documents"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("programme"),
        index.SearchField("venue"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("format"),
    ]

    class Meta:
        verbose_name = _("Sự kiện")
        verbose_name_plural = _("Sự kiện")
        indexes = [models.Index(fields=["start"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
        if self.format != EventFormat.ONLINE and not (self.venue or self.address):
            errors["venue"] = _("Nhập địa điểm cho sự kiện trực tiếp.")
        if self.format != EventFormat.IN_PERSON and not self.online_url:
            errors["online_url"] = _("Nhập đường dẫn cho sự kiện trực tuyến.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Hạn đăng ký phải sau thời điểm mở đăng ký.")
        if errors:
            raise ValidationError(errors)

    # --- Derived values -----------------------------------------------------------------
    @cached_property
    def canonical(self):
        """The page in the default language that holds the registrations."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            EventPage.objects.filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .select_related("area")
            .first()
        )
        return source or self

    @property
    def registration_deadline(self):
        return self.registration_closes_at or self.start

    def registration_state(self, now=None):
        """ "open", "not_yet", "closed" or "past"."""
        now = now or timezone.now()
        if self.end <= now:
            return "past"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if now >= self.registration_deadline:
            return "closed"
        return "open"

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def is_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def has_venue(self):
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def co_organiser_list(self):
        return [line.strip() for line in self.co_organisers.splitlines() if line.strip()]

    @property
    def size_labels(self):
        return [label_for(SIZE_CHOICES, code) for code in self.audience_sizes]

    @property
    def level_labels(self):
        return [label_for(LEVEL_CHOICES, code) for code in self.audience_levels]

    @property
    def pillar_labels(self):
        return [label_for(pillar_choices(), code) for code in self.pillars]

    @property
    def area_name(self):
        if not self.area:
            return ""
        if translation.get_language() == "en" and self.area.name_en:
            return self.area.name_en
        return self.area.name

    @property
    def listing_seats_left(self):
        """Seats left from the listing's annotation (None when not annotated)."""
        taken = getattr(self, "taken_seats", None)
        return None if taken is None else max(0, self.capacity - taken)

    def seats_left(self):
        from ..services import seats_left

        return seats_left(self.canonical)

    def structured_data(self):
        """schema.org Event data for search engines (the template writes it with `{% json_ld %}`)."""
        attendance = {
            EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
            EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
            EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
        }[self.format]
        locations = []
        if self.has_venue:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue or self.address,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": self.address,
                        "addressLocality": self.area_name,
                        "addressCountry": "VN",
                    },
                }
            )
        if self.is_online:
            locations.append({"@type": "VirtualLocation", "url": self.full_url})
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": strip_tags(self.summary),
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": attendance,
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": {"@type": "Organization", "name": self.organiser},
            "inLanguage": "vi" if self.event_language == EventLanguage.VI else self.event_language.replace("_", ","),
            "url": self.full_url,
            "maximumAttendeeCapacity": self.capacity,
            "isAccessibleForFree": True,
            "offers": {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "VND",
                "url": self.full_url,
                "availability": "https://schema.org/InStock" if self.seats_left() > 0 else "https://schema.org/SoldOut",
                "validFrom": timezone.localtime(
                    self.registration_opens_at or self.first_published_at or self.start
                ).isoformat(),
            },
        }
        if self.co_organiser_list:
            data["contributor"] = [{"@type": "Organization", "name": name} for name in self.co_organiser_list]
        return data

    # --- Routes ---------------------------------------------------------------------------
    # The page itself is served from the anonymous page cache (issue 21.2), so its form holds
    # nothing per visitor: events/registration.js fetches the CSRF token, a single-use start
    # token and a submission key from `form_tokens` (never cached) and shows the form. Without
    # JavaScript the page links to `register`, which renders the same form with its tokens.
    # The form posts to `events.views.register` (a plain view: no page routing under a
    # rush); the page and `register` still take the POST of pages cached before. Seats left stay current: a change of
    # a registration's seats invalidates the event's pages (events/signals.py).
    @path("", name="detail")
    def detail(self, request):
        if request.method == "POST":
            return self._handle_registration(request)
        event = self.canonical
        state = event.registration_state()
        form = None
        if state == "open":
            from ..forms import RegistrationForm

            form = RegistrationForm(
                event,
                action=event.registration_post_url(),
                tokens_url=self._subpage_url(request, "form_tokens"),
            )
        return self.render(
            request,
            context_overrides={
                "form": form,
                "registration_state": state,
                "event": event,
                "register_url": self._subpage_url(request, "register"),
            },
        )

    @path("register/", name="register")
    def registration_form(self, request):
        """The registration form with this visitor's tokens: never cached (it uses the CSRF
        token), the path of visitors without JavaScript and of a refused submission."""
        response = self._handle_registration(request)
        if response.status_code == 200:
            response["Cache-Control"] = "no-store"
            response["X-Robots-Tag"] = "noindex"
        return response

    @path("register/tokens/", name="form_tokens")
    def form_tokens(self, request):
        """This visitor's tokens for the cached page's form, as JSON (machine-read)."""
        import uuid

        from django.http import JsonResponse
        from django.middleware.csrf import get_token

        from core import spam

        open_ = self.canonical.registration_state() == "open"
        data = {"open": open_}
        if open_:
            data.update(
                csrfmiddlewaretoken=get_token(request),  # also sets the CSRF cookie
                started=spam.started_token(),
                submission_key=uuid.uuid4().hex,
            )
        response = JsonResponse(data)
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def _subpage_url(self, request, name):
        return self.get_url(request) + self.reverse_subpage(name)

    def registration_post_url(self):
        """Where the form posts: `events.views.register` (no page routing), in the active
        language, for the page that holds the registrations."""
        from django.urls import reverse

        return reverse("events:register", kwargs={"pk": self.canonical.pk})

    def _handle_registration(self, request):
        from ..forms import RegistrationForm
        from ..views import handle_registration_post

        event = self.canonical
        form = None
        state = event.registration_state()
        if state == "open":
            action = event.registration_post_url()
            if request.method == "POST":
                # Forms of pages cached before the form posted to `events:register`.
                response, form = handle_registration_post(request, event, action)
                if response is not None:
                    return response
            else:
                form = RegistrationForm(event, action=action)
        return self.render(request, context_overrides={"form": form, "registration_state": state, "event": event})

    @path("ical/", name="ics")
    def ics(self, request):
        from ..ical import calendar_response

        return calendar_response([self], request, filename=f"su-kien-{self.pk}.ics", name=self.title)

    def ics_url(self):
        return self.url + self.reverse_subpage("ics")

    @property
    def default_offer_expiry(self):
        return timedelta(hours=self.offer_hours or 24)
