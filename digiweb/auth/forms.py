from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from digiweb.forms import BaseForm


class LoginForm(BaseForm):
    username = StringField(
        _l("Username"),
        validators=[DataRequired(message=_l("Enter your username.")), Length(max=64)],
        render_kw={"autocomplete": "username", "dir": "ltr"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Enter your password.")), Length(max=256)],
        render_kw={"autocomplete": "current-password", "dir": "ltr"},
    )


class ChangePasswordForm(BaseForm):
    """The user's own change: the current password, then the new one twice. The rules of the
    new one are the service's (digiweb/auth/passwords.py)."""

    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=_l("Enter your current password.")), Length(max=256)],
        render_kw={"autocomplete": "current-password", "dir": "ltr"},
    )
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(message=_l("Enter a password.")), Length(max=256)],
        render_kw={"autocomplete": "new-password", "dir": "ltr"},
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[EqualTo("password", message=_l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password", "dir": "ltr"},
    )
