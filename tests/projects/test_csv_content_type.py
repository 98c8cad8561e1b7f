"""/projects.csv says its charset once (issue 17, point 10: `text/csv; charset=utf-8;
charset=utf-8`)."""


def test_the_csv_content_type_names_its_charset_once(demo_app, as_user):
    response = as_user("reviewer", "fr").get("/projects.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
