"""Events: upcoming and past apart, "Meet us at" on makers, next events at home, .ics, date checks."""

import datetime

import pytest
from icalendar import Calendar

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from stories.models import EventPage
from tests.stories.conftest import make_event

pytestmark = pytest.mark.django_db


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_upcoming_and_past_events_are_listed_apart(client, sections):
    index = sections["events"]
    make_event(index, "Malang City Expo", _days(20), _days(22))
    make_event(index, "Running right now", _days(-1), _days(1))
    make_event(index, "Last year's buyer mission", _days(-300), _days(-298))
    html = client.get(index.url).content.decode()
    upcoming, past = html.split('id="past-events"')
    assert "Running right now" in upcoming and "Malang City Expo" in upcoming
    assert upcoming.index("Running right now") < upcoming.index("Malang City Expo")
    assert "Last year&#x27;s buyer mission" in past and "buyer mission" not in upcoming


def test_maker_page_invites_buyers_to_its_upcoming_events_only(client, sections, vendor):
    index = sections["events"]
    make_event(
        index,
        "Trade Expo Indonesia",
        _days(30),
        _days(34),
        vendors=[vendor],
        venue="ICE BSD",
        city="Tangerang",
        scope="international",
    )
    make_event(index, "An old fair", _days(-60), _days(-58), vendors=[vendor])
    make_event(index, "A fair without this maker", _days(10), _days(11))
    html = client.get(vendor.url).content.decode()
    assert "Meet us at" in html
    assert "Trade Expo Indonesia" in html and "ICE BSD" in html
    assert "An old fair" not in html and "A fair without this maker" not in html


def test_home_page_shows_the_next_three_events(client, sections):
    index = sections["events"]
    for number in range(4):
        make_event(index, f"Fair number {number}", _days(5 + number * 10), _days(6 + number * 10))
    make_event(index, "Past fair", _days(-10), _days(-9))
    html = client.get(sections["home"].url).content.decode()
    assert "Upcoming events" in html
    assert all(f"Fair number {n}" in html for n in range(3))
    assert "Fair number 3" not in html and "Past fair" not in html


def test_event_ics_is_a_valid_calendar_with_the_event_dates(client, sections):
    event = make_event(
        sections["events"],
        "Trade Expo Indonesia; Jakarta, 2026",
        datetime.date(2026, 10, 14),
        datetime.date(2026, 10, 18),
        venue="ICE BSD City",
        city="Tangerang",
        description="<p>The biggest B2B fair of Indonesian exporters, buyers from over 100 countries.</p>",
        external_url="https://tradeexpoindonesia.example",
        scope="international",
    )
    page_html = client.get(event.url).content.decode()
    assert f'href="{event.url}ical/"' in page_html

    response = client.get(f"{event.url}ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))  # folded lines
    calendar = Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["SUMMARY"] == "Trade Expo Indonesia; Jakarta, 2026"
    assert vevent.decoded("DTSTART") == datetime.date(2026, 10, 14)
    assert vevent.decoded("DTEND") == datetime.date(2026, 10, 19)  # exclusive end for all-day events
    assert "ICE BSD City, Tangerang, Indonesia" == str(vevent["LOCATION"])
    assert "buyers from over 100 countries" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]).endswith(event.url)
    assert "DTSTAMP" in vevent
    uid = str(vevent["UID"])
    # The same event in another language keeps its UID, so calendars do not duplicate it.
    id_copy = EventPage.objects.get(translation_key=event.translation_key, locale__language_code="id")
    other = Calendar.from_ical(client.get(f"{id_copy.url}ical/").content)
    assert str(other.walk("VEVENT")[0]["UID"]) == uid


def _event_form(parent_title, **overrides):
    data = {
        "title": parent_title,
        "slug": "malang-city-expo",
        "start_date": "2026-09-12",
        "end_date": "2026-09-10",
        "venue": "Gedung Kartini",
        "city": "Malang",
        "country": "Indonesia",
        "scope": "local",
        "description": rich_text("A weekend fair."),
        "external_url": "",
        "participants": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_event_ending_before_it_starts_is_refused_with_a_clear_message(client, sections):
    admin = get_user_model().objects.create_superuser("curator", "curator@example.com", "pw")
    client.force_login(admin)
    add_url = f"/admin/pages/add/stories/eventpage/{sections['events'].pk}/"
    response = client.post(add_url, _event_form("Malang City Expo"))
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not EventPage.objects.filter(slug="malang-city-expo").exists()

    response = client.post(add_url, _event_form("Malang City Expo", end_date="2026-09-13"))
    assert response.status_code == 302
    assert EventPage.objects.filter(slug="malang-city-expo", end_date=datetime.date(2026, 9, 13)).exists()
