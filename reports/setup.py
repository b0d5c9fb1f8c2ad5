"""The "Trade office" group: the city's trade office staff sign in to the admin to read the reports only.

Safe to re-run; `manage.py setup_trade_office` and `seed_demo` (through its hook) call it.
"""

from django.contrib.auth.models import Group, Permission

from .permissions import TRADE_OFFICE_GROUP


def ensure_trade_office_group():
    """Create or repair the group: admin access, nothing else (the reports check the group itself)."""
    group, _created = Group.objects.get_or_create(name=TRADE_OFFICE_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group
