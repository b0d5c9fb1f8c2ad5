"""Who may see and handle which inquiries: curators all of them, a maker's users only that maker's."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import GroupPagePermission
from wagtail.permission_policies.base import BasePermissionPolicy

from catalog.models import VendorPage
from catalog.permissions import CURATORS_GROUP, is_curator, vendor_keys_for_user

_CACHE_ATTR = "_inquiry_vendor_keys"


def inquiry_vendor_keys(user):
    """The maker keys whose inquiries `user` may see (None = all), computed once per request user."""
    if not hasattr(user, _CACHE_ATTR):
        setattr(user, _CACHE_ATTR, vendor_keys_for_user(user))
    return getattr(user, _CACHE_ATTR)


def scoped_inquiries(user, queryset=None):
    from .models import Inquiry

    queryset = Inquiry.objects.all() if queryset is None else queryset
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    return queryset.for_vendor_keys(inquiry_vendor_keys(user))


class InquiryPermissionPolicy(BasePermissionPolicy):
    """Not Django's model permissions: a maker's users need no global "view inquiry" grant.

    view/change: curators, and users who act for at least one maker (the inbox is then scoped).
    add: nobody (inquiries only come from buyers). delete: curators only.
    """

    def _acts_for_a_maker(self, user):
        if not (user.is_authenticated and user.is_active):
            return False
        keys = inquiry_vendor_keys(user)
        return keys is None or bool(keys)

    def user_has_permission(self, user, action):
        if action in ("view", "change"):
            return self._acts_for_a_maker(user)
        if action == "delete":
            return is_curator(user)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        keys = inquiry_vendor_keys(user)
        return keys is None or instance.vendor_translation_key in keys

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return scoped_inquiries(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        curators = Q(is_superuser=True) | Q(groups__name=CURATORS_GROUP)
        if "view" in actions or "change" in actions:
            vendor_paths = VendorPage.objects.values_list("path", flat=True)
            makers = GroupPagePermission.objects.filter(
                permission__codename__in=["change_page", "add_page"], page__path__in=vendor_paths
            ).values_list("group_id", flat=True)
            return users.filter(curators | Q(groups__in=makers)).distinct()
        if "delete" in actions:
            return users.filter(curators).distinct()
        return users.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        return [user for user in users if self.user_has_any_permission_for_instance(user, actions, instance)]
