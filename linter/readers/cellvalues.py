"""Spreadsheet cell values exactly as openpyxl (read-only, data_only) returns them.

The table reader turns values into text with columns.cell_text, so a number must stay an int or a
float and a date-formatted number must become the same datetime/time/timedelta openpyxl makes:
these functions mirror openpyxl 3.1's (utils.datetime, utils.cell, styles.numbers, the worksheet
reader's number cast); tests/test_fast_readers.py checks them against openpyxl.
"""
from __future__ import annotations

import datetime
import re

WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
MAC_EPOCH = datetime.datetime(1904, 1, 1)
BUILTIN_DATE_FORMATS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})  # numFmtId
BUILTIN_TIMEDELTA_FORMATS = frozenset({46})

_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')  # literals and locale brackets
_DATE_CODE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_TIMEDELTA_CODE = re.compile(r'\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?', re.I)
_ISO = re.compile(r'''
(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?
(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?''',
                  re.VERBOSE)
_DURATION = re.compile(r'PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?')
_ALPHA = {chr(65 + i): i + 1 for i in range(26)}
_PLAIN_REF = re.compile(r"([A-Z]{1,3})[0-9]+")
COLUMNS: dict[str, int] = {}  # valid column letters seen so far → column (a cache)


def is_date_format(code: str | None) -> bool:
    if code is None:
        return False
    return _DATE_CODE.search(_STRIP.sub("", code.split(";")[0])) is not None


def is_timedelta_format(code: str | None) -> bool:
    return code is not None and _TIMEDELTA_CODE.search(code.split(";")[0]) is not None


def cast_number(value: str) -> int | float:
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


def row_number(value: str) -> int:
    """A ``<row r=…>`` number; ValueError like openpyxl on a non-integer."""
    try:
        return int(value)
    except ValueError:
        number = float(value)
        if number.is_integer():
            return int(number)
        raise ValueError(f"{value} is not a valid row number") from None


def column_of(coordinate: str) -> int:
    """1-based column of a cell reference; ValueError where openpyxl's coordinate_to_tuple fails."""
    if _PLAIN_REF.fullmatch(coordinate):
        letters = coordinate.rstrip("0123456789")
        column = COLUMNS.get(letters)
        if column is None:
            column = COLUMNS[letters] = _letters(letters)
        return column
    for index, char in enumerate(coordinate):  # openpyxl's own loop, quirks included
        if char in "0123456789":
            break
    int(coordinate[index:])
    return _letters(coordinate[:index])


def _letters(letters: str) -> int:
    if len(letters) > 3:
        raise ValueError(f"'{letters}' is not a valid column name")
    index = 0
    for char, power in zip(reversed(letters.upper()), (1, 26, 676)):
        if char not in _ALPHA:
            raise ValueError(f"'{letters}' is not a valid column name")
        index += _ALPHA[char] * power
    if not 0 < index < 18279:
        raise ValueError(f"'{letters}' is not a valid column name")
    return index


def from_excel(value, epoch=WINDOWS_EPOCH, timedelta=False):
    """An Excel serial number as openpyxl's ``from_excel``."""
    if timedelta:
        td = datetime.timedelta(days=value)
        if td.microseconds:
            td = datetime.timedelta(seconds=td.total_seconds() // 1,
                                    microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return datetime.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + datetime.timedelta(days=day) + diff


def from_iso8601(text: str):
    """A ``t="d"`` cell as openpyxl's ``from_ISO8601``."""
    if not text:
        return None
    match = _ISO.match(text)
    if match and any(match.groups()):
        parts = match.groupdict(0)
        for key in ("year", "month", "day", "hour", "minute", "second"):
            if parts[key]:
                parts[key] = int(parts[key])
        if parts["microsecond"]:
            parts["microsecond"] = int(float(parts["microsecond"]) * 1_000_000)
        if not parts["date"]:
            return datetime.time(parts["hour"], parts["minute"], parts["second"], parts["microsecond"])
        if not parts["time"]:
            return datetime.date(parts["year"], parts["month"], parts["day"])
        del parts["time"], parts["date"]
        return datetime.datetime(**parts)
    match = _DURATION.match(text)
    if match and any(match.groups()):
        parts = {key: float(val) if val else val for key, val in match.groupdict(0).items()}
        return datetime.timedelta(**parts)
    raise ValueError(f"Invalid datetime value {text}")
