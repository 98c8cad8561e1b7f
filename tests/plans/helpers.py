"""Form data of a project as the browser posts it, shared by the plan and campaign tests (their
world and clients are fixtures of tests/plans/conftest.py)."""

HX = {"HX-Request": "true"}


def project_form(prefix: str, **values) -> dict:
    """Form data of a project as the browser posts it (field names carry the form's prefix)."""
    data = {
        "title_ar": "",
        "title_fr": "",
        "summary_ar": "",
        "summary_fr": "",
        "target": "",
        "kind": "",
        "status": "planned",
        "progress": "0",
        "priority": "",
        "start_date": "",
        "end_date": "",
        "budget_dzd": "",
        "funding_source": "",
        "procedure_ar": "",
        "procedure_fr": "",
        "beneficiaries_ar": "",
        "beneficiaries_fr": "",
        "partners": "",
    }
    technologies = values.pop("technologies", [])
    data.update(values)
    form = {f"{prefix}-{k}": v for k, v in data.items()}
    if technologies:
        form[f"{prefix}-technologies"] = technologies
    return form


def complete_values(**overrides) -> dict:
    values = {
        "title_ar": "منصة رقمية لطلب شهادة الميلاد عن بعد",
        "title_fr": "Plateforme de demande à distance de l'acte de naissance",
        "summary_ar": "تمكين المواطن من طلب الوثيقة عن بعد.",
        "summary_fr": "Permettre au citoyen de demander le document à distance.",
        "target": "citizens",
        "kind": "platform",
        "status": "in_progress",
        "progress": "40",
        "priority": "high",
        "start_date": "2030-01-15",
        "end_date": "2030-12-31",
        "budget_dzd": "1 250 000",
        "funding_source": "state_budget",
        "procedure_ar": "استخراج شهادة الميلاد",
        "procedure_fr": "Délivrance de l'acte de naissance",
        "beneficiaries_ar": "المواطنون",
        "beneficiaries_fr": "Les citoyens",
        "partners": "Ministère de l'Intérieur",
        "technologies": ["cloud", "e_signature"],
    }
    values.update(overrides)
    return values
