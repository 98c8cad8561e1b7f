"""Demo data of the seed: the 2021 questionnaire and the session of 25 March 2021.

Pure data and a deterministic generator (standard library only, no application imports); the
loader in ``digiweb.demo.services`` turns it into rows.

The press release of 26 March 2021 (``seed/000_25bcff0d3c0ddb9d.txt``) gives the figures that
must hold and that the tests check:

* the questionnaire of year 2021 went to the 34 ministerial departments;
* 28 departments sent their sectoral action plans (``SENT_PLAN_STATUS``), among them Finance
  (``MF``), Justice (``MJ``) and the Ministry of Digitization itself (``MNS``);
* these plans hold exactly 222 digital application projects, of which 31 aim to bring the
  administration closer to the citizen (target ``citizens``) and 22 are applications and
  platforms for economic operators (``economic_operators``); the 169 others are internal
  (``administration``) or inter-administration (``other_administrations``) projects;
* the 6 other departments have not sent their plan (``UNSENT_PLAN_STATUS``): some have not
  started, the drafts already hold a few incomplete projects in preparation, which are returned
  by ``demo_projects()`` too but never count in the consolidated figures.

Titles, summaries, procedures and beneficiaries are written by hand for each department, in
Arabic and in French; status, progress, priority, dates, budget and funding are drawn from
``random.Random(2021)`` (a few projects fix them explicitly), so every call returns the same list.
"""

import calendar
import math
import random
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

DEMO_YEAR = 2021

# Plans sent before the session of 25 March 2021 (28 departments).
SENT_PLAN_STATUS: dict[str, str] = {
    "MAE": "submitted",
    "MICLAT": "submitted",
    "MJ": "approved",
    "MF": "approved",
    "MEM": "submitted",
    "MTEER": "returned",
    "MMAD": "submitted",
    "MARW": "submitted",
    "MEN": "submitted",
    "MESRS": "approved",
    "MFEP": "submitted",
    "MCA": "returned",
    "MJS": "returned",
    "MNS": "approved",
    "MPT": "approved",
    "MSNFCF": "submitted",
    "MI": "submitted",
    "MIP": "submitted",
    "MADR": "submitted",
    "MHUV": "submitted",
    "MC": "submitted",
    "MCOM": "submitted",
    "MTP": "submitted",
    "MT": "submitted",
    "MRE": "submitted",
    "MSPRH": "submitted",
    "MTESS": "submitted",
    "MENV": "submitted",
}

# Plans not sent (6 departments): drafts already hold projects in preparation.
UNSENT_PLAN_STATUS: dict[str, str] = {
    "MPPH": "draft",
    "MTATF": "draft",
    "MME": "draft",
    "MRP": "not_started",
    "MECSU": "not_started",
    "MPROS": "not_started",
}

TARGETS = ("citizens", "economic_operators", "administration", "other_administrations")
KINDS = ("information_system", "platform", "mobile_app", "infrastructure", "registry")
TECHNOLOGIES = (
    "cloud",
    "ai",
    "data_science",
    "mobile",
    "e_payment",
    "e_signature",
    "interoperability",
    "open_data",
)
PROJECT_STATUSES = ("planned", "in_progress", "completed", "suspended", "cancelled")
PRIORITIES = ("high", "medium", "low")
FUNDING_SOURCES = ("state_budget", "own_funds", "international_cooperation", "other")

PROJECT_KEYS = (
    "department",
    "sequence",
    "title_ar",
    "title_fr",
    "summary_ar",
    "summary_fr",
    "target",
    "kind",
    "technologies",
    "status",
    "progress",
    "priority",
    "start_date",
    "end_date",
    "budget_dzd",
    "funding_source",
    "procedure_ar",
    "procedure_fr",
    "beneficiaries_ar",
    "beneficiaries_fr",
    "partners",
)

_CIT = "citizens"
_ECO = "economic_operators"
_ADM = "administration"
_OTH = "other_administrations"

_IS = "information_system"
_PF = "platform"
_MA = "mobile_app"
_INF = "infrastructure"
_REG = "registry"


class _Spec(NamedTuple):
    """The hand-written part of a project; ``fixed`` overrides drawn values (status, dates…)."""

    target: str
    kind: str
    technologies: tuple[str, ...]
    title_ar: str
    title_fr: str
    summary_ar: str
    summary_fr: str
    procedure_ar: str
    procedure_fr: str
    beneficiaries_ar: str
    beneficiaries_fr: str
    partners: str
    fixed: dict[str, Any] | None = None


# The 222 projects of the 28 plans sent, per department, in the order of their sequence.
_SENT_PROJECTS: dict[str, tuple[_Spec, ...]] = {
    "MF": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_payment", "e_signature"),
            title_ar="منصة رقمية للتصريح الجبائي والدفع الإلكتروني للضرائب",
            title_fr="Plateforme de télédéclaration et de télépaiement des impôts",
            summary_ar=(
                "تمكين المؤسسات من إيداع تصريحاتها الجبائية الشهرية والسنوية ودفع الضرائب المستحقة "
                "عن بعد، دون التنقل إلى مراكز الضرائب."
            ),
            summary_fr=(
                "Permettre aux entreprises de déposer leurs déclarations fiscales mensuelles et "
                "annuelles et de payer les impôts dus à distance, sans se déplacer dans les "
                "centres des impôts."
            ),
            procedure_ar="التصريح الجبائي ودفع الضرائب",
            procedure_fr="Déclaration et paiement des impôts",
            beneficiaries_ar="المؤسسات والمهنيون الخاضعون للضريبة",
            beneficiaries_fr="Entreprises et professionnels assujettis à l'impôt",
            partners="Direction générale des impôts, Algérie Poste, banques publiques",
            fixed={
                "status": "in_progress",
                "progress": 60,
                "priority": "high",
                "start": date(2021, 1, 1),
                "end": date(2021, 12, 31),
                "funding": "state_budget",
            },
        ),
        _Spec(
            target=_ECO,
            kind=_IS,
            technologies=("interoperability", "e_signature"),
            title_ar="نظام المعلومات الجمركي الجديد للتخليص الجمركي للبضائع",
            title_fr="Nouveau système d'information douanier pour le dédouanement des marchandises",
            summary_ar=(
                "رقمنة كامل مسار التخليص الجمركي من إيداع التصريح المفصل إلى رفع اليد عن البضائع، "
                "مع تقليص آجال العبور في الموانئ."
            ),
            summary_fr=(
                "Dématérialiser l'ensemble du processus de dédouanement, du dépôt de la "
                "déclaration en détail à la mainlevée des marchandises, et réduire les délais de "
                "passage dans les ports."
            ),
            procedure_ar="التخليص الجمركي للبضائع",
            procedure_fr="Dédouanement des marchandises",
            beneficiaries_ar="المستوردون والمصدرون والوكلاء لدى الجمارك",
            beneficiaries_fr="Importateurs, exportateurs et commissionnaires en douane",
            partners="Direction générale des douanes, entreprises portuaires, banques",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature", "open_data"),
            title_ar="البوابة الإلكترونية للصفقات العمومية",
            title_fr="Portail électronique des marchés publics",
            summary_ar=(
                "نشر إعلانات طلبات العروض وسحب دفاتر الشروط وإيداع العروض إلكترونيا، بما يعزز "
                "الشفافية ويختصر آجال إبرام الصفقات."
            ),
            summary_fr=(
                "Publier les avis d'appels d'offres, retirer les cahiers des charges et déposer "
                "les offres par voie électronique afin de renforcer la transparence et de réduire "
                "les délais de passation."
            ),
            procedure_ar="إبرام الصفقات العمومية",
            procedure_fr="Passation des marchés publics",
            beneficiaries_ar="المؤسسات المتعهدة والمصالح المتعاقدة",
            beneficiaries_fr="Soumissionnaires et services contractants",
            partners="Autorité de régulation des marchés publics",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لاستخراج شهادة الوضعية الجبائية عن بعد",
            title_fr="Plateforme de délivrance en ligne de l'attestation de situation fiscale",
            summary_ar=(
                "تمكين المتعاملين الاقتصاديين من طلب شهادة الوضعية الجبائية ومستخرج الجدول "
                "وتحميلهما موقعين إلكترونيا، لاستعمالهما في ملفات الصفقات والقروض."
            ),
            summary_fr=(
                "Permettre aux opérateurs économiques de demander l'attestation de situation "
                "fiscale et l'extrait de rôle et de les télécharger signés électroniquement, pour "
                "leurs dossiers de marchés et de crédits."
            ),
            procedure_ar="استخراج شهادة الوضعية الجبائية",
            procedure_fr="Délivrance de l'attestation de situation fiscale",
            beneficiaries_ar="المتعاملون الاقتصاديون",
            beneficiaries_fr="Opérateurs économiques",
            partners="Direction générale des impôts",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_payment",),
            title_ar="منصة رقمية لاقتناء قسيمة السيارات ودفعها إلكترونيا",
            title_fr="Plateforme d'achat et de paiement électronique de la vignette automobile",
            summary_ar=(
                "اقتناء قسيمة السيارات ودفع مبلغها بالبطاقة البنكية أو البطاقة الذهبية مع طباعة "
                "الإيصال، تفاديا للطوابير أمام قباضات الضرائب ومكاتب البريد."
            ),
            summary_fr=(
                "Acheter la vignette automobile et la régler par carte bancaire ou carte Edahabia "
                "avec impression du reçu, pour éviter les files d'attente devant les recettes des "
                "impôts et les bureaux de poste."
            ),
            procedure_ar="اقتناء قسيمة السيارات",
            procedure_fr="Acquisition de la vignette automobile",
            beneficiaries_ar="أصحاب المركبات",
            beneficiaries_fr="Propriétaires de véhicules",
            partners="Direction générale des impôts, Algérie Poste, SATIM",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="النظام المدمج لتسيير الميزانية",
            title_fr="Système intégré de gestion budgétaire",
            summary_ar=(
                "تسيير مراحل تحضير الميزانية وتنفيذها ومتابعتها وفق منطق النتائج الذي جاء به "
                "القانون العضوي المتعلق بقوانين المالية."
            ),
            summary_fr=(
                "Gérer la préparation, l'exécution et le suivi du budget selon la logique de "
                "résultats introduite par la loi organique relative aux lois de finances."
            ),
            procedure_ar="تحضير الميزانية وتنفيذها",
            procedure_fr="Préparation et exécution du budget",
            beneficiaries_ar="المديرية العامة للميزانية والآمرون بالصرف",
            beneficiaries_fr="Direction générale du budget et ordonnateurs",
            partners="Direction générale du budget",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لمحاسبة الخزينة العمومية",
            title_fr="Système d'information de la comptabilité du Trésor public",
            summary_ar=(
                "أتمتة عمليات التحصيل والدفع ومسك حسابات الخزينة على مستوى الخزائن الولائية "
                "والبلدية، مع إعداد الحسابات في آجالها."
            ),
            summary_fr=(
                "Automatiser les opérations de recettes et de dépenses et la tenue des comptes au "
                "niveau des trésoreries de wilaya et communales, avec production des comptes dans "
                "les délais."
            ),
            procedure_ar="مسك محاسبة الخزينة",
            procedure_fr="Tenue de la comptabilité du Trésor",
            beneficiaries_ar="المحاسبون العموميون",
            beneficiaries_fr="Comptables publics",
            partners="Direction générale de la comptabilité",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="رقمنة السجل العقاري وربطه بمسح الأراضي",
            title_fr="Numérisation du fichier immobilier et son rattachement au cadastre",
            summary_ar=(
                "رقمنة البطاقات العقارية للمحافظات العقارية وربطها بمخططات مسح الأراضي، لتسهيل "
                "تبادل المعلومات مع الموثقين والإدارات."
            ),
            summary_fr=(
                "Numériser les fiches immobilières des conservations foncières et les relier aux "
                "plans cadastraux, pour faciliter l'échange d'informations avec les notaires et "
                "les administrations."
            ),
            procedure_ar="إشهار العقود العقارية",
            procedure_fr="Publicité foncière",
            beneficiaries_ar="المحافظات العقارية والموثقون",
            beneficiaries_fr="Conservations foncières et notaires",
            partners="Agence nationale du cadastre, Chambre nationale des notaires",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("cloud",),
            title_ar="نظام معلومات لتسيير أملاك الدولة",
            title_fr="Système d'information de gestion du domaine de l'État",
            summary_ar=(
                "جرد الأملاك العقارية التابعة للدولة وتسيير عقود إيجارها والتنازل عنها في قاعدة "
                "بيانات موحدة."
            ),
            summary_fr=(
                "Inventorier les biens immobiliers de l'État et gérer leur location et leur "
                "cession dans une base de données unique."
            ),
            procedure_ar="جرد أملاك الدولة",
            procedure_fr="Inventaire du domaine de l'État",
            beneficiaries_ar="مصالح أملاك الدولة",
            beneficiaries_fr="Services des domaines",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability", "data_science"),
            title_ar="منصة لتبادل المعطيات بين إدارة الضرائب والجمارك والسجل التجاري",
            title_fr=(
                "Plateforme d'échange de données entre les impôts, les douanes et le registre du "
                "commerce"
            ),
            summary_ar=(
                "ربط قواعد بيانات الإدارات الثلاث عبر رقم التعريف الجبائي لمكافحة الغش والتحقق "
                "الآلي من وضعية المتعاملين."
            ),
            summary_fr=(
                "Relier les bases de données des trois administrations par le numéro "
                "d'identification fiscale afin de lutter contre la fraude et de vérifier "
                "automatiquement la situation des opérateurs."
            ),
            procedure_ar="مراقبة الوضعية الجبائية للمتعاملين",
            procedure_fr="Contrôle de la situation fiscale des opérateurs",
            beneficiaries_ar=(
                "المديرية العامة للضرائب والمديرية العامة للجمارك والمركز الوطني للسجل التجاري"
            ),
            beneficiaries_fr="DGI, DGD et CNRC",
            partners="Ministère du Commerce",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=("cloud",),
            title_ar="إنشاء مركز بيانات احتياطي لقطاع المالية",
            title_fr="Mise en place d'un centre de données de secours du secteur des Finances",
            summary_ar=(
                "ضمان استمرارية الخدمة وحماية المعطيات المالية الحساسة عبر موقع احتياطي متزامن مع "
                "مركز البيانات الرئيسي."
            ),
            summary_fr=(
                "Garantir la continuité de service et protéger les données financières sensibles "
                "grâce à un site de secours synchronisé avec le centre de données principal."
            ),
            procedure_ar="استمرارية الخدمات المالية",
            procedure_fr="Continuité des services financiers",
            beneficiaries_ar="مديريات وزارة المالية",
            beneficiaries_fr="Directions du ministère des Finances",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science", "ai"),
            title_ar="نظام لتحليل المخاطر في الرقابة الجبائية",
            title_fr="Système d'analyse des risques pour le contrôle fiscal",
            summary_ar=(
                "استغلال تقنيات علم البيانات والذكاء الاصطناعي لتوجيه عمليات الرقابة الجبائية نحو "
                "الملفات الأكثر خطورة."
            ),
            summary_fr=(
                "Exploiter la science des données et l'intelligence artificielle pour orienter le "
                "contrôle fiscal vers les dossiers les plus à risque."
            ),
            procedure_ar="برمجة عمليات الرقابة الجبائية",
            procedure_fr="Programmation du contrôle fiscal",
            beneficiaries_ar="مصالح الرقابة الجبائية",
            beneficiaries_fr="Services du contrôle fiscal",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع المالية",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur des Finances"
            ),
            summary_ar=(
                "تسيير المسار المهني لمستخدمي القطاع من التوظيف إلى التقاعد، بما في ذلك الترقيات "
                "والتكوين، ضمن ملف إداري رقمي موحد."
            ),
            summary_fr=(
                "Gérer la carrière des personnels du secteur, du recrutement à la retraite, y "
                "compris les promotions et la formation, dans un dossier administratif numérique "
                "unique."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="مستخدمو قطاع المالية",
            beneficiaries_fr="Personnels du secteur des Finances",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability", "e_signature"),
            title_ar="نظام معلومات لتسيير النفقات العمومية والرقابة المالية المسبقة",
            title_fr=(
                "Système d'information de gestion de la dépense publique et du contrôle financier "
                "préalable"
            ),
            summary_ar=(
                "إرسال الالتزامات بالنفقات إلى المراقبين الماليين وتأشيرها إلكترونيا، مع تتبع آني "
                "لاستهلاك الاعتمادات."
            ),
            summary_fr=(
                "Transmettre les engagements de dépenses aux contrôleurs financiers et les viser "
                "électroniquement, avec un suivi en temps réel de la consommation des crédits."
            ),
            procedure_ar="تأشيرة الالتزام بالنفقات",
            procedure_fr="Visa des engagements de dépenses",
            beneficiaries_ar="الآمرون بالصرف والمراقبون الماليون",
            beneficiaries_fr="Ordonnateurs et contrôleurs financiers",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("data_science",),
            title_ar="قاعدة بيانات وطنية للأسعار والقيم الجمركية",
            title_fr="Base de données nationale des prix et des valeurs en douane",
            summary_ar=(
                "بناء مرجع للقيم المصرح بها عند الاستيراد لكشف التصريحات الناقصة للقيمة ومكافحة "
                "تضخيم الفواتير."
            ),
            summary_fr=(
                "Constituer un référentiel des valeurs déclarées à l'importation pour détecter les "
                "sous-évaluations et lutter contre la surfacturation."
            ),
            procedure_ar="مراقبة القيمة لدى الجمارك",
            procedure_fr="Contrôle de la valeur en douane",
            beneficiaries_ar="مصالح الجمارك",
            beneficiaries_fr="Services des douanes",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط الإلكتروني بين الخزينة العمومية وبنك الجزائر",
            title_fr="Interconnexion électronique du Trésor public avec la Banque d'Algérie",
            summary_ar=(
                "تبادل أوامر الدفع وكشوف الحسابات آنيا بين الخزينة وبنك الجزائر عبر قناة مؤمنة."
            ),
            summary_fr=(
                "Échanger en temps réel les ordres de paiement et les relevés de comptes entre le "
                "Trésor et la Banque d'Algérie par un canal sécurisé."
            ),
            procedure_ar="تسوية عمليات الخزينة",
            procedure_fr="Règlement des opérations du Trésor",
            beneficiaries_ar="الخزينة العمومية وبنك الجزائر",
            beneficiaries_fr="Trésor public et Banque d'Algérie",
            partners="Banque d'Algérie",
        ),
    ),
    "MICLAT": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("interoperability", "e_signature"),
            title_ar="منصة رقمية لطلب شهادة الميلاد عن بعد",
            title_fr="Plateforme de demande à distance de l'acte de naissance",
            summary_ar=(
                "تمكين المواطن من طلب شهادة ميلاده واستلامها موقعة إلكترونيا انطلاقا من السجل "
                "الوطني الآلي للحالة المدنية، دون التنقل إلى البلدية."
            ),
            summary_fr=(
                "Permettre au citoyen de demander son acte de naissance et de le recevoir signé "
                "électroniquement à partir du registre national automatisé de l'état civil, sans "
                "se déplacer à la commune."
            ),
            procedure_ar="استخراج وثائق الحالة المدنية",
            procedure_fr="Délivrance des documents d'état civil",
            beneficiaries_ar="المواطنون داخل الوطن وخارجه",
            beneficiaries_fr="Citoyens résidant en Algérie et à l'étranger",
            partners="Communes, Ministère des Affaires étrangères",
            fixed={
                "status": "in_progress",
                "progress": 70,
                "priority": "high",
                "start": date(2021, 1, 1),
                "end": date(2021, 9, 30),
            },
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=(),
            title_ar="منصة رقمية لمتابعة طلبات جواز السفر البيومتري",
            title_fr="Plateforme de suivi des demandes de passeport biométrique",
            summary_ar=(
                "إعلام صاحب الطلب آنيا بمراحل معالجة ملفه وبموعد استلام جواز سفره عبر الرسائل "
                "القصيرة والبريد الإلكتروني."
            ),
            summary_fr=(
                "Informer le demandeur en temps réel de l'avancement de son dossier et de la date "
                "de retrait de son passeport, par SMS et par courriel."
            ),
            procedure_ar="استخراج جواز السفر البيومتري",
            procedure_fr="Délivrance du passeport biométrique",
            beneficiaries_ar="طالبو جواز السفر",
            beneficiaries_fr="Demandeurs de passeport",
            partners="Daïras, postes consulaires",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لاستخراج شهادة الإقامة عن بعد",
            title_fr="Plateforme de délivrance à distance du certificat de résidence",
            summary_ar=(
                "استخراج شهادة الإقامة إلكترونيا بعد التحقق الآلي من عنوان المواطن، مع رمز تحقق "
                "يسمح للإدارات بالتأكد من صحتها."
            ),
            summary_fr=(
                "Délivrer le certificat de résidence en ligne après vérification automatique de "
                "l'adresse du citoyen, avec un code de vérification permettant aux administrations "
                "d'en contrôler l'authenticité."
            ),
            procedure_ar="استخراج شهادة الإقامة",
            procedure_fr="Délivrance du certificat de résidence",
            beneficiaries_ar="المواطنون",
            beneficiaries_fr="Citoyens",
            partners="Communes",
        ),
        _Spec(
            target=_CIT,
            kind=_MA,
            technologies=("mobile",),
            title_ar="تطبيق هاتف محمول للتكفل بانشغالات المواطنين وشكاويهم",
            title_fr=(
                "Application mobile de prise en charge des préoccupations et réclamations des "
                "citoyens"
            ),
            summary_ar=(
                "تمكين المواطن من رفع انشغالاته إلى مصالح البلدية والولاية ومتابعة الرد عليها، مع "
                "لوحة قيادة لفائدة الولاة."
            ),
            summary_fr=(
                "Permettre au citoyen de soumettre ses préoccupations aux services de la commune "
                "et de la wilaya et d'en suivre le traitement, avec un tableau de bord destiné aux "
                "walis."
            ),
            procedure_ar="تقديم الشكاوى والعرائض",
            procedure_fr="Dépôt des réclamations et doléances",
            beneficiaries_ar="المواطنون",
            beneficiaries_fr="Citoyens",
            partners="Wilayas, communes",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar=(
                "الربط الآلي بين المؤسسات الاستشفائية ومصالح الحالة المدنية للتصريح بالولادات "
                "والوفيات"
            ),
            title_fr=(
                "Interconnexion des établissements hospitaliers avec l'état civil pour la "
                "déclaration des naissances et des décès"
            ),
            summary_ar=(
                "تسجيل الولادات والوفيات مباشرة من المؤسسة الاستشفائية في السجل الوطني الآلي "
                "للحالة المدنية، لتفادي الأخطاء والتنقلات."
            ),
            summary_fr=(
                "Enregistrer les naissances et les décès directement depuis l'établissement "
                "hospitalier dans le registre national automatisé de l'état civil, afin d'éviter "
                "les erreurs et les déplacements."
            ),
            procedure_ar="التصريح بالولادات والوفيات",
            procedure_fr="Déclaration des naissances et des décès",
            beneficiaries_ar="البلديات والمؤسسات الاستشفائية",
            beneficiaries_fr="Communes et établissements hospitaliers",
            partners="Ministère de la Santé",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("cloud",),
            title_ar="استكمال رقمنة سجلات الحالة المدنية القديمة",
            title_fr="Achèvement de la numérisation des anciens registres d'état civil",
            summary_ar=(
                "رقمنة سجلات الحالة المدنية المحررة يدويا والتي لم تدمج بعد، وإدراجها في السجل "
                "الوطني الآلي للحالة المدنية."
            ),
            summary_fr=(
                "Numériser les registres d'état civil manuscrits non encore intégrés et les verser "
                "au registre national automatisé de l'état civil."
            ),
            procedure_ar="ضبط عقود الحالة المدنية",
            procedure_fr="Tenue des actes d'état civil",
            beneficiaries_ar="مصالح الحالة المدنية للبلديات",
            beneficiaries_fr="Services d'état civil des communes",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("data_science",),
            title_ar="منصة رقمية لمتابعة برامج التنمية في مناطق الظل",
            title_fr="Plateforme de suivi des programmes de développement des zones d'ombre",
            summary_ar=(
                "متابعة تقدم العمليات التنموية المسجلة لفائدة مناطق الظل على مستوى كل ولاية، "
                "وتحليل مؤشرات الإنجاز."
            ),
            summary_fr=(
                "Suivre l'avancement des opérations de développement inscrites au profit des zones "
                "d'ombre dans chaque wilaya et analyser les indicateurs de réalisation."
            ),
            procedure_ar="متابعة العمليات التنموية المحلية",
            procedure_fr="Suivi des opérations de développement local",
            beneficiaries_ar="الولايات والبلديات ومصالح الوزارة",
            beneficiaries_fr="Wilayas, communes et services du ministère",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="نظام معلومات لتسيير المالية والجباية المحلية",
            title_fr="Système d'information de gestion des finances et de la fiscalité locales",
            summary_ar=(
                "توحيد تسيير ميزانيات البلديات وتحصيل مواردها الجبائية، مع تبادل المعطيات مع "
                "الخزينة ومصالح الضرائب."
            ),
            summary_fr=(
                "Harmoniser la gestion des budgets communaux et le recouvrement de leurs "
                "ressources fiscales, avec échange de données avec le Trésor et les services des "
                "impôts."
            ),
            procedure_ar="إعداد ميزانية البلدية وتنفيذها",
            procedure_fr="Élaboration et exécution du budget communal",
            beneficiaries_ar="البلديات والخزائن البلدية",
            beneficiaries_fr="Communes et trésoreries communales",
            partners="Ministère des Finances",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="البطاقية الوطنية لترقيم المركبات",
            title_fr="Fichier national d'immatriculation des véhicules",
            summary_ar=(
                "بطاقية مركزية موحدة للبطاقات الرمادية تتقاسمها مصالح الولايات مع مصالح الأمن "
                "الوطني والدرك الوطني."
            ),
            summary_fr=(
                "Fichier central unique des cartes grises partagé par les services des wilayas "
                "avec la Sûreté nationale et la Gendarmerie nationale."
            ),
            procedure_ar="ترقيم المركبات",
            procedure_fr="Immatriculation des véhicules",
            beneficiaries_ar="مصالح التنظيم والأمن",
            beneficiaries_fr="Services de la réglementation et de sécurité",
            partners="DGSN, Gendarmerie nationale",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=("cloud",),
            title_ar="عصرنة شبكة الاتصالات المؤمنة بين الإدارة المركزية والولايات",
            title_fr=(
                "Modernisation du réseau de communication sécurisé entre l'administration centrale "
                "et les wilayas"
            ),
            summary_ar=(
                "رفع سعة الشبكة وتأمينها لتحمل الخدمات الرقمية الجديدة وعقد الاجتماعات عن بعد مع "
                "58 ولاية."
            ),
            summary_fr=(
                "Augmenter la capacité du réseau et le sécuriser pour supporter les nouveaux "
                "services numériques et la visioconférence avec les 58 wilayas."
            ),
            procedure_ar="تبادل المراسلات بين الإدارة المركزية والولايات",
            procedure_fr="Échanges entre l'administration centrale et les wilayas",
            beneficiaries_ar="الإدارة المركزية والولايات",
            beneficiaries_fr="Administration centrale et wilayas",
            partners="Algérie Télécom",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات لتسيير الأخطار الكبرى والإنذار المبكر",
            title_fr="Système d'information de gestion des risques majeurs et d'alerte précoce",
            summary_ar=(
                "تجميع معطيات الأخطار الطبيعية والتكنولوجية وتنسيق تدخلات الحماية المدنية والسلطات "
                "المحلية عند وقوع الكوارث."
            ),
            summary_fr=(
                "Centraliser les données sur les risques naturels et technologiques et coordonner "
                "les interventions de la protection civile et des autorités locales en cas de "
                "catastrophe."
            ),
            procedure_ar="تنسيق عمليات الإسعاف والنجدة",
            procedure_fr="Coordination des opérations de secours",
            beneficiaries_ar="الحماية المدنية والسلطات المحلية",
            beneficiaries_fr="Protection civile et autorités locales",
            partners="Direction générale de la protection civile",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية للجماعات المحلية",
            title_fr=(
                "Système d'information de gestion des ressources humaines des collectivités locales"
            ),
            summary_ar=(
                "مسك الملفات الإدارية لموظفي البلديات والولايات ومتابعة المناصب المالية والتعداد "
                "الحقيقي."
            ),
            summary_fr=(
                "Tenir les dossiers administratifs des fonctionnaires des communes et des wilayas "
                "et suivre les postes budgétaires et les effectifs réels."
            ),
            procedure_ar="تسيير مستخدمي الجماعات المحلية",
            procedure_fr="Gestion des personnels des collectivités locales",
            beneficiaries_ar="موظفو البلديات والولايات",
            beneficiaries_fr="Fonctionnaires des communes et des wilayas",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات جغرافي للتهيئة العمرانية",
            title_fr="Système d'information géographique pour l'aménagement du territoire",
            summary_ar=(
                "إعداد قاعدة معطيات جغرافية موحدة للمخططات الولائية للتهيئة، تسمح بتحليل توزيع "
                "المرافق والتجهيزات العمومية."
            ),
            summary_fr=(
                "Constituer une base de données géographique unifiée des plans d'aménagement de "
                "wilaya, permettant d'analyser la répartition des équipements publics."
            ),
            procedure_ar="إعداد مخططات تهيئة الإقليم",
            procedure_fr="Élaboration des plans d'aménagement du territoire",
            beneficiaries_ar="مصالح التهيئة العمرانية والولايات",
            beneficiaries_fr="Services de l'aménagement du territoire et wilayas",
            partners="Agence spatiale algérienne",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة إلكترونية لتسيير البريد الإداري للولايات",
            title_fr="Plateforme de gestion électronique du courrier administratif des wilayas",
            summary_ar=(
                "تسجيل البريد الوارد والصادر وتوجيهه ومتابعة معالجته إلكترونيا بين ديوان الوالي "
                "والمديريات التنفيذية."
            ),
            summary_fr=(
                "Enregistrer, orienter et suivre le traitement du courrier entrant et sortant "
                "entre le cabinet du wali et les directions exécutives."
            ),
            procedure_ar="معالجة البريد الإداري",
            procedure_fr="Traitement du courrier administratif",
            beneficiaries_ar="مصالح الولاية والمديريات التنفيذية",
            beneficiaries_fr="Services de la wilaya et directions exécutives",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين السجل الوطني للحالة المدنية وهيئات الضمان الاجتماعي",
            title_fr=(
                "Interconnexion du registre national de l'état civil avec les organismes de "
                "sécurité sociale"
            ),
            summary_ar=(
                "إتاحة الاطلاع المؤمن على معطيات الحالة المدنية لهيئات الضمان الاجتماعي، بما يعفي "
                "المؤمن لهم من تقديم شهادات الميلاد والوفاة الورقية."
            ),
            summary_fr=(
                "Ouvrir une consultation sécurisée des données d'état civil aux organismes de "
                "sécurité sociale, afin de dispenser les assurés de fournir des actes de naissance "
                "et de décès sur papier."
            ),
            procedure_ar="تكوين ملفات الضمان الاجتماعي",
            procedure_fr="Constitution des dossiers de sécurité sociale",
            beneficiaries_ar="هيئات الضمان الاجتماعي",
            beneficiaries_fr="Organismes de sécurité sociale",
            partners="Ministère du Travail, de l'Emploi et de la Sécurité sociale",
        ),
    ),
    "MJ": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_signature", "interoperability"),
            title_ar="منصة رقمية لسحب صحيفة السوابق العدلية عن بعد",
            title_fr="Plateforme de retrait à distance de l'extrait du casier judiciaire",
            summary_ar=(
                "تمكين المواطن من طلب صحيفة السوابق العدلية (القسيمة رقم 3) وسحبها موقعة إلكترونيا "
                "من أي مكان، بما في ذلك أفراد الجالية المقيمة بالخارج."
            ),
            summary_fr=(
                "Permettre au citoyen de demander l'extrait du casier judiciaire (bulletin n° 3) "
                "et de le retirer signé électroniquement de n'importe où, y compris depuis "
                "l'étranger."
            ),
            procedure_ar="استخراج صحيفة السوابق العدلية",
            procedure_fr="Délivrance de l'extrait du casier judiciaire",
            beneficiaries_ar="المواطنون والجالية الوطنية بالخارج",
            beneficiaries_fr="Citoyens et communauté nationale à l'étranger",
            partners="",
            fixed={
                "status": "in_progress",
                "progress": 80,
                "priority": "high",
                "start": date(2021, 1, 1),
                "end": date(2021, 6, 30),
            },
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لطلب شهادة الجنسية عن بعد",
            title_fr="Plateforme de demande à distance du certificat de nationalité",
            summary_ar=(
                "إيداع طلب شهادة الجنسية الجزائرية إلكترونيا واستلامها موقعة إلكترونيا بعد دراسة "
                "الملف من طرف المحكمة المختصة."
            ),
            summary_fr=(
                "Déposer en ligne la demande de certificat de nationalité algérienne et le "
                "recevoir signé électroniquement après examen du dossier par le tribunal "
                "compétent."
            ),
            procedure_ar="استخراج شهادة الجنسية",
            procedure_fr="Délivrance du certificat de nationalité",
            beneficiaries_ar="المواطنون",
            beneficiaries_fr="Citoyens",
            partners="",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=(),
            title_ar="بوابة المتقاضي لمتابعة القضايا وسحب نسخ الأحكام",
            title_fr=(
                "Portail du justiciable pour le suivi des affaires et le retrait des copies de "
                "jugements"
            ),
            summary_ar=(
                "متابعة مآل القضايا وتواريخ الجلسات عن بعد، وطلب نسخ الأحكام والقرارات دون التنقل "
                "إلى أمانات الضبط."
            ),
            summary_fr=(
                "Suivre à distance l'état des affaires et les dates d'audience et demander les "
                "copies des jugements et arrêts sans se rendre aux greffes."
            ),
            procedure_ar="متابعة القضايا وسحب الأحكام",
            procedure_fr="Suivi des affaires et retrait des jugements",
            beneficiaries_ar="المتقاضون والمحامون",
            beneficiaries_fr="Justiciables et avocats",
            partners="Union nationale des ordres des avocats",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط الإلكتروني بين الجهات القضائية ومصالح الشرطة القضائية",
            title_fr=(
                "Interconnexion électronique des juridictions avec les services de police "
                "judiciaire"
            ),
            summary_ar=(
                "إرسال المحاضر والإجراءات من مصالح الشرطة القضائية إلى النيابات إلكترونيا وتتبع "
                "مآلها."
            ),
            summary_fr=(
                "Transmettre électroniquement les procès-verbaux et les procédures des services de "
                "police judiciaire aux parquets et en suivre les suites."
            ),
            procedure_ar="إحالة المحاضر على النيابة",
            procedure_fr="Transmission des procès-verbaux au parquet",
            beneficiaries_ar="النيابات العامة ومصالح الشرطة القضائية",
            beneficiaries_fr="Parquets et services de police judiciaire",
            partners="DGSN, Gendarmerie nationale",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الملف القضائي من التسجيل إلى التنفيذ",
            title_fr="Système de gestion du dossier judiciaire, de l'enrôlement à l'exécution",
            summary_ar=(
                "رقمنة مسار القضية داخل الجهات القضائية، بما يشمل الجدولة وتحرير الأحكام وتسجيلها "
                "وتنفيذها."
            ),
            summary_fr=(
                "Dématérialiser le circuit de l'affaire au sein des juridictions, y compris "
                "l'enrôlement, la rédaction des jugements, leur enregistrement et leur exécution."
            ),
            procedure_ar="تسيير القضايا على مستوى أمانات الضبط",
            procedure_fr="Gestion des affaires au niveau des greffes",
            beneficiaries_ar="القضاة وأمناء الضبط",
            beneficiaries_fr="Magistrats et greffiers",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=(),
            title_ar="تعميم المحاكمة عن بعد عبر تقنية المحادثة المرئية",
            title_fr="Généralisation du procès à distance par visioconférence",
            summary_ar=(
                "تجهيز المحاكم والمؤسسات العقابية بقاعات للمحادثة المرئية لسماع المحبوسين والشهود "
                "دون نقلهم."
            ),
            summary_fr=(
                "Équiper les tribunaux et les établissements pénitentiaires de salles de "
                "visioconférence pour entendre les détenus et les témoins sans les transférer."
            ),
            procedure_ar="استخراج المحبوسين وسماع الشهود",
            procedure_fr="Extraction des détenus et audition des témoins",
            beneficiaries_ar="الجهات القضائية والمؤسسات العقابية",
            beneficiaries_fr="Juridictions et établissements pénitentiaires",
            partners="Algérie Télécom",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المؤسسات العقابية ووضعية المحبوسين",
            title_fr=(
                "Système d'information de gestion des établissements pénitentiaires et de la "
                "situation des détenus"
            ),
            summary_ar=(
                "مسك الملف الرقمي للمحبوس ومتابعة وضعيته الجزائية والإفراج عنه وبرامج إعادة "
                "الإدماج."
            ),
            summary_fr=(
                "Tenir le dossier numérique du détenu et suivre sa situation pénale, sa libération "
                "et les programmes de réinsertion."
            ),
            procedure_ar="تسيير وضعية المحبوسين",
            procedure_fr="Gestion de la situation des détenus",
            beneficiaries_ar="المديرية العامة لإدارة السجون وإعادة الإدماج",
            beneficiaries_fr=(
                "Direction générale de l'administration pénitentiaire et de la réinsertion"
            ),
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("cloud",),
            title_ar="رقمنة أرشيف الجهات القضائية",
            title_fr="Numérisation des archives des juridictions",
            summary_ar=(
                "رقمنة الأحكام والقرارات القديمة وفهرستها للاطلاع السريع عليها وتسليم نسخها."
            ),
            summary_fr=(
                "Numériser et indexer les jugements et arrêts anciens afin d'en permettre la "
                "consultation rapide et la délivrance de copies."
            ),
            procedure_ar="تسليم نسخ الأحكام القديمة",
            procedure_fr="Délivrance des copies d'anciens jugements",
            beneficiaries_ar="أمانات الضبط",
            beneficiaries_fr="Greffes",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability", "e_signature"),
            title_ar="ربط صحيفة السوابق العدلية الوطنية الآلية بالإدارات المخولة",
            title_fr=(
                "Interconnexion du casier judiciaire national automatisé avec les administrations "
                "habilitées"
            ),
            summary_ar=(
                "إتاحة الاطلاع المؤمن على القسيمة رقم 2 للإدارات المخولة قانونا في إطار ملفات "
                "التوظيف والاعتماد."
            ),
            summary_fr=(
                "Ouvrir aux administrations légalement habilitées la consultation sécurisée du "
                "bulletin n° 2 dans le cadre des dossiers de recrutement et d'agrément."
            ),
            procedure_ar="التحقق من السوابق العدلية في ملفات التوظيف",
            procedure_fr="Vérification des antécédents dans les dossiers de recrutement",
            beneficiaries_ar="الإدارات والهيئات العمومية",
            beneficiaries_fr="Administrations et organismes publics",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("ai", "data_science"),
            title_ar="نظام للبحث في الاجتهاد القضائي والنصوص القانونية",
            title_fr="Système de recherche de la jurisprudence et des textes juridiques",
            summary_ar=(
                "قاعدة بيانات مفهرسة لقرارات المحكمة العليا ومجلس الدولة، مزودة بمحرك بحث ذكي "
                "لمساعدة القضاة."
            ),
            summary_fr=(
                "Base de données indexée des arrêts de la Cour suprême et du Conseil d'État, dotée "
                "d'un moteur de recherche intelligent au service des magistrats."
            ),
            procedure_ar="البحث في الاجتهاد القضائي",
            procedure_fr="Recherche jurisprudentielle",
            beneficiaries_ar="القضاة",
            beneficiaries_fr="Magistrats",
            partners="Cour suprême, Conseil d'État",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المسار المهني للقضاة وموظفي أمانات الضبط",
            title_fr=(
                "Système de gestion de la carrière des magistrats et des personnels des greffes"
            ),
            summary_ar=(
                "متابعة التعيينات والتحويلات والترقيات والتكوين المستمر لفائدة القضاة والموظفين."
            ),
            summary_fr=(
                "Suivre les nominations, les mutations, les promotions et la formation continue "
                "des magistrats et des fonctionnaires."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="القضاة وموظفو أمانات الضبط",
            beneficiaries_fr="Magistrats et personnels des greffes",
            partners="École supérieure de la magistrature",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة رقمية لتبادل الوثائق مع الموثقين والمحضرين القضائيين",
            title_fr=(
                "Plateforme d'échange dématérialisé avec les notaires et les huissiers de justice"
            ),
            summary_ar=(
                "تمكين المساعدين القضائيين من إيداع العقود والمحاضر وتلقي الوثائق من الجهات "
                "القضائية إلكترونيا."
            ),
            summary_fr=(
                "Permettre aux auxiliaires de justice de déposer leurs actes et procès-verbaux et "
                "de recevoir les documents des juridictions par voie électronique."
            ),
            procedure_ar="إيداع العقود والمحاضر",
            procedure_fr="Dépôt des actes et procès-verbaux",
            beneficiaries_ar="الموثقون والمحضرون القضائيون",
            beneficiaries_fr="Notaires et huissiers de justice",
            partners="Chambre nationale des notaires, Chambre nationale des huissiers de justice",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=("e_signature",),
            title_ar="تعميم التوقيع والتصديق الإلكترونيين في الجهات القضائية",
            title_fr=(
                "Généralisation de la signature et de la certification électroniques dans les "
                "juridictions"
            ),
            summary_ar=(
                "تزويد القضاة وأمناء الضبط بشهادات التوقيع الإلكتروني لتوقيع الوثائق القضائية "
                "المسلمة عن بعد."
            ),
            summary_fr=(
                "Doter les magistrats et les greffiers de certificats de signature électronique "
                "pour signer les documents judiciaires délivrés à distance."
            ),
            procedure_ar="توقيع الوثائق القضائية",
            procedure_fr="Signature des documents judiciaires",
            beneficiaries_ar="القضاة وأمناء الضبط",
            beneficiaries_fr="Magistrats et greffiers",
            partners="Autorité gouvernementale de certification électronique",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("data_science",),
            title_ar="لوحة قيادة إحصائية لنشاط الجهات القضائية",
            title_fr="Tableau de bord statistique de l'activité des juridictions",
            summary_ar=(
                "تجميع مؤشرات النشاط القضائي آليا من أنظمة المحاكم لقياس آجال الفصل في القضايا "
                "وعبء العمل."
            ),
            summary_fr=(
                "Agréger automatiquement les indicateurs d'activité judiciaire à partir des "
                "systèmes des tribunaux pour mesurer les délais de jugement et la charge de "
                "travail."
            ),
            procedure_ar="إعداد الإحصائيات القضائية",
            procedure_fr="Production des statistiques judiciaires",
            beneficiaries_ar="الإدارة المركزية ورؤساء الجهات القضائية",
            beneficiaries_fr="Administration centrale et chefs de juridictions",
            partners="",
        ),
    ),
    "MSPRH": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("mobile",),
            title_ar="منصة رقمية لحجز المواعيد الطبية في المؤسسات الاستشفائية",
            title_fr=(
                "Plateforme de prise de rendez-vous médicaux dans les établissements hospitaliers"
            ),
            summary_ar=(
                "حجز مواعيد الفحوص المتخصصة عن بعد عبر الحاسوب أو الهاتف، وتقليص فترات الانتظار في "
                "المصالح الاستشفائية."
            ),
            summary_fr=(
                "Réserver à distance les consultations spécialisées depuis un ordinateur ou un "
                "téléphone et réduire les temps d'attente dans les services hospitaliers."
            ),
            procedure_ar="أخذ موعد للفحص الطبي المتخصص",
            procedure_fr="Prise de rendez-vous de consultation spécialisée",
            beneficiaries_ar="المرضى",
            beneficiaries_fr="Patients",
            partners="",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة رقمية للتسجيل في حملة التلقيح ضد فيروس كورونا",
            title_fr="Plateforme d'inscription à la campagne de vaccination contre la COVID-19",
            summary_ar=(
                "تسجيل المواطنين الراغبين في التلقيح وتحديد المواعيد حسب الأولوية ومتابعة الجرعات "
                "المقدمة."
            ),
            summary_fr=(
                "Inscrire les citoyens souhaitant se faire vacciner, fixer les rendez-vous selon "
                "les priorités et suivre les doses administrées."
            ),
            procedure_ar="التسجيل في التلقيح",
            procedure_fr="Inscription à la vaccination",
            beneficiaries_ar="المواطنون",
            beneficiaries_fr="Citoyens",
            partners="Institut Pasteur d'Algérie",
            fixed={
                "status": "in_progress",
                "progress": 35,
                "priority": "high",
                "start": date(2021, 1, 15),
                "end": date(2021, 12, 31),
            },
        ),
        _Spec(
            target=_CIT,
            kind=_IS,
            technologies=("interoperability", "cloud"),
            title_ar="الملف الطبي الإلكتروني للمريض",
            title_fr="Dossier médical électronique du patient",
            summary_ar=(
                "ملف طبي رقمي موحد يرافق المريض بين المؤسسات الصحية، ويمكنه من الاطلاع على نتائج "
                "تحاليله ووصفاته الطبية."
            ),
            summary_fr=(
                "Dossier médical numérique unique qui suit le patient d'un établissement de santé "
                "à l'autre et lui permet de consulter ses résultats d'analyses et ses ordonnances."
            ),
            procedure_ar="نقل الملف الطبي بين المؤسسات الصحية",
            procedure_fr="Transfert du dossier médical entre établissements de santé",
            beneficiaries_ar="المرضى ومهنيو الصحة",
            beneficiaries_fr="Patients et professionnels de santé",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام المعلومات الاستشفائي لتسيير قبول المرضى وحركتهم",
            title_fr=(
                "Système d'information hospitalier de gestion des admissions et du mouvement des "
                "malades"
            ),
            summary_ar=(
                "تسيير الدخول والخروج والتحويلات بين المصالح، ومتابعة توفر الأسرة في الوقت الحقيقي."
            ),
            summary_fr=(
                "Gérer les admissions, les sorties et les transferts entre services et suivre la "
                "disponibilité des lits en temps réel."
            ),
            procedure_ar="قبول المرضى وتحويلهم",
            procedure_fr="Admission et transfert des malades",
            beneficiaries_ar="المؤسسات الاستشفائية",
            beneficiaries_fr="Établissements hospitaliers",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("data_science", "interoperability"),
            title_ar="النظام الوطني لليقظة الصحية والإنذار الوبائي",
            title_fr="Système national de veille sanitaire et d'alerte épidémiologique",
            summary_ar=(
                "جمع التصريحات بالأمراض المتنقلة من المؤسسات الصحية آنيا وتحليلها لاكتشاف البؤر "
                "مبكرا."
            ),
            summary_fr=(
                "Collecter en temps réel les déclarations de maladies transmissibles des "
                "établissements de santé et les analyser pour détecter précocement les foyers."
            ),
            procedure_ar="التصريح الإجباري بالأمراض المتنقلة",
            procedure_fr="Déclaration obligatoire des maladies transmissibles",
            beneficiaries_ar="مديريات الصحة والمعهد الوطني للصحة العمومية",
            beneficiaries_fr="Directions de la santé et Institut national de santé publique",
            partners="INSP, Institut Pasteur d'Algérie",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين المؤسسات الصحية وهيئات الضمان الاجتماعي في إطار التعاقد",
            title_fr=(
                "Interconnexion des établissements de santé avec la sécurité sociale dans le cadre "
                "de la contractualisation"
            ),
            summary_ar=(
                "تبادل معطيات العلاج والفوترة بين المستشفيات والصندوق الوطني للتأمينات الاجتماعية "
                "للعمال الأجراء بواسطة بطاقة الشفاء."
            ),
            summary_fr=(
                "Échanger les données de soins et de facturation entre les hôpitaux et la CNAS au "
                "moyen de la carte Chifa."
            ),
            procedure_ar="التكفل المالي بالعلاج في المستشفيات",
            procedure_fr="Prise en charge financière des soins hospitaliers",
            beneficiaries_ar="المستشفيات وهيئات الضمان الاجتماعي",
            beneficiaries_fr="Hôpitaux et organismes de sécurité sociale",
            partners="CNAS, CASNOS",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الأدوية والمواد الصيدلانية في المستشفيات",
            title_fr=(
                "Système de gestion des médicaments et produits pharmaceutiques dans les hôpitaux"
            ),
            summary_ar=(
                "متابعة المخزون والاستهلاك وتواريخ الصلاحية في صيدليات المستشفيات، بالتنسيق مع "
                "الصيدلية المركزية للمستشفيات."
            ),
            summary_fr=(
                "Suivre les stocks, la consommation et les dates de péremption dans les pharmacies "
                "hospitalières, en lien avec la Pharmacie centrale des hôpitaux."
            ),
            procedure_ar="تموين المستشفيات بالأدوية",
            procedure_fr="Approvisionnement des hôpitaux en médicaments",
            beneficiaries_ar="صيدليات المستشفيات",
            beneficiaries_fr="Pharmacies hospitalières",
            partners="Pharmacie centrale des hôpitaux",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("data_science",),
            title_ar="السجل الوطني للسرطان",
            title_fr="Registre national du cancer",
            summary_ar=(
                "تجميع معطيات حالات السرطان من السجلات الجهوية في قاعدة وطنية، دعما للمخطط الوطني "
                "لمكافحة السرطان."
            ),
            summary_fr=(
                "Regrouper les données des cas de cancer issues des registres régionaux dans une "
                "base nationale, à l'appui du plan national de lutte contre le cancer."
            ),
            procedure_ar="التصريح بحالات السرطان",
            procedure_fr="Déclaration des cas de cancer",
            beneficiaries_ar="الهياكل الصحية والباحثون",
            beneficiaries_fr="Structures de santé et chercheurs",
            partners="INSP",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("cloud",),
            title_ar="منصة الطب عن بعد لربط مستشفيات الجنوب بالمراكز الاستشفائية الجامعية",
            title_fr=(
                "Plateforme de télémédecine reliant les hôpitaux du Sud aux centres "
                "hospitalo-universitaires"
            ),
            summary_ar=(
                "تمكين أطباء الجنوب والهضاب العليا من طلب الخبرة الطبية عن بعد من الأطباء المختصين "
                "في المراكز الاستشفائية الجامعية."
            ),
            summary_fr=(
                "Permettre aux médecins du Sud et des Hauts-Plateaux de solliciter à distance "
                "l'expertise des spécialistes des centres hospitalo-universitaires."
            ),
            procedure_ar="توجيه المرضى نحو الاستشارة المتخصصة",
            procedure_fr="Orientation des malades vers la consultation spécialisée",
            beneficiaries_ar="المؤسسات الصحية في الجنوب والهضاب العليا",
            beneficiaries_fr="Établissements de santé du Sud et des Hauts-Plateaux",
            partners="Algérie Télécom",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع الصحة",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur de la Santé"
            ),
            summary_ar=(
                "تسيير المسار المهني للممارسين الطبيين وشبه الطبيين والإداريين، ومتابعة توزيع "
                "الأطباء المختصين عبر الولايات."
            ),
            summary_fr=(
                "Gérer la carrière des praticiens, des paramédicaux et des administratifs et "
                "suivre la répartition des médecins spécialistes à travers les wilayas."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="مستخدمو قطاع الصحة",
            beneficiaries_fr="Personnels de santé",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="الخريطة الصحية الرقمية",
            title_fr="Carte sanitaire numérique",
            summary_ar=(
                "تمثيل جغرافي للمنشآت الصحية وتجهيزاتها ومواردها البشرية، لتوجيه قرارات الاستثمار."
            ),
            summary_fr=(
                "Représenter géographiquement les structures de santé, leurs équipements et leurs "
                "ressources humaines afin d'orienter les décisions d'investissement."
            ),
            procedure_ar="تخطيط المنشآت الصحية",
            procedure_fr="Planification des structures de santé",
            beneficiaries_ar="الإدارة المركزية ومديريات الصحة",
            beneficiaries_fr="Administration centrale et directions de la santé",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة رقمية لتسيير ملفات التحويل للعلاج في الخارج",
            title_fr="Plateforme de gestion des dossiers de transfert pour soins à l'étranger",
            summary_ar=(
                "رقمنة دراسة ملفات التحويل للعلاج في الخارج من طرف اللجنة الطبية الوطنية، بالتنسيق "
                "مع هيئات الضمان الاجتماعي."
            ),
            summary_fr=(
                "Dématérialiser l'examen des dossiers de transfert pour soins à l'étranger par la "
                "commission médicale nationale, en coordination avec la sécurité sociale."
            ),
            procedure_ar="دراسة ملفات التحويل للعلاج في الخارج",
            procedure_fr="Examen des dossiers de transfert pour soins à l'étranger",
            beneficiaries_ar="اللجنة الطبية الوطنية وهيئات الضمان الاجتماعي",
            beneficiaries_fr="Commission médicale nationale et organismes de sécurité sociale",
            partners="CNAS",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=("cloud",),
            title_ar="ربط المؤسسات الاستشفائية بشبكة معلوماتية قطاعية مؤمنة",
            title_fr=(
                "Raccordement des établissements hospitaliers à un réseau informatique sectoriel "
                "sécurisé"
            ),
            summary_ar=(
                "ربط المؤسسات العمومية الاستشفائية بالإدارة المركزية عبر شبكة افتراضية خاصة تدعم "
                "تطبيقات القطاع."
            ),
            summary_fr=(
                "Raccorder les établissements publics hospitaliers à l'administration centrale par "
                "un réseau privé virtuel supportant les applications du secteur."
            ),
            procedure_ar="تبادل المعطيات الصحية",
            procedure_fr="Échange des données de santé",
            beneficiaries_ar="المؤسسات العمومية الاستشفائية",
            beneficiaries_fr="Établissements publics hospitaliers",
            partners="Algérie Télécom",
        ),
    ),
    "MEN": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("mobile",),
            title_ar="فضاء رقمي للأولياء لمتابعة نتائج التلاميذ وغياباتهم",
            title_fr=(
                "Espace numérique des parents pour le suivi des notes et des absences des élèves"
            ),
            summary_ar=(
                "تمكين الأولياء من الاطلاع على كشوف النقاط والغيابات والتواصل مع المؤسسة التربوية "
                "عبر الحاسوب أو الهاتف."
            ),
            summary_fr=(
                "Permettre aux parents de consulter les bulletins de notes et les absences et de "
                "communiquer avec l'établissement depuis un ordinateur ou un téléphone."
            ),
            procedure_ar="استلام كشوف النقاط",
            procedure_fr="Retrait des bulletins de notes",
            beneficiaries_ar="أولياء التلاميذ",
            beneficiaries_fr="Parents d'élèves",
            partners="",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_payment",),
            title_ar=(
                "منصة رقمية لتسجيل المترشحين الأحرار في امتحاني شهادة التعليم المتوسط والبكالوريا"
            ),
            title_fr=(
                "Plateforme d'inscription en ligne des candidats libres aux examens du BEM et du "
                "baccalauréat"
            ),
            summary_ar=(
                "إيداع ملفات الترشح ودفع حقوق التسجيل وسحب الاستدعاءات عن بعد عبر موقع الديوان "
                "الوطني للامتحانات والمسابقات."
            ),
            summary_fr=(
                "Déposer les candidatures, payer les droits d'inscription et retirer les "
                "convocations à distance sur le site de l'Office national des examens et concours."
            ),
            procedure_ar="التسجيل في الامتحانات الرسمية",
            procedure_fr="Inscription aux examens officiels",
            beneficiaries_ar="المترشحون الأحرار",
            beneficiaries_fr="Candidats libres",
            partners="ONEC, Algérie Poste",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="الرقمنة الشاملة لتسيير المؤسسات التربوية",
            title_fr="Numérisation intégrale de la gestion des établissements scolaires",
            summary_ar=(
                "تسيير التلاميذ والأساتذة والأقسام وجداول التوقيت والنتائج في نظام موحد على مستوى "
                "كل مؤسسة تربوية."
            ),
            summary_fr=(
                "Gérer les élèves, les enseignants, les classes, les emplois du temps et les "
                "résultats dans un système unique pour chaque établissement scolaire."
            ),
            procedure_ar="تسيير التمدرس",
            procedure_fr="Gestion de la scolarité",
            beneficiaries_ar="مديرو المؤسسات التربوية",
            beneficiaries_fr="Chefs d'établissements scolaires",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع التربية الوطنية",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur de "
                "l'Éducation nationale"
            ),
            summary_ar=(
                "تسيير المسار المهني لموظفي القطاع من التوظيف والتنقيط إلى الحركة التنقلية "
                "والتقاعد."
            ),
            summary_fr=(
                "Gérer la carrière des fonctionnaires du secteur, du recrutement et de la notation "
                "aux mutations et à la retraite."
            ),
            procedure_ar="تسيير الحركة التنقلية والمسار المهني",
            procedure_fr="Gestion des mutations et des carrières",
            beneficiaries_ar="موظفو قطاع التربية الوطنية",
            beneficiaries_fr="Personnels de l'Éducation nationale",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين قاعدة بيانات التلاميذ والديوان الوطني للامتحانات والمسابقات",
            title_fr=(
                "Interconnexion de la base de données des élèves avec l'Office national des "
                "examens et concours"
            ),
            summary_ar=(
                "استيراد قوائم المترشحين المتمدرسين آليا من قاعدة بيانات التلاميذ، لتفادي إعادة "
                "الحجز وأخطاء التسجيل."
            ),
            summary_fr=(
                "Importer automatiquement les listes des candidats scolarisés depuis la base des "
                "élèves, afin d'éviter les ressaisies et les erreurs d'inscription."
            ),
            procedure_ar="تسجيل المترشحين المتمدرسين في الامتحانات",
            procedure_fr="Inscription des candidats scolarisés aux examens",
            beneficiaries_ar="مديريات التربية والديوان الوطني للامتحانات والمسابقات",
            beneficiaries_fr="Directions de l'éducation et ONEC",
            partners="ONEC",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("cloud",),
            title_ar="منصة رقمية للتكوين عن بعد لفائدة الأساتذة",
            title_fr="Plateforme de formation à distance des enseignants",
            summary_ar=(
                "تقديم برامج التكوين البيداغوجي أثناء الخدمة عبر دروس مصورة وأقسام افتراضية."
            ),
            summary_fr=(
                "Dispenser la formation pédagogique continue des enseignants au moyen de cours "
                "vidéo et de classes virtuelles."
            ),
            procedure_ar="التكوين أثناء الخدمة",
            procedure_fr="Formation continue",
            beneficiaries_ar="الأساتذة والمفتشون",
            beneficiaries_fr="Enseignants et inspecteurs",
            partners="Office national d'enseignement et de formation à distance",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="البطاقية الوطنية للمؤسسات التربوية والهياكل المدرسية",
            title_fr="Fichier national des établissements et des infrastructures scolaires",
            summary_ar=(
                "جرد المدارس الابتدائية والمتوسطات والثانويات وطاقات استيعابها وحالة تجهيزاتها، "
                "تحضيرا للدخول المدرسي."
            ),
            summary_fr=(
                "Recenser les écoles primaires, les collèges et les lycées, leurs capacités "
                "d'accueil et l'état de leurs équipements, pour préparer la rentrée scolaire."
            ),
            procedure_ar="تحضير الدخول المدرسي",
            procedure_fr="Préparation de la rentrée scolaire",
            beneficiaries_ar="مديريات التربية",
            beneficiaries_fr="Directions de l'éducation",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("cloud",),
            title_ar="بنك رقمي للموارد البيداغوجية لفائدة الأساتذة",
            title_fr="Banque numérique de ressources pédagogiques pour les enseignants",
            summary_ar=(
                "وضع الوثائق المرافقة للمناهج والسندات التعليمية المعتمدة في متناول الأساتذة عبر "
                "منصة مركزية."
            ),
            summary_fr=(
                "Mettre à la disposition des enseignants les documents d'accompagnement des "
                "programmes et les supports pédagogiques validés, sur une plateforme centrale."
            ),
            procedure_ar="توزيع الوثائق البيداغوجية",
            procedure_fr="Diffusion des documents pédagogiques",
            beneficiaries_ar="الأساتذة",
            beneficiaries_fr="Enseignants",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="رقمنة تسيير الامتحانات المدرسية الرسمية",
            title_fr="Numérisation de la gestion des examens scolaires officiels",
            summary_ar="تسيير مراكز الإجراء والتصحيح وحجز النقاط آليا وإعلان النتائج في آجال أقصر.",
            summary_fr=(
                "Gérer les centres d'examen et de correction, saisir les notes de façon "
                "automatisée et proclamer les résultats dans des délais plus courts."
            ),
            procedure_ar="تنظيم الامتحانات الرسمية",
            procedure_fr="Organisation des examens officiels",
            beneficiaries_ar="الديوان الوطني للامتحانات والمسابقات",
            beneficiaries_fr="Office national des examens et concours",
            partners="ONEC",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين قطاع التربية والجماعات المحلية لتسيير الإطعام والنقل المدرسي",
            title_fr=(
                "Interconnexion entre l'Éducation et les collectivités locales pour la gestion de "
                "la restauration et du transport scolaires"
            ),
            summary_ar=(
                "تقاسم قوائم التلاميذ المستفيدين من الإطعام والنقل المدرسي مع البلديات، لضبط "
                "الاحتياجات وتوزيع الاعتمادات."
            ),
            summary_fr=(
                "Partager avec les communes les listes des élèves bénéficiaires de la restauration "
                "et du transport scolaires, pour ajuster les besoins et répartir les crédits."
            ),
            procedure_ar="تسيير الإطعام والنقل المدرسي",
            procedure_fr="Gestion de la restauration et du transport scolaires",
            beneficiaries_ar="البلديات ومديريات التربية",
            beneficiaries_fr="Communes et directions de l'éducation",
            partners="Ministère de l'Intérieur",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام إحصائي لمتابعة مؤشرات التمدرس والتسرب المدرسي",
            title_fr=(
                "Système statistique de suivi des indicateurs de scolarisation et du décrochage "
                "scolaire"
            ),
            summary_ar=(
                "حساب مؤشرات التمدرس والإعادة والتسرب آليا حسب الولاية والمؤسسة، لتوجيه برامج "
                "الدعم."
            ),
            summary_fr=(
                "Calculer automatiquement les indicateurs de scolarisation, de redoublement et "
                "d'abandon par wilaya et par établissement, pour orienter les programmes de "
                "soutien."
            ),
            procedure_ar="إعداد الإحصائيات التربوية",
            procedure_fr="Production des statistiques de l'éducation",
            beneficiaries_ar="مصالح التخطيط",
            beneficiaries_fr="Services de la planification",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=(),
            title_ar="ربط المؤسسات التربوية بشبكة الإنترنت ذات التدفق العالي",
            title_fr="Raccordement des établissements scolaires à l'internet haut débit",
            summary_ar=(
                "ربط الثانويات والمتوسطات ذات الأولوية بالإنترنت عبر الألياف البصرية، لتمكينها من "
                "استعمال الأنظمة الرقمية للقطاع."
            ),
            summary_fr=(
                "Raccorder les lycées et les collèges prioritaires à l'internet par fibre optique, "
                "pour leur permettre d'utiliser les systèmes numériques du secteur."
            ),
            procedure_ar="استعمال التطبيقات الرقمية في المؤسسات",
            procedure_fr="Usage des applications numériques dans les établissements",
            beneficiaries_ar="المؤسسات التربوية",
            beneficiaries_fr="Établissements scolaires",
            partners="Algérie Télécom",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="نظام رقمي لتسيير المراسلات بين الوزارة ومديريات التربية",
            title_fr=(
                "Système de gestion dématérialisée de la correspondance entre le ministère et les "
                "directions de l'éducation"
            ),
            summary_ar=(
                "تبادل المراسلات والمذكرات الوزارية إلكترونيا مع مديريات التربية للولايات، ومتابعة "
                "آجال الرد عليها."
            ),
            summary_fr=(
                "Échanger par voie électronique les correspondances et les notes ministérielles "
                "avec les directions de l'éducation de wilaya et suivre les délais de réponse."
            ),
            procedure_ar="تبادل المراسلات الإدارية",
            procedure_fr="Échange de correspondances administratives",
            beneficiaries_ar="الإدارة المركزية ومديريات التربية",
            beneficiaries_fr="Administration centrale et directions de l'éducation",
            partners="",
        ),
    ),
    "MESRS": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة التسجيلات الجامعية الأولى عن بعد للحاصلين الجدد على شهادة البكالوريا",
            title_fr="Plateforme d'inscription universitaire en ligne des nouveaux bacheliers",
            summary_ar=(
                "تمكين الناجحين في البكالوريا من ملء بطاقة الرغبات والاطلاع على نتائج التوجيه "
                "وتأكيد التسجيل دون التنقل."
            ),
            summary_fr=(
                "Permettre aux nouveaux bacheliers de saisir leur fiche de vœux, de consulter les "
                "résultats de l'orientation et de confirmer leur inscription sans se déplacer."
            ),
            procedure_ar="التسجيل الأولي والتوجيه الجامعي",
            procedure_fr="Préinscription et orientation universitaires",
            beneficiaries_ar="الحاصلون الجدد على البكالوريا",
            beneficiaries_fr="Nouveaux bacheliers",
            partners="ONEC, ONOU",
            fixed={
                "status": "in_progress",
                "progress": 50,
                "priority": "high",
                "start": date(2021, 2, 1),
                "end": date(2021, 9, 30),
            },
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لطلب معادلة الشهادات الأجنبية",
            title_fr="Plateforme de demande en ligne d'équivalence des diplômes étrangers",
            summary_ar=(
                "إيداع ملفات معادلة الشهادات المحصل عليها في الخارج ومتابعة دراستها، واستلام "
                "المقرر موقعا إلكترونيا."
            ),
            summary_fr=(
                "Déposer les dossiers d'équivalence des diplômes obtenus à l'étranger, suivre leur "
                "examen et recevoir la décision signée électroniquement."
            ),
            procedure_ar="معادلة الشهادات",
            procedure_fr="Équivalence des diplômes",
            beneficiaries_ar="حاملو الشهادات الأجنبية",
            beneficiaries_fr="Titulaires de diplômes étrangers",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("cloud",),
            title_ar="تعميم نظام المعلومات Progrès لتسيير المسار البيداغوجي للطلبة",
            title_fr=(
                "Généralisation du système d'information Progrès à la gestion du parcours "
                "pédagogique des étudiants"
            ),
            summary_ar=(
                "تسيير النقاط والمداولات والشهادات لجميع الطلبة في نظام واحد على مستوى كل المؤسسات "
                "الجامعية."
            ),
            summary_fr=(
                "Gérer les notes, les délibérations et les diplômes de tous les étudiants dans un "
                "système unique, dans l'ensemble des établissements universitaires."
            ),
            procedure_ar="المداولات وتسليم الشهادات",
            procedure_fr="Délibérations et délivrance des diplômes",
            beneficiaries_ar="المؤسسات الجامعية",
            beneficiaries_fr="Établissements universitaires",
            partners="CERIST",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar=(
                "الربط بين الجامعات والديوان الوطني للخدمات الجامعية لتسيير المنحة والإيواء والنقل"
            ),
            title_fr=(
                "Interconnexion des universités avec l'ONOU pour la gestion des bourses, de "
                "l'hébergement et du transport"
            ),
            summary_ar=(
                "منح الحقوق الاجتماعية للطلبة آليا انطلاقا من معطيات التسجيل، دون إيداع ملفات "
                "ورقية."
            ),
            summary_fr=(
                "Attribuer automatiquement les droits sociaux des étudiants à partir des données "
                "d'inscription, sans dossier papier."
            ),
            procedure_ar="طلب المنحة والإيواء الجامعي",
            procedure_fr="Demande de bourse et d'hébergement universitaire",
            beneficiaries_ar="الديوان الوطني للخدمات الجامعية والمؤسسات الجامعية",
            beneficiaries_fr=(
                "Office national des œuvres universitaires et établissements universitaires"
            ),
            partners="ONOU",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("cloud",),
            title_ar="المنصة الوطنية للتعليم عن بعد",
            title_fr="Plateforme nationale d'enseignement à distance",
            summary_ar=(
                "توحيد منصات التعليم الإلكتروني للمؤسسات الجامعية وإيواؤها في سحابة القطاع، لضمان "
                "استمرارية الدروس."
            ),
            summary_fr=(
                "Unifier les plateformes d'enseignement en ligne des établissements universitaires "
                "et les héberger dans le cloud du secteur, pour assurer la continuité des cours."
            ),
            procedure_ar="تقديم الدروس",
            procedure_fr="Dispense des enseignements",
            beneficiaries_ar="الأساتذة والطلبة",
            beneficiaries_fr="Enseignants et étudiants",
            partners="CERIST",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("open_data", "ai"),
            title_ar="المستودع الرقمي الوطني للأطروحات والمذكرات",
            title_fr="Dépôt numérique national des thèses et mémoires",
            summary_ar=(
                "إيداع الأطروحات إلكترونيا وإتاحتها للباحثين، مع الكشف الآلي عن السرقات العلمية."
            ),
            summary_fr=(
                "Déposer électroniquement les thèses, les mettre à la disposition des chercheurs "
                "et détecter automatiquement le plagiat."
            ),
            procedure_ar="إيداع الأطروحات",
            procedure_fr="Dépôt des thèses",
            beneficiaries_ar="الباحثون وطلبة الدكتوراه",
            beneficiaries_fr="Chercheurs et doctorants",
            partners="CERIST",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("cloud",),
            title_ar="تطوير النظام الوطني للتوثيق عبر الخط",
            title_fr="Évolution du Système national de documentation en ligne (SNDL)",
            summary_ar=(
                "توسيع الاشتراكات في قواعد البيانات العلمية الدولية وتعميم النفاذ إليها لفائدة "
                "المؤسسات الجامعية ومراكز البحث."
            ),
            summary_fr=(
                "Étendre les abonnements aux bases de données scientifiques internationales et en "
                "généraliser l'accès aux établissements universitaires et aux centres de "
                "recherche."
            ),
            procedure_ar="النفاذ إلى التوثيق العلمي",
            procedure_fr="Accès à la documentation scientifique",
            beneficiaries_ar="الأساتذة الباحثون",
            beneficiaries_fr="Enseignants-chercheurs",
            partners="CERIST",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات لتقييم مخابر ومشاريع البحث",
            title_fr=(
                "Système d'information d'évaluation des laboratoires et des projets de recherche"
            ),
            summary_ar="إيداع حصائل النشاط العلمي وتقييمها إلكترونيا من طرف اللجان القطاعية.",
            summary_fr=(
                "Déposer et évaluer en ligne les bilans d'activité scientifique par les "
                "commissions sectorielles."
            ),
            procedure_ar="تقييم مشاريع البحث",
            procedure_fr="Évaluation des projets de recherche",
            beneficiaries_ar="مخابر البحث",
            beneficiaries_fr="Laboratoires de recherche",
            partners="DGRSDT",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المسار المهني للأساتذة الباحثين",
            title_fr="Système d'information de gestion de la carrière des enseignants-chercheurs",
            summary_ar=(
                "متابعة التوظيف والترقية في الرتب والتأهيل الجامعي للأساتذة الباحثين عبر ملف رقمي "
                "موحد."
            ),
            summary_fr=(
                "Suivre le recrutement, la promotion de grade et l'habilitation universitaire des "
                "enseignants-chercheurs grâce à un dossier numérique unique."
            ),
            procedure_ar="الترقية في الرتب",
            procedure_fr="Promotion de grade",
            beneficiaries_ar="الأساتذة الباحثون",
            beneficiaries_fr="Enseignants-chercheurs",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=("cloud",),
            title_ar="مركز بيانات وسحابة خاصة لقطاع التعليم العالي",
            title_fr="Centre de données et cloud privé du secteur de l'Enseignement supérieur",
            summary_ar=(
                "إيواء التطبيقات الوطنية للقطاع في مركز بيانات مؤمن يحد من تعدد الخوادم في "
                "المؤسسات."
            ),
            summary_fr=(
                "Héberger les applications nationales du secteur dans un centre de données "
                "sécurisé qui limite la multiplication des serveurs dans les établissements."
            ),
            procedure_ar="إيواء التطبيقات",
            procedure_fr="Hébergement des applications",
            beneficiaries_ar="المؤسسات الجامعية ومراكز البحث",
            beneficiaries_fr="Établissements universitaires et centres de recherche",
            partners="CERIST",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability", "e_signature"),
            title_ar="منصة التحقق الإلكتروني من صحة الشهادات الجامعية",
            title_fr=(
                "Plateforme de vérification électronique de l'authenticité des diplômes "
                "universitaires"
            ),
            summary_ar=(
                "تمكين الإدارات والمستخدمين من التحقق الفوري من صحة الشهادات الجامعية الوطنية "
                "بواسطة رمز الاستجابة السريعة."
            ),
            summary_fr=(
                "Permettre aux administrations et aux employeurs de vérifier instantanément "
                "l'authenticité des diplômes universitaires nationaux au moyen d'un code QR."
            ),
            procedure_ar="التحقق من الشهادات في ملفات التوظيف",
            procedure_fr="Vérification des diplômes dans les dossiers de recrutement",
            beneficiaries_ar="الإدارات والمستخدمون",
            beneficiaries_fr="Administrations et employeurs",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("data_science", "interoperability"),
            title_ar="مرصد رقمي لمتابعة الإدماج المهني لحاملي الشهادات الجامعية",
            title_fr=(
                "Observatoire numérique de l'insertion professionnelle des diplômés universitaires"
            ),
            summary_ar=(
                "قياس نسب إدماج خريجي كل تخصص بالاعتماد على معطيات الجامعات والوكالة الوطنية "
                "للتشغيل، لتكييف عروض التكوين."
            ),
            summary_fr=(
                "Mesurer le taux d'insertion des diplômés de chaque filière à partir des données "
                "des universités et de l'ANEM, pour adapter l'offre de formation."
            ),
            procedure_ar="تكييف عروض التكوين",
            procedure_fr="Adaptation de l'offre de formation",
            beneficiaries_ar="الندوات الجهوية للجامعات",
            beneficiaries_fr="Conférences régionales des universités",
            partners="ANEM",
        ),
    ),
    "MTESS": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_payment", "e_signature"),
            title_ar="منصة التصريح عن بعد بالأجور والأجراء لدى الصندوق الوطني للتأمينات الاجتماعية",
            title_fr="Plateforme de télédéclaration des salaires et des salariés auprès de la CNAS",
            summary_ar=(
                "تمكين المستخدمين من التصريح بالأجراء والأجور ودفع الاشتراكات عن بعد، وسحب شهادة "
                "أداء الاشتراكات."
            ),
            summary_fr=(
                "Permettre aux employeurs de déclarer leurs salariés et les salaires, de payer les "
                "cotisations à distance et de retirer l'attestation de mise à jour."
            ),
            procedure_ar="التصريح بالأجراء ودفع الاشتراكات",
            procedure_fr="Déclaration des salariés et paiement des cotisations",
            beneficiaries_ar="المستخدمون",
            beneficiaries_fr="Employeurs",
            partners="CNAS",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_payment",),
            title_ar="منصة الخدمات الرقمية لغير الأجراء لدى صندوق الضمان الاجتماعي لغير الأجراء",
            title_fr="Plateforme de services en ligne de la CASNOS pour les non-salariés",
            summary_ar=(
                "التصريح بالمداخيل المهنية ودفع الاشتراكات السنوية إلكترونيا لفائدة التجار "
                "والحرفيين وأصحاب المهن الحرة."
            ),
            summary_fr=(
                "Déclarer les revenus professionnels et payer les cotisations annuelles en ligne, "
                "pour les commerçants, les artisans et les professions libérales."
            ),
            procedure_ar="دفع اشتراكات غير الأجراء",
            procedure_fr="Paiement des cotisations des non-salariés",
            beneficiaries_ar="التجار والحرفيون وأصحاب المهن الحرة",
            beneficiaries_fr="Commerçants, artisans et professions libérales",
            partners="CASNOS, Algérie Poste",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("mobile",),
            title_ar="الفضاء الرقمي للمؤمن له اجتماعيا",
            title_fr="Espace numérique de l'assuré social",
            summary_ar=(
                "اطلاع المؤمن له على تعويضاته ووضعية بطاقة الشفاء وتحميل شهادة الانتساب دون التنقل "
                "إلى الوكالات."
            ),
            summary_fr=(
                "Permettre à l'assuré de consulter ses remboursements et l'état de sa carte Chifa "
                "et de télécharger son attestation d'affiliation sans se déplacer en agence."
            ),
            procedure_ar="سحب شهادة الانتساب ومتابعة التعويضات",
            procedure_fr="Retrait de l'attestation d'affiliation et suivi des remboursements",
            beneficiaries_ar="المؤمن لهم اجتماعيا",
            beneficiaries_fr="Assurés sociaux",
            partners="CNAS",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين صناديق الضمان الاجتماعي لتوحيد البطاقية الوطنية للمؤمن لهم",
            title_fr=(
                "Interconnexion des caisses de sécurité sociale pour un fichier national unique "
                "des assurés"
            ),
            summary_ar=(
                "تقاسم معطيات الانتساب بين الصناديق لتفادي الازدواجية وكشف حالات عدم التصريح."
            ),
            summary_fr=(
                "Partager les données d'affiliation entre les caisses pour éviter les doublons et "
                "détecter les cas de non-déclaration."
            ),
            procedure_ar="الانتساب إلى الضمان الاجتماعي",
            procedure_fr="Affiliation à la sécurité sociale",
            beneficiaries_ar="صناديق الضمان الاجتماعي",
            beneficiaries_fr="Caisses de sécurité sociale",
            partners="CNAS, CASNOS, CNR",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات لمفتشية العمل",
            title_fr="Système d'information de l'inspection du travail",
            summary_ar=(
                "برمجة الزيارات التفتيشية وتسجيل المحاضر ومتابعة المخالفات إلكترونيا على مستوى "
                "المفتشيات الولائية."
            ),
            summary_fr=(
                "Programmer les visites d'inspection, enregistrer les procès-verbaux et suivre les "
                "infractions par voie électronique dans les inspections de wilaya."
            ),
            procedure_ar="مراقبة تطبيق تشريع العمل",
            procedure_fr="Contrôle de l'application de la législation du travail",
            beneficiaries_ar="مفتشو العمل",
            beneficiaries_fr="Inspecteurs du travail",
            partners="Inspection générale du travail",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين الوكالة الوطنية للتشغيل وهيئات الضمان الاجتماعي لمتابعة التنصيب",
            title_fr=(
                "Interconnexion de l'ANEM avec la sécurité sociale pour le suivi des placements"
            ),
            summary_ar=(
                "التحقق الآلي من التصريح بالعمال المنصبين عبر الوكالة الوطنية للتشغيل لدى الضمان "
                "الاجتماعي، لقياس نجاعة الوساطة."
            ),
            summary_fr=(
                "Vérifier automatiquement la déclaration à la sécurité sociale des travailleurs "
                "placés par l'ANEM, afin de mesurer l'efficacité de l'intermédiation."
            ),
            procedure_ar="متابعة التنصيب",
            procedure_fr="Suivi des placements",
            beneficiaries_ar="الوكالة الوطنية للتشغيل وصناديق الضمان الاجتماعي",
            beneficiaries_fr="ANEM et caisses de sécurité sociale",
            partners="ANEM, CNAS",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="رقمنة ملفات التقاعد لدى الصندوق الوطني للتقاعد",
            title_fr="Numérisation des dossiers de retraite de la Caisse nationale des retraites",
            summary_ar=(
                "رقمنة الملفات الورقية للمتقاعدين وإعادة بناء المسارات المهنية، لتسريع دراسة طلبات "
                "التقاعد."
            ),
            summary_fr=(
                "Numériser les dossiers papier des retraités et reconstituer les carrières, afin "
                "d'accélérer l'instruction des demandes de retraite."
            ),
            procedure_ar="دراسة ملفات التقاعد",
            procedure_fr="Instruction des dossiers de retraite",
            beneficiaries_ar="الصندوق الوطني للتقاعد",
            beneficiaries_fr="Caisse nationale des retraites",
            partners="CNR",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع العمل والتشغيل والضمان الاجتماعي",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur du Travail, "
                "de l'Emploi et de la Sécurité sociale"
            ),
            summary_ar=(
                "مسك الملفات الإدارية لمستخدمي الإدارة المركزية والمصالح الخارجية ومتابعة مسارهم "
                "المهني."
            ),
            summary_fr=(
                "Tenir les dossiers administratifs des personnels de l'administration centrale et "
                "des services extérieurs et suivre leur carrière."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="مستخدمو القطاع",
            beneficiaries_fr="Personnels du secteur",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("data_science",),
            title_ar="لوحة قيادة لسوق العمل",
            title_fr="Tableau de bord du marché du travail",
            summary_ar=(
                "تجميع مؤشرات العرض والطلب على العمل حسب الولاية والنشاط، انطلاقا من معطيات "
                "الوكالة الوطنية للتشغيل والضمان الاجتماعي."
            ),
            summary_fr=(
                "Agréger les indicateurs de l'offre et de la demande d'emploi par wilaya et par "
                "activité, à partir des données de l'ANEM et de la sécurité sociale."
            ),
            procedure_ar="تحليل سوق العمل",
            procedure_fr="Analyse du marché du travail",
            beneficiaries_ar="الإدارة المركزية",
            beneficiaries_fr="Administration centrale",
            partners="ANEM",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability", "data_science"),
            title_ar="منصة لتبادل المعطيات حول المستخدمين مع المديرية العامة للضرائب",
            title_fr=(
                "Plateforme d'échange de données sur les employeurs avec la Direction générale des "
                "impôts"
            ),
            summary_ar=(
                "مقاطعة معطيات المستخدمين المصرح بها لدى الضمان الاجتماعي وإدارة الضرائب، لتحسين "
                "تحصيل الاشتراكات."
            ),
            summary_fr=(
                "Croiser les données des employeurs déclarées à la sécurité sociale et à "
                "l'administration fiscale, pour améliorer le recouvrement des cotisations."
            ),
            procedure_ar="تحصيل الاشتراكات",
            procedure_fr="Recouvrement des cotisations",
            beneficiaries_ar="صناديق الضمان الاجتماعي وإدارة الضرائب",
            beneficiaries_fr="Caisses de sécurité sociale et administration fiscale",
            partners="Ministère des Finances",
        ),
    ),
    "MADR": (
        _Spec(
            target=_CIT,
            kind=_MA,
            technologies=("mobile",),
            title_ar="تطبيق هاتف محمول للتبليغ عن حرائق الغابات",
            title_fr="Application mobile de signalement des feux de forêt",
            summary_ar=(
                "تمكين المواطنين من التبليغ الفوري عن بؤر الحرائق مع تحديد موقعها وإرسال صور إلى "
                "مصالح الغابات والحماية المدنية."
            ),
            summary_fr=(
                "Permettre aux citoyens de signaler immédiatement les départs de feu, géolocalisés "
                "et accompagnés de photos, aux services des forêts et à la protection civile."
            ),
            procedure_ar="التبليغ عن حرائق الغابات",
            procedure_fr="Signalement des feux de forêt",
            beneficiaries_ar="المواطنون وسكان المناطق الغابية",
            beneficiaries_fr="Citoyens et riverains des forêts",
            partners="Direction générale des forêts, Protection civile",
        ),
        _Spec(
            target=_ECO,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="البطاقة الرقمية للفلاح والبطاقية الوطنية للمستثمرات الفلاحية",
            title_fr=(
                "Carte numérique de l'agriculteur et fichier national des exploitations agricoles"
            ),
            summary_ar=(
                "تعويض بطاقة الفلاح الورقية ببطاقة رقمية مرتبطة ببطاقية المستثمرات، تسمح "
                "بالاستفادة من الدعم والقروض الموسمية."
            ),
            summary_fr=(
                "Remplacer la carte papier de l'agriculteur par une carte numérique liée au "
                "fichier des exploitations, ouvrant droit aux soutiens et aux crédits de campagne."
            ),
            procedure_ar="استخراج بطاقة الفلاح",
            procedure_fr="Délivrance de la carte d'agriculteur",
            beneficiaries_ar="الفلاحون والمستثمرون الفلاحيون",
            beneficiaries_fr="Agriculteurs et exploitants agricoles",
            partners="Chambre nationale d'agriculture, BADR",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science", "mobile"),
            title_ar="نظام معلومات للإحصاء الفلاحي وتقدير المحاصيل",
            title_fr=(
                "Système d'information des statistiques agricoles et d'estimation des récoltes"
            ),
            summary_ar=(
                "جمع المعطيات الموسمية حول المساحات المزروعة والإنتاج بواسطة اللوحات الرقمية "
                "وتحليلها لتقدير المحاصيل."
            ),
            summary_fr=(
                "Collecter sur tablettes les données de campagne sur les superficies cultivées et "
                "les productions et les analyser pour estimer les récoltes."
            ),
            procedure_ar="إعداد الإحصائيات الفلاحية",
            procedure_fr="Production des statistiques agricoles",
            beneficiaries_ar="مديريات المصالح الفلاحية",
            beneficiaries_fr="Directions des services agricoles",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="السجل الرقمي للعقار الفلاحي وعقود الامتياز",
            title_fr="Registre numérique du foncier agricole et des actes de concession",
            summary_ar=(
                "رقمنة عقود الامتياز على الأراضي الفلاحية التابعة للأملاك الخاصة للدولة وربطها "
                "بمصالح أملاك الدولة ومسح الأراضي."
            ),
            summary_fr=(
                "Numériser les actes de concession des terres agricoles du domaine privé de l'État "
                "et les relier aux services des domaines et du cadastre."
            ),
            procedure_ar="منح حق الامتياز على الأراضي الفلاحية",
            procedure_fr="Octroi de la concession des terres agricoles",
            beneficiaries_ar="الديوان الوطني للأراضي الفلاحية ومصالح أملاك الدولة",
            beneficiaries_fr="Office national des terres agricoles et services des domaines",
            partners="Ministère des Finances",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام اليقظة الصحية البيطرية وتتبع الأمراض الحيوانية",
            title_fr="Système de veille sanitaire vétérinaire et de suivi des maladies animales",
            summary_ar="التصريح الآني ببؤر الأمراض الحيوانية، وتتبع حملات التلقيح وحركة الماشية.",
            summary_fr=(
                "Déclarer en temps réel les foyers de maladies animales et suivre les campagnes de "
                "vaccination et les mouvements du cheptel."
            ),
            procedure_ar="التصريح بالأمراض الحيوانية",
            procedure_fr="Déclaration des maladies animales",
            beneficiaries_ar="المصالح البيطرية",
            beneficiaries_fr="Services vétérinaires",
            partners="Institut national de la médecine vétérinaire",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("ai", "data_science"),
            title_ar="نظام رصد الغطاء الغابي والمساحات المحروقة بالصور الساتلية",
            title_fr=(
                "Système de surveillance du couvert forestier et des superficies incendiées par "
                "imagerie satellitaire"
            ),
            summary_ar="استغلال الصور الساتلية لتقدير المساحات المحروقة ومتابعة عمليات التشجير.",
            summary_fr=(
                "Exploiter l'imagerie satellitaire pour estimer les superficies incendiées et "
                "suivre les opérations de reboisement."
            ),
            procedure_ar="تقييم الأضرار ومتابعة التشجير",
            procedure_fr="Évaluation des dégâts et suivi du reboisement",
            beneficiaries_ar="المديرية العامة للغابات",
            beneficiaries_fr="Direction générale des forêts",
            partners="Agence spatiale algérienne",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة رقمية لمتابعة ملفات الدعم الفلاحي وصرف الإعانات",
            title_fr=(
                "Plateforme de suivi des dossiers de soutien agricole et du versement des aides"
            ),
            summary_ar=(
                "تتبع ملفات الدعم من دراستها إلى صرفها، بالتنسيق مع البنوك وصناديق التنمية "
                "الفلاحية."
            ),
            summary_fr=(
                "Suivre les dossiers de soutien de leur instruction au versement des aides, en "
                "coordination avec les banques et les fonds de développement agricole."
            ),
            procedure_ar="دراسة ملفات الدعم الفلاحي",
            procedure_fr="Instruction des dossiers de soutien agricole",
            beneficiaries_ar="مديريات المصالح الفلاحية والبنوك",
            beneficiaries_fr="Directions des services agricoles et banques",
            partners="BADR, CNMA",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع الفلاحة والتنمية الريفية",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur de "
                "l'Agriculture et du Développement rural"
            ),
            summary_ar=(
                "توحيد تسيير مستخدمي الإدارة المركزية ومديريات المصالح الفلاحية ومحافظات الغابات."
            ),
            summary_fr=(
                "Unifier la gestion des personnels de l'administration centrale, des directions "
                "des services agricoles et des conservations des forêts."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="مستخدمو قطاع الفلاحة",
            beneficiaries_fr="Personnels du secteur de l'Agriculture",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة أسعار المنتجات الفلاحية في أسواق الجملة",
            title_fr="Système de suivi des prix des produits agricoles sur les marchés de gros",
            summary_ar=(
                "جمع أسعار الخضر والفواكه واللحوم يوميا لضبط السوق وتوجيه تدخلات أجهزة الضبط."
            ),
            summary_fr=(
                "Collecter quotidiennement les prix des fruits, légumes et viandes pour réguler le "
                "marché et orienter les interventions des dispositifs de régulation."
            ),
            procedure_ar="ضبط السوق",
            procedure_fr="Régulation du marché",
            beneficiaries_ar="أجهزة ضبط السوق",
            beneficiaries_fr="Organismes de régulation",
            partners="Ministère du Commerce",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين المصالح البيطرية والجمارك لمراقبة الحيوانات والمنتجات المستوردة",
            title_fr=(
                "Interconnexion des services vétérinaires et des douanes pour le contrôle des "
                "animaux et produits importés"
            ),
            summary_ar=(
                "تبادل الشهادات الصحية البيطرية إلكترونيا مع مصالح الجمارك في نقاط العبور الحدودية "
                "لتسريع الرقابة."
            ),
            summary_fr=(
                "Échanger électroniquement les certificats sanitaires vétérinaires avec les "
                "douanes aux points de passage frontaliers, pour accélérer les contrôles."
            ),
            procedure_ar="الرقابة الصحية البيطرية عند الحدود",
            procedure_fr="Contrôle sanitaire vétérinaire aux frontières",
            beneficiaries_ar="المصالح البيطرية والجمارك",
            beneficiaries_fr="Services vétérinaires et douanes",
            partners="Direction générale des douanes",
        ),
    ),
    "MC": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_payment", "e_signature"),
            title_ar="منصة رقمية للقيد في السجل التجاري عن بعد",
            title_fr="Plateforme d'immatriculation en ligne au registre du commerce",
            summary_ar=(
                "إنشاء المؤسسة والقيد في السجل التجاري ودفع الحقوق واستلام المستخرج الإلكتروني، "
                "دون التنقل إلى ملحقات المركز الوطني للسجل التجاري."
            ),
            summary_fr=(
                "Créer l'entreprise, s'immatriculer au registre du commerce, payer les droits et "
                "recevoir l'extrait électronique, sans se rendre aux antennes du CNRC."
            ),
            procedure_ar="القيد في السجل التجاري",
            procedure_fr="Immatriculation au registre du commerce",
            beneficiaries_ar="المتعاملون الاقتصاديون وحاملو المشاريع",
            beneficiaries_fr="Opérateurs économiques et porteurs de projets",
            partners="CNRC",
            fixed={
                "status": "in_progress",
                "progress": 65,
                "priority": "high",
                "start": date(2021, 1, 1),
                "end": date(2021, 10, 31),
            },
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لتعديل القيد في السجل التجاري وشطبه",
            title_fr="Plateforme de modification et de radiation en ligne du registre du commerce",
            summary_ar=(
                "معالجة طلبات تعديل المستخرج وشطبه إلكترونيا، مع تحيين فوري لقاعدة بيانات "
                "المتعاملين."
            ),
            summary_fr=(
                "Traiter en ligne les demandes de modification et de radiation de l'extrait, avec "
                "mise à jour immédiate de la base des opérateurs."
            ),
            procedure_ar="تعديل السجل التجاري وشطبه",
            procedure_fr="Modification et radiation du registre du commerce",
            beneficiaries_ar="التجار والشركات",
            beneficiaries_fr="Commerçants et sociétés",
            partners="CNRC",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة رقمية لتسيير ملفات التصدير ومرافقة المصدرين",
            title_fr=(
                "Plateforme de gestion des dossiers d'exportation et d'accompagnement des "
                "exportateurs"
            ),
            summary_ar=(
                "إيداع طلبات شهادات المنشأ وطلبات الدعم من الصندوق الخاص بترقية الصادرات إلكترونيا."
            ),
            summary_fr=(
                "Déposer en ligne les demandes de certificats d'origine et de soutien du Fonds "
                "spécial de promotion des exportations."
            ),
            procedure_ar="استخراج شهادة المنشأ",
            procedure_fr="Délivrance du certificat d'origine",
            beneficiaries_ar="المصدرون",
            beneficiaries_fr="Exportateurs",
            partners="CACI, ALGEX",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لطلب الاعتماد المسبق لممارسة النشاطات المقننة",
            title_fr=(
                "Plateforme de demande en ligne des autorisations préalables pour les activités "
                "réglementées"
            ),
            summary_ar=(
                "إيداع ملفات الاعتماد المسبق الخاصة بالنشاطات التجارية المقننة، ومتابعة دراستها من "
                "طرف القطاعات المعنية."
            ),
            summary_fr=(
                "Déposer les dossiers d'autorisation préalable des activités commerciales "
                "réglementées et suivre leur examen par les secteurs concernés."
            ),
            procedure_ar="الحصول على الاعتماد المسبق",
            procedure_fr="Obtention de l'autorisation préalable",
            beneficiaries_ar="المتعاملون الاقتصاديون",
            beneficiaries_fr="Opérateurs économiques",
            partners="CNRC",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science", "mobile"),
            title_ar="نظام معلومات للرقابة الاقتصادية وقمع الغش",
            title_fr="Système d'information du contrôle économique et de la répression des fraudes",
            summary_ar=(
                "برمجة التدخلات الميدانية وتحرير المحاضر على اللوحات الرقمية، وتحليل المخالفات حسب "
                "المنطقة والنشاط."
            ),
            summary_fr=(
                "Programmer les interventions de terrain, dresser les procès-verbaux sur tablettes "
                "et analyser les infractions par zone et par activité."
            ),
            procedure_ar="مراقبة الممارسات التجارية",
            procedure_fr="Contrôle des pratiques commerciales",
            beneficiaries_ar="أعوان الرقابة",
            beneficiaries_fr="Agents de contrôle",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين المركز الوطني للسجل التجاري والإدارات الاقتصادية",
            title_fr="Interconnexion du CNRC avec les administrations économiques",
            summary_ar=(
                "إتاحة الاطلاع الآلي على معطيات السجل التجاري لإدارات الضرائب والجمارك والضمان "
                "الاجتماعي، لإعفاء المتعاملين من تقديم المستخرج الورقي."
            ),
            summary_fr=(
                "Ouvrir la consultation automatique des données du registre du commerce aux "
                "impôts, aux douanes et à la sécurité sociale, afin de dispenser les opérateurs de "
                "l'extrait papier."
            ),
            procedure_ar="تقديم مستخرج السجل التجاري",
            procedure_fr="Présentation de l'extrait du registre du commerce",
            beneficiaries_ar="إدارات الضرائب والجمارك والضمان الاجتماعي",
            beneficiaries_fr="Impôts, douanes et sécurité sociale",
            partners="Ministère des Finances",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة تموين السوق وأسعار المواد واسعة الاستهلاك",
            title_fr=(
                "Système de suivi de l'approvisionnement du marché et des prix des produits de "
                "large consommation"
            ),
            summary_ar=(
                "رصد يومي لأسعار المواد الأساسية المدعمة ومدى توفرها، لتوقع حالات الندرة والتدخل "
                "في الوقت المناسب."
            ),
            summary_fr=(
                "Surveiller chaque jour les prix et la disponibilité des produits de base "
                "subventionnés, pour anticiper les pénuries et intervenir à temps."
            ),
            procedure_ar="ضبط تموين السوق",
            procedure_fr="Régulation de l'approvisionnement du marché",
            beneficiaries_ar="المديريات الولائية للتجارة",
            beneficiaries_fr="Directions de wilaya du commerce",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=(),
            title_ar="منصة داخلية لتسيير التكوين المستمر لأعوان الرقابة",
            title_fr=(
                "Plateforme interne de gestion de la formation continue des agents de contrôle"
            ),
            summary_ar=(
                "برمجة دورات التكوين وتسجيل الأعوان فيها ومتابعة ساعات التكوين المنجزة وتقييمها."
            ),
            summary_fr=(
                "Programmer les sessions de formation, y inscrire les agents et suivre et évaluer "
                "les heures de formation réalisées."
            ),
            procedure_ar="التكوين المستمر",
            procedure_fr="Formation continue",
            beneficiaries_ar="أعوان الرقابة الاقتصادية وقمع الغش",
            beneficiaries_fr="Agents du contrôle économique et de la répression des fraudes",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="البطاقية الوطنية لمرتكبي أعمال الغش",
            title_fr="Fichier national des auteurs d'infractions de fraude",
            summary_ar=(
                "تقاسم قائمة المتعاملين المرتكبين لأعمال الغش مع الإدارات المعنية، لإقصائهم من "
                "الصفقات العمومية وعمليات التجارة الخارجية."
            ),
            summary_fr=(
                "Partager avec les administrations concernées la liste des opérateurs auteurs de "
                "fraude, afin de les exclure des marchés publics et des opérations de commerce "
                "extérieur."
            ),
            procedure_ar="الإقصاء من الصفقات العمومية",
            procedure_fr="Exclusion des marchés publics",
            beneficiaries_ar="الإدارات المكلفة بالرقابة",
            beneficiaries_fr="Administrations chargées du contrôle",
            partners="Ministère des Finances",
        ),
    ),
    "MT": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_payment",),
            title_ar="منصة رقمية للتسجيل في امتحانات رخصة السياقة",
            title_fr="Plateforme d'inscription en ligne aux examens du permis de conduire",
            summary_ar=(
                "تمكين المترشحين ومدارس تعليم السياقة من حجز مواعيد الامتحانات ودفع الحقوق "
                "والاطلاع على النتائج عن بعد."
            ),
            summary_fr=(
                "Permettre aux candidats et aux auto-écoles de réserver les dates d'examen, de "
                "payer les droits et de consulter les résultats à distance."
            ),
            procedure_ar="التسجيل في امتحان رخصة السياقة",
            procedure_fr="Inscription à l'examen du permis de conduire",
            beneficiaries_ar="المترشحون لرخصة السياقة ومدارس تعليم السياقة",
            beneficiaries_fr="Candidats au permis de conduire et auto-écoles",
            partners="Directions des transports de wilaya",
        ),
        _Spec(
            target=_CIT,
            kind=_MA,
            technologies=("mobile", "e_payment"),
            title_ar="تطبيق هاتف محمول لحجز تذاكر القطارات ودفعها إلكترونيا",
            title_fr=(
                "Application mobile de réservation et de paiement électronique des billets de train"
            ),
            summary_ar=(
                "اقتناء تذاكر القطارات الجهوية والرئيسية عبر الهاتف وتفادي الطوابير أمام الشبابيك."
            ),
            summary_fr=(
                "Acheter les billets des trains régionaux et grandes lignes sur téléphone et "
                "éviter les files d'attente aux guichets."
            ),
            procedure_ar="اقتناء تذاكر النقل بالسكك الحديدية",
            procedure_fr="Achat des titres de transport ferroviaire",
            beneficiaries_ar="المسافرون",
            beneficiaries_fr="Voyageurs",
            partners="SNTF",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لطلب رخص استغلال خطوط النقل العمومي للمسافرين",
            title_fr=(
                "Plateforme de demande des autorisations d'exploitation des lignes de transport "
                "public de voyageurs"
            ),
            summary_ar=(
                "إيداع طلبات رخص الاستغلال وتجديدها ومتابعة دراستها من طرف مديريات النقل، دون "
                "ملفات ورقية."
            ),
            summary_fr=(
                "Déposer et renouveler les demandes d'autorisation d'exploitation et suivre leur "
                "examen par les directions des transports, sans dossier papier."
            ),
            procedure_ar="منح رخص استغلال خطوط النقل",
            procedure_fr="Octroi des autorisations d'exploitation de lignes",
            beneficiaries_ar="متعاملو النقل",
            beneficiaries_fr="Transporteurs",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="البطاقية الوطنية لرخص السياقة بالتنقيط",
            title_fr="Fichier national du permis de conduire à points",
            summary_ar=(
                "تقاسم معطيات رخص السياقة وسحب النقاط بين مصالح النقل والأمن الوطني والدرك الوطني "
                "والعدالة."
            ),
            summary_fr=(
                "Partager les données des permis de conduire et des retraits de points entre les "
                "services des transports, la Sûreté nationale, la Gendarmerie nationale et la "
                "justice."
            ),
            procedure_ar="سحب النقاط وتعليق رخص السياقة",
            procedure_fr="Retrait de points et suspension du permis",
            beneficiaries_ar="مصالح النقل والأمن",
            beneficiaries_fr="Services des transports et de sécurité",
            partners="Ministère de l'Intérieur, DGSN, Gendarmerie nationale",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات لإحصائيات حوادث المرور",
            title_fr="Système d'information des statistiques des accidents de la circulation",
            summary_ar=(
                "تجميع معطيات حوادث المرور وتحليلها جغرافيا لتحديد النقاط السوداء وتوجيه حملات "
                "الوقاية."
            ),
            summary_fr=(
                "Collecter et analyser géographiquement les données des accidents de la route, "
                "afin d'identifier les points noirs et d'orienter la prévention."
            ),
            procedure_ar="إعداد حصائل حوادث المرور",
            procedure_fr="Établissement des bilans des accidents",
            beneficiaries_ar="المندوبية الوطنية للأمن في الطرق",
            beneficiaries_fr="Délégation nationale à la sécurité routière",
            partners="DGSN, Gendarmerie nationale",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المراقبة التقنية للمركبات",
            title_fr="Système d'information de gestion du contrôle technique des véhicules",
            summary_ar=(
                "ربط مراكز المراقبة التقنية بقاعدة مركزية لتسجيل نتائج الفحص ومنع تزوير محاضر "
                "المراقبة."
            ),
            summary_fr=(
                "Relier les centres de contrôle technique à une base centrale pour enregistrer les "
                "résultats et empêcher la falsification des procès-verbaux."
            ),
            procedure_ar="المراقبة التقنية للمركبات",
            procedure_fr="Contrôle technique des véhicules",
            beneficiaries_ar="مراكز المراقبة التقنية ومصالح النقل",
            beneficiaries_fr="Centres de contrôle technique et services des transports",
            partners="ENACTA",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة مجتمع الموانئ لتبادل المعطيات بين المتدخلين في الميناء",
            title_fr=(
                "Système communautaire portuaire d'échange de données entre les intervenants du "
                "port"
            ),
            summary_ar=(
                "ربط المؤسسات المينائية والجمارك ومصالح الرقابة عبر شباك رقمي موحد، لتسريع معالجة "
                "السفن والبضائع."
            ),
            summary_fr=(
                "Relier les entreprises portuaires, les douanes et les services de contrôle par un "
                "guichet numérique unique, afin d'accélérer le traitement des navires et des "
                "marchandises."
            ),
            procedure_ar="معالجة السفن والبضائع في الموانئ",
            procedure_fr="Traitement des navires et des marchandises dans les ports",
            beneficiaries_ar="المؤسسات المينائية والإدارات المتدخلة",
            beneficiaries_fr="Entreprises portuaires et administrations intervenantes",
            partners="Direction générale des douanes",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="نظام معلومات لتسيير مدارس تعليم السياقة",
            title_fr="Système d'information de gestion des auto-écoles",
            summary_ar=(
                "مسك سجل مدارس تعليم السياقة المعتمدة ومدربيها ومركباتها، ومتابعة نسب النجاح في كل "
                "مدرسة."
            ),
            summary_fr=(
                "Tenir le registre des auto-écoles agréées, de leurs moniteurs et de leurs "
                "véhicules et suivre le taux de réussite de chaque école."
            ),
            procedure_ar="اعتماد مدارس تعليم السياقة ومراقبتها",
            procedure_fr="Agrément et contrôle des auto-écoles",
            beneficiaries_ar="مديريات النقل",
            beneficiaries_fr="Directions des transports",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("data_science",),
            title_ar="لوحة قيادة لمتابعة مشاريع الاستثمار في قطاع النقل",
            title_fr=(
                "Tableau de bord de suivi des projets d'investissement du secteur des Transports"
            ),
            summary_ar=(
                "متابعة التقدم المادي والمالي لمشاريع السكك الحديدية والموانئ والمطارات، وتنبيه "
                "المسؤولين بالتأخرات."
            ),
            summary_fr=(
                "Suivre l'avancement physique et financier des projets ferroviaires, portuaires et "
                "aéroportuaires et alerter les responsables des retards."
            ),
            procedure_ar="متابعة مشاريع الاستثمار",
            procedure_fr="Suivi des projets d'investissement",
            beneficiaries_ar="الإدارة المركزية",
            beneficiaries_fr="Administration centrale",
            partners="",
        ),
    ),
    "MNS": (
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="المنصة الوطنية للتشغيل البيني بين الإدارات",
            title_fr="Plateforme nationale d'interopérabilité entre administrations",
            summary_ar=(
                "توفير قناة تبادل مؤمنة وموحدة تسمح للإدارات بتقاسم المعطيات بدل مطالبة المواطن "
                "بالوثائق."
            ),
            summary_fr=(
                "Fournir un canal d'échange sécurisé et unifié permettant aux administrations de "
                "partager les données au lieu d'exiger des documents du citoyen."
            ),
            procedure_ar="تكوين الملفات الإدارية",
            procedure_fr="Constitution des dossiers administratifs",
            beneficiaries_ar="الإدارات والهيئات العمومية",
            beneficiaries_fr="Administrations et organismes publics",
            partners="CERIST",
            fixed={"priority": "high"},
        ),
        _Spec(
            target=_OTH,
            kind=_INF,
            technologies=("cloud",),
            title_ar="السحابة الحكومية ومركز البيانات الوطني",
            title_fr="Cloud gouvernemental et centre de données national",
            summary_ar=(
                "إيواء التطبيقات والمعطيات الحكومية في بنية سحابية سيادية مؤمنة، تقلص تكاليف "
                "التجهيزات في القطاعات."
            ),
            summary_fr=(
                "Héberger les applications et les données de l'État dans une infrastructure cloud "
                "souveraine et sécurisée, réduisant les coûts d'équipement des secteurs."
            ),
            procedure_ar="إيواء الأنظمة المعلوماتية",
            procedure_fr="Hébergement des systèmes d'information",
            beneficiaries_ar="الدوائر الوزارية",
            beneficiaries_fr="Départements ministériels",
            partners="Algérie Télécom",
            fixed={"priority": "high", "status": "planned", "budget": 350_000_000},
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="المرجع الوطني للمعرفات الموحدة",
            title_fr="Référentiel national des identifiants uniques",
            summary_ar=(
                "توحيد معرفات الأشخاص الطبيعيين والمعنويين والعناوين المستعملة في الأنظمة "
                "الإدارية، لتسهيل الربط بينها."
            ),
            summary_fr=(
                "Unifier les identifiants des personnes physiques et morales et des adresses "
                "utilisés dans les systèmes administratifs, pour en faciliter le rapprochement."
            ),
            procedure_ar="تحديد هوية المرتفقين",
            procedure_fr="Identification des usagers",
            beneficiaries_ar="الإدارات العمومية",
            beneficiaries_fr="Administrations publiques",
            partners="ONS, Ministère de l'Intérieur",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("open_data",),
            title_ar="بوابة البيانات الحكومية المفتوحة",
            title_fr="Portail des données publiques ouvertes",
            summary_ar=(
                "نشر مجموعات من البيانات العمومية بصيغ قابلة لإعادة الاستعمال، لفائدة الإدارات "
                "والباحثين والمؤسسات الناشئة."
            ),
            summary_fr=(
                "Publier des jeux de données publiques dans des formats réutilisables, au profit "
                "des administrations, des chercheurs et des start-up."
            ),
            procedure_ar="الحصول على المعطيات العمومية",
            procedure_fr="Accès aux données publiques",
            beneficiaries_ar="الإدارات والباحثون والمؤسسات الناشئة",
            beneficiaries_fr="Administrations, chercheurs et start-up",
            partners="ONS",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science", "mobile", "cloud"),
            title_ar="التحضير الرقمي للإحصاء العام للسكان والسكن",
            title_fr=(
                "Préparation numérique du recensement général de la population et de l'habitat"
            ),
            summary_ar=(
                "تزويد الديوان الوطني للإحصائيات بأدوات جمع المعطيات على اللوحات الرقمية وبنظام "
                "معلومات جغرافي لتقسيم مناطق العد."
            ),
            summary_fr=(
                "Doter l'Office national des statistiques d'outils de collecte sur tablettes et "
                "d'un système d'information géographique pour le découpage des districts de "
                "recensement."
            ),
            procedure_ar="جمع المعطيات الإحصائية",
            procedure_fr="Collecte des données statistiques",
            beneficiaries_ar="الديوان الوطني للإحصائيات",
            beneficiaries_fr="Office national des statistiques",
            partners="ONS, Agence spatiale algérienne",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("data_science",),
            title_ar="منصة رقمية لمتابعة المخططات العملية القطاعية للرقمنة",
            title_fr="Plateforme de suivi des plans d'action sectoriels de numérisation",
            summary_ar=(
                "جمع المخططات العملية للدوائر الوزارية ومتابعة تقدم مشاريعها وإعداد الحصائل "
                "الموحدة."
            ),
            summary_fr=(
                "Collecter les plans d'action des départements ministériels, suivre l'avancement "
                "de leurs projets et produire les bilans consolidés."
            ),
            procedure_ar="المصادقة على المخططات القطاعية",
            procedure_fr="Validation des plans sectoriels",
            beneficiaries_ar="مسؤولو الرقمنة في الدوائر الوزارية",
            beneficiaries_fr="Responsables de la numérisation des départements ministériels",
            partners="CERIST",
            fixed={
                "status": "in_progress",
                "progress": 40,
                "priority": "high",
                "start": date(2021, 2, 1),
                "end": date(2021, 6, 30),
            },
        ),
        _Spec(
            target=_OTH,
            kind=_INF,
            technologies=("e_signature",),
            title_ar="البنية التحتية الحكومية للمفاتيح العمومية والتوقيع الإلكتروني",
            title_fr="Infrastructure gouvernementale à clés publiques et de signature électronique",
            summary_ar=(
                "إصدار شهادات التوقيع الإلكتروني لفائدة الموظفين والتطبيقات الحكومية وفق القانون "
                "المتعلق بالتوقيع والتصديق الإلكترونيين."
            ),
            summary_fr=(
                "Délivrer des certificats de signature électronique aux agents et aux applications "
                "de l'État, conformément à la loi relative à la signature et à la certification "
                "électroniques."
            ),
            procedure_ar="توقيع الوثائق الإدارية",
            procedure_fr="Signature des documents administratifs",
            beneficiaries_ar="الإدارات العمومية",
            beneficiaries_fr="Administrations publiques",
            partners="Autorité gouvernementale de certification électronique",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية والوسائل لوزارة الرقمنة والإحصائيات",
            title_fr=(
                "Système d'information de gestion des ressources humaines et des moyens du "
                "ministère de la Numérisation et des Statistiques"
            ),
            summary_ar=(
                "وضع نظام متكامل لتسيير المستخدمين والميزانية والوسائل العامة للوزارة المنشأة "
                "حديثا."
            ),
            summary_fr=(
                "Mettre en place un système intégré de gestion du personnel, du budget et des "
                "moyens généraux du ministère nouvellement créé."
            ),
            procedure_ar="تسيير المستخدمين والوسائل",
            procedure_fr="Gestion du personnel et des moyens",
            beneficiaries_ar="مستخدمو الوزارة",
            beneficiaries_fr="Personnels du ministère",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("data_science", "open_data"),
            title_ar="المرصد الوطني لمؤشرات التحول الرقمي",
            title_fr="Observatoire national des indicateurs de la transformation numérique",
            summary_ar=(
                "قياس نسب رقمنة الخدمات العمومية واستعمالها وفق مؤشرات دولية، ونشر تقرير دوري."
            ),
            summary_fr=(
                "Mesurer le taux de numérisation et d'usage des services publics selon des "
                "indicateurs internationaux et publier un rapport périodique."
            ),
            procedure_ar="تقييم الخدمات العمومية الرقمية",
            procedure_fr="Évaluation des services publics numériques",
            beneficiaries_ar="الحكومة والدوائر الوزارية",
            beneficiaries_fr="Gouvernement et départements ministériels",
            partners="ONS",
        ),
    ),
    "MHUV": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_payment",),
            title_ar="منصة رقمية لمتابعة ملفات المكتتبين في صيغة البيع بالإيجار (عدل)",
            title_fr=(
                "Plateforme de suivi des dossiers des souscripteurs au logement location-vente "
                "(AADL)"
            ),
            summary_ar=(
                "اطلاع المكتتبين على وضعية ملفاتهم والسكنات المخصصة لهم، ودفع الأشطر وتحميل "
                "الوثائق عن بعد."
            ),
            summary_fr=(
                "Permettre aux souscripteurs de consulter l'état de leur dossier et le logement "
                "qui leur est affecté, de payer les tranches et de télécharger leurs documents à "
                "distance."
            ),
            procedure_ar="متابعة ملف السكن ودفع الأشطر",
            procedure_fr="Suivi du dossier de logement et paiement des tranches",
            beneficiaries_ar="مكتتبو عدل",
            beneficiaries_fr="Souscripteurs AADL",
            partners="AADL, Algérie Poste",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لإيداع طلبات رخص البناء وعقود التعمير",
            title_fr=(
                "Plateforme de dépôt en ligne des demandes de permis de construire et des actes "
                "d'urbanisme"
            ),
            summary_ar=(
                "إيداع طلبات رخص البناء وشهادات المطابقة ورخص التجزئة إلكترونيا، ومتابعة دراستها "
                "في الشباك الوحيد للبلدية."
            ),
            summary_fr=(
                "Déposer en ligne les demandes de permis de construire, de certificat de "
                "conformité et de permis de lotir et suivre leur instruction au guichet unique de "
                "la commune."
            ),
            procedure_ar="استخراج رخصة البناء",
            procedure_fr="Délivrance du permis de construire",
            beneficiaries_ar="المواطنون والمرقون العقاريون",
            beneficiaries_fr="Citoyens et promoteurs immobiliers",
            partners="Ministère de l'Intérieur, communes",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لتأهيل وتصنيف مؤسسات البناء",
            title_fr="Plateforme de qualification et de classification des entreprises du bâtiment",
            summary_ar=(
                "إيداع ملفات طلب شهادة التأهيل والتصنيف المهنيين ومتابعتها وتجديدها إلكترونيا."
            ),
            summary_fr=(
                "Déposer, suivre et renouveler en ligne les demandes de certificat de "
                "qualification et de classification professionnelles."
            ),
            procedure_ar="الحصول على شهادة التأهيل والتصنيف",
            procedure_fr="Obtention du certificat de qualification et de classification",
            beneficiaries_ar="مؤسسات البناء والأشغال العمومية",
            beneficiaries_fr="Entreprises du bâtiment et des travaux publics",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="البطاقية الوطنية للسكن لمكافحة الاستفادة المزدوجة",
            title_fr="Fichier national du logement pour la lutte contre le double bénéfice",
            summary_ar=(
                "مقاطعة قوائم المستفيدين من مختلف صيغ السكن والإعانات، لمنع الاستفادة المزدوجة."
            ),
            summary_fr=(
                "Croiser les listes des bénéficiaires des différentes formules de logement et des "
                "aides, pour empêcher le double bénéfice."
            ),
            procedure_ar="دراسة طلبات السكن",
            procedure_fr="Examen des demandes de logement",
            beneficiaries_ar="مصالح السكن والدوائر",
            beneficiaries_fr="Services de l'habitat et daïras",
            partners="Ministère de l'Intérieur, conservations foncières",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة إنجاز البرامج السكنية",
            title_fr="Système de suivi de la réalisation des programmes de logement",
            summary_ar=(
                "متابعة تقدم أشغال البرامج السكنية بمختلف صيغها حسب الولاية والمؤسسة المنجزة."
            ),
            summary_fr=(
                "Suivre l'avancement des travaux des programmes de logement, toutes formules "
                "confondues, par wilaya et par entreprise de réalisation."
            ),
            procedure_ar="متابعة ورشات السكن",
            procedure_fr="Suivi des chantiers de logement",
            beneficiaries_ar="مديريات السكن",
            beneficiaries_fr="Directions du logement",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات جغرافي لأدوات التهيئة والتعمير",
            title_fr=(
                "Système d'information géographique des instruments d'aménagement et d'urbanisme"
            ),
            summary_ar=(
                "رقمنة المخططات التوجيهية للتهيئة والتعمير ومخططات شغل الأراضي، ووضعها في متناول "
                "مصالح التعمير."
            ),
            summary_fr=(
                "Numériser les plans directeurs d'aménagement et d'urbanisme et les plans "
                "d'occupation des sols et les mettre à la disposition des services de l'urbanisme."
            ),
            procedure_ar="دراسة رخص التعمير",
            procedure_fr="Instruction des autorisations d'urbanisme",
            beneficiaries_ar="مديريات التعمير والبلديات",
            beneficiaries_fr="Directions de l'urbanisme et communes",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع السكن والعمران والمدينة",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur de l'Habitat, "
                "de l'Urbanisme et de la Ville"
            ),
            summary_ar=(
                "رقمنة الملفات الإدارية لمستخدمي الإدارة المركزية ومديريات السكن والتعمير "
                "والتجهيزات العمومية."
            ),
            summary_fr=(
                "Dématérialiser les dossiers administratifs des personnels de l'administration "
                "centrale et des directions du logement, de l'urbanisme et des équipements "
                "publics."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="مستخدمو القطاع",
            beneficiaries_fr="Personnels du secteur",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين دواوين الترقية والتسيير العقاري والخزينة لتحصيل الإيجارات",
            title_fr="Interconnexion des OPGI avec le Trésor pour le recouvrement des loyers",
            summary_ar=(
                "تتبع تحصيل إيجارات السكن العمومي الإيجاري آليا ومطابقة الحسابات مع الخزينة."
            ),
            summary_fr=(
                "Suivre automatiquement le recouvrement des loyers du logement public locatif et "
                "rapprocher les comptes avec le Trésor."
            ),
            procedure_ar="تحصيل الإيجارات",
            procedure_fr="Recouvrement des loyers",
            beneficiaries_ar="دواوين الترقية والتسيير العقاري",
            beneficiaries_fr="Offices de promotion et de gestion immobilière",
            partners="Ministère des Finances",
        ),
    ),
    "MPT": (
        _Spec(
            target=_CIT,
            kind=_MA,
            technologies=("mobile",),
            title_ar="تطبيق هاتف محمول لحجز الدور عن بعد في مكاتب البريد",
            title_fr="Application mobile de prise de ticket à distance dans les bureaux de poste",
            summary_ar=(
                "حجز الدور في مكتب البريد المختار عبر الهاتف، وتلقي إشعار عند اقتراب موعد المرور "
                "إلى الشباك."
            ),
            summary_fr=(
                "Réserver son tour dans le bureau de poste choisi depuis son téléphone et recevoir "
                "une notification à l'approche de son passage au guichet."
            ),
            procedure_ar="العمليات عبر شبابيك البريد",
            procedure_fr="Opérations aux guichets postaux",
            beneficiaries_ar="زبائن بريد الجزائر",
            beneficiaries_fr="Clients d'Algérie Poste",
            partners="Algérie Poste",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_payment", "mobile"),
            title_ar="منصة الدفع الإلكتروني لدى التجار بالبطاقة الذهبية ورمز الاستجابة السريعة",
            title_fr=(
                "Plateforme de paiement électronique chez les commerçants par carte Edahabia et "
                "code QR"
            ),
            summary_ar=(
                "تزويد التجار بوسائل قبول الدفع الإلكتروني بالبطاقة والهاتف، في إطار تعميم الدفع "
                "الإلكتروني."
            ),
            summary_fr=(
                "Doter les commerçants de moyens d'acceptation du paiement électronique par carte "
                "et par téléphone, dans le cadre de la généralisation du paiement électronique."
            ),
            procedure_ar="تحصيل مبالغ المبيعات",
            procedure_fr="Encaissement des ventes",
            beneficiaries_ar="التجار",
            beneficiaries_fr="Commerçants",
            partners="Algérie Poste, GIE Monétique",
        ),
        _Spec(
            target=_OTH,
            kind=_INF,
            technologies=(),
            title_ar="توسيع شبكة الألياف البصرية لربط المؤسسات العمومية",
            title_fr=(
                "Extension du réseau de fibre optique pour le raccordement des institutions "
                "publiques"
            ),
            summary_ar=(
                "ربط المقرات الإدارية والمؤسسات العمومية بالإنترنت ذات التدفق العالي، دعما للخدمات "
                "الرقمية."
            ),
            summary_fr=(
                "Raccorder les sièges administratifs et les établissements publics à l'internet "
                "haut débit, en soutien aux services numériques."
            ),
            procedure_ar="ربط الإدارات بالإنترنت",
            procedure_fr="Raccordement des administrations à l'internet",
            beneficiaries_ar="الإدارات والمؤسسات العمومية",
            beneficiaries_fr="Administrations et établissements publics",
            partners="Algérie Télécom",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="النظام الوطني للعنونة والترميز البريدي",
            title_fr="Système national d'adressage et de codification postale",
            summary_ar=(
                "إعداد قاعدة موحدة للعناوين محددة جغرافيا، تستعملها الإدارات في التبليغ وإيصال "
                "الوثائق والطرود."
            ),
            summary_fr=(
                "Constituer une base unifiée d'adresses géolocalisées, utilisée par les "
                "administrations pour les notifications et l'acheminement des documents et des "
                "colis."
            ),
            procedure_ar="تبليغ المراسلات وتوزيعها",
            procedure_fr="Notification et distribution du courrier",
            beneficiaries_ar="الإدارات ومؤسسة بريد الجزائر",
            beneficiaries_fr="Administrations et Algérie Poste",
            partners="Algérie Poste, Institut national de cartographie et de télédétection",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الطيف الترددي",
            title_fr="Système d'information de gestion du spectre des fréquences radioélectriques",
            summary_ar=(
                "مسك سجل الترددات المخصصة للإدارات والمتعاملين، ومعالجة طلبات التخصيص وتفادي "
                "التشويش."
            ),
            summary_fr=(
                "Tenir le registre des fréquences assignées aux administrations et aux opérateurs, "
                "traiter les demandes d'assignation et prévenir les brouillages."
            ),
            procedure_ar="تخصيص الترددات",
            procedure_fr="Assignation des fréquences",
            beneficiaries_ar="الإدارات ومتعاملو الاتصالات",
            beneficiaries_fr="Administrations et opérateurs de télécommunications",
            partners="Agence nationale des fréquences",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة جودة خدمات الإنترنت والهاتف",
            title_fr="Système de suivi de la qualité des services internet et de téléphonie",
            summary_ar=(
                "قياس مؤشرات التدفق والتغطية حسب البلدية، بالاعتماد على معطيات المتعاملين وحملات "
                "القياس الميدانية."
            ),
            summary_fr=(
                "Mesurer les indicateurs de débit et de couverture par commune, à partir des "
                "données des opérateurs et des campagnes de mesure sur le terrain."
            ),
            procedure_ar="مراقبة التزامات المتعاملين",
            procedure_fr="Contrôle des obligations des opérateurs",
            beneficiaries_ar="الإدارة المركزية وسلطة الضبط",
            beneficiaries_fr="Administration centrale et autorité de régulation",
            partners="ARPCE",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لتسيير البريد والأرشيف في الإدارة المركزية",
            title_fr=(
                "Plateforme de gestion électronique du courrier et des archives de "
                "l'administration centrale"
            ),
            summary_ar=(
                "تسجيل المراسلات الواردة والصادرة ورقمنتها وأرشفتها آليا، مع متابعة آجال المعالجة."
            ),
            summary_fr=(
                "Enregistrer, numériser et archiver automatiquement le courrier entrant et "
                "sortant, avec suivi des délais de traitement."
            ),
            procedure_ar="معالجة البريد الإداري",
            procedure_fr="Traitement du courrier administratif",
            beneficiaries_ar="مصالح الإدارة المركزية",
            beneficiaries_fr="Services de l'administration centrale",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=(),
            title_ar="ربط مكاتب البريد في المناطق النائية بالشبكة المؤمنة",
            title_fr="Raccordement des bureaux de poste des zones enclavées au réseau sécurisé",
            summary_ar=(
                "ربط مكاتب البريد في المناطق النائية بشبكة مؤمنة، لضمان توفر خدمات السحب والدفع "
                "والتحويل."
            ),
            summary_fr=(
                "Raccorder les bureaux de poste des zones enclavées à un réseau sécurisé "
                "garantissant les services de retrait, de paiement et de virement."
            ),
            procedure_ar="العمليات المالية البريدية",
            procedure_fr="Opérations financières postales",
            beneficiaries_ar="مكاتب البريد في المناطق النائية",
            beneficiaries_fr="Bureaux de poste des zones enclavées",
            partners="Algérie Poste, Algérie Télécom",
        ),
    ),
    "MEM": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لإيداع طلبات السندات المنجمية",
            title_fr="Plateforme de dépôt en ligne des demandes de titres miniers",
            summary_ar=(
                "إيداع طلبات رخص التنقيب والاستغلال المنجمي ومتابعة دراستها من طرف الوكالة الوطنية "
                "للنشاطات المنجمية."
            ),
            summary_fr=(
                "Déposer les demandes de permis d'exploration et d'exploitation minière et suivre "
                "leur instruction par l'Agence nationale des activités minières."
            ),
            procedure_ar="منح السندات المنجمية",
            procedure_fr="Octroi des titres miniers",
            beneficiaries_ar="المستثمرون في القطاع المنجمي",
            beneficiaries_fr="Investisseurs miniers",
            partners="ANAM",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_payment",),
            title_ar="بوابة رقمية لطلبات ربط المؤسسات بشبكتي الكهرباء والغاز",
            title_fr=(
                "Portail de demande de raccordement des entreprises aux réseaux d'électricité et "
                "de gaz"
            ),
            summary_ar=(
                "إيداع طلبات الربط الخاصة بالمشاريع الاستثمارية ومتابعة الدراسة التقنية ودفع "
                "التكاليف إلكترونيا."
            ),
            summary_fr=(
                "Déposer les demandes de raccordement des projets d'investissement, suivre l'étude "
                "technique et payer les frais en ligne."
            ),
            procedure_ar="الربط بشبكتي الكهرباء والغاز",
            procedure_fr="Raccordement aux réseaux d'électricité et de gaz",
            beneficiaries_ar="المؤسسات والمستثمرون",
            beneficiaries_fr="Entreprises et investisseurs",
            partners="Sonelgaz",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات للإحصائيات الطاقوية والحصيلة الوطنية للطاقة",
            title_fr=(
                "Système d'information des statistiques énergétiques et du bilan énergétique "
                "national"
            ),
            summary_ar=(
                "تجميع معطيات إنتاج الطاقة واستهلاكها من مؤسسات القطاع آليا، وإعداد الحصيلة "
                "الطاقوية السنوية."
            ),
            summary_fr=(
                "Collecter automatiquement les données de production et de consommation d'énergie "
                "auprès des entreprises du secteur et établir le bilan énergétique annuel."
            ),
            procedure_ar="إعداد الحصيلة الطاقوية",
            procedure_fr="Établissement du bilan énergétique",
            beneficiaries_ar="الإدارة المركزية",
            beneficiaries_fr="Administration centrale",
            partners="Sonatrach, Sonelgaz",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("open_data",),
            title_ar="السجل المنجمي الرقمي والخريطة الجيولوجية",
            title_fr="Cadastre minier numérique et carte géologique",
            summary_ar=(
                "رقمنة السجل المنجمي والمعطيات الجيولوجية ووضعها في متناول الإدارات والمستثمرين "
                "عبر نظام معلومات جغرافي."
            ),
            summary_fr=(
                "Numériser le cadastre minier et les données géologiques et les mettre à la "
                "disposition des administrations et des investisseurs au moyen d'un système "
                "d'information géographique."
            ),
            procedure_ar="الاطلاع على المساحات المنجمية المتاحة",
            procedure_fr="Consultation des périmètres miniers disponibles",
            beneficiaries_ar="الوكالة الوطنية للنشاطات المنجمية والإدارات",
            beneficiaries_fr="Agence nationale des activités minières et administrations",
            partners="Agence du service géologique de l'Algérie",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع الطاقة والمناجم",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur de l'Énergie "
                "et des Mines"
            ),
            summary_ar=(
                "تسيير الملفات الإدارية والمسار المهني لمستخدمي الإدارة المركزية والمديريات "
                "الولائية للطاقة."
            ),
            summary_fr=(
                "Gérer les dossiers administratifs et la carrière des personnels de "
                "l'administration centrale et des directions de wilaya de l'énergie."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="مستخدمو القطاع",
            beneficiaries_fr="Personnels du secteur",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة تموين السوق الوطنية بالمواد البترولية",
            title_fr=(
                "Système de suivi de l'approvisionnement du marché national en produits pétroliers"
            ),
            summary_ar=(
                "متابعة مخزونات الوقود في مراكز التخزين ومحطات الخدمات، لتفادي الانقطاعات خاصة في "
                "ولايات الجنوب."
            ),
            summary_fr=(
                "Suivre les stocks de carburants dans les centres de stockage et les "
                "stations-service, afin d'éviter les ruptures, notamment dans les wilayas du Sud."
            ),
            procedure_ar="تموين محطات الخدمات",
            procedure_fr="Approvisionnement des stations-service",
            beneficiaries_ar="سلطة ضبط المحروقات ومؤسسة نفطال",
            beneficiaries_fr="Autorité de régulation des hydrocarbures et Naftal",
            partners="Naftal",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="نظام معلومات لمراقبة الأمن الصناعي للمنشآت الطاقوية",
            title_fr=(
                "Système d'information de contrôle de la sécurité industrielle des installations "
                "énergétiques"
            ),
            summary_ar=(
                "تسجيل عمليات التفتيش والحوادث الصناعية وتقاسمها مع مصالح الحماية المدنية والبيئة."
            ),
            summary_fr=(
                "Enregistrer les inspections et les accidents industriels et les partager avec la "
                "protection civile et les services de l'environnement."
            ),
            procedure_ar="مراقبة المنشآت المصنفة",
            procedure_fr="Contrôle des installations classées",
            beneficiaries_ar="مصالح المراقبة والحماية المدنية",
            beneficiaries_fr="Services de contrôle et protection civile",
            partners="Protection civile, Ministère de l'Environnement",
        ),
    ),
    "MI": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لتسجيل المشاريع الاستثمارية ومتابعتها",
            title_fr="Plateforme d'enregistrement et de suivi des projets d'investissement",
            summary_ar=(
                "تسجيل المشاريع الاستثمارية وطلب المزايا الجبائية ومتابعة الملف لدى الشباك الوحيد "
                "اللامركزي."
            ),
            summary_fr=(
                "Enregistrer les projets d'investissement, demander les avantages fiscaux et "
                "suivre le dossier auprès du guichet unique décentralisé."
            ),
            procedure_ar="التصريح بالاستثمار وطلب المزايا",
            procedure_fr="Déclaration d'investissement et demande d'avantages",
            beneficiaries_ar="المستثمرون",
            beneficiaries_fr="Investisseurs",
            partners="ANDI",
        ),
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة رقمية للحصول على العقار الصناعي",
            title_fr="Plateforme d'accès au foncier industriel",
            summary_ar=(
                "عرض الأوعية العقارية المتاحة في المناطق الصناعية ومناطق النشاطات، وإيداع طلبات "
                "الاستفادة منها إلكترونيا."
            ),
            summary_fr=(
                "Afficher les assiettes foncières disponibles dans les zones industrielles et les "
                "zones d'activités et déposer en ligne les demandes d'attribution."
            ),
            procedure_ar="منح العقار الصناعي",
            procedure_fr="Attribution du foncier industriel",
            beneficiaries_ar="المستثمرون الصناعيون",
            beneficiaries_fr="Investisseurs industriels",
            partners="Wilayas, services des domaines",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("open_data",),
            title_ar="البطاقية الوطنية للمؤسسات الصناعية",
            title_fr="Fichier national des entreprises industrielles",
            summary_ar=(
                "جرد المؤسسات الصناعية وقدراتها الإنتاجية ونسب الإدماج فيها، لتوجيه سياسات الإدماج "
                "الوطني."
            ),
            summary_fr=(
                "Recenser les entreprises industrielles, leurs capacités de production et leurs "
                "taux d'intégration, pour orienter les politiques d'intégration nationale."
            ),
            procedure_ar="متابعة النسيج الصناعي",
            procedure_fr="Suivi du tissu industriel",
            beneficiaries_ar="الإدارات الاقتصادية",
            beneficiaries_fr="Administrations économiques",
            partners="ONS",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات لمتابعة المؤسسات العمومية الاقتصادية",
            title_fr="Système d'information de suivi des entreprises publiques économiques",
            summary_ar=(
                "تجميع المؤشرات المالية والإنتاجية للمجمعات الصناعية العمومية ومتابعة مخططات إعادة "
                "تنظيمها."
            ),
            summary_fr=(
                "Agréger les indicateurs financiers et de production des groupes industriels "
                "publics et suivre leurs plans de restructuration."
            ),
            procedure_ar="متابعة أداء المؤسسات العمومية",
            procedure_fr="Suivi de la performance des entreprises publiques",
            beneficiaries_ar="الإدارة المركزية",
            beneficiaries_fr="Administration centrale",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين المعهد الوطني الجزائري للملكية الصناعية والجمارك لمكافحة التقليد",
            title_fr=(
                "Interconnexion de l'INAPI avec les douanes pour la lutte contre la contrefaçon"
            ),
            summary_ar=(
                "إتاحة الاطلاع الآني على العلامات وبراءات الاختراع المسجلة لمصالح الجمارك، لتوقيف "
                "السلع المقلدة عند الحدود."
            ),
            summary_fr=(
                "Donner aux douanes un accès en temps réel aux marques et brevets enregistrés, "
                "afin d'intercepter les marchandises contrefaites aux frontières."
            ),
            procedure_ar="التدخل الجمركي ضد السلع المقلدة",
            procedure_fr="Intervention douanière contre la contrefaçon",
            beneficiaries_ar="المعهد الوطني الجزائري للملكية الصناعية والجمارك",
            beneficiaries_fr="INAPI et douanes",
            partners="INAPI, Direction générale des douanes",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين مصالح الصناعة والجمارك لمتابعة النظام التفضيلي للمكونات المستوردة",
            title_fr=(
                "Interconnexion de l'Industrie avec les douanes pour le suivi du régime "
                "préférentiel des composants importés"
            ),
            summary_ar=(
                "تتبع استعمال المكونات والمواد الأولية المستوردة في إطار النظام التفضيلي، والتحقق "
                "من مطابقتها لدفاتر الشروط."
            ),
            summary_fr=(
                "Suivre l'utilisation des composants et des matières premières importés sous "
                "régime préférentiel et vérifier leur conformité aux cahiers des charges."
            ),
            procedure_ar="منح مقرر التقييم التقني",
            procedure_fr="Délivrance de la décision d'évaluation technique",
            beneficiaries_ar="مصالح الصناعة والجمارك",
            beneficiaries_fr="Services de l'industrie et des douanes",
            partners="Direction générale des douanes",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="منصة رقمية لتسيير الأرشيف الإداري لقطاع الصناعة",
            title_fr=(
                "Plateforme de gestion électronique des archives administratives du secteur de "
                "l'Industrie"
            ),
            summary_ar=(
                "رقمنة أرشيف الإدارة المركزية والمديريات الولائية للصناعة وفهرسته لتسهيل البحث فيه."
            ),
            summary_fr=(
                "Numériser et indexer les archives de l'administration centrale et des directions "
                "de wilaya de l'industrie pour en faciliter la recherche."
            ),
            procedure_ar="البحث في الأرشيف",
            procedure_fr="Recherche dans les archives",
            beneficiaries_ar="مصالح الإدارة المركزية والمديريات الولائية",
            beneficiaries_fr="Services centraux et directions de wilaya",
            partners="Archives nationales",
        ),
    ),
    "MAE": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_signature", "interoperability"),
            title_ar="منصة رقمية للتسجيل القنصلي عن بعد",
            title_fr="Plateforme d'immatriculation consulaire en ligne",
            summary_ar=(
                "تمكين أفراد الجالية الوطنية بالخارج من التسجيل في القنصلية وتحيين معطياتهم "
                "واستلام بطاقة التسجيل القنصلي دون التنقل."
            ),
            summary_fr=(
                "Permettre aux membres de la communauté nationale à l'étranger de s'immatriculer "
                "au consulat, de mettre à jour leurs données et de recevoir leur carte consulaire "
                "sans se déplacer."
            ),
            procedure_ar="التسجيل القنصلي",
            procedure_fr="Immatriculation consulaire",
            beneficiaries_ar="الجالية الوطنية بالخارج",
            beneficiaries_fr="Communauté nationale à l'étranger",
            partners="",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("mobile",),
            title_ar="منصة رقمية لحجز المواعيد في المراكز القنصلية",
            title_fr="Plateforme de prise de rendez-vous dans les postes consulaires",
            summary_ar=(
                "حجز المواعيد لإيداع ملفات جواز السفر وبطاقة التعريف الوطنية والحالة المدنية في "
                "القنصليات، وتقليص مدة الانتظار."
            ),
            summary_fr=(
                "Réserver les rendez-vous pour le dépôt des dossiers de passeport, de carte "
                "nationale d'identité et d'état civil dans les consulats, et réduire l'attente."
            ),
            procedure_ar="إيداع الملفات في القنصليات",
            procedure_fr="Dépôt des dossiers aux consulats",
            beneficiaries_ar="الجالية الوطنية بالخارج",
            beneficiaries_fr="Communauté nationale à l'étranger",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="ربط المراكز القنصلية بالسجل الوطني الآلي للحالة المدنية",
            title_fr=(
                "Raccordement des postes consulaires au registre national automatisé de l'état "
                "civil"
            ),
            summary_ar=(
                "تسجيل عقود الحالة المدنية المحررة في القنصليات مباشرة في السجل الوطني، وتمكين "
                "القنصليات من استخراج الوثائق."
            ),
            summary_fr=(
                "Inscrire directement dans le registre national les actes d'état civil dressés "
                "dans les consulats et permettre aux consulats de délivrer les documents."
            ),
            procedure_ar="تسجيل عقود الحالة المدنية القنصلية",
            procedure_fr="Transcription des actes d'état civil consulaires",
            beneficiaries_ar="المراكز القنصلية والبلديات",
            beneficiaries_fr="Postes consulaires et communes",
            partners="Ministère de l'Intérieur",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("e_signature",),
            title_ar="نظام رقمي لتسيير المراسلات الدبلوماسية المؤمنة",
            title_fr="Système de gestion sécurisée de la correspondance diplomatique",
            summary_ar=(
                "تبادل البرقيات والمراسلات بين الإدارة المركزية والممثليات الدبلوماسية عبر قناة "
                "مشفرة، مع أرشفتها آليا."
            ),
            summary_fr=(
                "Échanger les télégrammes et les correspondances entre l'administration centrale "
                "et les représentations diplomatiques par un canal chiffré, avec archivage "
                "automatique."
            ),
            procedure_ar="تبادل المراسلات الدبلوماسية",
            procedure_fr="Échange de la correspondance diplomatique",
            beneficiaries_ar="الإدارة المركزية والممثليات الدبلوماسية",
            beneficiaries_fr="Administration centrale et représentations diplomatiques",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="رقمنة الأرشيف الدبلوماسي",
            title_fr="Numérisation des archives diplomatiques",
            summary_ar=(
                "رقمنة الاتفاقيات الدولية والوثائق الدبلوماسية وفهرستها، لحفظها وتسهيل الرجوع "
                "إليها."
            ),
            summary_fr=(
                "Numériser et indexer les accords internationaux et les documents diplomatiques, "
                "afin de les préserver et d'en faciliter la consultation."
            ),
            procedure_ar="حفظ الاتفاقيات الدولية والرجوع إليها",
            procedure_fr="Conservation et consultation des accords internationaux",
            beneficiaries_ar="مصالح الوزارة",
            beneficiaries_fr="Services du ministère",
            partners="Archives nationales",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المستخدمين والحركة الدبلوماسية",
            title_fr="Système d'information de gestion du personnel et du mouvement diplomatique",
            summary_ar=(
                "تسيير المسار المهني للدبلوماسيين والأعوان القنصليين وحركة التعيينات في المراكز "
                "بالخارج."
            ),
            summary_fr=(
                "Gérer la carrière des diplomates et des agents consulaires et le mouvement des "
                "affectations dans les postes à l'étranger."
            ),
            procedure_ar="تسيير الحركة الدبلوماسية",
            procedure_fr="Gestion du mouvement diplomatique",
            beneficiaries_ar="الدبلوماسيون والأعوان القنصليون",
            beneficiaries_fr="Diplomates et agents consulaires",
            partners="",
        ),
    ),
    "MFEP": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("mobile",),
            title_ar="منصة رقمية للتسجيل عن بعد في عروض التكوين المهني",
            title_fr="Plateforme d'inscription en ligne aux offres de formation professionnelle",
            summary_ar=(
                "الاطلاع على التخصصات المتوفرة في كل مؤسسة، وإيداع طلب التسجيل واختيار التخصص قبل "
                "كل دورة."
            ),
            summary_fr=(
                "Consulter les spécialités offertes par chaque établissement, déposer sa demande "
                "d'inscription et choisir sa spécialité avant chaque session."
            ),
            procedure_ar="التسجيل في التكوين المهني",
            procedure_fr="Inscription en formation professionnelle",
            beneficiaries_ar="الشباب الراغبون في التكوين",
            beneficiaries_fr="Jeunes candidats à la formation",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("cloud",),
            title_ar="منصة التكوين عن بعد لقطاع التكوين والتعليم المهنيين",
            title_fr=(
                "Plateforme de formation à distance du secteur de la Formation et de "
                "l'Enseignement professionnels"
            ),
            summary_ar=(
                "تقديم الدروس النظرية عن بعد للمتربصين والمتمهنين، وتوفير دعائم بيداغوجية رقمية "
                "للمكونين."
            ),
            summary_fr=(
                "Dispenser à distance les cours théoriques aux stagiaires et aux apprentis et "
                "fournir des supports pédagogiques numériques aux formateurs."
            ),
            procedure_ar="تقديم الدروس النظرية",
            procedure_fr="Dispense des cours théoriques",
            beneficiaries_ar="المكونون والمتربصون",
            beneficiaries_fr="Formateurs et stagiaires",
            partners="CERIST",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المتربصين ومؤسسات التكوين",
            title_fr=(
                "Système d'information de gestion des stagiaires et des établissements de formation"
            ),
            summary_ar=(
                "تسيير المسار التكويني للمتربصين من التسجيل إلى التخرج، وتسليم الشهادات في كل "
                "المراكز والمعاهد."
            ),
            summary_fr=(
                "Gérer le parcours des stagiaires, de l'inscription à la sortie, et la délivrance "
                "des diplômes dans tous les centres et instituts."
            ),
            procedure_ar="تسليم شهادات التكوين",
            procedure_fr="Délivrance des diplômes de formation",
            beneficiaries_ar="مراكز ومعاهد التكوين المهني",
            beneficiaries_fr="Centres et instituts de formation professionnelle",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين قطاع التكوين المهني والوكالة الوطنية للتشغيل",
            title_fr="Interconnexion de la formation professionnelle avec l'ANEM",
            summary_ar=(
                "تبادل قوائم المتخرجين مع الوكالة الوطنية للتشغيل لتسهيل إدماجهم، ومواءمة التخصصات "
                "مع عروض العمل."
            ),
            summary_fr=(
                "Échanger les listes des diplômés avec l'ANEM pour faciliter leur insertion et "
                "adapter les spécialités aux offres d'emploi."
            ),
            procedure_ar="إدماج خريجي التكوين المهني",
            procedure_fr="Insertion des diplômés de la formation professionnelle",
            beneficiaries_ar="الوكالة الوطنية للتشغيل ومؤسسات التكوين",
            beneficiaries_fr="ANEM et établissements de formation",
            partners="ANEM",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير التمهين وعقود التمهين",
            title_fr=(
                "Système d'information de gestion de l'apprentissage et des contrats "
                "d'apprentissage"
            ),
            summary_ar=(
                "تسجيل عقود التمهين المبرمة مع المستخدمين، ومتابعة المتمهنين وصرف المنح المرتبطة "
                "بها."
            ),
            summary_fr=(
                "Enregistrer les contrats d'apprentissage conclus avec les employeurs, suivre les "
                "apprentis et verser les présalaires correspondants."
            ),
            procedure_ar="إبرام عقود التمهين",
            procedure_fr="Conclusion des contrats d'apprentissage",
            beneficiaries_ar="مؤسسات التكوين المهني والمتمهنون",
            beneficiaries_fr="Établissements de formation et apprentis",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="المدونة الرقمية لشعب وتخصصات التكوين المهني",
            title_fr=(
                "Nomenclature numérique des branches et spécialités de la formation professionnelle"
            ),
            summary_ar=(
                "تحيين مدونة التخصصات وبرامجها في قاعدة مركزية تعتمد عليها كل المؤسسات في إعداد "
                "عروض التكوين."
            ),
            summary_fr=(
                "Mettre à jour la nomenclature des spécialités et de leurs programmes dans une "
                "base centrale sur laquelle s'appuient tous les établissements pour établir leurs "
                "offres."
            ),
            procedure_ar="إعداد عروض التكوين",
            procedure_fr="Élaboration de l'offre de formation",
            beneficiaries_ar="مؤسسات التكوين المهني",
            beneficiaries_fr="Établissements de formation professionnelle",
            partners="",
        ),
    ),
    "MSNFCF": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=(),
            title_ar="منصة رقمية لإيداع طلبات بطاقة الشخص المعاق والمنحة المالية",
            title_fr=(
                "Plateforme de dépôt en ligne des demandes de carte et d'allocation de personne "
                "handicapée"
            ),
            summary_ar=(
                "إيداع طلبات بطاقة الإعاقة والمنحة المالية ومتابعة مآلها، دون تنقل المعني أو ذويه "
                "إلى مديرية النشاط الاجتماعي."
            ),
            summary_fr=(
                "Déposer les demandes de carte et d'allocation de personne handicapée et en suivre "
                "l'aboutissement, sans que l'intéressé ou sa famille se déplace à la direction de "
                "l'action sociale."
            ),
            procedure_ar="الحصول على بطاقة الشخص المعاق",
            procedure_fr="Obtention de la carte de personne handicapée",
            beneficiaries_ar="الأشخاص ذوو الإعاقة وذووهم",
            beneficiaries_fr="Personnes handicapées et leurs familles",
            partners="",
        ),
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("mobile",),
            title_ar="منصة رقمية للإصغاء والتبليغ عن العنف ضد النساء والأطفال",
            title_fr=(
                "Plateforme numérique d'écoute et de signalement des violences faites aux femmes "
                "et aux enfants"
            ),
            summary_ar=(
                "تمكين الضحايا والشهود من التبليغ عبر الهاتف أو الموقع الإلكتروني، وتوجيههم نحو "
                "خلايا الإصغاء والتكفل."
            ),
            summary_fr=(
                "Permettre aux victimes et aux témoins d'effectuer un signalement par téléphone ou "
                "en ligne et les orienter vers les cellules d'écoute et de prise en charge."
            ),
            procedure_ar="التبليغ عن حالات العنف",
            procedure_fr="Signalement des violences",
            beneficiaries_ar="النساء والأطفال في وضعية صعبة",
            beneficiaries_fr="Femmes et enfants en situation difficile",
            partners="DGSN, Gendarmerie nationale",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="البطاقية الوطنية الموحدة للفئات المعوزة",
            title_fr="Fichier national unifié des personnes démunies",
            summary_ar=(
                "توحيد قوائم المستفيدين من المنحة الجزافية للتضامن ومختلف الإعانات، لضمان "
                "الاستهداف الدقيق."
            ),
            summary_fr=(
                "Unifier les listes des bénéficiaires de l'allocation forfaitaire de solidarité et "
                "des différentes aides, afin d'assurer un ciblage précis."
            ),
            procedure_ar="منح الإعانات الاجتماعية",
            procedure_fr="Attribution des aides sociales",
            beneficiaries_ar="مديريات النشاط الاجتماعي والبلديات",
            beneficiaries_fr="Directions de l'action sociale et communes",
            partners="Ministère de l'Intérieur",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المؤسسات المتخصصة",
            title_fr="Système d'information de gestion des établissements spécialisés",
            summary_ar=(
                "متابعة المقيمين والمستخدمين والميزانية في دور الأشخاص المسنين ومراكز الطفولة "
                "المسعفة والمدارس المتخصصة."
            ),
            summary_fr=(
                "Suivre les pensionnaires, les personnels et le budget des foyers pour personnes "
                "âgées, des centres de l'enfance assistée et des écoles spécialisées."
            ),
            procedure_ar="التكفل بالمقيمين",
            procedure_fr="Prise en charge des pensionnaires",
            beneficiaries_ar="المؤسسات المتخصصة",
            beneficiaries_fr="Établissements spécialisés",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية لقطاع التضامن الوطني",
            title_fr=(
                "Système d'information de gestion des ressources humaines du secteur de la "
                "Solidarité nationale"
            ),
            summary_ar=(
                "مسك الملفات الإدارية لمستخدمي الإدارة المركزية ومديريات النشاط الاجتماعي "
                "والمؤسسات المتخصصة."
            ),
            summary_fr=(
                "Tenir les dossiers administratifs des personnels de l'administration centrale, "
                "des directions de l'action sociale et des établissements spécialisés."
            ),
            procedure_ar="تسيير المسار المهني",
            procedure_fr="Gestion des carrières",
            beneficiaries_ar="مستخدمو القطاع",
            beneficiaries_fr="Personnels du secteur",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=("data_science",),
            title_ar="لوحة قيادة لمتابعة برامج التضامن الوطني",
            title_fr="Tableau de bord de suivi des programmes de solidarité nationale",
            summary_ar=(
                "متابعة عدد المستفيدين والاعتمادات المستهلكة في كل برنامج حسب الولاية، لا سيما "
                "خلال عمليات التضامن الموسمية."
            ),
            summary_fr=(
                "Suivre le nombre de bénéficiaires et les crédits consommés par programme et par "
                "wilaya, notamment lors des opérations de solidarité saisonnières."
            ),
            procedure_ar="متابعة برامج التضامن",
            procedure_fr="Suivi des programmes de solidarité",
            beneficiaries_ar="الإدارة المركزية ومديريات النشاط الاجتماعي",
            beneficiaries_fr="Administration centrale et directions de l'action sociale",
            partners="",
        ),
    ),
    "MRE": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_payment",),
            title_ar="منصة رقمية لطلب الربط بشبكة المياه الصالحة للشرب ودفع الفواتير",
            title_fr=(
                "Plateforme de demande de raccordement au réseau d'eau potable et de paiement des "
                "factures"
            ),
            summary_ar=(
                "إيداع طلبات الربط ومتابعتها ودفع فواتير الماء إلكترونيا لدى الجزائرية للمياه."
            ),
            summary_fr=(
                "Déposer et suivre les demandes de raccordement et payer les factures d'eau en "
                "ligne auprès de l'Algérienne des eaux."
            ),
            procedure_ar="الربط بشبكة المياه",
            procedure_fr="Raccordement au réseau d'eau",
            beneficiaries_ar="المشتركون",
            beneficiaries_fr="Abonnés",
            partners="Algérienne des eaux, Algérie Poste",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة مخزون السدود والموارد المائية",
            title_fr="Système de suivi des réserves des barrages et des ressources en eau",
            summary_ar=(
                "متابعة يومية لمنسوب السدود وإنتاج محطات تحلية مياه البحر والآبار، لضمان التموين "
                "بالماء الشروب."
            ),
            summary_fr=(
                "Suivre quotidiennement le niveau des barrages et la production des stations de "
                "dessalement et des forages, pour garantir l'alimentation en eau potable."
            ),
            procedure_ar="برمجة توزيع المياه",
            procedure_fr="Programmation de la distribution d'eau",
            beneficiaries_ar="الإدارة المركزية والوكالة الوطنية للسدود والتحويلات",
            beneficiaries_fr=(
                "Administration centrale et Agence nationale des barrages et transferts"
            ),
            partners="ANBT",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="السجل الوطني لرخص استعمال الموارد المائية",
            title_fr="Registre national des autorisations d'utilisation des ressources en eau",
            summary_ar=(
                "رقمنة رخص حفر الآبار واستغلالها ومقاطعتها مع معطيات الفلاحة، لمكافحة الاستغلال "
                "غير القانوني للمياه الجوفية."
            ),
            summary_fr=(
                "Numériser les autorisations de forage et d'exploitation des puits et les croiser "
                "avec les données agricoles, pour lutter contre l'exploitation illicite des eaux "
                "souterraines."
            ),
            procedure_ar="منح رخص حفر الآبار",
            procedure_fr="Octroi des autorisations de forage",
            beneficiaries_ar="مديريات الموارد المائية ومصالح الفلاحة",
            beneficiaries_fr="Directions des ressources en eau et services agricoles",
            partners="Ministère de l'Agriculture",
        ),
        _Spec(
            target=_ADM,
            kind=_INF,
            technologies=("data_science",),
            title_ar="نظام التسيير والمراقبة عن بعد لشبكات توزيع المياه",
            title_fr=(
                "Système de télégestion et de télésurveillance des réseaux de distribution d'eau"
            ),
            summary_ar=(
                "تركيب لواقط وعدادات ذكية على شبكات المدن الكبرى لكشف التسربات وتقليص ضياع المياه."
            ),
            summary_fr=(
                "Installer des capteurs et des compteurs intelligents sur les réseaux des grandes "
                "villes pour détecter les fuites et réduire les pertes d'eau."
            ),
            procedure_ar="صيانة شبكات التوزيع",
            procedure_fr="Maintenance des réseaux de distribution",
            beneficiaries_ar="الجزائرية للمياه",
            beneficiaries_fr="Algérienne des eaux",
            partners="Algérienne des eaux",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة مشاريع التطهير ومحطات التصفية",
            title_fr="Système de suivi des projets d'assainissement et des stations d'épuration",
            summary_ar=(
                "متابعة إنجاز محطات تصفية المياه المستعملة واستغلالها، وقياس نسب إعادة استعمال "
                "المياه المصفاة في الفلاحة."
            ),
            summary_fr=(
                "Suivre la réalisation et l'exploitation des stations d'épuration des eaux usées "
                "et mesurer le taux de réutilisation des eaux épurées en agriculture."
            ),
            procedure_ar="متابعة استغلال محطات التصفية",
            procedure_fr="Suivi de l'exploitation des stations d'épuration",
            beneficiaries_ar="الديوان الوطني للتطهير",
            beneficiaries_fr="Office national de l'assainissement",
            partners="ONA",
        ),
    ),
    "MTP": (
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام معلومات لتسيير شبكة الطرق الوطنية",
            title_fr="Système d'information de gestion du réseau routier national",
            summary_ar="جرد الطرق والمنشآت الفنية وحالتها، وبرمجة أشغال الصيانة حسب الأولوية.",
            summary_fr=(
                "Inventorier les routes et les ouvrages d'art ainsi que leur état et programmer "
                "les travaux d'entretien par ordre de priorité."
            ),
            procedure_ar="برمجة صيانة الطرق",
            procedure_fr="Programmation de l'entretien routier",
            beneficiaries_ar="مديريات الأشغال العمومية",
            beneficiaries_fr="Directions des travaux publics",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="البطاقية الوطنية للمنشآت الفنية",
            title_fr="Fichier national des ouvrages d'art",
            summary_ar=(
                "إنشاء ملف رقمي لكل جسر ونفق يتضمن نتائج المعاينات الدورية، لضمان سلامة المنشآت."
            ),
            summary_fr=(
                "Créer un dossier numérique pour chaque pont et chaque tunnel comprenant les "
                "résultats des inspections périodiques, afin d'assurer la sécurité des ouvrages."
            ),
            procedure_ar="المعاينة الدورية للمنشآت",
            procedure_fr="Inspection périodique des ouvrages",
            beneficiaries_ar="مخابر ومصالح الأشغال العمومية",
            beneficiaries_fr="Laboratoires et services des travaux publics",
            partners="Contrôle technique des travaux publics",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("interoperability",),
            title_ar="منصة رقمية لتنسيق رخص شغل الطريق العمومي بين المتدخلين",
            title_fr="Plateforme de coordination des permissions de voirie entre intervenants",
            summary_ar=(
                "تنسيق أشغال الحفر التي تقوم بها مؤسسات الماء والكهرباء والاتصالات على الطرق، "
                "لتفادي تكرار إتلافها."
            ),
            summary_fr=(
                "Coordonner les travaux de fouille des sociétés d'eau, d'électricité et de "
                "télécommunications sur les routes, afin d'éviter leur dégradation répétée."
            ),
            procedure_ar="منح رخص شغل الطريق",
            procedure_fr="Délivrance des permissions de voirie",
            beneficiaries_ar="مديريات الأشغال العمومية والمؤسسات المتدخلة",
            beneficiaries_fr="Directions des travaux publics et concessionnaires de réseaux",
            partners="Sonelgaz, Algérienne des eaux, Algérie Télécom",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة مشاريع الطرق والطرق السريعة",
            title_fr="Système de suivi des projets routiers et autoroutiers",
            summary_ar=(
                "متابعة الإنجاز المادي والمالي للمشاريع والنزاعات المرتبطة بها عبر لوحة قيادة "
                "موحدة."
            ),
            summary_fr=(
                "Suivre l'avancement physique et financier des projets et les contentieux associés "
                "sur un tableau de bord unifié."
            ),
            procedure_ar="متابعة الصفقات والمشاريع",
            procedure_fr="Suivi des marchés et des projets",
            beneficiaries_ar="الإدارة المركزية ومديريات الأشغال العمومية",
            beneficiaries_fr="Administration centrale et directions des travaux publics",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("mobile",),
            title_ar="منصة رقمية لتسيير صلاحية الطرق في فصل الشتاء وإعادة فتح الطرق المقطوعة",
            title_fr=(
                "Plateforme de gestion de la viabilité hivernale et de la réouverture des routes "
                "coupées"
            ),
            summary_ar=(
                "متابعة آنية لحالة الطرق المقطوعة بسبب الثلوج والفيضانات، وتنسيق تدخل الوسائل "
                "لإعادة فتحها."
            ),
            summary_fr=(
                "Suivre en temps réel l'état des routes coupées par la neige ou les inondations et "
                "coordonner l'intervention des moyens pour les rouvrir."
            ),
            procedure_ar="التدخل لإعادة فتح الطرق",
            procedure_fr="Intervention pour la réouverture des routes",
            beneficiaries_ar="مديريات الأشغال العمومية والسلطات المحلية",
            beneficiaries_fr="Directions des travaux publics et autorités locales",
            partners="Protection civile, Gendarmerie nationale",
        ),
    ),
    "MENV": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لإيداع دراسات التأثير على البيئة وطلبات رخص المنشآت المصنفة",
            title_fr=(
                "Plateforme de dépôt des études d'impact sur l'environnement et des demandes "
                "d'autorisation d'installations classées"
            ),
            summary_ar=(
                "تمكين المؤسسات من إيداع دراسات التأثير وطلبات رخص الاستغلال، ومتابعة دراستها من "
                "طرف اللجان الولائية."
            ),
            summary_fr=(
                "Permettre aux entreprises de déposer leurs études d'impact et leurs demandes "
                "d'autorisation d'exploitation et d'en suivre l'examen par les commissions de "
                "wilaya."
            ),
            procedure_ar="الموافقة على دراسة التأثير",
            procedure_fr="Approbation de l'étude d'impact",
            beneficiaries_ar="المؤسسات الصناعية",
            beneficiaries_fr="Entreprises industrielles",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="السجل الوطني للنفايات الخاصة والخطرة",
            title_fr="Registre national des déchets spéciaux et dangereux",
            summary_ar=(
                "تتبع كميات النفايات الخاصة ونقلها ومعالجتها من المنتج إلى مركز المعالجة، بمشاركة "
                "المصالح المعنية."
            ),
            summary_fr=(
                "Tracer les quantités de déchets spéciaux, leur transport et leur traitement, du "
                "producteur au centre de traitement, avec les services concernés."
            ),
            procedure_ar="التصريح بالنفايات الخاصة",
            procedure_fr="Déclaration des déchets spéciaux",
            beneficiaries_ar="مديريات البيئة",
            beneficiaries_fr="Directions de l'environnement",
            partners="Agence nationale des déchets",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science", "open_data"),
            title_ar="نظام معلومات لرصد نوعية الهواء",
            title_fr="Système d'information de surveillance de la qualité de l'air",
            summary_ar="تجميع قياسات محطات رصد نوعية الهواء في المدن الكبرى ونشر مؤشر يومي للتلوث.",
            summary_fr=(
                "Centraliser les mesures des stations de surveillance de la qualité de l'air dans "
                "les grandes villes et publier un indice quotidien de pollution."
            ),
            procedure_ar="مراقبة التلوث الجوي",
            procedure_fr="Contrôle de la pollution atmosphérique",
            beneficiaries_ar="المرصد الوطني للبيئة والتنمية المستدامة",
            beneficiaries_fr="Observatoire national de l'environnement et du développement durable",
            partners="ONEDD",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("data_science",),
            title_ar="نظام معلومات لتسيير المساحات الخضراء والمجالات المحمية",
            title_fr="Système d'information de gestion des espaces verts et des aires protégées",
            summary_ar=(
                "جرد المساحات الخضراء الحضرية والمجالات المحمية، وتتبع حالتها وبرامج تهيئتها."
            ),
            summary_fr=(
                "Inventorier les espaces verts urbains et les aires protégées et suivre leur état "
                "et leurs programmes d'aménagement."
            ),
            procedure_ar="تصنيف المساحات الخضراء",
            procedure_fr="Classement des espaces verts",
            beneficiaries_ar="مديريات البيئة والبلديات",
            beneficiaries_fr="Directions de l'environnement et communes",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_PF,
            technologies=("data_science",),
            title_ar="منصة رقمية لمتابعة برامج الفرز الانتقائي واسترجاع النفايات المنزلية",
            title_fr=(
                "Plateforme de suivi des programmes de tri sélectif et de valorisation des déchets "
                "ménagers"
            ),
            summary_ar=(
                "متابعة مؤشرات الفرز والاسترجاع لدى البلديات ومراكز الردم التقني، لتقييم المخطط "
                "الوطني لتسيير النفايات."
            ),
            summary_fr=(
                "Suivre les indicateurs de tri et de valorisation des communes et des centres "
                "d'enfouissement technique, afin d'évaluer le plan national de gestion des "
                "déchets."
            ),
            procedure_ar="تسيير النفايات المنزلية",
            procedure_fr="Gestion des déchets ménagers",
            beneficiaries_ar="البلديات ومراكز الردم التقني",
            beneficiaries_fr="Communes et centres d'enfouissement technique",
            partners="Agence nationale des déchets",
        ),
    ),
    "MIP": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature", "e_payment"),
            title_ar="منصة رقمية لتسجيل المواد الصيدلانية والمستلزمات الطبية",
            title_fr=(
                "Plateforme d'enregistrement en ligne des produits pharmaceutiques et des "
                "dispositifs médicaux"
            ),
            summary_ar=(
                "إيداع ملفات تسجيل الأدوية ودفع الحقوق ومتابعة دراستها لدى الوكالة الوطنية للمواد "
                "الصيدلانية."
            ),
            summary_fr=(
                "Déposer les dossiers d'enregistrement des médicaments, payer les droits et suivre "
                "leur examen auprès de l'Agence nationale des produits pharmaceutiques."
            ),
            procedure_ar="تسجيل المواد الصيدلانية",
            procedure_fr="Enregistrement des produits pharmaceutiques",
            beneficiaries_ar="المنتجون والمستوردون الصيدلانيون",
            beneficiaries_fr="Producteurs et importateurs pharmaceutiques",
            partners="ANPP",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability", "data_science"),
            title_ar="النظام الوطني لمتابعة توفر الأدوية",
            title_fr="Système national de suivi de la disponibilité des médicaments",
            summary_ar=(
                "متابعة مخزونات الأدوية لدى المنتجين والموزعين والصيدلية المركزية للمستشفيات، "
                "لاستباق حالات الندرة."
            ),
            summary_fr=(
                "Suivre les stocks de médicaments chez les producteurs, les distributeurs et la "
                "Pharmacie centrale des hôpitaux, pour anticiper les pénuries."
            ),
            procedure_ar="ضبط سوق الأدوية",
            procedure_fr="Régulation du marché du médicament",
            beneficiaries_ar="مصالح الوزارة والصيدلية المركزية للمستشفيات",
            beneficiaries_fr="Services du ministère et Pharmacie centrale des hôpitaux",
            partners="Ministère de la Santé",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة برامج استيراد الأدوية والإنتاج الوطني",
            title_fr=(
                "Système de suivi des programmes d'importation et de la production nationale de "
                "médicaments"
            ),
            summary_ar=(
                "دراسة برامج الاستيراد السنوية ومقارنتها بقدرات الإنتاج الوطني، لتشجيع التصنيع "
                "المحلي."
            ),
            summary_fr=(
                "Examiner les programmes annuels d'importation et les comparer aux capacités de "
                "production nationale, afin d'encourager la fabrication locale."
            ),
            procedure_ar="المصادقة على برامج الاستيراد",
            procedure_fr="Validation des programmes d'importation",
            beneficiaries_ar="مصالح الوزارة",
            beneficiaries_fr="Services du ministère",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الموارد البشرية والوسائل لوزارة الصناعة الصيدلانية",
            title_fr=(
                "Système d'information de gestion des ressources humaines et des moyens du "
                "ministère de l'Industrie pharmaceutique"
            ),
            summary_ar="تسيير المستخدمين والميزانية والوسائل العامة للوزارة في نظام متكامل.",
            summary_fr=(
                "Gérer le personnel, le budget et les moyens généraux du ministère dans un système "
                "intégré."
            ),
            procedure_ar="تسيير المستخدمين والوسائل",
            procedure_fr="Gestion du personnel et des moyens",
            beneficiaries_ar="مستخدمو الوزارة",
            beneficiaries_fr="Personnels du ministère",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="قاعدة بيانات الأسعار المرجعية للأدوية",
            title_fr="Base de données des prix de référence des médicaments",
            summary_ar=(
                "إعداد قاعدة مرجعية لأسعار الأدوية المسوقة، تعتمد عليها لجنة الأسعار وهيئات الضمان "
                "الاجتماعي."
            ),
            summary_fr=(
                "Constituer une base de référence des prix des médicaments commercialisés, "
                "utilisée par le comité des prix et par la sécurité sociale."
            ),
            procedure_ar="تحديد أسعار الأدوية",
            procedure_fr="Fixation des prix des médicaments",
            beneficiaries_ar="لجنة الأسعار وهيئات الضمان الاجتماعي",
            beneficiaries_fr="Comité des prix et organismes de sécurité sociale",
            partners="CNAS",
        ),
    ),
    "MJS": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("mobile",),
            title_ar="منصة رقمية لحجز المنشآت الرياضية الجوارية",
            title_fr=(
                "Plateforme de réservation en ligne des infrastructures sportives de proximité"
            ),
            summary_ar=(
                "تمكين الشباب والجمعيات من حجز الملاعب الجوارية والقاعات متعددة الرياضات عبر "
                "الإنترنت."
            ),
            summary_fr=(
                "Permettre aux jeunes et aux associations de réserver en ligne les stades de "
                "proximité et les salles omnisports."
            ),
            procedure_ar="حجز المنشآت الرياضية",
            procedure_fr="Réservation des infrastructures sportives",
            beneficiaries_ar="الشباب والجمعيات",
            beneficiaries_fr="Jeunes et associations",
            partners="Offices des établissements de jeunes",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير الإعانات الممنوحة للاتحادات والجمعيات الرياضية",
            title_fr=(
                "Système de gestion des subventions accordées aux fédérations et associations "
                "sportives"
            ),
            summary_ar=(
                "دراسة طلبات الإعانة ومتابعة استعمالها وتقييم حصائل الاتحادات والجمعيات إلكترونيا."
            ),
            summary_fr=(
                "Instruire les demandes de subvention, suivre leur utilisation et évaluer les "
                "bilans des fédérations et des associations en ligne."
            ),
            procedure_ar="منح الإعانات",
            procedure_fr="Attribution des subventions",
            beneficiaries_ar="مديريات الشباب والرياضة",
            beneficiaries_fr="Directions de la jeunesse et des sports",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="البطاقية الوطنية للمنشآت الشبانية والرياضية",
            title_fr="Fichier national des infrastructures de jeunesse et de sport",
            summary_ar="جرد دور الشباب والمركبات الرياضية والمسابح، وحالتها وطاقات استيعابها.",
            summary_fr=(
                "Recenser les maisons de jeunes, les complexes sportifs et les piscines, leur état "
                "et leurs capacités d'accueil."
            ),
            procedure_ar="برمجة صيانة المنشآت",
            procedure_fr="Programmation de l'entretien des infrastructures",
            beneficiaries_ar="مديريات الشباب والرياضة",
            beneficiaries_fr="Directions de la jeunesse et des sports",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("interoperability",),
            title_ar="البطاقية الوطنية للرياضيين المجازين",
            title_fr="Fichier national des sportifs licenciés",
            summary_ar=(
                "توحيد إجازات الرياضيين الصادرة عن الاتحادات في قاعدة وطنية، لتسهيل الرقابة الطبية "
                "ومكافحة المنشطات."
            ),
            summary_fr=(
                "Centraliser les licences délivrées par les fédérations dans une base nationale, "
                "pour faciliter le contrôle médical et la lutte antidopage."
            ),
            procedure_ar="إصدار الإجازات الرياضية",
            procedure_fr="Délivrance des licences sportives",
            beneficiaries_ar="الاتحادات الرياضية",
            beneficiaries_fr="Fédérations sportives",
            partners="Comité olympique et sportif algérien",
        ),
        _Spec(
            target=_ADM,
            kind=_PF,
            technologies=(),
            title_ar="منصة رقمية لتسيير المخيمات الصيفية وتبادل الشباب",
            title_fr="Plateforme de gestion des colonies de vacances et des échanges de jeunes",
            summary_ar=(
                "برمجة حصص المخيمات الصيفية بين الولايات، وتوزيع أماكن الإيواء ومتابعة عدد "
                "المستفيدين."
            ),
            summary_fr=(
                "Programmer les séjours de colonies de vacances entre wilayas, répartir les places "
                "d'hébergement et suivre le nombre de bénéficiaires."
            ),
            procedure_ar="تنظيم المخيمات الصيفية",
            procedure_fr="Organisation des colonies de vacances",
            beneficiaries_ar="مديريات الشباب والرياضة ودواوين مؤسسات الشباب",
            beneficiaries_fr=(
                "Directions de la jeunesse et des sports et offices des établissements de jeunes"
            ),
            partners="",
        ),
    ),
    "MCA": (
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("open_data",),
            title_ar="رقمنة المخطوطات والتراث الثقافي المادي",
            title_fr="Numérisation des manuscrits et du patrimoine culturel matériel",
            summary_ar=(
                "رقمنة المخطوطات المحفوظة في المكتبة الوطنية والخزائن الخاصة، وجرد الممتلكات "
                "الثقافية المصنفة."
            ),
            summary_fr=(
                "Numériser les manuscrits conservés à la Bibliothèque nationale et dans les "
                "collections privées et inventorier les biens culturels classés."
            ),
            procedure_ar="جرد الممتلكات الثقافية",
            procedure_fr="Inventaire des biens culturels",
            beneficiaries_ar="المكتبة الوطنية ومصالح التراث",
            beneficiaries_fr="Bibliothèque nationale et services du patrimoine",
            partners="Bibliothèque nationale d'Algérie, CNRPAH",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="نظام معلومات لتسيير حقوق المؤلف والحقوق المجاورة",
            title_fr="Système d'information de gestion des droits d'auteur et des droits voisins",
            summary_ar=(
                "تسجيل المصنفات وتوزيع حقوق المؤلفين آليا، وربط الديوان بالهيئات المستعملة "
                "للمصنفات."
            ),
            summary_fr=(
                "Enregistrer les œuvres, répartir automatiquement les droits des auteurs et relier "
                "l'office aux organismes utilisateurs des œuvres."
            ),
            procedure_ar="التصريح بالمصنفات",
            procedure_fr="Déclaration des œuvres",
            beneficiaries_ar="الديوان الوطني لحقوق المؤلف والحقوق المجاورة",
            beneficiaries_fr="Office national des droits d'auteur et des droits voisins",
            partners="ONDA",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المؤسسات الثقافية ونشاطاتها",
            title_fr=(
                "Système d'information de gestion des établissements culturels et de leurs "
                "activités"
            ),
            summary_ar="متابعة برامج دور الثقافة والمسارح والمتاحف، وإحصاء روادها في كل ولاية.",
            summary_fr=(
                "Suivre les programmes des maisons de la culture, des théâtres et des musées et "
                "mesurer leur fréquentation dans chaque wilaya."
            ),
            procedure_ar="برمجة النشاطات الثقافية",
            procedure_fr="Programmation des activités culturelles",
            beneficiaries_ar="مديريات الثقافة",
            beneficiaries_fr="Directions de la culture",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المكتبات الرئيسية للمطالعة العمومية وفهارسها",
            title_fr=(
                "Système de gestion des bibliothèques principales de lecture publique et de leurs "
                "catalogues"
            ),
            summary_ar=(
                "توحيد فهارس المكتبات الرئيسية للمطالعة العمومية في الولايات وتسيير الإعارة آليا."
            ),
            summary_fr=(
                "Unifier les catalogues des bibliothèques principales de lecture publique des "
                "wilayas et informatiser le prêt."
            ),
            procedure_ar="إعارة الكتب",
            procedure_fr="Prêt des ouvrages",
            beneficiaries_ar="المكتبات الرئيسية للمطالعة العمومية",
            beneficiaries_fr="Bibliothèques principales de lecture publique",
            partners="",
        ),
    ),
    "MCOM": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لتسجيل مواقع الصحافة الإلكترونية",
            title_fr="Plateforme d'enregistrement en ligne des sites de presse électronique",
            summary_ar=(
                "إيداع تصريحات إنشاء مواقع الصحافة الإلكترونية ومتابعتها، وفق المرسوم التنفيذي "
                "المنظم لهذا النشاط."
            ),
            summary_fr=(
                "Déposer et suivre les déclarations de création des sites de presse électronique, "
                "conformément au décret exécutif qui régit cette activité."
            ),
            procedure_ar="التصريح بإنشاء موقع صحافة إلكترونية",
            procedure_fr="Déclaration de création d'un site de presse électronique",
            beneficiaries_ar="مؤسسات الصحافة الإلكترونية",
            beneficiaries_fr="Éditeurs de presse électronique",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_REG,
            technologies=("cloud",),
            title_ar="رقمنة الأرشيف السمعي البصري الوطني",
            title_fr="Numérisation des archives audiovisuelles nationales",
            summary_ar=(
                "رقمنة الأرشيف السمعي البصري للتلفزيون والإذاعة الوطنيين وحفظه ووضعه في متناول "
                "المؤسسات الإعلامية العمومية."
            ),
            summary_fr=(
                "Numériser et sauvegarder les archives audiovisuelles de la télévision et de la "
                "radio nationales et les mettre à la disposition des médias publics."
            ),
            procedure_ar="الاطلاع على الأرشيف السمعي البصري",
            procedure_fr="Consultation des archives audiovisuelles",
            beneficiaries_ar="مؤسسات الإعلام العمومي",
            beneficiaries_fr="Médias publics",
            partners="EPTV, Radio algérienne",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="نظام معلومات لتسيير الإشهار العمومي",
            title_fr="Système d'information de gestion de la publicité publique",
            summary_ar=(
                "تسجيل طلبات الإعلانات الصادرة عن الإدارات والمؤسسات العمومية، وتوزيعها على "
                "العناوين الصحفية وفق معايير شفافة."
            ),
            summary_fr=(
                "Enregistrer les annonces des administrations et des établissements publics et les "
                "répartir entre les titres de presse selon des critères transparents."
            ),
            procedure_ar="نشر الإعلانات الرسمية",
            procedure_fr="Publication des annonces officielles",
            beneficiaries_ar="الإدارات والمؤسسات العمومية",
            beneficiaries_fr="Administrations et établissements publics",
            partners="ANEP",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("ai", "data_science"),
            title_ar="نظام رصد المحتوى الإعلامي وتحليله",
            title_fr="Système de veille et d'analyse des contenus médiatiques",
            summary_ar=(
                "رصد ما تنشره وسائل الإعلام الوطنية والأجنبية حول الجزائر وتحليله آليا، لإعداد "
                "نشرات يومية."
            ),
            summary_fr=(
                "Surveiller et analyser automatiquement les publications des médias nationaux et "
                "étrangers sur l'Algérie, afin de produire des revues quotidiennes."
            ),
            procedure_ar="إعداد النشرة الصحفية",
            procedure_fr="Élaboration de la revue de presse",
            beneficiaries_ar="مصالح الوزارة",
            beneficiaries_fr="Services du ministère",
            partners="",
        ),
    ),
    "MMAD": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("interoperability",),
            title_ar=(
                "منصة رقمية لإيداع ملفات المعاشات والمنح ومتابعتها لفائدة المجاهدين وذوي الحقوق"
            ),
            title_fr=(
                "Plateforme de dépôt et de suivi des dossiers de pensions et d'allocations des "
                "moudjahidine et des ayants droit"
            ),
            summary_ar=(
                "إيداع ملفات المعاشات ومتابعة دراستها وتحيين الوضعية العائلية عن بعد، لفائدة "
                "المجاهدين وذوي الحقوق."
            ),
            summary_fr=(
                "Déposer les dossiers de pension, en suivre l'instruction et mettre à jour la "
                "situation familiale à distance, au profit des moudjahidine et des ayants droit."
            ),
            procedure_ar="دراسة ملفات المعاشات",
            procedure_fr="Instruction des dossiers de pension",
            beneficiaries_ar="المجاهدون وذوو الحقوق",
            beneficiaries_fr="Moudjahidine et ayants droit",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="البطاقية الوطنية الرقمية للمجاهدين وذوي الحقوق",
            title_fr="Fichier national numérique des moudjahidine et des ayants droit",
            summary_ar=(
                "رقمنة الملفات الإدارية للمجاهدين وذوي الحقوق وتوحيدها في قاعدة بيانات مؤمنة."
            ),
            summary_fr=(
                "Numériser et centraliser les dossiers administratifs des moudjahidine et des "
                "ayants droit dans une base de données sécurisée."
            ),
            procedure_ar="تسيير ملفات المجاهدين وذوي الحقوق",
            procedure_fr="Gestion des dossiers des moudjahidine et ayants droit",
            beneficiaries_ar="مديريات المجاهدين",
            beneficiaries_fr="Directions des moudjahidine",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("open_data",),
            title_ar="رقمنة أرشيف ثورة التحرير الوطني والشهادات الحية",
            title_fr=(
                "Numérisation des archives de la guerre de libération nationale et des témoignages "
                "vivants"
            ),
            summary_ar=(
                "رقمنة الوثائق والصور والتسجيلات المتعلقة بثورة التحرير الوطني، وحفظ شهادات "
                "المجاهدين للأجيال القادمة."
            ),
            summary_fr=(
                "Numériser les documents, photographies et enregistrements relatifs à la guerre de "
                "libération nationale et préserver les témoignages des moudjahidine pour les "
                "générations futures."
            ),
            procedure_ar="الاطلاع على وثائق الذاكرة الوطنية",
            procedure_fr="Consultation des documents de la mémoire nationale",
            beneficiaries_ar="الباحثون والمؤرخون",
            beneficiaries_fr="Chercheurs et historiens",
            partners="CNERMN, Archives nationales",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين مصالح المجاهدين والخزينة العمومية لصرف المعاشات",
            title_fr=(
                "Interconnexion des services des moudjahidine avec le Trésor public pour le "
                "versement des pensions"
            ),
            summary_ar=(
                "إرسال قوائم الدفع إلكترونيا إلى الخزينة وتحيينها آليا بمعطيات الوفيات المسجلة في "
                "الحالة المدنية."
            ),
            summary_fr=(
                "Transmettre électroniquement les états de paiement au Trésor et les mettre à jour "
                "automatiquement avec les décès enregistrés à l'état civil."
            ),
            procedure_ar="صرف المعاشات",
            procedure_fr="Versement des pensions",
            beneficiaries_ar="مصالح المجاهدين والخزينة العمومية",
            beneficiaries_fr="Services des moudjahidine et Trésor public",
            partners="Ministère des Finances, Ministère de l'Intérieur",
        ),
    ),
    "MARW": (
        _Spec(
            target=_CIT,
            kind=_PF,
            technologies=("e_payment",),
            title_ar="منصة رقمية للتسجيل في قرعة الحج",
            title_fr="Plateforme d'inscription en ligne au tirage au sort du hadj",
            summary_ar=(
                "تسجيل الراغبين في أداء فريضة الحج عن بعد، والإعلان عن نتائج القرعة ودفع تكاليف "
                "الرحلة إلكترونيا."
            ),
            summary_fr=(
                "Inscrire à distance les candidats au pèlerinage, publier les résultats du tirage "
                "au sort et payer les frais du voyage en ligne."
            ),
            procedure_ar="التسجيل في قرعة الحج",
            procedure_fr="Inscription au tirage au sort du hadj",
            beneficiaries_ar="المواطنون الراغبون في أداء الحج",
            beneficiaries_fr="Citoyens candidats au pèlerinage",
            partners="ONPO, Air Algérie, Algérie Poste",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="البطاقية الوطنية للأملاك الوقفية",
            title_fr="Fichier national des biens wakfs",
            summary_ar="جرد الأملاك الوقفية وتحديد مواقعها، ومتابعة إيجارها واستثمارها.",
            summary_fr=(
                "Recenser et géolocaliser les biens wakfs et suivre leur location et leur "
                "valorisation."
            ),
            procedure_ar="تسيير الأملاك الوقفية",
            procedure_fr="Gestion des biens wakfs",
            beneficiaries_ar="مديريات الشؤون الدينية والأوقاف",
            beneficiaries_fr="Directions des affaires religieuses et des wakfs",
            partners="",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=(),
            title_ar="نظام معلومات لتسيير المساجد ومستخدمي السلك الديني",
            title_fr="Système de gestion des mosquées et des personnels du corps religieux",
            summary_ar=(
                "جرد المساجد والمدارس القرآنية، وتسيير المسار المهني للأئمة والمؤذنين والقيمين."
            ),
            summary_fr=(
                "Recenser les mosquées et les écoles coraniques et gérer la carrière des imams, "
                "des muezzins et des agents du culte."
            ),
            procedure_ar="تعيين الأئمة",
            procedure_fr="Affectation des imams",
            beneficiaries_ar="مديريات الشؤون الدينية والأوقاف",
            beneficiaries_fr="Directions des affaires religieuses et des wakfs",
            partners="",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="الربط بين صندوق الزكاة وقطاع التضامن لتوحيد قوائم المستفيدين",
            title_fr=(
                "Interconnexion du Fonds de la zakat avec la Solidarité nationale pour unifier les "
                "listes de bénéficiaires"
            ),
            summary_ar=(
                "مقاطعة قوائم المستفيدين من أموال الزكاة مع البطاقية الوطنية للفئات المعوزة، لضمان "
                "عدالة التوزيع."
            ),
            summary_fr=(
                "Croiser les listes des bénéficiaires du Fonds de la zakat avec le fichier "
                "national des personnes démunies, afin de garantir une répartition équitable."
            ),
            procedure_ar="توزيع أموال الزكاة",
            procedure_fr="Distribution de la zakat",
            beneficiaries_ar="صندوق الزكاة ومديريات النشاط الاجتماعي",
            beneficiaries_fr="Fonds de la zakat et directions de l'action sociale",
            partners="Ministère de la Solidarité nationale",
        ),
    ),
    "MTEER": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لإيداع طلبات إنجاز محطات الطاقة الشمسية",
            title_fr=(
                "Plateforme de dépôt des demandes de réalisation de centrales solaires "
                "photovoltaïques"
            ),
            summary_ar=(
                "إيداع طلبات المستثمرين لإنجاز محطات الطاقة الشمسية وربطها بالشبكة، ومتابعة "
                "دراستها."
            ),
            summary_fr=(
                "Déposer les demandes des investisseurs pour la réalisation de centrales solaires "
                "et leur raccordement au réseau, et en suivre l'instruction."
            ),
            procedure_ar="الترخيص بإنتاج الكهرباء من الطاقات المتجددة",
            procedure_fr="Autorisation de production d'électricité renouvelable",
            beneficiaries_ar="المستثمرون في الطاقات المتجددة",
            beneficiaries_fr="Investisseurs dans les énergies renouvelables",
            partners="CREG",
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=("open_data", "data_science"),
            title_ar="الأطلس الرقمي للإمكانات الوطنية من الطاقات المتجددة",
            title_fr="Atlas numérique du potentiel national en énergies renouvelables",
            summary_ar=(
                "إعداد قاعدة معطيات جغرافية للإشعاع الشمسي وسرعة الرياح، لتحديد أنسب المواقع "
                "للمشاريع."
            ),
            summary_fr=(
                "Constituer une base de données géographique de l'ensoleillement et des vents, "
                "pour identifier les sites les plus favorables aux projets."
            ),
            procedure_ar="اختيار مواقع المشاريع",
            procedure_fr="Choix des sites de projets",
            beneficiaries_ar="مصالح الوزارة وهيئات البحث",
            beneficiaries_fr="Services du ministère et organismes de recherche",
            partners="CDER",
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("data_science", "interoperability"),
            title_ar="نظام لمتابعة النجاعة الطاقوية في المباني العمومية",
            title_fr="Système de suivi de l'efficacité énergétique des bâtiments publics",
            summary_ar=(
                "جمع معطيات استهلاك الكهرباء والغاز في المباني الإدارية، لتحديد أولويات العزل "
                "وتعميم الإنارة الاقتصادية."
            ),
            summary_fr=(
                "Collecter les consommations d'électricité et de gaz des bâtiments administratifs, "
                "pour prioriser les travaux d'isolation et généraliser l'éclairage économique."
            ),
            procedure_ar="ترشيد استهلاك الطاقة في الإدارات",
            procedure_fr="Maîtrise de la consommation d'énergie des administrations",
            beneficiaries_ar="الإدارات والمؤسسات العمومية",
            beneficiaries_fr="Administrations et établissements publics",
            partners="APRUE, Sonelgaz",
        ),
    ),
}


# Projects in preparation in the draft plans (not sent: never counted); some fields are
# still empty, as in a real draft.
_DRAFT_PROJECTS: dict[str, tuple[_Spec, ...]] = {
    "MPPH": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لطلب رخص الصيد البحري وتجديدها",
            title_fr="Plateforme de demande et de renouvellement en ligne des licences de pêche",
            summary_ar=(
                "تمكين مجهزي سفن الصيد من إيداع طلبات رخص الصيد وتجديدها ومتابعتها دون التنقل إلى "
                "مديريات الصيد البحري."
            ),
            summary_fr="",
            procedure_ar="منح رخص الصيد البحري",
            procedure_fr="Délivrance des licences de pêche",
            beneficiaries_ar="مجهزو سفن الصيد",
            beneficiaries_fr="Armateurs de pêche",
            partners="",
            fixed={"start": None, "end": None},
        ),
        _Spec(
            target=_ADM,
            kind=_REG,
            technologies=(),
            title_ar="البطاقية الوطنية لسفن الصيد والبحارة",
            title_fr="Fichier national des navires de pêche et des marins-pêcheurs",
            summary_ar="جرد سفن الصيد وخصائصها التقنية والبحارة المسجلين في كل ميناء.",
            summary_fr=(
                "Recenser les navires de pêche, leurs caractéristiques techniques et les "
                "marins-pêcheurs inscrits dans chaque port."
            ),
            procedure_ar="تسجيل سفن الصيد",
            procedure_fr="Immatriculation des navires de pêche",
            beneficiaries_ar="مديريات الصيد البحري",
            beneficiaries_fr="Directions de la pêche",
            partners="",
            fixed={"budget": None},
        ),
        _Spec(
            target=_OTH,
            kind=_IS,
            technologies=("interoperability",),
            title_ar="نظام لتتبع المنتجات الصيدية من الميناء إلى السوق",
            title_fr="Système de traçabilité des produits de la pêche du port au marché",
            summary_ar=(
                "تتبع مصدر المنتجات الصيدية وكمياتها من التفريغ إلى البيع بالجملة، بالتنسيق مع "
                "المصالح البيطرية والتجارة."
            ),
            summary_fr=(
                "Tracer l'origine et les quantités des produits de la pêche, du débarquement à la "
                "vente en gros, en coordination avec les services vétérinaires et du commerce."
            ),
            procedure_ar="مراقبة مصدر المنتجات الصيدية",
            procedure_fr="Contrôle de l'origine des produits de la pêche",
            beneficiaries_ar="",
            beneficiaries_fr="",
            partners="",
            fixed={"end": None},
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام إحصائي لتسجيل كميات الصيد المفرغة في الموانئ",
            title_fr="Système statistique d'enregistrement des débarquements de pêche",
            summary_ar=(
                "تسجيل كميات الصيد المفرغة يوميا حسب النوع والميناء لإعداد الإحصائيات الوطنية "
                "للصيد."
            ),
            summary_fr=(
                "Enregistrer chaque jour les quantités débarquées par espèce et par port pour "
                "établir les statistiques nationales de la pêche."
            ),
            procedure_ar="إعداد إحصائيات الصيد",
            procedure_fr="Production des statistiques de la pêche",
            beneficiaries_ar="مديريات الصيد البحري",
            beneficiaries_fr="Directions de la pêche",
            partners="Chambre nationale de la pêche et de l'aquaculture",
        ),
    ),
    "MTATF": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=("e_signature",),
            title_ar="منصة رقمية لطلب تصنيف المؤسسات الفندقية",
            title_fr="Plateforme de demande de classement des établissements hôteliers",
            summary_ar="إيداع طلبات تصنيف الفنادق ومتابعة زيارات لجان التصنيف إلكترونيا.",
            summary_fr=(
                "Déposer les demandes de classement des hôtels et suivre en ligne les visites des "
                "commissions de classement."
            ),
            procedure_ar="تصنيف المؤسسات الفندقية",
            procedure_fr="Classement des établissements hôteliers",
            beneficiaries_ar="المستثمرون في القطاع السياحي",
            beneficiaries_fr="Investisseurs touristiques",
            partners="",
            fixed={"start": None, "end": None},
        ),
        _Spec(
            target=_ECO,
            kind=_REG,
            technologies=(),
            title_ar="البطاقة الرقمية للحرفي والقيد في سجل الصناعة التقليدية",
            title_fr="Carte numérique de l'artisan et immatriculation au registre de l'artisanat",
            summary_ar="القيد في سجل الصناعة التقليدية والحرف عن بعد واستلام بطاقة الحرفي الرقمية.",
            summary_fr="",
            procedure_ar="القيد في سجل الصناعة التقليدية",
            procedure_fr="Immatriculation au registre de l'artisanat",
            beneficiaries_ar="الحرفيون",
            beneficiaries_fr="Artisans",
            partners="Chambres de l'artisanat et des métiers",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام إحصائي لحركة السياح وطاقات الإيواء",
            title_fr="Système statistique des flux touristiques et des capacités d'hébergement",
            summary_ar="جمع معطيات الوافدين والليالي السياحية وطاقات الإيواء حسب الولاية.",
            summary_fr=(
                "Collecter les données sur les arrivées, les nuitées et les capacités "
                "d'hébergement par wilaya."
            ),
            procedure_ar="إعداد الإحصائيات السياحية",
            procedure_fr="Production des statistiques du tourisme",
            beneficiaries_ar="مديريات السياحة",
            beneficiaries_fr="Directions du tourisme",
            partners="ONS",
        ),
    ),
    "MME": (
        _Spec(
            target=_ECO,
            kind=_PF,
            technologies=(),
            title_ar="منصة رقمية لإيداع طلبات تمويل المؤسسات المصغرة ومتابعتها",
            title_fr=(
                "Plateforme de dépôt et de suivi des demandes de financement des micro-entreprises"
            ),
            summary_ar=(
                "إيداع ملفات إنشاء المؤسسات المصغرة وطلبات تمويلها ومتابعة دراستها من طرف لجان "
                "الانتقاء."
            ),
            summary_fr=(
                "Déposer les dossiers de création de micro-entreprise et de financement et suivre "
                "leur examen par les comités de sélection."
            ),
            procedure_ar="تمويل إنشاء المؤسسات المصغرة",
            procedure_fr="Financement de la création de micro-entreprises",
            beneficiaries_ar="حاملو المشاريع",
            beneficiaries_fr="Porteurs de projets",
            partners="ANADE, banques publiques",
        ),
        _Spec(
            target=_ADM,
            kind=_IS,
            technologies=("data_science",),
            title_ar="نظام لمتابعة المؤسسات المصغرة الممولة وتحصيل القروض",
            title_fr=(
                "Système de suivi des micro-entreprises financées et du recouvrement des prêts"
            ),
            summary_ar="متابعة نشاط المؤسسات المصغرة بعد تمويلها وجدولة تسديد القروض غير المكافأة.",
            summary_fr=(
                "Suivre l'activité des micro-entreprises après leur financement et l'échéancier de "
                "remboursement des prêts non rémunérés."
            ),
            procedure_ar="تحصيل القروض",
            procedure_fr="Recouvrement des prêts",
            beneficiaries_ar="الوكالة الوطنية لدعم وتنمية المقاولاتية",
            beneficiaries_fr="",
            partners="ANADE",
            fixed={"budget": None},
        ),
    ),
}


# Budget bounds (DZD) by kind of project, drawn log-uniformly.
_BUDGET_RANGES = {
    _INF: (40_000_000, 350_000_000),
    _IS: (12_000_000, 180_000_000),
    _PF: (6_000_000, 90_000_000),
    _MA: (2_500_000, 35_000_000),
    _REG: (4_000_000, 80_000_000),
}
_BUDGET_MIN = 2_000_000
_BUDGET_MAX = 350_000_000
_LAST_MONTH = 35  # December 2023, counted in months from January 2021


def _month_start(offset: int, day: int = 1) -> date:
    return date(DEMO_YEAR + offset // 12, offset % 12 + 1, day)


def _month_end(offset: int) -> date:
    offset = min(offset, _LAST_MONTH)
    year, month = DEMO_YEAR + offset // 12, offset % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _months_from_start(day: date) -> int:
    return (day.year - DEMO_YEAR) * 12 + day.month - 1


def _draw_status(rng: random.Random, target: str) -> str:
    """Mostly planned or in progress in March 2021; only internal projects are ever on hold."""
    draw = rng.random()
    if draw < 0.54:
        return "planned"
    if draw < 0.91:
        return "in_progress"
    if draw < 0.955:
        return "completed"
    if target in (_CIT, _ECO):
        return "planned"
    return "suspended" if draw < 0.985 else "cancelled"


def _draw_progress(rng: random.Random, status: str) -> int:
    if status == "completed":
        return 100
    if status == "in_progress":
        return rng.randrange(10, 90, 5)
    if status == "suspended":
        return rng.randrange(10, 55, 5)
    return 0


def _draw_dates(rng: random.Random, status: str) -> tuple[date, date]:
    """Dates consistent with the status as of March 2021, all within 2021-2023."""
    if status == "completed":
        start = date(DEMO_YEAR, 1, rng.choice((3, 10, 17)))
        return start, start + timedelta(days=rng.randint(40, 65))
    duration = rng.choice((6, 9, 12, 12, 18, 24, 30))
    if status in ("in_progress", "suspended"):
        offset, day = rng.choice(((0, 1), (0, 15), (1, 1), (1, 15), (2, 1)))
    else:  # planned or cancelled: starts from April 2021 on
        offset, day = rng.randint(3, 12), rng.choice((1, 1, 15))
    return _month_start(offset, day), _month_end(offset + duration - 1)


def _draw_budget(rng: random.Random, kind: str) -> int:
    low, high = _BUDGET_RANGES[kind]
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    step = 50_000 if value < 10_000_000 else 100_000 if value < 100_000_000 else 1_000_000
    return max(_BUDGET_MIN, min(_BUDGET_MAX, round(value / step) * step))


def _draw_priority(rng: random.Random, target: str) -> str:
    weights = (6, 3, 1) if target in (_CIT, _ECO) else (3, 5, 2)
    return rng.choices(PRIORITIES, weights=weights)[0]


def _draw_funding(rng: random.Random) -> str:
    return rng.choices(FUNDING_SOURCES, weights=(72, 15, 8, 5))[0]


def _project(code: str, sequence: int, spec: _Spec, rng: random.Random, draft: bool) -> dict:
    # Every value is drawn, even when fixed below, so that editing one project's fixed values
    # does not change the others.
    status = "planned" if draft else _draw_status(rng, spec.target)
    fixed = dict(spec.fixed or {})
    status = fixed.get("status", status)
    progress = _draw_progress(rng, status)
    priority = _draw_priority(rng, spec.target)
    start_date, end_date = _draw_dates(rng, status)
    budget = _draw_budget(rng, spec.kind)
    funding = _draw_funding(rng)
    return {
        "department": code,
        "sequence": sequence,
        "title_ar": spec.title_ar,
        "title_fr": spec.title_fr,
        "summary_ar": spec.summary_ar,
        "summary_fr": spec.summary_fr,
        "target": spec.target,
        "kind": spec.kind,
        "technologies": list(spec.technologies),
        "status": status,
        "progress": fixed.get("progress", progress),
        "priority": fixed.get("priority", priority),
        "start_date": fixed.get("start", start_date),
        "end_date": fixed.get("end", end_date),
        "budget_dzd": fixed.get("budget", budget),
        "funding_source": fixed.get("funding", funding),
        "procedure_ar": spec.procedure_ar,
        "procedure_fr": spec.procedure_fr,
        "beneficiaries_ar": spec.beneficiaries_ar,
        "beneficiaries_fr": spec.beneficiaries_fr,
        "partners": spec.partners,
    }


def demo_projects() -> list[dict]:
    """The 222 projects of the sent plans, then the projects of the draft plans.

    Deterministic: a fresh ``random.Random(2021)`` per call, so every call returns equal lists.
    The department's ``sequence`` numbers start at 1 (reference ``2021-MF-007`` …).
    """
    rng = random.Random(DEMO_YEAR)
    projects = []
    for blocks, draft in ((_SENT_PROJECTS, False), (_DRAFT_PROJECTS, True)):
        for code, specs in blocks.items():
            for sequence, spec in enumerate(specs, start=1):
                projects.append(_project(code, sequence, spec, rng, draft))
    return projects


# The working session of Thursday 25 March 2021 -------------------------------------------------

_MINISTER = "Hocine Cherhabil"

# (name, function_ar, function_fr): the ministry's staff around the Minister.
_MINISTRY_STAFF = (
    ("Mohamed Lamine Saadi", "الأمين العام", "Secrétaire général"),
    (
        "Nadia Khelifi",
        "مديرة تنسيق المخططات القطاعية للرقمنة",
        "Directrice de la coordination des plans sectoriels de numérisation",
    ),
    (
        "Yacine Hamidi",
        "مدير أنظمة المعلومات والتشغيل البيني",
        "Directeur des systèmes d'information et de l'interopérabilité",
    ),
)

# (department, name, "m" or "f", attendance): the digitization officers of the 28 sent plans.
_OFFICERS = (
    ("MAE", "Sofiane Benaissa", "m", "represented"),
    ("MICLAT", "Karim Benali", "m", "present"),
    ("MJ", "Amina Bouzid", "f", "present"),
    ("MF", "Farid Meziane", "m", "present"),
    ("MEM", "Redouane Khaldi", "m", "present"),
    ("MTEER", "Lamia Haddad", "f", "present"),
    ("MMAD", "Abdelkader Djebbar", "m", "present"),
    ("MARW", "Mustapha Belkacemi", "m", "excused"),
    ("MEN", "Samia Ouali", "f", "present"),
    ("MESRS", "Djamel Eddine Ferhat", "m", "present"),
    ("MFEP", "Nabil Boukhalfa", "m", "present"),
    ("MCA", "Wafa Zerrouki", "f", "present"),
    ("MJS", "Hichem Bensalem", "m", "present"),
    ("MNS", "Meriem Taleb", "f", "present"),
    ("MPT", "Lyes Amrani", "m", "present"),
    ("MSNFCF", "Fatiha Benyoucef", "f", "present"),
    ("MI", "Mourad Saidi", "m", "present"),
    ("MIP", "Souad Larbi", "f", "represented"),
    ("MADR", "Toufik Guerroudj", "m", "present"),
    ("MHUV", "Rachid Bouchama", "m", "present"),
    ("MC", "Nassima Belaid", "f", "present"),
    ("MCOM", "Omar Mansouri", "m", "excused"),
    ("MTP", "Salim Hamdi", "m", "present"),
    ("MT", "Kamel Benmoussa", "m", "present"),
    ("MRE", "Houria Chikhi", "f", "present"),
    ("MSPRH", "Yasmine Belhadj", "f", "present"),
    ("MTESS", "Abderrahmane Kaci", "m", "present"),
    ("MENV", "Leila Mokrani", "f", "present"),
)

_OFFICER_FUNCTION = {
    "m": ("مسؤول الرقمنة", "Responsable de la numérisation"),
    "f": ("مسؤولة الرقمنة", "Responsable de la numérisation"),
}

_AGENDA = (
    (
        "كلمة افتتاحية للسيد وزير الرقمنة والإحصائيات",
        "Allocution d'ouverture de M. le Ministre de la Numérisation et des Statistiques",
    ),
    (
        "عرض نتائج الاستغلال الأولي للاستبيان المتعلق بمشاريع الرقمنة لسنة 2021",
        "Présentation des résultats de l'exploitation préliminaire du questionnaire relatif "
        "aux projets de numérisation de 2021",
    ),
    (
        "دراسة المخططات العملية القطاعية للرقمنة والمصادقة عليها",
        "Examen et validation des plans d'action sectoriels de numérisation",
    ),
    ("نقاش وتوصيات", "Débat et recommandations"),
    ("اختتام الأشغال", "Clôture des travaux"),
)

_MINUTES_AR = (
    "في يوم الخميس 25 مارس 2021، على الساعة 09:30، انعقدت بمركز البحث في الإعلام العلمي "
    "والتقني (CERIST) بالجزائر العاصمة جلسة عمل وتشاور جمعت مسؤولي الرقمنة على مستوى الدوائر "
    "الوزارية، تحت رئاسة السيد حسين شرحبيل، وزير الرقمنة والإحصائيات.",
    "في كلمته الافتتاحية، أكد السيد الوزير أن التحول الرقمي أصبح من الضروريات بالنسبة لكافة "
    "القطاعات الوزارية والمؤسسات والهيئات التي تسعى إلى التطوير وتحسين خدماتها، وأنه لا يعني فقط "
    "تطبيق التكنولوجيا داخل المؤسسة، بل هو برنامج شامل يمس طريقة عملها داخليا، ويمسها خارجيا من "
    "خلال تقديم الخدمات للمواطن والمتعامل الاقتصادي بشكل أنجع بعيدا عن كل التعقيدات البيروقراطية.",
    "وذكّر السيد الوزير بأن تعليمات السيد الوزير الأول حول تبسيط الإجراءات الإدارية وتسهيلها قد "
    "سمحت بوضع العديد من المنصات الرقمية قيد الاستغلال، وهي منصات تضع الركائز الأساسية للإدارة "
    "الإلكترونية، داعيا إلى إحداث ثورة ذهنية وتكوينية لدى المؤسسات المعنية حتى تكون مصدرا حقيقيا "
    "للمؤهلات والكفاءات اللازمة، وإلى التركيز على تطوير ودعم الاقتصاد الرقمي والتحكم في "
    "التكنولوجيات المتعلقة بعلوم البيانات والحوسبة السحابية والذكاء الاصطناعي والتحليلات الرقمية "
    "المتقدمة.",
    "وفي إطار مهام القطاع المتعلقة بالمصادقة على المخططات العملية القطاعية في مجال الرقمنة، "
    "بالتنسيق مع كل القطاعات الوزارية، أعدت وزارة الرقمنة والإحصائيات استبيانا أرسلته إلى كل "
    "الوزارات، يتضمن معلومات حول المشاريع التي ستنجز بعنوان سنة 2021.",
    "وأسفر الاستغلال الأولي للاستبيانات عن أن 28 دائرة وزارية من أصل 34 قامت بإرسال مخططاتها "
    "العملية، التي تتضمن 222 مشروع تطبيقات رقمية، منها 31 مشروعا موجها لتقريب الإدارة من "
    "المواطن، و22 مشروعا متعلقا بتطبيقات ومنصات موجهة للمتعاملين الاقتصاديين، فيما تتعلق "
    "المشاريع الـ 169 الأخرى بعصرنة التسيير الداخلي للإدارات وبتبادل المعطيات فيما بينها.",
    "وبعد عرض هذه النتائج، فتح باب النقاش مع مسؤولي الرقمنة، وتمت دراسة المخططات العملية "
    "المرسلة، حيث صودق على بعضها وأعيد بعضها الآخر إلى القطاعات المعنية لاستكماله، وخلصت الجلسة "
    "إلى التوصيات والقرارات المدونة في هذا المحضر.",
    "ورفعت الجلسة على الساعة 13:00.",
)

_MINUTES_FR = (
    "Le jeudi 25 mars 2021 à 09h30 s'est tenue au Centre de recherche sur l'information "
    "scientifique et technique (CERIST), à Alger, une séance de travail et de concertation "
    "réunissant les responsables de la numérisation des départements ministériels, sous la "
    "présidence de M. Hocine Cherhabil, ministre de la Numérisation et des Statistiques.",
    "Dans son allocution d'ouverture, M. le Ministre a souligné que la transformation numérique "
    "est devenue une nécessité pour l'ensemble des secteurs ministériels, des établissements et "
    "des organismes qui cherchent à se développer et à améliorer leurs services. Elle ne se "
    "limite pas à l'introduction de la technologie au sein de l'institution : c'est un programme "
    "global qui touche son mode de fonctionnement interne et, à l'extérieur, la délivrance de "
    "services plus efficaces au citoyen et à l'opérateur économique, loin de toute complication "
    "bureaucratique.",
    "M. le Ministre a rappelé que les instructions de M. le Premier ministre relatives à la "
    "simplification et à l'allègement des procédures administratives ont permis la mise en "
    "exploitation de nombreuses plateformes numériques, qui posent les fondements de "
    "l'administration électronique. Il a appelé à une révolution des mentalités et de la "
    "formation au sein des institutions concernées, afin qu'elles deviennent une véritable source "
    "de compétences, ainsi qu'au développement de l'économie numérique et à la maîtrise des "
    "technologies de la science des données, de l'informatique en nuage (cloud), de "
    "l'intelligence artificielle et de l'analyse numérique avancée.",
    "Dans le cadre des missions du secteur relatives à la validation des plans d'action "
    "sectoriels de numérisation, en coordination avec l'ensemble des secteurs ministériels, le "
    "ministère de la Numérisation et des Statistiques a élaboré un questionnaire, adressé à tous "
    "les ministères, portant sur les projets à réaliser au titre de l'année 2021.",
    "L'exploitation préliminaire des questionnaires fait ressortir que 28 départements "
    "ministériels sur 34 ont transmis leur plan d'action, comprenant 222 projets d'applications "
    "numériques, dont 31 projets destinés à rapprocher l'administration du citoyen et 22 projets "
    "d'applications et de plateformes destinées aux opérateurs économiques ; les 169 autres "
    "projets portent sur la modernisation de la gestion interne des administrations et sur les "
    "échanges de données entre elles.",
    "Après la présentation de ces résultats, le débat a été ouvert avec les responsables de la "
    "numérisation. Les plans d'action transmis ont été examinés : certains ont été validés, "
    "d'autres ont été retournés aux secteurs concernés pour être complétés. La séance a abouti "
    "aux recommandations et décisions consignées dans le présent procès-verbal.",
    "La séance a été levée à 13h00.",
)

# (text_ar, text_fr, owner department, due date, status)
_DECISIONS = (
    (
        "ترسل الدوائر الوزارية التي لم ترسل بعد مخططاتها العملية القطاعية للرقمنة هذه المخططات "
        "إلى وزارة الرقمنة والإحصائيات قبل 15 أفريل 2021.",
        "Les départements ministériels qui n'ont pas encore transmis leur plan d'action sectoriel "
        "de numérisation le transmettent au ministère de la Numérisation et des Statistiques "
        "avant le 15 avril 2021.",
        "MNS",
        date(2021, 4, 15),
        "open",
    ),
    (
        "تعيّن كل دائرة وزارية مسؤولا مستخلفا للرقمنة، وتبلغ وزارة الرقمنة والإحصائيات باسمه "
        "وبيانات الاتصال به.",
        "Chaque département ministériel désigne un responsable de la numérisation suppléant et "
        "communique son nom et ses coordonnées au ministère de la Numérisation et des "
        "Statistiques.",
        "MNS",
        date(2021, 4, 8),
        "in_progress",
    ),
    (
        "تتولى وزارة الرقمنة والإحصائيات دمج المخططات العملية القطاعية، وإعداد حصيلة موحدة "
        "ونشرها لدى الدوائر الوزارية.",
        "Le ministère de la Numérisation et des Statistiques consolide les plans d'action "
        "sectoriels, établit une synthèse et la diffuse aux départements ministériels.",
        "MNS",
        date(2021, 5, 31),
        "in_progress",
    ),
    (
        "تنظم ورشة تقنية حول التشغيل البيني وتبادل المعطيات بين الإدارات لفائدة مسؤولي الرقمنة، "
        "بالتنسيق مع مركز البحث في الإعلام العلمي والتقني.",
        "Un atelier technique sur l'interopérabilité et l'échange de données entre "
        "administrations est organisé au profit des responsables de la numérisation, en "
        "coordination avec le CERIST.",
        "MNS",
        date(2021, 5, 20),
        "open",
    ),
    (
        "تقدم وزارة الداخلية والجماعات المحلية والتهيئة العمرانية في الجلسة المقبلة مدى تقدم "
        "ربط السجل الوطني الآلي للحالة المدنية بالمؤسسات الاستشفائية وهيئات الضمان الاجتماعي.",
        "Le ministère de l'Intérieur, des Collectivités locales et de l'Aménagement du territoire "
        "présente à la prochaine séance l'état d'avancement de l'interconnexion du registre "
        "national automatisé de l'état civil avec les hôpitaux et la sécurité sociale.",
        "MICLAT",
        date(2021, 6, 30),
        "open",
    ),
    (
        "يحيّن كل مسؤول رقمنة مدى تقدم مشاريع قطاعه كل ثلاثة أشهر على المنصة الرقمية لمتابعة "
        "المخططات العملية، على أن يتم التحيين الأول قبل 30 جوان 2021.",
        "Chaque responsable de la numérisation met à jour tous les trois mois l'avancement des "
        "projets de son secteur sur la plateforme de suivi des plans d'action, la première mise "
        "à jour avant le 30 juin 2021.",
        "MNS",
        date(2021, 6, 30),
        "open",
    ),
)


def demo_meeting() -> dict:
    """The working and consultation session of 25 March 2021 at CERIST (reference MNS-2021-001).

    ``starts_at_local`` is naive, in Africa/Algiers local time. Minutes are plain text,
    paragraphs separated by a blank line.
    """
    attendees = [
        {
            "department": None,
            "name": _MINISTER,
            "function_ar": "وزير الرقمنة والإحصائيات",
            "function_fr": "Ministre de la Numérisation et des Statistiques",
            "attendance": "present",
        }
    ]
    for name, function_ar, function_fr in _MINISTRY_STAFF:
        attendees.append(
            {
                "department": None,
                "name": name,
                "function_ar": function_ar,
                "function_fr": function_fr,
                "attendance": "present",
            }
        )
    for code, name, gender, attendance in _OFFICERS:
        function_ar, function_fr = _OFFICER_FUNCTION[gender]
        attendees.append(
            {
                "department": code,
                "name": name,
                "function_ar": function_ar,
                "function_fr": function_fr,
                "attendance": attendance,
            }
        )
    return {
        "reference": "MNS-2021-001",
        "title_ar": "جلسة عمل و تشاور مع مسؤولي الرقمنة على مستوى الدوائر الوزارية",
        "title_fr": (
            "Séance de travail et de concertation avec les responsables de la numérisation "
            "des départements ministériels"
        ),
        "kind": "working_session",
        "starts_at_local": datetime(2021, 3, 25, 9, 30),  # naive, Africa/Algiers local time
        "place_ar": "مركز البحث في الإعلام العلمي و التقني (CERIST)، الجزائر العاصمة",
        "place_fr": (
            "Centre de recherche sur l'information scientifique et technique (CERIST), Alger"
        ),
        "chair_ar": "السيد حسين شرحبيل، وزير الرقمنة والإحصائيات",
        "chair_fr": "M. Hocine Cherhabil, ministre de la Numérisation et des Statistiques",
        "status": "minutes_draft",
        "agenda": [{"title_ar": ar, "title_fr": fr} for ar, fr in _AGENDA],
        "minutes_ar": "\n\n".join(_MINUTES_AR),
        "minutes_fr": "\n\n".join(_MINUTES_FR),
        "attendees": attendees,
        "decisions": [
            {
                "text_ar": text_ar,
                "text_fr": text_fr,
                "owner_department": owner,
                "due_date": due,
                "status": status,
            }
            for text_ar, text_fr, owner, due, status in _DECISIONS
        ],
    }
