"""Documents attached to meetings, plans and remarks: kept in the database, type checked by
content, name cleaned, size limited, the virus scanner hook, downloaded as attachments with the
parent's access rule."""

import io
import zipfile

import pytest

from digiweb.documents import services
from digiweb.documents.models import Document
from digiweb.extensions import db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(client, url, data: bytes, name: str):
    return client.post(
        url, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def test_meeting_documents_are_checked_kept_and_downloaded(world, client_for):
    reviewer = client_for("reviewer", "fr")
    url = f"/meetings/{world.reference}/documents"
    response = upload(reviewer, url, PDF, "../../etc/ordre du jour: v2.exe")
    assert response.status_code == 302
    (document,) = db.session.scalars(db.select(Document)).all()
    assert document.filename == "ordre du jour_v2.pdf"
    assert document.content_type == "application/pdf" and document.meeting_id == world.meeting.id
    assert upload(reviewer, url, docx(), "présentation.docx").status_code == 302
    # a renamed executable, a zip that is no office document: refused by content
    assert upload(reviewer, url, b"MZ\x90\x00", "agenda.pdf").status_code == 415
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("a.txt", "x")
    assert upload(reviewer, url, plain_zip.getvalue(), "a.docx").status_code == 415
    assert db.session.scalar(db.select(db.func.count(Document.id))) == 2

    page = reviewer.get(f"/meetings/{world.reference}").get_data(as_text=True)
    assert 'id="documents"' in page and f"/documents/{document.id}" in page

    download = client_for("officer-mf").get(f"/documents/{document.id}")  # MF attended
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert client_for("officer-mj").get(f"/documents/{document.id}").status_code == 404
    # officers do not attach to meetings
    assert upload(client_for("officer-mf"), url, PDF, "x.pdf").status_code == 403


def test_size_limit_and_virus_scanner(app, world, client_for):
    reviewer = client_for("reviewer")
    url = f"/meetings/{world.reference}/documents"
    app.config["DOCUMENT_MAX_BYTES"] = 100
    assert upload(reviewer, url, PDF + b"\x00" * 200, "big.pdf").status_code == 413
    app.config["DOCUMENT_MAX_BYTES"] = 4 * 1024 * 1024
    app.config["DOCUMENT_SCAN_COMMAND"] = "false"
    try:
        assert upload(reviewer, url, PDF, "a.pdf").status_code == 422
        app.config["DOCUMENT_SCAN_COMMAND"] = "cat"  # reads the file, exits 0
        assert upload(reviewer, url, PDF, "a.pdf").status_code == 302
        app.config["DOCUMENT_SCAN_COMMAND"] = lambda data: b"EICAR" not in data
        assert upload(reviewer, url, PDF + b"EICAR", "b.pdf").status_code == 422
    finally:
        app.config["DOCUMENT_SCAN_COMMAND"] = ""
    assert db.session.scalar(db.select(db.func.count(Document.id))) == 1


def test_plan_documents_follow_the_department_access(world, client_for):
    plan_mf = world.plan_mf
    officer = client_for("officer-mf")
    assert (
        upload(officer, f"/plans/{plan_mf.id}/documents", PNG, "lettre signée.png").status_code
        == 302
    )
    (document,) = db.session.scalars(db.select(Document)).all()
    assert document.plan_id == plan_mf.id and document.filename == "lettre signée.png"
    assert client_for("reviewer").get(f"/documents/{document.id}").status_code == 200
    assert client_for("officer-mj").get(f"/documents/{document.id}").status_code == 404
    assert (
        upload(client_for("officer-mj"), f"/plans/{plan_mf.id}/documents", PNG, "x.png").status_code
        == 404
    )
    page = officer.get(f"/plans/{plan_mf.id}/documents")
    assert page.status_code == 200 and "lettre signée.png" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "data, expected",
    [
        (PDF, "application/pdf"),
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0", "image/jpeg"),
        (b"GIF89a", None),
    ],
)
def test_sniff(data, expected):
    kind = services.sniff(data)
    assert (kind[0] if kind else None) == expected


def test_remark_documents_follow_the_plan_access(app, world, client_for):
    from digiweb.plans.models import PlanEvent, PlanEventKind

    with app.test_request_context("/"):
        remark = PlanEvent(plan_id=world.plan_mj.id, kind=PlanEventKind.REMARK, comment="Annexe")
        db.session.add(remark)
        db.session.commit()
        remark_id = remark.id
    reviewer = client_for("reviewer")
    assert (
        upload(reviewer, f"/remarks/{remark_id}/documents", docx(), "annexe.docx").status_code
        == 302
    )
    (document,) = db.session.scalars(db.select(Document)).all()
    assert document.plan_event_id == remark_id
    assert client_for("officer-mj").get(f"/documents/{document.id}").status_code == 200
    assert client_for("officer-mf").get(f"/documents/{document.id}").status_code == 404
    listed = client_for("officer-mj").get(f"/plans/{world.plan_mj.id}/documents")
    assert "annexe.docx" in listed.get_data(as_text=True)
