"""The dashboard's filters (year, department, target), read from the query string.

A GET form: no CSRF token, nothing written. Each field has its own message in the user's
language when its value is not one we know.
"""

from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import ValidationError

from digiweb.forms import BaseForm
from digiweb.plans.models import Target


class DashboardFilterForm(BaseForm):
    class Meta:
        csrf = False

    year = SelectField(_l("Year"), validate_choice=False)
    department = SelectField(_l("Department"), validate_choice=False)
    target = SelectField(_l("Target"), validate_choice=False)

    def __init__(self, formdata, *, years: list[int], departments: list, **kwargs):
        super().__init__(formdata=formdata, **kwargs)
        self.year.choices = [(str(y), str(y)) for y in years]
        self.department.choices = [("", _l("All departments"))] + [
            (d.code, f"{d.name} ({d.code})") for d in departments
        ]
        self.target.choices = [("", _l("All targets")), *Target.choices()]
        self._codes = {d.code for d in departments}
        self._years = {str(y) for y in years}
        # A well-formed year without a campaign (404 rather than 400).
        self.unknown_year = False
        # A value that is not among the choices stays visible in its list, next to its error.
        for field in (self.year, self.department, self.target):
            values = {str(value) for value, _label in field.choices}
            if field.data and str(field.data) not in values:
                field.choices.append((str(field.data), str(field.data)))

    def validate_year(self, field):
        value = (field.data or "").strip()
        if not (value.isascii() and value.isdigit() and len(value) == 4):
            raise ValidationError(_l("The year must be a number such as 2021."))
        if value not in self._years:
            self.unknown_year = True
            raise ValidationError(_l("There is no campaign for this year."))

    def validate_department(self, field):
        value = (field.data or "").strip().upper()
        if value and value not in self._codes:
            raise ValidationError(_l("Unknown department."))
        field.data = value

    def validate_target(self, field):
        if field.data and Target.coerce(field.data) is None:
            raise ValidationError(_l("Unknown target."))
