"""Who may read the reports: curators and the trade office, never a maker (they show every maker)."""

from catalog.permissions import is_curator

TRADE_OFFICE_GROUP = "Trade office"


def can_view_reports(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return is_curator(user) or user.groups.filter(name=TRADE_OFFICE_GROUP).exists()
