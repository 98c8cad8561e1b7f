"""The base of the forms where people type text: every text field cleans what was typed with
`digiweb.i18n.clean_text` (NFC, bidi controls removed; line breaks kept in text areas only)
before any validator or service sees it."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField, TextAreaField

from digiweb.i18n import clean_multiline, clean_text


class CleanForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            field_class = unbound_field.field_class
            if issubclass(field_class, StringField) and not issubclass(
                field_class, PasswordField | HiddenField
            ):
                cleaner = clean_multiline if issubclass(field_class, TextAreaField) else clean_text
                options["filters"] = (cleaner, *unbound_field.kwargs.get("filters", ()))
            return unbound_field.bind(form=form, **options)
