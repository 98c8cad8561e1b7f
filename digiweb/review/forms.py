"""Forms of the review area. Each workflow form carries the plan version the user saw."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from digiweb.forms import BaseForm
from digiweb.plans.models import ProjectStatus, Rating
from digiweb.review.services import MAX_COMMENT

DB_INT_LIMIT = 2**31  # PostgreSQL's integer


class BoundedIntegerField(IntegerField):
    """An IntegerField whose huge numbers count as not given: WTForms' NumberRange fails on
    them (math.isnan overflows, a 500) and PostgreSQL refuses them. The range validator then
    says what is expected."""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None and abs(self.data) >= DB_INT_LIMIT:
            self.data = None


def _db_int(value) -> int:
    """`coerce` for id lists: a number a database integer can hold, else ValueError."""
    number = int(value)
    if abs(number) >= DB_INT_LIMIT:
        raise ValueError(value)
    return number


def _rating_choices() -> list[SelectChoice]:
    return [
        SelectChoice("", _l("— choose —")),
        *(SelectChoice(value, label) for value, label in Rating.choices()),
    ]


VERSION_MISSING = _l("The form is incomplete: please reload the page and try again.")


def _version_field():
    return HiddenField(validators=[DataRequired(message=VERSION_MISSING)])


class SubmitForm(BaseForm):
    version = _version_field()


class ReturnForm(BaseForm):
    """The summary comment; per-project "needs change" reasons arrive as `remark-<id>`."""

    version = _version_field()
    comment = TextAreaField(
        _l("Summary comment for the department"),
        validators=[
            DataRequired(message=_l("Explain in a comment what the department must revise.")),
            Length(max=MAX_COMMENT),
        ],
    )

    def project_remarks(self, form_data) -> dict[int, str]:
        remarks = {}
        for key, value in form_data.items():
            if key.startswith("remark-") and key[7:].isdigit() and value.strip():
                remarks[int(key[7:])] = value.strip()
        return remarks


class ApproveForm(BaseForm):
    version = _version_field()
    comment = TextAreaField(
        _l("Comment (optional)"), validators=[Optional(), Length(max=MAX_COMMENT)]
    )


class ReopenForm(BaseForm):
    version = _version_field()
    reason = TextAreaField(
        _l("Reason for reopening"),
        validators=[
            DataRequired(message=_l("Give the reason for reopening the plan.")),
            Length(max=MAX_COMMENT),
        ],
    )


class RemarkForm(BaseForm):
    project = SelectField(_l("About"), choices=[], validate_choice=True)
    comment = TextAreaField(
        _l("Remark"),
        validators=[DataRequired(message=_l("Write the remark.")), Length(max=MAX_COMMENT)],
    )

    def set_projects(self, plan) -> None:
        self.project.choices = [("", _l("The whole plan"))] + [
            (str(p.id), f"{p.reference} · {p.title}") for p in plan.projects
        ]


class AnswerForm(BaseForm):
    comment = TextAreaField(
        _l("Your answer"),
        validators=[DataRequired(message=_l("Write your answer.")), Length(max=MAX_COMMENT)],
    )


class ProgressForm(BaseForm):
    version = _version_field()
    status = SelectField(_l("Project status"), choices=ProjectStatus.choices)
    progress = BoundedIntegerField(
        _l("Progress (%)"),
        validators=[
            InputRequired(message=_l("Give the progress, between 0 and 100.")),
            NumberRange(min=0, max=100, message=_l("Give the progress, between 0 and 100.")),
        ],
    )
    note = TextAreaField(
        _l("Note"),
        validators=[
            DataRequired(message=_l("Write a short note on the progress.")),
            Length(max=MAX_COMMENT),
        ],
    )

    rating = SelectField(
        _l("How is the project going?"),
        choices=_rating_choices,
        validators=[DataRequired(message=_l("Rate the project: green, amber or red."))],
    )
    rating_reason = TextAreaField(
        _l("Why (required for amber and red)"),
        validators=[Optional(), Length(max=MAX_COMMENT)],
    )

    def validate_progress(self, field):
        if self.status.data == ProjectStatus.COMPLETED.value and field.data not in (None, 100):
            from wtforms.validators import ValidationError

            raise ValidationError(_l("A completed project is at 100%."))

    def validate_rating_reason(self, field):
        if (
            self.rating.data in (Rating.AMBER.value, Rating.RED.value)
            and not (field.data or "").strip()
        ):
            from wtforms.validators import ValidationError

            raise ValidationError(_l("Say why the project is rated amber or red."))


class MinistryRatingForm(BaseForm):
    """The reviewer's rating of one project (review panel)."""

    rating = SelectField(
        _l("The ministry's rating"),
        choices=_rating_choices,
        validators=[DataRequired(message=_l("Choose green, amber or red."))],
    )
    rating_reason = TextAreaField(
        _l("Why (required for amber and red)"),
        validators=[Optional(), Length(max=MAX_COMMENT)],
    )

    validate_rating_reason = ProgressForm.validate_rating_reason


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ReminderForm(BaseForm):
    departments = MultiCheckboxField(
        _l("Departments"), coerce=_db_int, choices=[], validate_choice=False
    )
    interval_days = BoundedIntegerField(
        _l("Do not remind a department again within (days)"),
        default=7,
        validators=[
            InputRequired(message=_l("Give a number of days between 1 and 365.")),
            NumberRange(min=1, max=365, message=_l("Give a number of days between 1 and 365.")),
        ],
    )
    message = TextAreaField(
        _l("Message (optional)"), validators=[Optional(), Length(max=MAX_COMMENT)]
    )
    scope = HiddenField(default="selected")
