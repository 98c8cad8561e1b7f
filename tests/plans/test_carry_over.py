"""Carry-over into a new year's plan (issue 17, point 6): the copies get the new year's dates
(asked; a date still in the old year is refused, the input kept), the originals record last
year's outcome (continued with the share achieved; completed or cancelled when not carried),
and both project pages show it, each linking to the other."""

import html
import re
from datetime import date

import pytest

from digiweb.audit.models import AuditLog
from digiweb.auth.models import User
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.plans.carry_over import Carry, carry_over, carry_over_candidates, record_end_of_year
from digiweb.plans.models import Project, ProjectStatus, Target, Technology
from digiweb.plans.outcomes import Outcome, ProjectOutcome, outcome_of
from tests.factories import make_campaign, make_plan, make_project

START, END = date(2031, 2, 1), date(2031, 11, 30)


def user(name: str) -> User:
    return db.session.scalar(db.select(User).where(User.username == name))


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.get_data(as_text=True)))


@pytest.fixture
def next_year(world):
    """Year 2031 open for MF and MJ; 2030 holds MF projects in every status and one MJ project."""
    plan = world.plan_mf
    world.project_mf.status = ProjectStatus.IN_PROGRESS
    world.project_mf.progress = 30
    world.project_mf.start_date, world.project_mf.end_date = date(2030, 1, 1), date(2030, 12, 31)
    world.project_mf.technologies = ["cloud"]
    for status in ("planned", "suspended", "completed", "cancelled"):
        make_project(plan, title_fr=f"Projet {status}", status=ProjectStatus(status))
    db.session.commit()
    campaign = make_campaign(2031, departments=[world.mf, world.mj])
    db.session.commit()
    return make_plan(campaign, world.mf)


def by_title(title: str) -> Project:
    return db.session.scalar(db.select(Project).where(Project.title_fr == title))


# --- the service ---------------------------------------------------------------------------------


def test_candidates_are_last_years_unfinished_projects(world, next_year):
    titles = [p.title_fr for p, _carried in carry_over_candidates(next_year)]
    assert titles == ["Plateforme de paiement", "Projet planned", "Projet suspended"]
    assert not any(carried for _, carried in carry_over_candidates(next_year))


def test_the_copy_gets_the_new_dates_and_the_origin_its_outcome(world, next_year):
    source = world.project_mf
    (copy,) = carry_over(next_year, [Carry(source, START, END, 45)], user("officer-mf"))
    db.session.commit()
    assert copy.carried_from_id == source.id
    assert copy.reference == "2031-MF-001" and copy.year == 2031
    assert (copy.start_date, copy.end_date) == (START, END)
    assert (copy.status, copy.progress, copy.target) == (
        ProjectStatus.IN_PROGRESS,
        30,
        Target.CITIZENS,
    )
    assert copy.technologies == [Technology.CLOUD]
    assert (source.start_date, source.end_date) == (date(2030, 1, 1), date(2030, 12, 31))
    outcome = outcome_of(source)
    assert (outcome.outcome, outcome.achieved) == (Outcome.CONTINUED, 45)
    entry = db.session.scalar(
        db.select(AuditLog).where(
            AuditLog.action == "project_outcome", AuditLog.entity_id == source.id
        )
    )
    assert entry.changes == {"outcome": [None, "continued"], "outcome_achieved": [None, 45]}
    assert dict((p.id, c) for p, c in carry_over_candidates(next_year))[source.id] is True


def test_the_share_achieved_defaults_to_last_years_progress(world, next_year):
    carry_over(next_year, [Carry(world.project_mf, START, END)], user("officer-mf"))
    assert outcome_of(world.project_mf).achieved == 30


@pytest.mark.parametrize(
    "start, end",
    [(date(2030, 12, 1), END), (START, date(2030, 12, 31)), (date(2031, 6, 1), date(2031, 5, 1))],
)
def test_dates_in_the_old_year_or_reversed_are_refused(world, next_year, start, end):
    with pytest.raises(Refusal) as refused:
        carry_over(next_year, [Carry(world.project_mf, start, end)], user("officer-mf"))
    assert refused.value.status == 422 and "2030-MF-001" in refused.value.message
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count()).select_from(ProjectOutcome)) == 0


def test_a_project_cannot_be_carried_twice(world, next_year):
    carry_over(next_year, [Carry(world.project_mf, START, END)], user("officer-mf"))
    db.session.commit()
    with pytest.raises(Refusal) as refused:
        carry_over(next_year, [Carry(world.project_mf, START, END)], user("officer-mf"))
    assert refused.value.status == 409


def test_finished_or_foreign_projects_are_refused(world, next_year):
    for source in (by_title("Projet completed"), world.project_mj):
        with pytest.raises(Refusal):
            carry_over(next_year, [Carry(source, START, END)], user("officer-mf"))
        db.session.rollback()
    assert not db.session.scalars(db.select(Project).where(Project.plan_id == next_year.id)).all()


def test_projects_not_carried_record_their_outcome(world, next_year):
    planned = by_title("Projet planned")
    record_end_of_year(next_year, [(planned, Outcome.CANCELLED, 10)], user("officer-mf"))
    assert (outcome_of(planned).outcome, outcome_of(planned).achieved) == (Outcome.CANCELLED, 10)
    with pytest.raises(Refusal):
        record_end_of_year(next_year, [(planned, Outcome.CONTINUED, 10)], user("officer-mf"))


# --- the pages ---------------------------------------------------------------------------------


def test_carry_over_through_the_pages(world, client_for, next_year):
    client = client_for("officer-mf", lang="fr")
    assert "Partir des projets inachevés" in text(client.get(f"/plans/{next_year.id}"))
    page = text(client.get(f"/plans/{next_year.id}/carry-over"))
    source = world.project_mf
    assert "2030-MF-001" in page and "Projet completed" not in page
    assert 'placeholder="jj/mm/aaaa"' in page and 'type="date"' not in page
    response = client.post(
        f"/plans/{next_year.id}/carry-over",
        data={
            "project": str(source.id),
            f"achieved-{source.id}": "45",
            f"start_date-{source.id}": "01/02/2031",
            f"end_date-{source.id}": "2031-11-30",
            f"outcome-{by_title('Projet suspended').id}": "cancelled",
        },
    )
    assert response.status_code == 302
    copy = db.session.scalar(db.select(Project).where(Project.plan_id == next_year.id))
    assert (copy.start_date, copy.end_date) == (START, END)
    assert outcome_of(by_title("Projet suspended")).outcome == Outcome.CANCELLED
    assert "Déjà reporté" in text(client.get(f"/plans/{next_year.id}/carry-over"))

    new_page = text(client.get(f"/projects/{copy.id}"))
    assert f'href="/projects/{source.id}"' in new_page
    assert "Poursuit le projet" in new_page and "résultat en 2030 :" in new_page
    assert "Poursuivi l'année suivante" in new_page and "45 %</bdi> réalisés" in new_page
    old_page = text(client.get(f"/projects/{source.id}"))
    assert f'href="/projects/{copy.id}"' in old_page and "Poursuivi par" in old_page
    assert "Résultat de l'année" in old_page
    arabic = text(client_for("officer-mf", lang="ar").get(f"/projects/{source.id}"))
    assert "نتيجة السنة" in arabic and "استمر في السنة الموالية" in arabic


@pytest.mark.parametrize("lang, message", [("fr", "encore en 2030"), ("ar", "لا يزال في 2030")])
def test_a_date_of_the_old_year_is_refused_with_the_input_kept(
    world, client_for, next_year, lang, message
):
    client = client_for("officer-mf", lang=lang)
    source = world.project_mf
    response = client.post(
        f"/plans/{next_year.id}/carry-over",
        data={
            "project": str(source.id),
            f"achieved-{source.id}": "45",
            f"start_date-{source.id}": "15/03/2030",
            f"end_date-{source.id}": "31/13/2031",
        },
    )
    body = text(response)
    assert response.status_code == 422
    assert message in body
    assert 'value="15/03/2030"' in body and 'value="31/13/2031"' in body and 'value="45"' in body
    assert 'aria-invalid="true"' in body
    assert not db.session.scalars(db.select(Project).where(Project.plan_id == next_year.id)).all()


def test_carry_over_refuses_guessed_ids(world, client_for, next_year):
    client = client_for("officer-mf", lang="fr")
    for data in ({"project": str(world.project_mj.id)}, {"project": "9999"}, {}):
        response = client.post(f"/plans/{next_year.id}/carry-over", data=data)
        assert response.status_code == 422
        assert "Bracelet" not in text(response)
