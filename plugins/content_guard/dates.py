"""Accept a Date or Modified line only when it names one moment, unambiguously.

Pelican reads dates with dateutil and fills whatever is missing from the day
of the build: ``Date: 2013`` becomes today's day and month in 2013 (the URL
and feed id change every day), ``Date: December 25`` a date in the current
year (a future one drops the post from the site), ``01/02/2013`` is read
month first, and ``2013-06-01 10:00 PST`` loses its zone. Here the raw value
must be one of:

- ``YYYY-MM-DD``
- ``YYYY-MM-DD HH:MM`` or ``YYYY-MM-DD HH:MM:SS``, optionally followed by a
  numeric offset (``+02:00``, ``+0200``, ``-05``) or ``Z``
- ISO 8601 in its extended form: the same with ``T`` between date and time,
  and optionally a decimal fraction of a second (``2013-06-01T10:00:00.5+02:00``)

and name a real day and time. ``problem(value)`` says what is wrong, or None.
"""

import datetime
import re

_FORM = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d{1,6})?)?"
    r"(?: ?(?:Z|[+-](?P<offset_hours>\d{2})(?::?(?P<offset_minutes>\d{2}))?))?)?"
)
# A full date and time followed by a zone name or abbreviation (PST, UTC, Europe/Paris).
_NAMED_ZONE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?\s*(?P<zone>[A-Za-z][\w/+-]*)"
)
# Day, month and year in an order only a convention decides: 01/02/2013, 1.2.13, 01-02-2013.
_AMBIGUOUS = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")

ACCEPTED = (
    "write YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS] with an optional numeric offset "
    "such as +02:00, or ISO 8601 such as 2013-06-01T10:00:00+02:00"
)


def problem(value):
    """Why ``value`` is not an accepted date, or None if it is one."""
    text = str(value).strip()
    form = _FORM.fullmatch(text)
    if form:
        return _impossible(form)
    zone = _NAMED_ZONE.fullmatch(text)
    if zone:
        return (
            f"names a time zone ({zone.group('zone')}), which Pelican would ignore; "
            "give the offset as a number instead (for example -08:00 for PST, +00:00 for UTC)"
        )
    if _AMBIGUOUS.match(text):
        return f"is ambiguous (which number is the day, which the month?); {ACCEPTED}"
    if re.search(r"\d", text):
        return (
            "is incomplete or in another form (Pelican would guess, filling in what is "
            f"missing from the day of the build); {ACCEPTED}"
        )
    return f"is not a valid date; {ACCEPTED}"


def _impossible(form):
    """Why the parts of a well-formed date name no real moment, or None."""
    parts = {key: int(number) for key, number in form.groupdict().items() if number}
    try:
        datetime.datetime(
            parts["year"],
            parts["month"],
            parts["day"],
            parts.get("hour", 0),
            parts.get("minute", 0),
            parts.get("second", 0),
        )
    except ValueError as error:
        return f"is not a real date or time ({error})"
    if parts.get("offset_hours", 0) > 23 or parts.get("offset_minutes", 0) > 59:
        return "has an offset beyond 23:59"
    return None
