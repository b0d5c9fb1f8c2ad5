"""Who may see and change which sample orders in the admin: curators all, makers those with their samples."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q, Subquery, Sum

from wagtail.permission_policies import ModelPermissionPolicy

from catalog.permissions import CURATORS_GROUP, is_curator, vendor_keys_for_user

from .models import OrderLine, SampleOrder

# Orders come from buyers; nobody creates or deletes them in the admin.
ADMIN_ACTIONS = {"view", "change"}


def visible_lines(user, order):
    keys = vendor_keys_for_user(user)
    lines = order.lines.all()
    return lines if keys is None else lines.filter(vendor_translation_key__in=keys)


def orders_for_user(user, queryset=None):
    """Orders the user may open, annotated with `visible_total`: the order total for curators,
    the sum of the user's own lines for makers (so they never see other makers' amounts)."""
    queryset = SampleOrder.objects.all() if queryset is None else queryset
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    keys = vendor_keys_for_user(user)
    if keys is None:
        return queryset.annotate(visible_total=F("total"))
    if not keys:
        return queryset.none()
    own_lines = OrderLine.objects.filter(order=OuterRef("pk"), vendor_translation_key__in=keys)
    own_total = own_lines.order_by().values("order").annotate(s=Sum("line_total")).values("s")
    return queryset.filter(Exists(own_lines)).annotate(visible_total=Subquery(own_total))


def orders_movable_by(user, queryset=None):
    """Orders whose status the user may change: every order for curators; for a maker, only orders
    whose lines are all its own. An order holding other makers' samples (or a line whose maker is
    gone) is moved by curators: its maker sees it, but one maker's move would speak for the others."""
    orders = orders_for_user(user, queryset)
    keys = vendor_keys_for_user(user)
    if keys is None:
        return orders
    # exclude() on the nullable key also counts lines without a maker as someone else's.
    others = OrderLine.objects.filter(order=OuterRef("pk")).exclude(vendor_translation_key__in=keys)
    return orders.exclude(Exists(others))


class SampleOrderPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action not in ADMIN_ACTIONS or not (user.is_authenticated and user.is_active):
            return False
        return is_curator(user) or bool(vendor_keys_for_user(user))

    def user_has_permission_for_instance(self, user, action, instance):
        orders = orders_movable_by(user) if action == "change" else orders_for_user(user)
        return self.user_has_permission(user, action) and orders.filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(action in ADMIN_ACTIONS for action in actions):
            return SampleOrder.objects.none()
        return orders_for_user(user) if "view" in actions else orders_movable_by(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not any(action in ADMIN_ACTIONS for action in actions):
            return users.none()
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__name=CURATORS_GROUP)
            | Q(groups__page_permissions__permission__codename__in=["change_page", "add_page"])
        ).distinct()
