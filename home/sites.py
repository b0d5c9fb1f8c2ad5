"""Site settings kept in the cache: every page's footer reads them, they rarely change.

They are dropped from the cache when a SiteSettings row is saved or deleted, in whichever process
does it; with Redis the cache is shared, so every app server sees the change. Each read is the
cache's own copy: nothing is shared between requests.
"""

from django.core.cache import cache

SETTINGS_KEY = "home:site-settings:{model}:{site_id}"
TIMEOUT = 3600


def cached_setting(model, site, load):
    """`load()`'s settings row for `site`, from the cache when it is there."""
    key = SETTINGS_KEY.format(model=model._meta.label_lower, site_id=site.pk)
    instance = cache.get(key)
    if instance is None:
        instance = load()
        cache.set(key, instance, TIMEOUT)
    return instance


def forget_setting(model, site_id):
    cache.delete(SETTINGS_KEY.format(model=model._meta.label_lower, site_id=site_id))
