"""The per-project decisions and the remarks that cannot slip, used from the screens as a
reviewer and an officer would (issue 17, points 2 and 3), in the spirit of
tests/test_screen_actions.py: every action is found in the HTML the server sends, posted with
the form's own hidden fields, and leads where the page says."""

import re

from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project
from digiweb.review.models import ProjectReview, ProjectVerdict
from tests.test_screen_actions import Screen, open_screen, plan_of, post_form


def _verdicts(plan_id: int) -> dict:
    db.session.expire_all()
    return {
        r.project_id: r.verdict
        for r in db.session.scalars(
            db.select(ProjectReview).where(ProjectReview.plan_id == plan_id)
        )
    }


def _confirm_if_asked(client, response, action: str):
    """A page that asks to confirm (digiweb/confirm.py) posts the same form again."""
    if response.status_code != 200:
        return response
    screen = Screen(response.get_data(as_text=True))
    assert screen.form(action)["fields"].get("remarks_confirmed") == "yes"
    return post_form(client, screen, action)


def test_decide_return_resend_and_approve_from_the_screens(demo_app, as_user):
    plan = plan_of("MAE")
    assert plan.status == PlanStatus.SUBMITTED
    base = f"/plans/{plan.id}"
    projects = list(plan.projects)
    assert len(projects) >= 2
    first, *others = projects
    reviewer = as_user("reviewer", "fr")
    screen = open_screen(reviewer, base)
    decide = {p.id: f"/projects/{p.id}/decision" for p in projects}
    assert set(decide.values()) <= screen.posts

    # Approving first is refused, listing each undecided project as a link to its decision.
    refused = post_form(reviewer, screen, f"{base}/approve")
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    for project in projects:
        assert f'href="{base}#decision-{project.id}"' in page

    # Return the first project (a reason is required), accept the others, return the plan.
    no_reason = post_form(reviewer, screen, decide[first.id], verdict="returned", reason="")
    assert no_reason.status_code == 422
    assert "Indiquez la raison du renvoi de ce projet." in no_reason.get_data(as_text=True)
    done = post_form(reviewer, screen, decide[first.id], verdict="returned", reason="Budget flou")
    assert done.status_code == 303 and done.headers["Location"].endswith(f"#decision-{first.id}")
    for project in others:
        screen = open_screen(reviewer, base)  # each decision carries its own version
        assert (
            post_form(reviewer, screen, decide[project.id], verdict="accepted").status_code == 303
        )
    screen = open_screen(reviewer, base)
    returned = post_form(reviewer, screen, f"{base}/return", comment="Revoir le budget du projet.")
    assert returned.status_code == 303
    assert db.session.get(Plan, plan.id).status == PlanStatus.RETURNED

    # The officer's page opens on the returned project, its reason and the return comment.
    officer = as_user("officer-mae", "fr")
    screen = open_screen(officer, base)
    assert f"#project-{first.id}" in screen.links
    page = officer.get(base).get_data(as_text=True)
    assert page.index('id="returned-projects"') < page.index('id="projects"')
    assert "Budget flou" in page
    head = page.index('id="return-comment-head"')
    assert head < page.index('id="action-submit"')
    assert "Revoir le budget du projet." in page[head : head + 600]

    # He corrects the returned project and sends the plan again: only its decision is reset.
    db.session.get(Project, first.id).budget_dzd = 123_456_789
    db.session.commit()
    screen = open_screen(officer, base)
    sent = _confirm_if_asked(
        officer, post_form(officer, screen, f"{base}/submit"), f"{base}/submit"
    )
    assert sent.status_code == 303
    verdicts = _verdicts(plan.id)
    assert verdicts[first.id] is None
    assert all(verdicts[p.id] == ProjectVerdict.ACCEPTED for p in others)

    # The reviewer sees what changed before the forms, decides the last project and approves.
    page = reviewer.get(base).get_data(as_text=True)
    assert page.index('id="changes-since-return"') < page.index('id="project-decisions"')
    assert page.index('id="project-decisions"') < page.index('id="action-approve"')
    screen = open_screen(reviewer, base)
    assert post_form(reviewer, screen, decide[first.id], verdict="accepted").status_code == 303
    screen = open_screen(reviewer, base)
    approved = _confirm_if_asked(
        reviewer, post_form(reviewer, screen, f"{base}/approve"), f"{base}/approve"
    )
    assert approved.status_code == 303
    assert db.session.get(Plan, plan.id).status == PlanStatus.APPROVED


def test_an_unanswered_remark_is_asked_about_before_resending_and_approving(demo_app, as_user):
    plan = plan_of("MAE")
    base = f"/plans/{plan.id}"
    project = plan.projects[0]
    reviewer = as_user("reviewer", "fr")
    screen = open_screen(reviewer, base)
    added = post_form(
        reviewer, screen, f"{base}/remarks", project=str(project.id), comment="Dates à préciser"
    )
    assert added.status_code == 303
    screen = open_screen(reviewer, base)
    post_form(reviewer, screen, f"{base}/return", comment="Voir la remarque.")

    # The project card shows the remark, unanswered.
    officer = as_user("officer-mae", "fr")
    page = officer.get(base).get_data(as_text=True)
    card = page[page.index(f'<article id="project-{project.id}"') :]
    card = card[: card.index("</article>")]
    assert "Dates à préciser" in card and "Sans réponse" in card

    # Resending asks to answer or to confirm; nothing is sent until confirmed.
    screen = open_screen(officer, base)
    asked = post_form(officer, screen, f"{base}/submit")
    assert asked.status_code == 200
    text = asked.get_data(as_text=True)
    assert "1 remarque du ministère est encore sans réponse" in text
    assert "Dates à préciser" in text
    assert f'href="{base}#remarks"' in text
    assert db.session.get(Plan, plan.id).status == PlanStatus.RETURNED
    sent = _confirm_if_asked(officer, asked, f"{base}/submit")
    assert sent.status_code == 303
    assert db.session.get(Plan, plan.id).status == PlanStatus.SUBMITTED

    # The reviewer is warned in the form, then asked, before approving.
    for p in db.session.get(Plan, plan.id).projects:
        screen = open_screen(reviewer, base)
        post_form(reviewer, screen, f"/projects/{p.id}/decision", verdict="accepted")
    page = reviewer.get(base).get_data(as_text=True)
    assert 'id="approve-unanswered"' in page
    screen = open_screen(reviewer, base)
    asked = post_form(reviewer, screen, f"{base}/approve")
    assert asked.status_code == 200
    assert re.search(r"remarques? (est|sont) encore sans réponse", asked.get_data(as_text=True))
    assert db.session.get(Plan, plan.id).status == PlanStatus.SUBMITTED
    assert _confirm_if_asked(reviewer, asked, f"{base}/approve").status_code == 303
    assert db.session.get(Plan, plan.id).status == PlanStatus.APPROVED


def test_an_answered_remark_lets_the_plan_go_without_asking(demo_app, as_user):
    plan = plan_of("MAE")
    base = f"/plans/{plan.id}"
    reviewer = as_user("reviewer", "fr")
    screen = open_screen(reviewer, base)
    post_form(reviewer, screen, f"{base}/remarks", project="", comment="Contact à compléter")
    screen = open_screen(reviewer, base)
    post_form(reviewer, screen, f"{base}/return", comment="Voir la remarque.")
    officer = as_user("officer-mae", "ar")
    screen = open_screen(officer, base)
    answer = next(a for a in screen.posts if a.endswith("/answer"))
    assert post_form(officer, screen, answer, comment="تم").status_code == 303
    screen = open_screen(officer, base)
    assert post_form(officer, screen, f"{base}/submit").status_code == 303
    assert db.session.get(Plan, plan.id).status == PlanStatus.SUBMITTED
