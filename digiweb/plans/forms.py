"""Forms of the plan page: the plan's own fields, a project, the carry-over choice."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from digiweb.forms import BaseForm, TypedDateField
from digiweb.i18n import fmt_number, language, latin_digits
from digiweb.plans.models import (
    ProjectStatus,
)
from digiweb.plans.services import FIELD_LABELS, PROJECT_FIELDS, parse_whole_number
from digiweb.projects.schema import MAX_BUDGET, NO, PROJECT_SCHEMA, YES, level_label

BLANK_LABEL = _l("— not chosen —")


def enum_choices(enum_cls, blank: bool = False) -> list[SelectChoice]:
    """The options of an enum (its translated labels), with an empty first one if `blank`."""
    options = [SelectChoice(value, label) for value, label in enum_cls.choices()]
    return [SelectChoice("", BLANK_LABEL), *options] if blank else options


def strip(value):
    return value.strip() if isinstance(value, str) else value


class MultiCheckboxField(SelectMultipleField):
    """Several choices as a group of checkboxes (rendered by the `field` macro)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class WholeNumberField(StringField):
    """A whole number typed as people write it: '1 250 000', '1250000', Arabic-Indic digits."""

    def __init__(
        self, label=None, validators=None, minimum=0, maximum=None, message=None, grouped=True, **kw
    ):
        super().__init__(label, validators, **kw)
        self.minimum, self.maximum = minimum, maximum
        self.message = message
        self.grouped = grouped

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        return fmt_number(self.data) if self.grouped else str(self.data)

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        try:
            self.data = parse_whole_number(valuelist[0])
        except ValueError:
            self.data = None
            raise ValueError(str(self.message)) from None

    def pre_validate(self, form):
        if self.data is None:
            return
        if self.data < self.minimum or (self.maximum is not None and self.data > self.maximum):
            raise ValidationError(str(self.message))


def local_date_field(label):
    """An optional date typed dd/mm/yyyy (or ISO): the project's and the campaign's dates."""
    return TypedDateField(
        label,
        validators=[Optional()],
        invalid_message=_l("Enter a valid date (day/month/year)."),
    )


def optional_int(value):
    """A select's value as a whole number; empty is None (`coerce` of a level)."""
    if value is None or value == "":
        return None
    return int(value)


def optional_bool(value):
    """A yes/no select's value: True, False or None (not said)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if value in ("yes", "no"):
        return value == "yes"
    raise ValueError(value)


def level_choices(spec):
    """The levels of a `level` field, labelled in the current language (built per request)."""
    return lambda: [
        SelectChoice("", BLANK_LABEL),
        *(SelectChoice(str(level), level_label(level)) for level in range(len(spec.levels))),
    ]


def boolean_choices():
    return [SelectChoice("", BLANK_LABEL), SelectChoice("yes", YES), SelectChoice("no", NO)]


def _ar(**kw):
    return {"dir": "rtl", "lang": "ar", **kw}


def _fr(**kw):
    return {"dir": "ltr", "lang": "fr", **kw}


def _text_attrs(spec, **kw) -> dict:
    if spec.lang == "ar":
        return _ar(**kw)
    if spec.lang == "fr":
        return _fr(**kw)
    return kw


def _form_field(spec):
    """The form field of a project field, from its declaration in the schema."""
    label = FIELD_LABELS[spec.name]
    too_long = Length(max=spec.max_length or 0, message=_l("At most %(max)d characters."))
    if spec.kind == "text":
        return StringField(
            label, filters=[strip], validators=[too_long], render_kw=_text_attrs(spec)
        )
    if spec.kind == "longtext":
        rows = 3 if spec.name.startswith("summary") else 2
        return TextAreaField(
            label, filters=[strip], validators=[too_long], render_kw=_text_attrs(spec, rows=rows)
        )
    if spec.kind == "enum":
        if spec.enum is ProjectStatus:  # never empty: a new project is planned
            return SelectField(label, choices=enum_choices(spec.enum), default=spec.enum.PLANNED)
        return SelectField(
            label, choices=enum_choices(spec.enum, blank=True), default="", validate_choice=True
        )
    if spec.kind == "technologies":
        return MultiCheckboxField(label, choices=enum_choices(spec.enum))
    if spec.kind == "progress":
        return WholeNumberField(
            label,
            minimum=0,
            maximum=100,
            message=_l("The progress is a whole number from 0 to 100."),
            default=0,
            render_kw={"dir": "ltr", "inputmode": "numeric", "size": 4},
        )
    if spec.kind == "date":
        return local_date_field(label)
    if spec.kind == "amount":
        return WholeNumberField(
            label,
            minimum=0,
            maximum=MAX_BUDGET,
            message=_l("Enter the budget as a whole amount in dinars, for example 1 250 000."),
            render_kw={"dir": "ltr", "inputmode": "numeric", "autocomplete": "off"},
        )
    if spec.kind == "level":
        return SelectField(
            label,
            choices=level_choices(spec),
            coerce=optional_int,
            default=None,
            invalid_choice_message=_l("Choose one of the proposed values."),
            invalid_value_message=_l("Choose one of the proposed values."),
        )
    if spec.kind == "boolean":
        return SelectField(
            label,
            choices=boolean_choices,
            coerce=optional_bool,
            default=None,
            invalid_choice_message=_l("Choose one of the proposed values."),
            invalid_value_message=_l("Choose one of the proposed values."),
        )
    if spec.kind in ("count", "percent"):
        message = (
            _l("A share in percent: a whole number from 0 to 100.")
            if spec.kind == "percent"
            else _l("A whole number, zero or more.")
        )
        return WholeNumberField(
            label,
            minimum=0,
            maximum=spec.maximum,
            message=message,
            render_kw={"dir": "ltr", "inputmode": "numeric", "autocomplete": "off"},
        )
    raise ValueError(f"no form field for the kind {spec.kind!r} of {spec.name}")


class ProjectForm(BaseForm):
    """Every field of a project (built from the schema below the class). Only a title (in
    either language) is needed for a draft."""

    version = HiddenField()

    def validate(self, extra_validators=None) -> bool:
        from digiweb.plans.services import validate_project_data

        valid = super().validate(extra_validators)
        for name, message in validate_project_data(self.project_data()).items():
            if name == "title_ar" and language() == "fr":
                name = "title_fr"
            field = getattr(self, name)
            if not field.errors:  # one message per field: the field's own check comes first
                field.errors = [message]
            valid = False
        return valid

    def project_data(self) -> dict:
        return {name: getattr(self, name).data for name in PROJECT_FIELDS}


for _spec in PROJECT_SCHEMA:
    setattr(ProjectForm, _spec.name, _form_field(_spec))


class PlanForm(BaseForm):
    """The plan's own fields."""

    contact_name = StringField(
        FIELD_LABELS["contact_name"],
        filters=[strip],
        validators=[Length(max=200, message=_l("At most %(max)d characters."))],
    )
    contact_email = StringField(
        FIELD_LABELS["contact_email"],
        filters=[strip],
        validators=[
            Optional(),
            Length(max=254, message=_l("At most %(max)d characters.")),
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                message=_l("Enter an e-mail address such as name@ministere.gov.dz."),
            ),
        ],
        render_kw={"dir": "ltr", "type": "email", "autocomplete": "email"},
    )
    contact_phone = StringField(
        FIELD_LABELS["contact_phone"],
        filters=[strip, latin_digits],
        validators=[
            Optional(),
            Length(max=40, message=_l("At most %(max)d characters.")),
            Regexp(
                r"^\+?[0-9 ()./-]{6,}$",
                message=_l("Enter a telephone number with digits only, for example 023 45 67 89."),
            ),
        ],
        render_kw={"dir": "ltr", "type": "tel", "autocomplete": "tel"},
    )
    version = HiddenField()

    def plan_data(self) -> dict:
        return {
            "contact_name": self.contact_name.data,
            "contact_email": self.contact_email.data,
            "contact_phone": self.contact_phone.data,
        }


class IndicatorForm(BaseForm):
    """An indicator of a project (digiweb.plans.indicators checks it again)."""

    label_ar = StringField(
        _l("Indicator in Arabic"),
        filters=[strip],
        validators=[Length(max=200, message=_l("At most %(max)d characters."))],
        render_kw=_ar(),
    )
    label_fr = StringField(
        _l("Indicator in French"),
        filters=[strip],
        validators=[Length(max=200, message=_l("At most %(max)d characters."))],
        render_kw=_fr(),
    )
    unit = StringField(
        _l("Unit"),
        filters=[strip],
        validators=[Length(max=40, message=_l("At most %(max)d characters."))],
        render_kw={"dir": "auto", "size": 8},
    )
    baseline = StringField(
        _l("Baseline"),
        filters=[strip],
        validators=[Length(max=40, message=_l("At most %(max)d characters."))],
        render_kw={"dir": "ltr", "size": 10},
    )
    target = StringField(
        _l("Target value"),
        filters=[strip],
        validators=[Length(max=40, message=_l("At most %(max)d characters."))],
        render_kw={"dir": "ltr", "size": 10},
    )
    version = HiddenField()

    def indicator_data(self) -> dict:
        return {name: getattr(self, name).data for name in INDICATOR_FIELDS}


INDICATOR_FIELDS = ("label_ar", "label_fr", "unit", "baseline", "target")


class IndicatorValueForm(BaseForm):
    """The value an indicator reached in a year."""

    year = SelectField(_l("Year"), choices=[], validate_choice=False)
    value = StringField(
        _l("Value reached"),
        filters=[strip],
        validators=[Length(max=40, message=_l("At most %(max)d characters."))],
        render_kw={"dir": "ltr", "size": 10},
    )
    version = HiddenField()
