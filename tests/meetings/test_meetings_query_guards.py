"""Query-count guards: the meetings list and the decisions list cost the same number of queries
with one meeting or with many meetings (each with its decisions, attendees and agenda); the
existing guard in test_meeting_routes.py grows the rows of one meeting only."""

from datetime import date, time

from digiweb.extensions import db
from digiweb.meetings import attendance, decisions, services
from tests.factories import make_meeting


def _add_meetings(world, how_many: int) -> None:
    for n in range(how_many):
        make_meeting(
            world.campaign,
            title_fr=f"Séance {n}",
            starts_at=services.local_to_utc(date(2021, 4, 1 + n), time(9, 0)),
            attendees=[
                attendance.AttendeeValues(user_id=world.users[officer].id)
                for officer in ("officer-mf", "officer-mj")
            ],
            agenda=[("بند", f"Point {n}")],
            decisions=[
                decisions.DecisionValues(
                    text_ar="قرار",
                    text_fr=f"Décision {n}",
                    owner_department_id=department.id,
                    due_date=date(2021, 5, 1 + n),
                    projects=world.project_mf.reference,
                )
                for department in (world.mf, world.mj)
            ],
        )
    db.session.commit()


def _queries(client, count_queries, url: str, htmx: bool = False):
    headers = {"HX-Request": "true"} if htmx else {}
    assert client.get(url, headers=headers).status_code == 200  # warm up (session, caches)
    with count_queries() as counter:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return counter, response.get_data(as_text=True)


def test_lists_cost_the_same_queries_with_many_meetings(app, world, client_for, count_queries):
    cases = [
        (path, user, htmx)
        for path in ("/meetings", "/decisions")
        for user in ("reviewer", "officer-mf")
        for htmx in (False, True)
    ]
    clients = {user: client_for(user, "fr") for user in ("reviewer", "officer-mf")}
    with app.test_request_context("/"):
        few = {
            case: _queries(clients[case[1]], count_queries, case[0], case[2])[0] for case in cases
        }
        _add_meetings(world, 8)
        for case in cases:
            many, body = _queries(clients[case[1]], count_queries, case[0], case[2])
            assert "Décision 7" in body or "Séance 7" in body  # the new rows are listed
            assert many.count <= few[case].count, (case, few[case].statements, many.statements)
