"""The base of every form of the app (tests/security/test_text_hygiene.py fails on a form that
does not inherit it).

Every text field (StringField, TextAreaField and their subclasses) cleans what was typed with
`digiweb.i18n.clean_text` (NFC, bidi controls removed; line breaks and tabs kept in text areas
only) before any validator or service sees it, and refuses a control character (NUL, C0, DEL,
C1) with a message next to the field, the input kept. Hidden fields are checked but not
cleaned (they carry versions and fingerprints); passwords are neither (they are hashed, never
shown or stored as typed, and must match byte for byte).
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, PasswordField, StringField, TextAreaField
from wtforms.validators import ValidationError
from wtforms.widgets import TextInput

from digiweb.i18n import clean_multiline, clean_text, control_character_problem, parse_date

# What the browser lets through before sending (the server decides): d/m/yyyy with "/", "-" or
# ".", or ISO; Arabic-Indic digits too. Written for the `v` flag browsers apply to `pattern`.
_DIGIT = "[0-9٠-٩]"
_SEP = r"[\/.\-]"
DATE_PATTERN = (
    rf"\s*({_DIGIT}{{1,2}}{_SEP}{_DIGIT}{{1,2}}{_SEP}{_DIGIT}{{4}}"
    rf"|{_DIGIT}{{4}}-{_DIGIT}{{2}}-{_DIGIT}{{2}})\s*"
)


def no_control_characters(form, field) -> None:
    """The validator of every text field: a control character is refused, never dropped."""
    problem = control_character_problem(field.data)
    if problem:
        raise ValidationError(problem)


def is_text_field(field_class) -> bool:
    return issubclass(field_class, StringField) and not issubclass(field_class, PasswordField)


class BaseForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            field = unbound_field.bind(form=form, **options)
            field_class = unbound_field.field_class
            if is_text_field(field_class):
                if not issubclass(field_class, HiddenField):
                    multiline = issubclass(field_class, TextAreaField)
                    field.filters = (clean_multiline if multiline else clean_text, *field.filters)
                field.validators = [no_control_characters, *field.validators]
            return field


class TypedDateField(DateField):
    """A date typed day/month/year in both languages, in a text box: <input type="date"> shows
    the browser's own order (mm/dd/yyyy in many), while the app writes dd/mm/yyyy. Read by
    digiweb.i18n.parse_date (ISO and Arabic-Indic digits accepted); shown back as typed after
    an error, else as dd/mm/yyyy."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, invalid_message=None, **kwargs):
        render_kw = {
            "inputmode": "numeric",
            "autocomplete": "off",
            "dir": "ltr",
            "size": 10,
            "pattern": DATE_PATTERN,
            **(kwargs.pop("render_kw", None) or {}),
        }
        kwargs.pop("format", None)
        super().__init__(label, validators, format="%d/%m/%Y", render_kw=render_kw, **kwargs)
        self.invalid_message = invalid_message or _l("Enter a valid date, for example 25/03/2021.")

    def __call__(self, **kwargs):
        kwargs.setdefault("placeholder", _("dd/mm/yyyy"))
        return super().__call__(**kwargs)

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        text = " ".join(valuelist).strip()
        if not text:
            self.data = None
            return
        try:
            self.data = parse_date(text)
        except ValueError:
            self.data = None
            raise ValueError(str(self.invalid_message)) from None
