"""The small helpers every area shares (digits, date input, clock, role groups, amounts):
each is defined once, and the places that used to carry their own copy use it."""

from datetime import date

import pytest

from digiweb.i18n import DATE_INPUT_FORMATS, latin_digits, normalize_search, parse_date

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


# --- date input ------------------------------------------------------------------------------


def _form_date(text):
    """What the project form (and the campaign form, same field) makes of a typed date."""
    from werkzeug.datastructures import MultiDict
    from wtforms import Form

    from digiweb.plans.forms import local_date_field

    class DateForm(Form):
        when = local_date_field("when")

    form = DateForm(formdata=MultiDict({"when": text}))
    if not form.validate():
        raise ValueError(form.errors)
    return form.when.data


def _cell_date(text):
    """What the spreadsheet import makes of the same text in a date cell."""
    from digiweb.plans.spreadsheet import COLUMN_BY_FIELD, CellError, _CellReader

    assert COLUMN_BY_FIELD["start_date"].kind == "date"
    try:
        return _CellReader().read("start_date", text, "s", None, False)
    except CellError as error:
        raise ValueError(error.message) from None


@pytest.mark.parametrize("pattern", DATE_INPUT_FORMATS)
def test_form_and_spreadsheet_accept_every_date_format(app, pattern):
    day = date(2030, 1, 15)
    text = day.strftime(pattern)
    assert parse_date(text) == _form_date(text) == _cell_date(text) == day


@pytest.mark.parametrize(
    "text",
    ["25/03/2021", "2021-03-25", "25-03-2021", "25.03.2021", "5/3/2021", " 25/03/2021 "],
)
def test_form_and_spreadsheet_read_a_date_alike(app, text):
    assert _form_date(text) == _cell_date(text) == parse_date(text)
    arabic = latin_to_arabic(text)
    assert _form_date(arabic) == _cell_date(arabic) == parse_date(text)


@pytest.mark.parametrize("text", ["31/02/2030", "2030/01/15", "15 janvier 2030", "15/01/30", "x"])
def test_form_and_spreadsheet_refuse_the_same_dates(app, text):
    for read in (parse_date, _form_date, _cell_date):
        with pytest.raises(ValueError):
            read(text)


def test_a_blank_date_is_no_date_in_form_and_spreadsheet(app):
    assert _form_date("") is None and _cell_date("") is None


def latin_to_arabic(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


# --- clock -----------------------------------------------------------------------------------


def test_the_day_is_algiers_day():
    from datetime import UTC, datetime, time

    from digiweb import clock

    late_evening_utc = datetime(2021, 12, 31, 23, 30, tzinfo=UTC)
    assert clock.local_date(late_evening_utc) == date(2022, 1, 1)
    assert clock.local_to_utc(date(2021, 3, 25), time(9, 30)) == datetime(
        2021, 3, 25, 8, 30, tzinfo=UTC
    )
    assert clock.utc_to_local(late_evening_utc).strftime("%d/%m/%Y %H:%M") == "01/01/2022 00:30"
    assert clock.now_local().utcoffset() == clock.ALGIERS.utcoffset(clock.now_local())
    assert clock.today() in {clock.now_local().date(), clock.local_date(datetime.now(UTC))}


# --- role groups -----------------------------------------------------------------------------


def test_role_groups():
    from digiweb.auth.models import REVIEW_ROLES, STAFF_ROLES, Role, User

    assert set(STAFF_ROLES) == set(Role) - {Role.OFFICER}
    assert set(REVIEW_ROLES) == {Role.REVIEWER, Role.ADMIN} < set(STAFF_ROLES)
    for role in Role:
        user = User(role=role)
        assert user.can_review == (role in REVIEW_ROLES)
        assert user.sees_all_departments == (role in STAFF_ROLES) == (not user.is_officer)


def test_navigation_uses_the_role_groups(app):
    from digiweb.auth.models import REVIEW_ROLES, STAFF_ROLES
    from digiweb.navigation import NAV_ITEMS

    roles = {item.endpoint: item.roles for item in NAV_ITEMS}
    assert roles["review.board"] is roles["dashboard.index"] is STAFF_ROLES
    assert roles["campaigns.index"] is REVIEW_ROLES


# --- amounts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 7, -4500, 999, 1000, 1_250_000, 12_345_678_901, 10**15])
def test_a_whole_number_reads_as_babel_writes_it(value):
    """fmt_number skips Babel for a plain int: the text must stay the one Babel gives."""
    from babel.numbers import format_decimal

    from digiweb.i18n import NNBSP, fmt_number, strip_bidi

    babel = strip_bidi(format_decimal(value, format="#,##0.##", locale="fr_FR"))
    assert fmt_number(value) == babel.replace("\u00a0", NNBSP).replace(" ", NNBSP)
    assert fmt_number(1_250_000.5) == "1\u202f250\u202f000,5"


@pytest.mark.parametrize("locale", ["ar_DZ", "fr_DZ"])
def test_the_list_formatter_and_the_famount_filter_agree(app, locale):
    from flask_babel import force_locale

    from digiweb.i18n import amount_formatter, fmt_amount

    with app.test_request_context(), force_locale(locale):
        amount = amount_formatter()
        for value in (None, 0, 1_250_000, -4500, 12_345_678_901):
            assert amount(value) == fmt_amount(value)
        assert str(fmt_amount(1_250_000)) == "<bdi>1\u202f250\u202f000\u202f{}</bdi>".format(
            "دج" if locale == "ar_DZ" else "DA"
        )


# --- defined once ----------------------------------------------------------------------------


def _sources():
    from pathlib import Path

    import digiweb

    root = Path(digiweb.__file__).parent
    return {path.relative_to(root).as_posix(): path.read_text() for path in root.rglob("*.py")}


@pytest.mark.parametrize(
    ("needle", "home"),
    [
        ("chr(0x0660", "i18n.py"),  # the Arabic-Indic digits table
        ("strptime(", "i18n.py"),  # reading a typed date
        ('ZoneInfo("Africa/Algiers")', "clock.py"),
        ("(Role.REVIEWER, Role.", "auth/models.py"),  # the role groups
        ('_("DZD")', "i18n.py"),  # formatting an amount
    ],
)
def test_small_helpers_are_defined_once(needle, home):
    assert [name for name, text in _sources().items() if needle in text] == [home]
