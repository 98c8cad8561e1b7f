"""The generated summary sentence of a campaign, in the register of the press release of 26 March
2021: "28 departments sent their action plans, holding 222 digital application projects, of which
31 aim to bring the administration closer to the citizen and 22 concern applications and
platforms for economic operators."

Each count is its own `ngettext` phrase (Arabic has six plural forms: 0, 1, 2, 3-10, 11-99,
100+; the noun, the adjective and the relative pronoun agree with the number), and a translated
template sentence assembles them. Zero counts get their own wording ("no project ..."), since
neither language says "0 projects" in such a sentence.
"""

from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from digiweb.i18n import LANGUAGES


def summary_text(stats: dict, lang: str | None = None) -> str:
    """The summary of `stats` (a dict from `consolidated_stats()`, or any dict with
    departments_submitted, projects and by_target.citizens / .economic_operators), in `lang`
    ('ar' or 'fr'), by default in the language of the current request."""
    if lang is None:
        return _sentence(stats)
    with force_locale(LANGUAGES[lang]):
        return _sentence(stats)


def _sentence(stats: dict) -> str:
    departments = stats["departments_submitted"]
    projects = stats["projects"]
    citizens = stats["by_target"]["citizens"]
    operators = stats["by_target"]["economic_operators"]

    if departments == 0:
        return _("No ministerial department has sent its action plan yet.")
    if projects == 0:
        return ngettext(
            "%(num)d ministerial department has sent its action plan, which does not contain "
            "any digital application project yet.",
            "%(num)d ministerial departments have sent their action plans, which do not "
            "contain any digital application project yet.",
            departments,
        )

    parts = {
        "departments": ngettext(
            "%(num)d ministerial department has sent its action plan, containing",
            "%(num)d ministerial departments have sent their action plans, containing",
            departments,
        ),
        "citizens": ngettext(
            "%(num)d project aimed at bringing the administration closer to the citizen",
            "%(num)d projects aimed at bringing the administration closer to the citizen",
            citizens,
        ),
        "operators": ngettext(
            "%(num)d project concerning applications and platforms for economic operators",
            "%(num)d projects concerning applications and platforms for economic operators",
            operators,
        ),
    }
    if citizens == 0 and operators == 0:
        parts["projects"] = ngettext(
            "%(num)d digital application project",
            "%(num)d digital application projects",
            projects,
        )
        return _(
            "%(departments)s %(projects)s. None of them aims at bringing the administration "
            "closer to the citizen or concerns economic operators.",
            **parts,
        )

    parts["projects"] = ngettext(
        "%(num)d digital application project, of which",
        "%(num)d digital application projects, of which",
        projects,
    )
    if citizens and operators:
        return _("%(departments)s %(projects)s %(citizens)s and %(operators)s.", **parts)
    if citizens:
        return _(
            "%(departments)s %(projects)s %(citizens)s. No project concerns applications and "
            "platforms for economic operators.",
            **parts,
        )
    return _(
        "%(departments)s %(projects)s %(operators)s. No project aims at bringing the "
        "administration closer to the citizen.",
        **parts,
    )
