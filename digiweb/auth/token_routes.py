"""The user's API tokens at /account/tokens: make one (shown once), list them, revoke one.

Every logged-in account may have tokens; a token reads /api/v1 with exactly the account's rights
(digiweb.api.bearer). The new token is shown in the answer to the form's post itself, never put
in the session or a redirect: it cannot be shown a second time.
"""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from digiweb.auth import bp
from digiweb.auth.tokens import DEFAULT_DAYS, NAME_LENGTH, create_token, revoke_token, tokens_of
from digiweb.errors import Refusal, attach
from digiweb.forms import BaseForm
from digiweb.i18n import strip_bidi
from digiweb.transaction import discard

VALIDITY_DAYS = (30, 90, 180, 365)


def _clean(value):
    return " ".join(strip_bidi(value).split()) if isinstance(value, str) else value


class TokenForm(BaseForm):
    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=NAME_LENGTH)],
        filters=[_clean],
    )
    days = SelectField(
        _l("Valid for"),
        choices=[SelectChoice(days, str(days)) for days in VALIDITY_DAYS],
        coerce=int,
        default=DEFAULT_DAYS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.days.choices = [
            SelectChoice(days, ngettext("%(num)d day", "%(num)d days", days))
            for days in VALIDITY_DAYS
        ]


def _page(form, status=200, new_token=None, new_value=None):
    from digiweb.api.bearer import uses_in_window  # (the API package imports every area)

    tokens = tokens_of(current_user)
    uses = {token.id: uses_in_window(token) for token in tokens if token.state == "active"}
    page = render_template(
        "auth/tokens.html",
        form=form,
        tokens=tokens,
        uses=uses,
        new_token=new_token,
        new_value=new_value,
    )
    return page, status


@bp.get("/account/tokens")
def tokens():
    return _page(TokenForm())


@bp.post("/account/tokens")
def token_create():
    form = TokenForm()
    if not form.validate_on_submit():
        return _page(form, 422)
    try:
        token, value = create_token(
            current_user, form.name.data, form.days.data, actor=current_user
        )
    except Refusal as error:
        discard()
        return _page(form, attach(form, error))
    return _page(TokenForm(formdata=None), new_token=token, new_value=value)


@bp.post("/account/tokens/<int:token_id>/revoke")
def token_revoke(token_id: int):
    token = revoke_token(current_user, token_id, actor=current_user)
    message = _("The token “%(name)s” is revoked: it no longer opens the API.", name=token.name)
    flash(message, "success")
    return redirect(url_for("auth.tokens"))
