"""A department's name inside a sentence (issue 17, point 8). French contracts the preposition
with the name's article or gender: « le plan du Ministère des Finances », « de la Direction
générale… », « de l'Office… », « des Services… »; « confiée au Ministère… ». Derived from the
name's first word, so that no department needs a second name to be typed. Arabic takes the name
as it is (the sentence builds the construct state: « مخطط وزارة المالية »)."""

from digiweb.i18n import language

# First words of French administrative names that are feminine or plural (the others, such as
# Ministère, Secrétariat, Haut-Commissariat, Conseil, Centre, are masculine).
FEMININE = {
    "banque",
    "caisse",
    "commission",
    "cour",
    "délégation",
    "direction",
    "division",
    "haute",
    "mission",
    "présidence",
    "wilaya",
}
PLURAL = {"archives", "services", "douanes"}
VOWELS = "aâàeéèêëiîïoôuûùyœæh"
# Names beginning with h aspiré keep « du »/« de la » (none among the ministries).
H_ASPIRE = {"haut", "haute", "haut-commissariat", "hôtel"}

FORMS = {
    # (masculine, feminine, elided, plural)
    "of": ("du ", "de la ", "de l'", "des "),
    "to": ("au ", "à la ", "à l'", "aux "),
}


def french_with(name: str, preposition: str = "of") -> str:
    """« du Ministère des Finances » (of), « au Ministère des Finances » (to)."""
    masculine, feminine, elided, plural = FORMS[preposition]
    name = (name or "").strip()
    if not name:
        return name
    lowered = name.lower()
    for article, form in (("les ", plural), ("le ", masculine), ("la ", feminine)):
        if lowered.startswith(article):
            return form + name[len(article) :]
    if lowered.startswith(("l'", "l’")):
        return elided + name[2:]
    first = lowered.split()[0]
    if first in PLURAL:
        return plural + name
    if lowered[0] in VOWELS and first not in H_ASPIRE:
        return elided + name
    if first in FEMININE:
        return feminine + name
    return masculine + name


def department_in_sentence(name_fr: str, name_ar: str, preposition: str = "of") -> str:
    """The name as a sentence of the current language needs it after "of"/"to"."""
    if language() == "fr":
        return french_with(name_fr, preposition)
    return name_ar
