"""Who may act for which maker. One rule for every admin view that shows vendor data.

A curator (superuser or member of the "Curators" group) sees every maker. Any other admin user
acts for the makers whose page their groups may change: onboarding gives each SME a group with
add/change permission on its own VendorPage subtree, so that page permission is the link.
"""

from django.db.models import Q

from wagtail.models import GroupPagePermission

from .models import VendorPage

CURATORS_GROUP = "Curators"


def is_curator(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=CURATORS_GROUP).exists())
    )


def vendors_for_user(user):
    """VendorPages (all locales) this user acts for: all of them for curators, none for anonymous users."""
    if not (user.is_authenticated and user.is_active):
        return VendorPage.objects.none()
    if is_curator(user):
        return VendorPage.objects.all()
    granted = GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=["change_page", "add_page"]
    ).values_list("page__path", flat=True)
    paths = set(granted)
    if not paths:
        return VendorPage.objects.none()
    # A grant on the vendor page (or on its translation's tree) covers that maker in every locale.
    pages = VendorPage.objects.filter(Q(path__in=paths))
    keys = pages.values_list("translation_key", flat=True)
    return VendorPage.objects.filter(translation_key__in=list(keys))


def vendor_keys_for_user(user):
    """translation_keys of the makers a user acts for, or None for "all" (curators)."""
    if is_curator(user):
        return None
    return set(vendors_for_user(user).values_list("translation_key", flat=True))
