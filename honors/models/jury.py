"""The jury's work: conflict-of-interest declarations and weighted scores with a comment."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConflictDeclaration(models.Model):
    """A juror declares a conflict with a nominee: from then on the juror never sees the
    nominee, cannot score it, and any score they gave is left out of the aggregates."""

    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    nomination = models.ForeignKey("honors.Nomination", on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("lý do"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khai báo xung đột lợi ích")
        verbose_name_plural = _("khai báo xung đột lợi ích")
        constraints = [models.UniqueConstraint(fields=["juror", "nomination"], name="unique_conflict")]

    def __str__(self):
        return f"{self.juror} – {self.nomination}"


class JuryReview(models.Model):
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    nomination = models.ForeignKey("honors.Nomination", on_delete=models.CASCADE, related_name="reviews")
    comment = models.TextField(_("nhận xét"), blank=True)
    # Weighted mean of the criterion scores on a 0–100 scale, stored at submission for aggregates.
    weighted_score = models.DecimalField(_("điểm có trọng số"), max_digits=6, decimal_places=2)
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu chấm")
        verbose_name_plural = _("phiếu chấm")
        constraints = [models.UniqueConstraint(fields=["juror", "nomination"], name="unique_review")]

    def __str__(self):
        return f"{self.juror} – {self.nomination}: {self.weighted_score}"


class JuryScore(models.Model):
    review = models.ForeignKey(JuryReview, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("honors.JuryCriterion", on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("điểm"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="unique_score")]

    def __str__(self):
        return f"{self.criterion_id}: {self.score}"
