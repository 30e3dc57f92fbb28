"""Numbers written the Vietnamese way: ``.`` groups thousands, ``,`` is the decimal mark."""

from __future__ import annotations

from decimal import Decimal

MAX_DIGITS = 24
"""Longer digit strings are not figures anyone reports; reading them would only invite rounding."""


def tidy(d: Decimal) -> Decimal:
    """``Decimal("8.022E+11")`` → ``802200000000``, ``94,0`` → ``94``: plain and exact."""
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.normalize()


def parse_vn_number(s: str) -> Decimal | None:
    """Read a number written the Vietnamese way; None when it cannot be read without guessing.

    "." groups thousands and "," is the decimal mark. A single malformed group is read by the
    thousands rule ("15.14" → 1514: a dropped digit, which the report's own arithmetic
    confirms); several ("1.2.3.4"), doubled separators ("12,,5") or more than
    :data:`MAX_DIGITS` digits are unreadable.

    >>> parse_vn_number("1.683.240"), parse_vn_number("21.228,22"), parse_vn_number("24,023")
    (Decimal('1683240'), Decimal('21228.22'), Decimal('24.023'))
    """
    s = s.strip()
    integer, comma, fraction = s.partition(",")
    digits = integer.replace(".", "")
    if not digits.isdigit() or not integer[-1:].isdigit() or not integer[0].isdigit():
        return None
    if comma and not fraction.isdigit():
        return None
    if integer.count(".") > 1 and not is_well_formed(integer):
        return None
    if len(digits) + len(fraction) > MAX_DIGITS:
        return None
    fraction = fraction.rstrip("0")
    # Decimal from a plain string is exact; trailing zeros are dropped so that 94,0 reads 94.
    return Decimal(f"{int(digits)}.{fraction}") if fraction else Decimal(int(digits))


def is_well_formed(s: str) -> bool:
    """Thousands groups of exactly three digits after a first group of one to three."""
    groups = s.partition(",")[0].split(".")
    return len(groups) == 1 or (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))


def is_year(tok: str) -> bool:
    return len(tok) == 4 and tok.isdigit() and 1900 <= int(tok) <= 2100


def scaled(value: Decimal, scale: Decimal | None) -> Decimal:
    return tidy(value * scale) if scale is not None else value


#: Digit strings already read: a report repeats its years, shares and small counts, and the
#: dictionary lookup is a fraction of :func:`parse_vn_number`. Bounded, cleared when full; values
#: are 1-tuples so that one ``get`` (atomic, safe across threads) tells a miss from None.
_NUMBER_CACHE: dict[str, tuple[Decimal | None]] = {}
_NUMBER_CACHE_SIZE = 4096


def read_number(tok: str) -> Decimal | None:
    hit = _NUMBER_CACHE.get(tok)
    if hit is not None:
        return hit[0]
    if len(_NUMBER_CACHE) >= _NUMBER_CACHE_SIZE:
        _NUMBER_CACHE.clear()
    value = parse_vn_number(tok)
    _NUMBER_CACHE[tok] = (value,)
    return value
