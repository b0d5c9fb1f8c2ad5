"""Template context for every page: how many samples are in the buyer's box (for the header)."""

from django.conf import settings

from . import box


def sample_box(request):
    # Without a session cookie the box is empty; not touching the session keeps public pages cacheable.
    if getattr(request, "session", None) is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return {"sample_box_count": 0}
    return {"sample_box_count": box.count(request)}
