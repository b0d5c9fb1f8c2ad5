"""An event as an iCalendar file, so a buyer can put a trade fair in their own calendar."""

import datetime

from icalendar import Calendar, Event

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags


def event_calendar(event_page, request=None):
    """One VEVENT with all-day dates; DTEND is exclusive in iCalendar, hence the day after the end."""
    calendar = Calendar()
    calendar.add("prodid", "-//Etalase Malang//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    vevent = Event()
    # The translation_key is shared by every language's copy, so a calendar that imported the
    # English file recognises the Indonesian one as the same event.
    host = settings.WAGTAILADMIN_BASE_URL.split("://")[-1].split("/")[0].split(":")[0] or "etalase"
    vevent.add("uid", f"event-{event_page.translation_key}@{host}")
    vevent.add("dtstamp", event_page.last_published_at or timezone.now())
    vevent.add("dtstart", event_page.start_date)
    vevent.add("dtend", event_page.end_date + datetime.timedelta(days=1))
    vevent.add("summary", event_page.title)
    vevent.add("location", ", ".join(p for p in (event_page.venue, event_page.city, event_page.country) if p))
    description = strip_tags(event_page.description or "").strip()
    if event_page.external_url:
        description = f"{description}\n\n{event_page.external_url}".strip()
    if description:
        vevent.add("description", description)
    vevent.add("url", event_page.get_full_url(request))
    calendar.add_component(vevent)
    return calendar.to_ical()
