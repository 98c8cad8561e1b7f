import csv
from pathlib import Path

from digiweb.audit.services import record
from digiweb.departments.models import Department
from digiweb.extensions import db

DEPARTMENTS_CSV = Path(__file__).resolve().parents[2] / "data" / "departments_2021.csv"


def load_departments(path: Path = DEPARTMENTS_CSV) -> int:
    """Create the departments of the reference file that are missing; returns how many."""
    existing = set(db.session.scalars(db.select(Department.code)))
    created = 0
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["code"].strip()
            if code in existing:
                continue
            department = Department(code=code, name_ar=row["name_ar"], name_fr=row["name_fr"])
            db.session.add(department)
            db.session.flush()
            record("department_created", "department", department.id, label=code)
            created += 1
    return created


def departments_by_code() -> dict[str, Department]:
    return {d.code: d for d in db.session.scalars(db.select(Department))}
