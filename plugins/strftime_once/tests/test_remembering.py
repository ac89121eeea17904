"""The remembered strftime returns exactly what Pelican's own would."""

import datetime as dt
import locale
from zoneinfo import ZoneInfo

import pelican.utils
from hypothesis import given
from hypothesis import strategies as st
from pelican.utils import SafeDatetime

import strftime_once
from strftime_once import RememberingStrftime

# Pelican's own, even if a build in this process has put ours in its place.
pelican_strftime = getattr(pelican.utils.strftime, "original", pelican.utils.strftime)

DIRECTIVES = ["%Y", "%m", "%-d", "%d", "%b", "%B", "%A", "%-H", "%M", "%z", "%Z", "%%", "%Q"]
ZONES = [
    None,
    dt.UTC,
    dt.timezone(dt.timedelta(hours=1), "CET"),
    dt.timezone(dt.timedelta(hours=1), "WAT"),  # equal to CET as a tzinfo, named otherwise
    dt.timezone(dt.timedelta(hours=-5)),
    ZoneInfo("Europe/Paris"),  # fold matters here, at the end of summer time
]
PARIS = ZONES[-1]
formats = st.lists(st.sampled_from(DIRECTIVES + [" ", ", ", "/", "x"]), max_size=8).map("".join)
dates = st.builds(
    lambda naive, zone, fold, safe: (SafeDatetime if safe else dt.datetime)(
        *naive.timetuple()[:6], naive.microsecond, tzinfo=zone, fold=fold
    ),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(ZONES),
    st.integers(0, 1),
    st.booleans(),
)


@given(st.lists(st.tuples(dates, formats), min_size=1, max_size=30))
def test_every_result_is_what_pelican_would_format(calls):
    """Dates that compare equal (one instant in two zones) still get their own results."""
    remembering = RememberingStrftime(pelican_strftime)
    for date, date_format in calls + calls[::-1]:
        assert remembering(date, date_format) == pelican_strftime(date, date_format)


def test_one_instant_in_two_zones_is_formatted_twice():
    remembering = RememberingStrftime(pelican_strftime)
    cet = SafeDatetime(2013, 3, 3, 10, tzinfo=ZONES[2])
    utc = SafeDatetime(2013, 3, 3, 9, tzinfo=dt.UTC)
    assert cet == utc
    assert remembering(cet, "%-H %Z") == "10 CET"
    assert remembering(utc, "%-H %Z") == "9 UTC"


def test_zones_equal_but_named_otherwise_keep_their_names():
    remembering = RememberingStrftime(pelican_strftime)
    cet = SafeDatetime(2013, 3, 3, 10, tzinfo=ZONES[2])
    wat = SafeDatetime(2013, 3, 3, 10, tzinfo=ZONES[3])
    assert cet == wat and hash(cet) == hash(wat)
    assert remembering(cet, "%Z") == "CET"
    assert remembering(wat, "%Z") == "WAT"


def test_the_hour_that_repeats_is_told_apart_by_fold():
    """At the end of summer time 02:30 happens twice; equal and hashed alike."""
    remembering = RememberingStrftime(pelican_strftime)
    first = SafeDatetime(2013, 10, 27, 2, 30, tzinfo=PARIS)
    second = first.replace(fold=1)
    assert first == second and hash(first) == hash(second)
    assert remembering(first, "%H:%M %z") == "02:30 +0200"
    assert remembering(second, "%H:%M %z") == "02:30 +0100"


def test_a_result_is_not_reused_under_another_locale(monkeypatch):
    """Pelican switches LC_TIME for a DATE_FORMATS entry that names a locale."""
    calls = []

    def original(date, date_format):
        calls.append(date_format)
        return f"formatted {len(calls)}"

    remembering = RememberingStrftime(original)
    date = SafeDatetime(2013, 3, 8)
    first = remembering(date, "%B")
    assert remembering(date, "%B") == first and len(calls) == 1
    monkeypatch.setattr(locale, "setlocale", lambda category, value=None: "fr_FR.UTF-8")
    assert remembering(date, "%B") != first and len(calls) == 2


def test_an_unhashable_zone_is_formatted_every_time():
    class Unhashable(dt.tzinfo):
        __hash__ = None

        def utcoffset(self, _date):
            return dt.timedelta(0)

        def tzname(self, _date):
            return "U"

        def dst(self, _date):
            return None

    remembering = RememberingStrftime(pelican_strftime)
    date = SafeDatetime(2013, 3, 8, tzinfo=Unhashable())
    assert remembering(date, "%Y %Z") == "2013 U"
    assert remembering.results == {}


def test_a_build_puts_it_in_place_once_and_starts_afresh(monkeypatch):
    monkeypatch.setattr(pelican.utils, "strftime", pelican_strftime)
    strftime_once.install()
    remembering = pelican.utils.strftime
    assert isinstance(remembering, RememberingStrftime)
    assert SafeDatetime(2013, 3, 8).strftime("%A, %B %-d, %Y") == "Friday, March 8, 2013"
    assert len(remembering.results) == 1
    strftime_once.install()  # the next build (pelican -r) in the same process
    assert pelican.utils.strftime is remembering and remembering.results == {}
