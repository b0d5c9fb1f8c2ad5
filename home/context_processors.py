"""Template context every page needs: the text direction and the language switcher."""

from django.conf import settings
from django.utils.translation import get_language, get_language_bidi


def site_chrome(request):
    return {
        "LANGUAGE_DIRECTION": "rtl" if get_language_bidi() else "ltr",
        "CURRENT_LANGUAGE": get_language() or settings.LANGUAGE_CODE,
        "STRIPE_ENABLED": bool(settings.STRIPE_SECRET_KEY),
    }
