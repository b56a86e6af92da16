"""The spam guards of every public form, in one place.

A form that inherits `HumanCheckForm` gets a honeypot field people never see (`website`: bots
fill every field) and a signed time at which the form was shown (`started`: bots post at once,
people need more than MIN_FILL_SECONDS; a day-old form has expired). Double submission is the
job of each form's own one-time key, since what a repeat must return differs per form.
Templates hide the honeypot in a visually hidden, aria-hidden wrapper.
"""

import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SALT = "dx.form-started"
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 24 * 3600
HONEYPOT = "website"


def started_token(seconds_ago=0):
    """The signed time a form was shown (`seconds_ago` earlier, for tests)."""
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


class HumanCheckForm(forms.Form):
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    min_fill_seconds = MIN_FILL_SECONDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", started_token())

    def clean(self):
        data = super().clean()
        if data.get(HONEYPOT):
            raise ValidationError(_("Không gửi được biểu mẫu. Vui lòng thử lại."), code="spam")
        expired = ValidationError(_("Biểu mẫu đã hết hạn. Vui lòng tải lại trang và gửi lại."), code="expired")
        try:
            started = float(signing.loads(data.get("started") or "", salt=SALT, max_age=MAX_FILL_SECONDS))
        except (signing.BadSignature, TypeError, ValueError):
            raise expired from None
        elapsed = time.time() - started
        if elapsed > MAX_FILL_SECONDS:
            raise expired
        if elapsed < self.min_fill_seconds:
            raise ValidationError(_("Bạn gửi quá nhanh. Vui lòng kiểm tra lại thông tin rồi gửi lại."), code="too_fast")
        return data
