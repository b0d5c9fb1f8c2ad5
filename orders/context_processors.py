"""Template context for every page: how many samples are in the buyer's box.

Read only when a template shows it (the sample box and checkout): public pages are cached for
everyone and get the count from `orders:state` instead, so rendering them never reads the session.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import box


def sample_box(request):
    # Without a session cookie the box is empty; not touching the session keeps public pages cacheable.
    if getattr(request, "session", None) is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return {"sample_box_count": 0}
    return {"sample_box_count": SimpleLazyObject(lambda: box.count(request))}
