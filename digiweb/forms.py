"""The base of every form of the app (tests/security/test_text_hygiene.py fails on a form that
does not inherit it).

Every text field (StringField, TextAreaField and their subclasses) cleans what was typed with
`digiweb.i18n.clean_text` (NFC, bidi controls removed; line breaks and tabs kept in text areas
only) before any validator or service sees it, and refuses a control character (NUL, C0, DEL,
C1) with a message next to the field, the input kept. Hidden fields are checked but not
cleaned (they carry versions and fingerprints); passwords are neither (they are hashed, never
shown or stored as typed, and must match byte for byte).
"""

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField, TextAreaField
from wtforms.validators import ValidationError

from digiweb.i18n import clean_multiline, clean_text, control_character_problem


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
