"""The small helpers every area shares (digits, date input, clock, role groups, amounts):
each is defined once, and the places that used to carry their own copy use it."""

import pytest

from digiweb.i18n import latin_digits, normalize_search

# --- digits ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "latin"),
    [
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),  # Eastern Arabic-Indic (Persian, Urdu keyboards)
        ("٢٥/٠٣/۲۰۲۱", "25/03/2021"),
        ("SNT-2021-001", "SNT-2021-001"),
        ("", ""),
    ],
)
def test_latin_digits(raw, latin):
    assert latin_digits(raw) == latin
    assert normalize_search(raw) == latin.casefold()


def test_latin_digits_leaves_other_values_alone():
    """It is also a WTForms filter, which sees None and numbers."""
    assert latin_digits(None) is None
    assert latin_digits(12) == 12


def test_the_parsers_read_arabic_indic_digits():
    from digiweb.plans.services import parse_whole_number

    assert parse_whole_number("١ ٢٥٠ ٠٠٠ دج") == parse_whole_number("۱۲۵۰۰۰۰") == 1_250_000
