"""Wagtail sites and site settings, kept in the cache: every page needs them, they rarely change.

Both are dropped from the cache when a Site or a SiteSettings row is saved or deleted, in
whichever process does it; with Redis the cache is shared, so every app server sees the change.
Each process also keeps its copy while the page cache's generation lasts (saving either starts a
new one), so a request reads neither from the cache (`home.page_cache.generation_memo`).
"""

import copy

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port

from wagtail.models import Site

from .page_cache import generation_memo, remember

SITES_KEY = "home:sites-by-host"
SETTINGS_KEY = "home:site-settings:{model}:{site_id}"
MAX_HOSTS = 50  # hosts are checked against ALLOWED_HOSTS first; this only bounds the entry
TIMEOUT = 3600


def site_for_request(request):
    """The Site serving `request` (or None), as `Site.find_for_request` would find it."""
    host = (split_domain_port(request.get_host())[0], request.get_port())
    sites = generation_memo(SITES_KEY, lambda: cache.get(SITES_KEY) or {})
    if host not in sites:
        sites = {**dict(list(sites.items())[-MAX_HOSTS + 1 :]), host: Site._find_for_request(request)}
        cache.set(SITES_KEY, sites, TIMEOUT)
        remember(SITES_KEY, sites)
    return sites[host]


def cached_setting(model, site, load):
    """`load()`'s settings row for `site`, from the cache when it is there."""
    key = SETTINGS_KEY.format(model=model._meta.label_lower, site_id=site.pk)

    def from_cache():
        instance = cache.get(key)
        if instance is None:
            instance = load()
            cache.set(key, instance, TIMEOUT)
        return instance

    # A copy for each caller: the settings form edits the instance it is given, even when it then
    # refuses the edit, and the one kept here must stay as saved.
    return copy.copy(generation_memo(key, from_cache))


def forget_setting(model, site_id):
    cache.delete(SETTINGS_KEY.format(model=model._meta.label_lower, site_id=site_id))


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    cache.delete(SITES_KEY)
