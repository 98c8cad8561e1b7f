"""Confirmation before what cannot be undone (sending a plan, approving a plan, approving the
minutes): the form carries a check box the user ticks, which works without JavaScript (the
browser will not send the form unticked: `required`), and the route refuses the action when the
box was not ticked (422, the message next to the box), before anything is written.

The POST addresses stay what they are (/submit, /approve, /approve-minutes): other systems post
to them, and now send `confirm=yes` with the rest. Deletions follow the project's pattern: a GET
confirmation page without JavaScript, `hx-confirm` with it."""

from flask import request
from flask_babel import gettext as _

from digiweb.errors import Refusal

FIELD = "confirm"
VALUE = "yes"


def confirmed(field: str = FIELD) -> bool:
    return request.form.get(field) == VALUE


def require() -> None:
    """Refuse the action unless its form's confirmation box was ticked."""
    if not confirmed():
        raise Refusal(_("Tick the box to confirm: this cannot be undone."), 422, field=FIELD)


def page_unless_confirmed(
    question: str,
    back: str,
    *,
    field: str = FIELD,
    lines=(),
    note: str | None = None,
    yes: str | None = None,
    no: str | None = None,
):
    """For a deletion posted without its confirmation (a plain form, without JavaScript): the
    page that asks, whose button posts the same form again with `confirm=yes`; None when the
    post was confirmed (htmx sends `confirm=yes` after its `hx-confirm` dialog).

    A warning before an action that has its own confirmation box (sending or approving a plan
    with unanswered remarks) asks through another `field`, with the `lines` it is about, a
    `note` instead of "This cannot be undone." and its own `yes` and `no` labels."""
    if confirmed(field):
        return None
    from flask import render_template

    fields = [(k, v) for k, v in request.form.items(multi=True) if k not in (field, "csrf_token")]
    page = render_template(
        "confirm_page.html",
        question=question,
        action=request.path,
        fields=fields,
        back=back,
        field=field,
        lines=lines,
        note=note,
        yes_label=yes,
        no_label=no,
    )
    return page, 200
