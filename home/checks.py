"""System checks for settings that only go wrong together."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def cached_pages_expire_before_their_signed_media_urls(app_configs, **kwargs):
    """A cached page must not outlive the signed picture URLs written into it."""
    from storages.backends.s3 import S3Storage

    from django.core.files.storage import default_storage

    from storefront.storage import MediaStorage

    if not isinstance(default_storage, S3Storage) or not default_storage.querystring_auth:
        return []
    if default_storage.custom_domain and not default_storage.cloudfront_signer:
        return []  # a custom domain without a CloudFront key serves plain URLs
    # How long a URL may already have been handed out when a page is made, then how long the page
    # may be kept: by the page cache, a CDN, a browser.
    handed_out = default_storage.reuse_seconds() if isinstance(default_storage, MediaStorage) else 0
    kept = (settings.PAGE_CACHE_SECONDS if settings.PAGE_CACHE else 0) + (
        settings.PAGE_CACHE_CDN_MAX_AGE + settings.PAGE_CACHE_MAX_AGE
    )
    lifetime = default_storage.querystring_expire
    if handed_out + kept < lifetime:
        return []
    return [
        Warning(
            f"Cached pages can outlive their pictures' signed URLs: a URL is valid for {lifetime} s "
            f"(AWS_QUERYSTRING_EXPIRE), but may be {handed_out} s old when a page is made, which may "
            f"then be kept {kept} s (PAGE_CACHE_SECONDS + PAGE_CACHE_CDN_MAX_AGE + PAGE_CACHE_MAX_AGE).",
            hint="Raise AWS_QUERYSTRING_EXPIRE above twice the time pages are kept, or keep pages "
            "for less time, or serve media from a public bucket or CDN (AWS_QUERYSTRING_AUTH=0).",
            id="home.W001",
        )
    ]
