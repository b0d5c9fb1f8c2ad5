"""What the reports app keeps: the monthly PDF summaries sent to the trade office, one row a month."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MonthlyReport(models.Model):
    """The month's summary e-mailed to TRADE_OFFICE_EMAIL: sent once (storefront.mail.send_once), and
    tried again by the next run while the mail server refuses it."""

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month reported on."))
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    recipient = models.EmailField(_("sent to"), blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    error = models.TextField(_("last error"), blank=True, editable=False)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        ordering = ["-month"]

    def __str__(self):
        return f"{self.month:%Y-%m}"
