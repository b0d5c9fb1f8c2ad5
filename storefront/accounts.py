"""Admin sign-in protection: the password-reset form that sends only so many e-mails an hour.

(Failed sign-ins are counted and locked out by django-axes; see AXES_* in settings/base.py.)
"""

import logging

from django.conf import settings
from django.template.response import TemplateResponse

from wagtail.admin.forms.auth import PasswordResetForm

from .clientip import client_ip
from .ratelimit import take_slot

logger = logging.getLogger(__name__)


class ThrottledPasswordResetForm(PasswordResetForm):
    """Sends the reset e-mail at most PASSWORD_RESET_RATE_LIMIT_PER_EMAIL times an hour to one address,
    and for PASSWORD_RESET_RATE_LIMIT_PER_IP requests an hour from one client.

    Over the limit, the page still says an e-mail is on its way: it must not tell anyone which
    addresses have accounts, nor let anyone flood a maker's inbox with reset links.
    """

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        wait = max(
            take_slot("password-reset-email", email, settings.PASSWORD_RESET_RATE_LIMIT_PER_EMAIL),
            take_slot(
                "password-reset-ip",
                client_ip(request) if request else "",
                settings.PASSWORD_RESET_RATE_LIMIT_PER_IP,
            ),
        )
        if wait:
            logger.warning("Password reset e-mail not sent: too many requests (next in %s s)", wait)
            return
        super().save(*args, request=request, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): says so, and for how long."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return TemplateResponse(request, "account_locked.html", {"minutes": minutes}, status=429).render()
