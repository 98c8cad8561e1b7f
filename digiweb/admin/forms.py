"""Forms of the admin screens. They check the shape of the input (required, format, length);
the rules that need the database or the acting admin live in services.py."""

import re

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import (
    DataRequired,
    EqualTo,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from digiweb.auth.models import Language, Role
from digiweb.forms import BaseForm

MIN_PASSWORD_LENGTH = 12  # the other rules: digiweb/auth/passwords.py, in the services
# local@domain.tld: one @, no spaces, a dot in the domain; checked without any DNS look-up.
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _new_password_field(label) -> PasswordField:
    """A password the administrator chooses for an account: required, at least
    MIN_PASSWORD_LENGTH characters (the other rules are the services')."""
    return PasswordField(
        label,
        validators=[
            DataRequired(message=_l("Enter a password.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=256,
                message=_l("The password needs at least %(min)d characters."),
            ),
        ],
        render_kw={"dir": "ltr", "autocomplete": "new-password"},
    )


def _upper(value):
    return value.strip().upper() if isinstance(value, str) else value


def _email_format(form, field):
    if field.data and (len(field.data) > 254 or not EMAIL_RE.match(field.data)):
        raise ValidationError(_l("Enter an e-mail address like name@example.dz."))


class VersionedForm(BaseForm):
    """The version of the record the user saw: a save based on another one (or none) is
    refused by the service."""

    version = HiddenField()

    def seen_version(self) -> int | None:
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return None


class DepartmentForm(VersionedForm):
    """Creating a department ignores the version; editing one checks it."""

    code = StringField(
        _l("Code"),
        filters=[_upper],
        validators=[
            DataRequired(message=_l("Enter the code.")),
            Length(max=16),
            Regexp(r"^[A-Z0-9]+$", message=_l("Use only capital letters and digits, e.g. MF.")),
        ],
        render_kw={"autocomplete": "off"},
    )
    name_ar = StringField(
        _l("Name in Arabic"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Enter the name in Arabic.")), Length(max=200)],
    )
    name_fr = StringField(
        _l("Name in French"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Enter the name in French.")), Length(max=200)],
    )


def department_choices(departments) -> list[tuple[str, str]]:
    return [("", _l("— none —"))] + [(str(d.id), f"{d.code} · {d.name}") for d in departments]


class CredentialsMixin:
    """Username and first password, asked only when the account is created (and shown first:
    WTForms orders fields by the order in which they were declared)."""

    username = StringField(
        _l("Username"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Enter the username.")),
            Length(max=64),
            Regexp(
                r"^[a-z0-9._-]+$",
                message=_l("Use only lower-case letters, digits, dots, hyphens and underscores."),
            ),
        ],
        render_kw={"dir": "ltr", "autocomplete": "off"},
    )
    password = _new_password_field(_l("Initial password"))


class UserFieldsMixin:
    """The fields of an account that the admin edits after its creation."""

    full_name = StringField(
        _l("Full name"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Enter the full name.")), Length(max=200)],
    )
    # Printed in the Arabic official documents (minutes, plan sheets); full_name otherwise.
    full_name_ar = StringField(
        _l("Full name in Arabic script"),
        filters=[_strip],
        validators=[Optional(), Length(max=200)],
        description=_l("Printed in the documents in Arabic; leave empty to print the full name."),
        render_kw={"dir": "rtl", "lang": "ar"},
    )
    email = StringField(
        _l("E-mail"),
        filters=[_strip],
        validators=[Optional(), Length(max=254), _email_format],
        render_kw={"dir": "ltr", "type": "email", "autocomplete": "off"},
    )
    role = SelectField(_l("Role"), choices=Role.choices, validate_choice=True)
    department = SelectField(
        _l("Department"),
        choices=[],
        validate_choice=True,
        description=_l("Required for digitization officers; leave empty for the other roles."),
    )
    language = SelectField(_l("Language"), choices=Language.choices, validate_choice=True)


class UserCreateForm(CredentialsMixin, UserFieldsMixin, BaseForm):
    pass


class UserEditForm(UserFieldsMixin, VersionedForm):
    pass


class PasswordResetForm(BaseForm):
    password = _new_password_field(_l("New password"))
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[EqualTo("password", message=_l("The two passwords differ."))],
        render_kw={"dir": "ltr", "autocomplete": "new-password"},
    )
