"""The generated summary: the seed's sentence, and number agreement for 0, 1, 2, 3, 11, 100 of
each count in Arabic (six plural forms) and French."""

import pytest

from digiweb.dashboard.services import consolidated_stats
from digiweb.dashboard.summary import summary_text

SEED_AR = (
    "قامت 28 دائرة وزارية بإرسال مخططاتها العملية التي تتضمن 222 مشروع تطبيقات رقمية، منها 31 "
    "مشروعا موجها لتقريب الإدارة من المواطن و22 مشروعا متعلقا بتطبيقات ومنصات موجهة للمتعاملين "
    "الاقتصاديين."
)
SEED_FR = (
    "28 départements ministériels ont transmis leurs plans d'action, comprenant 222 projets "
    "d'applications numériques, dont 31 visant à rapprocher l'administration du citoyen et 22 "
    "portant sur des applications et plateformes destinées aux opérateurs économiques."
)


def figures(departments, projects, citizens, operators):
    return {
        "departments_submitted": departments,
        "projects": projects,
        "by_target": {"citizens": citizens, "economic_operators": operators},
    }


def test_demo_summary_is_the_seed_sentence(demo_app):
    stats = consolidated_stats(2021)
    assert summary_text(stats, "ar") == SEED_AR
    assert summary_text(stats, "fr") == SEED_FR


def test_language_of_the_request_by_default(demo_app):
    from flask_babel import force_locale

    stats = figures(28, 222, 31, 22)
    with demo_app.test_request_context(), force_locale("fr_DZ"):
        assert summary_text(stats) == SEED_FR
    with demo_app.test_request_context(), force_locale("ar_DZ"):
        assert summary_text(stats) == SEED_AR
        # an explicit language wins, and the request's locale is restored afterwards
        assert summary_text(stats, "fr") == SEED_FR
        assert summary_text(stats) == SEED_AR


# --- the departments phrase ----------------------------------------------------------------

TAIL_AR = (
    " 222 مشروع تطبيقات رقمية، منها 31 مشروعا موجها لتقريب الإدارة من المواطن و22 مشروعا متعلقا "
    "بتطبيقات ومنصات موجهة للمتعاملين الاقتصاديين."
)
TAIL_FR = (
    " 222 projets d'applications numériques, dont 31 visant à rapprocher l'administration du "
    "citoyen et 22 portant sur des applications et plateformes destinées aux opérateurs "
    "économiques."
)


@pytest.mark.parametrize(
    ("count", "arabic", "french"),
    [
        (
            0,
            "لم تقم أي دائرة وزارية بإرسال مخططها العملي بعد.",
            "Aucun département ministériel n'a encore transmis son plan d'action.",
        ),
        (
            1,
            "قامت دائرة وزارية واحدة بإرسال مخططها العملي الذي يتضمن" + TAIL_AR,
            "Un département ministériel a transmis son plan d'action, comprenant" + TAIL_FR,
        ),
        (
            2,
            "قامت دائرتان وزاريتان بإرسال مخططيهما العمليين اللذين يتضمنان" + TAIL_AR,
            "2 départements ministériels ont transmis leurs plans d'action, comprenant" + TAIL_FR,
        ),
        (
            3,
            "قامت 3 دوائر وزارية بإرسال مخططاتها العملية التي تتضمن" + TAIL_AR,
            "3 départements ministériels ont transmis leurs plans d'action, comprenant" + TAIL_FR,
        ),
        (
            11,
            "قامت 11 دائرة وزارية بإرسال مخططاتها العملية التي تتضمن" + TAIL_AR,
            "11 départements ministériels ont transmis leurs plans d'action, comprenant" + TAIL_FR,
        ),
        (
            100,
            "قامت 100 دائرة وزارية بإرسال مخططاتها العملية التي تتضمن" + TAIL_AR,
            "100 départements ministériels ont transmis leurs plans d'action, comprenant" + TAIL_FR,
        ),
    ],
)
def test_departments_agreement(app, count, arabic, french):
    stats = figures(count, 222, 31, 22)
    assert summary_text(stats, "ar") == arabic
    assert summary_text(stats, "fr") == french


# --- the projects phrase -------------------------------------------------------------------

HEAD_AR = "قامت 28 دائرة وزارية بإرسال مخططاتها العملية التي تتضمن "
HEAD_FR = "28 départements ministériels ont transmis leurs plans d'action, comprenant "
ONE_CITIZEN_AR = "مشروع واحد موجه لتقريب الإدارة من المواطن"
ONE_OPERATOR_AR = "مشروع واحد متعلق بتطبيقات ومنصات موجهة للمتعاملين الاقتصاديين"
ONE_CITIZEN_FR = "un visant à rapprocher l'administration du citoyen"
ONE_OPERATOR_FR = (
    "un portant sur des applications et plateformes destinées aux opérateurs économiques"
)


@pytest.mark.parametrize(
    ("count", "arabic", "french"),
    [
        (
            0,
            "قامت 28 دائرة وزارية بإرسال مخططاتها العملية التي لا تتضمن بعد أي مشروع تطبيقات "
            "رقمية.",
            "28 départements ministériels ont transmis leurs plans d'action, qui ne comprennent "
            "encore aucun projet d'application numérique.",
        ),
        (
            1,
            HEAD_AR + "مشروعا واحدا للتطبيقات الرقمية، منه " + ONE_CITIZEN_AR + "، ولا يوجد أي "
            "مشروع متعلق بتطبيقات ومنصات موجهة للمتعاملين الاقتصاديين.",
            HEAD_FR + "un projet d'application numérique, dont " + ONE_CITIZEN_FR + ". Aucun "
            "projet ne porte sur des applications et plateformes destinées aux opérateurs "
            "économiques.",
        ),
        (
            2,
            HEAD_AR
            + "مشروعين للتطبيقات الرقمية، منهما "
            + ONE_CITIZEN_AR
            + " و"
            + ONE_OPERATOR_AR
            + ".",
            HEAD_FR
            + "2 projets d'applications numériques, dont "
            + ONE_CITIZEN_FR
            + " et "
            + ONE_OPERATOR_FR
            + ".",
        ),
        (
            3,
            HEAD_AR
            + "3 مشاريع تطبيقات رقمية، منها "
            + ONE_CITIZEN_AR
            + " و"
            + ONE_OPERATOR_AR
            + ".",
            HEAD_FR
            + "3 projets d'applications numériques, dont "
            + ONE_CITIZEN_FR
            + " et "
            + ONE_OPERATOR_FR
            + ".",
        ),
        (
            11,
            HEAD_AR
            + "11 مشروع تطبيقات رقمية، منها "
            + ONE_CITIZEN_AR
            + " و"
            + ONE_OPERATOR_AR
            + ".",
            HEAD_FR
            + "11 projets d'applications numériques, dont "
            + ONE_CITIZEN_FR
            + " et "
            + ONE_OPERATOR_FR
            + ".",
        ),
        (
            100,
            HEAD_AR
            + "100 مشروع تطبيقات رقمية، منها "
            + ONE_CITIZEN_AR
            + " و"
            + ONE_OPERATOR_AR
            + ".",
            HEAD_FR
            + "100 projets d'applications numériques, dont "
            + ONE_CITIZEN_FR
            + " et "
            + ONE_OPERATOR_FR
            + ".",
        ),
    ],
)
def test_projects_agreement(app, count, arabic, french):
    citizens, operators = (1, 0) if count == 1 else (min(count, 1), min(count, 1))
    stats = figures(28, count, citizens, operators)
    assert summary_text(stats, "ar") == arabic
    assert summary_text(stats, "fr") == french


def test_projects_without_citizens_or_operators(app):
    stats = figures(3, 11, 0, 0)
    assert summary_text(stats, "ar") == (
        "قامت 3 دوائر وزارية بإرسال مخططاتها العملية التي تتضمن 11 مشروع تطبيقات رقمية، ولا "
        "يوجد أي مشروع موجه لتقريب الإدارة من المواطن أو متعلق بالمتعاملين الاقتصاديين."
    )
    assert summary_text(stats, "fr") == (
        "3 départements ministériels ont transmis leurs plans d'action, comprenant 11 projets "
        "d'applications numériques. Aucun ne vise à rapprocher l'administration du citoyen ni "
        "ne porte sur les opérateurs économiques."
    )
    stats = figures(1, 1, 0, 0)
    assert summary_text(stats, "ar") == (
        "قامت دائرة وزارية واحدة بإرسال مخططها العملي الذي يتضمن مشروعا واحدا للتطبيقات "
        "الرقمية، ولا يوجد أي مشروع موجه لتقريب الإدارة من المواطن أو متعلق بالمتعاملين "
        "الاقتصاديين."
    )
    assert summary_text(stats, "fr") == (
        "Un département ministériel a transmis son plan d'action, comprenant un projet "
        "d'application numérique. Aucun ne vise à rapprocher l'administration du citoyen ni ne "
        "porte sur les opérateurs économiques."
    )


# --- the citizens and economic operators phrases -------------------------------------------

PROJECTS_AR = HEAD_AR + "222 مشروع تطبيقات رقمية، منها "
PROJECTS_FR = HEAD_FR + "222 projets d'applications numériques, dont "
OPERATORS_AR = "22 مشروعا متعلقا بتطبيقات ومنصات موجهة للمتعاملين الاقتصاديين"
OPERATORS_FR = "22 portant sur des applications et plateformes destinées aux opérateurs économiques"
CITIZENS_AR = "31 مشروعا موجها لتقريب الإدارة من المواطن"
CITIZENS_FR = "31 visant à rapprocher l'administration du citoyen"


@pytest.mark.parametrize(
    ("count", "arabic", "french"),
    [
        (
            0,
            PROJECTS_AR + OPERATORS_AR + "، ولا يوجد أي مشروع موجه لتقريب الإدارة من المواطن.",
            PROJECTS_FR + OPERATORS_FR + ". Aucun projet ne vise à rapprocher l'administration "
            "du citoyen.",
        ),
        (
            1,
            PROJECTS_AR + "مشروع واحد موجه لتقريب الإدارة من المواطن و" + OPERATORS_AR + ".",
            PROJECTS_FR
            + "un visant à rapprocher l'administration du citoyen et "
            + OPERATORS_FR
            + ".",
        ),
        (
            2,
            PROJECTS_AR + "مشروعان موجهان لتقريب الإدارة من المواطن و" + OPERATORS_AR + ".",
            PROJECTS_FR
            + "2 visant à rapprocher l'administration du citoyen et "
            + OPERATORS_FR
            + ".",
        ),
        (
            3,
            PROJECTS_AR + "3 مشاريع موجهة لتقريب الإدارة من المواطن و" + OPERATORS_AR + ".",
            PROJECTS_FR
            + "3 visant à rapprocher l'administration du citoyen et "
            + OPERATORS_FR
            + ".",
        ),
        (
            11,
            PROJECTS_AR + "11 مشروعا موجها لتقريب الإدارة من المواطن و" + OPERATORS_AR + ".",
            PROJECTS_FR
            + "11 visant à rapprocher l'administration du citoyen et "
            + OPERATORS_FR
            + ".",
        ),
        (
            100,
            PROJECTS_AR + "100 مشروع موجه لتقريب الإدارة من المواطن و" + OPERATORS_AR + ".",
            PROJECTS_FR
            + "100 visant à rapprocher l'administration du citoyen et "
            + OPERATORS_FR
            + ".",
        ),
    ],
)
def test_citizens_agreement(app, count, arabic, french):
    stats = figures(28, 222, count, 22)
    assert summary_text(stats, "ar") == arabic
    assert summary_text(stats, "fr") == french


@pytest.mark.parametrize(
    ("count", "arabic", "french"),
    [
        (
            0,
            PROJECTS_AR + CITIZENS_AR + "، ولا يوجد أي مشروع متعلق بتطبيقات ومنصات موجهة "
            "للمتعاملين الاقتصاديين.",
            PROJECTS_FR + CITIZENS_FR + ". Aucun projet ne porte sur des applications et "
            "plateformes destinées aux opérateurs économiques.",
        ),
        (
            1,
            PROJECTS_AR + CITIZENS_AR + " ومشروع واحد متعلق بتطبيقات ومنصات موجهة للمتعاملين "
            "الاقتصاديين.",
            PROJECTS_FR + CITIZENS_FR + " et un portant sur des applications et plateformes "
            "destinées aux opérateurs économiques.",
        ),
        (
            2,
            PROJECTS_AR + CITIZENS_AR + " ومشروعان متعلقان بتطبيقات ومنصات موجهة للمتعاملين "
            "الاقتصاديين.",
            PROJECTS_FR + CITIZENS_FR + " et 2 portant sur des applications et plateformes "
            "destinées aux opérateurs économiques.",
        ),
        (
            3,
            PROJECTS_AR + CITIZENS_AR + " و3 مشاريع متعلقة بتطبيقات ومنصات موجهة للمتعاملين "
            "الاقتصاديين.",
            PROJECTS_FR + CITIZENS_FR + " et 3 portant sur des applications et plateformes "
            "destinées aux opérateurs économiques.",
        ),
        (
            11,
            PROJECTS_AR + CITIZENS_AR + " و11 مشروعا متعلقا بتطبيقات ومنصات موجهة للمتعاملين "
            "الاقتصاديين.",
            PROJECTS_FR + CITIZENS_FR + " et 11 portant sur des applications et plateformes "
            "destinées aux opérateurs économiques.",
        ),
        (
            100,
            PROJECTS_AR + CITIZENS_AR + " و100 مشروع متعلق بتطبيقات ومنصات موجهة للمتعاملين "
            "الاقتصاديين.",
            PROJECTS_FR + CITIZENS_FR + " et 100 portant sur des applications et plateformes "
            "destinées aux opérateurs économiques.",
        ),
    ],
)
def test_operators_agreement(app, count, arabic, french):
    stats = figures(28, 222, 31, count)
    assert summary_text(stats, "ar") == arabic
    assert summary_text(stats, "fr") == french
