"""Forms of the meetings area. Choices that come from the database are filled in __init__."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from digiweb.forms import BaseForm, TypedDateField
from digiweb.meetings import services
from digiweb.meetings.models import Attendance, DecisionStatus, MeetingKind
from digiweb.transaction import fingerprint

# Limits of the long texts, each below a spreadsheet cell's 32,767 characters (the other text
# fields: their column's length).
MINUTES_MAX = 30_000
DECISION_TEXT_MAX = 5000
LINKED_PROJECTS_MAX = 1000


def _optional_int(value):
    """'' -> None, '12' -> 12; anything else is refused by the select's own check."""
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _required(message):
    return DataRequired(message=message)


class LocalTimeField(TimeField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a valid time, for example 09:30.")) from None


def _department_label(department) -> str:
    return f"{department.code} — {department.name}"


def options(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs; "" is the value of an empty choice."""
    return [SelectChoice("" if value is None else str(value), label) for value, label in pairs]


class ChoiceField(SelectField):
    """A select whose refusal of an unknown value is translated."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("invalid_choice_message", _l("Choose a value of the list."))
        kwargs.setdefault("invalid_value_message", _l("Choose a value of the list."))
        super().__init__(*args, **kwargs)


class MeetingForm(BaseForm):
    version = HiddenField()
    title_ar = StringField(
        _l("Title in Arabic"),
        [_required(_l("Enter the title in Arabic.")), Length(max=300)],
        render_kw={"dir": "rtl", "lang": "ar"},
    )
    title_fr = StringField(
        _l("Title in French"),
        [_required(_l("Enter the title in French.")), Length(max=300)],
        render_kw={"dir": "ltr", "lang": "fr"},
    )
    kind = ChoiceField(_l("Kind of meeting"))
    # InputRequired, not DataRequired: the latter would hide the "not a valid date" message.
    date = TypedDateField(_l("Date"), [InputRequired(message=_l("Enter the date of the meeting."))])
    time = LocalTimeField(
        _l("Time (Algiers)"),
        [InputRequired(message=_l("Enter the time of the meeting."))],
        format="%H:%M",
    )
    place_ar = StringField(
        _l("Place in Arabic"), [Length(max=300)], render_kw={"dir": "rtl", "lang": "ar"}
    )
    place_fr = StringField(
        _l("Place in French"), [Length(max=300)], render_kw={"dir": "ltr", "lang": "fr"}
    )
    chair_ar = StringField(
        _l("Chaired by (Arabic)"), [Length(max=200)], render_kw={"dir": "rtl", "lang": "ar"}
    )
    chair_fr = StringField(
        _l("Chaired by (French)"), [Length(max=200)], render_kw={"dir": "ltr", "lang": "fr"}
    )
    campaign_id = ChoiceField(_l("Campaign"), coerce=_optional_int)
    status = ChoiceField(_l("Status"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = options(MeetingKind.choices())
        self.campaign_id.choices = options([(None, _l("— none —")), *services.campaign_choices()])
        self.status.choices = options((s.value, s.label) for s in services.EDITABLE_STATUSES)

    def values(self) -> dict:
        return {
            "title_ar": self.title_ar.data.strip(),
            "title_fr": self.title_fr.data.strip(),
            "kind": MeetingKind(self.kind.data),
            "starts_at": services.local_to_utc(self.date.data, self.time.data),
            "place_ar": (self.place_ar.data or "").strip(),
            "place_fr": (self.place_fr.data or "").strip(),
            "chair_ar": (self.chair_ar.data or "").strip(),
            "chair_fr": (self.chair_fr.data or "").strip(),
            "campaign_id": self.campaign_id.data,
            "status": self.status.data,
        }

    def fill_from(self, meeting) -> None:
        local = services.utc_to_local(meeting.starts_at)
        for name in ("title_ar", "title_fr", "place_ar", "place_fr", "chair_ar", "chair_fr"):
            getattr(self, name).data = getattr(meeting, name)
        self.kind.data = meeting.kind.value
        self.date.data = local.date()
        self.time.data = local.time().replace(second=0, microsecond=0)
        self.campaign_id.data = meeting.campaign_id
        self.status.data = meeting.status.value
        self.version.data = meeting.version


class MinutesForm(BaseForm):
    version = HiddenField()
    minutes_ar = TextAreaField(
        _l("Minutes in Arabic"),
        [Length(max=MINUTES_MAX)],
        render_kw={"dir": "rtl", "lang": "ar", "rows": 14},
    )
    minutes_fr = TextAreaField(
        _l("Minutes in French"),
        [Length(max=MINUTES_MAX)],
        render_kw={"dir": "ltr", "lang": "fr", "rows": 14},
    )


class AttendeeForm(BaseForm):
    version = HiddenField()
    user_id = ChoiceField(_l("Digitization officer"), coerce=_optional_int)
    name = StringField(_l("Name (other person)"), [Length(max=200)], render_kw={"dir": "auto"})
    name_ar = StringField(
        _l("Name in Arabic script"), [Length(max=200)], render_kw={"dir": "rtl", "lang": "ar"}
    )
    function_ar = StringField(
        _l("Function in Arabic"), [Length(max=200)], render_kw={"dir": "rtl", "lang": "ar"}
    )
    function_fr = StringField(
        _l("Function in French"), [Length(max=200)], render_kw={"dir": "ltr", "lang": "fr"}
    )
    department_id = ChoiceField(_l("Department (other person)"), coerce=_optional_int)
    attendance = ChoiceField(_l("Attendance"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user_id.choices = options(
            [(None, _l("— another person —"))]
            + [
                (u.id, f"{u.department.code} — {u.full_name or u.username}")
                for u in services.officer_options()
            ]
        )
        self.department_id.choices = options(
            [(None, _l("— none —"))]
            + [(d.id, _department_label(d)) for d in services.department_options()]
        )
        self.attendance.choices = options(Attendance.choices())

    def values(self) -> services.AttendeeValues:
        return services.AttendeeValues(
            user_id=self.user_id.data,
            name=self.name.data or "",
            name_ar=self.name_ar.data or "",
            function_ar=self.function_ar.data or "",
            function_fr=self.function_fr.data or "",
            department_id=self.department_id.data,
            attendance=Attendance(self.attendance.data),
        )

    def fill_from(self, attendee) -> None:
        self.user_id.data = attendee.user_id
        self.name.data = "" if attendee.user_id else attendee.name
        self.name_ar.data = attendee.name_ar
        self.function_ar.data = attendee.function_ar
        self.function_fr.data = attendee.function_fr
        self.department_id.data = attendee.department_id
        self.attendance.data = attendee.attendance.value
        self.version.data = fingerprint(attendee, services.ATTENDEE_FIELDS)


class AgendaItemForm(BaseForm):
    version = HiddenField()
    title_ar = StringField(
        _l("Item in Arabic"),
        [_required(_l("Enter the item in Arabic.")), Length(max=300)],
        render_kw={"dir": "rtl", "lang": "ar"},
    )
    title_fr = StringField(
        _l("Item in French"),
        [_required(_l("Enter the item in French.")), Length(max=300)],
        render_kw={"dir": "ltr", "lang": "fr"},
    )

    def fill_from(self, item) -> None:
        self.title_ar.data = item.title_ar
        self.title_fr.data = item.title_fr
        self.version.data = fingerprint(item, services.AGENDA_FIELDS)


class DecisionForm(BaseForm):
    version = HiddenField()
    text_ar = TextAreaField(
        _l("Text in Arabic"),
        [_required(_l("Enter the text of the decision in Arabic.")), Length(max=DECISION_TEXT_MAX)],
        render_kw={"dir": "rtl", "lang": "ar", "rows": 3},
    )
    text_fr = TextAreaField(
        _l("Text in French"),
        [_required(_l("Enter the text of the decision in French.")), Length(max=DECISION_TEXT_MAX)],
        render_kw={"dir": "ltr", "lang": "fr", "rows": 3},
    )
    owner_department_id = ChoiceField(_l("Owner department"), coerce=_optional_int)
    due_date = TypedDateField(_l("Due date"), [Optional()])
    projects = StringField(
        _l("Linked projects"),
        [Length(max=LINKED_PROJECTS_MAX)],
        render_kw={"dir": "ltr", "placeholder": "2021-MF-007, 2021-MJ-003"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_department_id.choices = options(
            [(None, _l("— none —"))]
            + [(d.id, _department_label(d)) for d in services.department_options()]
        )

    def validate_projects(self, field):
        _projects, errors = services.parse_project_references(field.data or "")
        if errors:
            raise ValidationError(" ".join(errors))

    def values(self) -> services.DecisionValues:
        return services.DecisionValues(
            text_ar=self.text_ar.data or "",
            text_fr=self.text_fr.data or "",
            owner_department_id=self.owner_department_id.data,
            due_date=self.due_date.data,
            projects=self.projects.data or "",
        )

    def fill_from(self, decision) -> None:
        """The stored decision, with the references of its linked projects."""
        references = services.project_references([decision.id]).get(decision.id, [])
        self.text_ar.data = decision.text_ar
        self.text_fr.data = decision.text_fr
        self.owner_department_id.data = decision.owner_department_id
        self.due_date.data = decision.due_date
        self.projects.data = ", ".join(references)
        self.version.data = decision.version


class FollowUpForm(BaseForm):
    version = HiddenField()
    next = HiddenField()
    status = ChoiceField(_l("Follow-up status"))
    note = TextAreaField(
        _l("Follow-up note"), [Length(max=DECISION_TEXT_MAX)], render_kw={"rows": 2, "dir": "auto"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = options(DecisionStatus.choices())

    def fill_from(self, decision) -> None:
        self.status.data = decision.status.value
        self.note.data = decision.follow_up_note
        self.version.data = decision.version


class DecisionFilterForm(BaseForm):
    """The filters of the decisions list (GET, no CSRF)."""

    class Meta:
        csrf = False

    status = ChoiceField(_l("Status"), coerce=lambda v: v or None)
    department = ChoiceField(_l("Department"), coerce=_optional_int)
    meeting = ChoiceField(_l("Meeting"), coerce=_optional_int)

    def __init__(self, *args, meetings=(), departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = options([(None, _l("All statuses")), *DecisionStatus.choices()])
        self.department.choices = options(
            [(None, _l("All departments"))] + [(d.id, _department_label(d)) for d in departments]
        )
        self.meeting.choices = options(
            [(None, _l("All meetings"))] + [(m.id, m.reference) for m in meetings]
        )


def scoped(form, scope: str):
    """Give a form's fields ids of their own (`agenda-new-title_ar`), so that several forms of
    the same kind on one page keep unique ids; the posted names do not change."""
    for item in form:
        item.id = f"{scope}-{item.name}"
        item.label.field_id = item.id
    return form
