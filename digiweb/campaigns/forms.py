"""The campaign form: year, titles, dates, instructions, invited departments."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from digiweb.forms import BaseForm
from digiweb.plans.forms import MultiCheckboxField, WholeNumberField, local_date_field, strip

INSTRUCTIONS_MAX = 10_000  # characters, below a spreadsheet cell's 32,767
TOO_LONG = _l("At most %(max)d characters.")


class CampaignForm(BaseForm):
    year = WholeNumberField(
        _l("Year"),
        minimum=2000,
        maximum=2100,
        message=_l("Enter a year between 2000 and 2100."),
        grouped=False,
        validators=[InputRequired(message=_l("Enter the year of the campaign."))],
        render_kw={"dir": "ltr", "inputmode": "numeric", "size": 6},
    )
    title_ar = StringField(
        _l("Title in Arabic"),
        filters=[strip],
        validators=[
            DataRequired(message=_l("Enter the title in Arabic.")),
            Length(max=300, message=_l("At most %(max)d characters.")),
        ],
        render_kw={"dir": "rtl", "lang": "ar"},
    )
    title_fr = StringField(
        _l("Title in French"),
        filters=[strip],
        validators=[
            DataRequired(message=_l("Enter the title in French.")),
            Length(max=300, message=_l("At most %(max)d characters.")),
        ],
        render_kw={"dir": "ltr", "lang": "fr"},
    )
    opens_on = local_date_field(_l("Opening date"))
    deadline = local_date_field(_l("Deadline for sending the plans"))
    instructions_ar = TextAreaField(
        _l("Instructions in Arabic"),
        filters=[strip],
        validators=[Length(max=INSTRUCTIONS_MAX, message=TOO_LONG)],
        render_kw={"dir": "rtl", "lang": "ar"},
    )
    instructions_fr = TextAreaField(
        _l("Instructions in French"),
        filters=[strip],
        validators=[Length(max=INSTRUCTIONS_MAX, message=TOO_LONG)],
        render_kw={"dir": "ltr", "lang": "fr"},
    )
    departments = MultiCheckboxField(_l("Invited departments"), coerce=int, validate_choice=True)
    version = HiddenField()

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.opens_on.data and self.deadline.data and self.deadline.data < self.opens_on.data:
            self.deadline.errors = [
                *self.deadline.errors,
                str(_l("The deadline cannot be before the opening date.")),
            ]
            valid = False
        if not self.departments.data:
            self.departments.errors = [
                *self.departments.errors,
                str(_l("Invite at least one department.")),
            ]
            valid = False
        return valid

    def campaign_data(self) -> dict:
        return {
            "year": self.year.data,
            "title_ar": self.title_ar.data,
            "title_fr": self.title_fr.data,
            "opens_on": self.opens_on.data,
            "deadline": self.deadline.data,
            "instructions_ar": self.instructions_ar.data or "",
            "instructions_fr": self.instructions_fr.data or "",
        }
