"""Media storage: on S3, signed URLs reused while they have half their lifetime left; on local disk,
URLs made without parsing them.

django-storages signs a private object's URL each time it is asked for one: about 0.2 ms of
botocore per URL, and a catalogue page shows 144 of them (three formats, two sizes, 24 products),
26 ms on every uncached page (`benchmarks/media_urls.py`). Here a URL signed for
`querystring_expire` seconds is handed out again, in this process, for the first half of that time;
every URL handed out is therefore still valid for at least the other half. Pages that hold these
URLs are kept for less than that (the page cache, the CDN, browsers: `home.checks` warns when they
are not), so a buyer never gets a page whose pictures have expired.

Unsigned URLs (a public bucket or a CDN domain), and URLs asked for with their own parameters,
expiry or method, are django-storages' own.

Documents (`documents/…`: makers' certificate scans among them) are private objects whatever the
bucket's default ACL, and never cached by a shared cache: Wagtail serves them through its own view
after checking who asks (WAGTAILDOCS_SERVE_METHOD = "serve_view").
"""

import threading
import time

from storages.backends.s3 import S3Storage

from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri

MAX_REMEMBERED = 20_000  # URLs per process: about 10 MB, some 50 full catalogue pages of pictures
PRIVATE_PREFIX = "documents/"  # wagtaildocs' upload_to


def is_private(name):
    return (name or "").lstrip("/").startswith(PRIVATE_PREFIX)


class MediaStorage(S3Storage):
    def __init__(self, **settings):
        super().__init__(**settings)
        self._signed_urls = {}  # name -> (reuse until, url)
        self._lock = threading.Lock()

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        if is_private(name):
            params["CacheControl"] = "private, no-store"
            if self.default_acl:  # a bucket with ACLs disabled refuses any ACL but the owner's
                params["ACL"] = "private"
        return params

    def reuse_seconds(self):
        """How long a signed URL is handed out again: half its lifetime."""
        return self.querystring_expire // 2

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self.querystring_auth or parameters or expire or http_method:
            return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
        now = time.monotonic()
        remembered = self._signed_urls.get(name)
        if remembered is not None and remembered[0] > now:
            return remembered[1]
        url = super().url(name)
        with self._lock:
            if len(self._signed_urls) >= MAX_REMEMBERED:
                self._signed_urls.clear()  # simpler than an LRU, and rare: they are all re-signed
            self._signed_urls[name] = (now + self.reuse_seconds(), url)
        return url

    def delete(self, name):
        super().delete(name)
        self._signed_urls.pop(name, None)


class LocalMediaStorage(FileSystemStorage):
    """Media on local disk (when no bucket is set), its URLs joined without `urljoin`.

    Django's FileSystemStorage joins the base URL and the file's path with `urljoin`, which parses
    both: a few microseconds a URL, a millisecond for the 144 picture URLs of a catalogue page. The
    names a storage hands out are relative and hold no `.` or `..` segments (Django refuses them),
    so for them the join is the base URL (which always ends in "/") followed by the path.
    """

    def url(self, name):
        if self.base_url is None:
            raise ValueError("This file is not accessible via a URL.")
        return self.base_url + (filepath_to_uri(name) or "").lstrip("/")
