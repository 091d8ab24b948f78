"""Word lists the sentence segmenter consults around a full stop, all in :func:`fold`\\ ed form.

They answer two questions: does the token before a full stop keep the sentence open (an
abbreviation, an era marker, a label), and does the word after it continue the clause (so the
stop was not an end)? Folding strips diacritics, tatweel and invisible controls and unifies the
alef forms and final ya, so «إلخ» and «الخ», «إلى» and «الى» compare equal.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_AND_FORMAT = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_DIACRITICS_AND_TATWEEL = re.compile(
    rf"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640{BIDI_AND_FORMAT}]"
)
_ALEF_AND_YA = str.maketrans("أإآٱى", "ااااي")


def normalise(token: str) -> str:
    """Without diacritics, tatweel and controls; letters themselves unchanged."""
    return unicodedata.normalize("NFC", _DIACRITICS_AND_TATWEEL.sub("", token))


def fold(token: str) -> str:
    """:func:`normalise`, then one alef and one ya: the form every table here is written in."""
    return normalise(token).translate(_ALEF_AND_YA)


# Never end a sentence: titles and Latin abbreviations (compared after normalise, case kept).
LATIN_ABBREVIATIONS = frozenset(
    {"Dr", "Mr", "Mrs", "Ms", "Mme", "Prof", "Sr", "Jr", "St", "Mt", "vs", "Inc", "Ltd", "Co", "Corp"}
    | {"Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "No", "Nos", "Vol", "vol", "pp", "Fig"}
    | {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
    | {"fig", "approx", "cf", "al"}
)
# A single letter (Arabic or Latin) or dotted initials such as أ.د, U.S., e.g, a.m.
INITIALS = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")
# Dotted degrees and the like with capitalised parts: M.Sc, Ph.D, B.Sc, M.Phil.
LATIN_DOTTED = re.compile(r"^(?:[A-Z][a-z]{0,4}\.)+[A-Z][a-z]{0,4}$")

# May end a sentence, but only when what follows starts one: "etc.", currencies, the eulogy ligatures.
TERMINAL_ABBREVIATIONS = frozenset(
    {"الخ", "etc", "\ufdfa", "\ufdfb"}  # إلخ/الخ, etc., ﷺ, ﷻ
    | {"ر.س", "ج.م", "ج.م.ع", "د.ك", "د.ا", "ر.ق", "ر.ع", "د.ب", "ل.س", "ل.ل", "د.ج", "د.ت", "ج.س"}
)

# Era markers: after a year ("632 م.", "1445هـ.") they close a date and may end a sentence.
ERA_MARKERS = frozenset({"م", "ه", "ق.م"})
YEAR_WITH_ERA = re.compile(r"^\d+(?:م|ه|ق\.م)$")
DATE = re.compile(r"^\d+(?:[/\-.]\d+)*$")
# A sentence opened by one of these and still short when it reaches the era marker is a fronted
# time adverbial («في سنة 700 هـ.»): the clause after the stop completes it.
FRONTED_TIME = frozenset(
    {"في", "منذ", "عام", "سنة", "حتى", "بعد", "قبل", "خلال", "مع", "بحلول", "اواخر", "اوائل", "مطلع"}
    | {"حوالي", "نحو", "ابتداء", "اعتبارا", "بداية", "نهاية", "وسط", "اثناء", "ابان", "حين", "عند"}
)
FRONTED_MAX_WORDS = 8
# Still ambiguous after an era marker: a fronted date standing alone (a caption, «في عام 1999 م.»)
# joins the next sentence; a preposition-led new sentence («1950 م. في عام 1970 انتقل …») joins;
# a noun with a glued preposition («1950 م. بالقاهرة») or «بعد/قبل/منذ» after the date splits.

# A label at the start of a sentence: «المادة 12.», «البند (3).».
LABEL_WORDS = frozenset(
    {"المادة", "مادة", "البند", "بند", "الفقرة", "فقرة", "الفصل", "فصل", "الباب", "باب", "القسم", "قسم"}
    | {"الجزء", "جزء", "الملحق", "المبحث", "المطلب", "الفرع", "المحور"}
)
ORDINAL_LABELS = frozenset(
    {"اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"}
)
LIST_NUMBER = re.compile(r"^[(\[]?\d+(?:\.\d+)*[)\]]?$")
LETTER_LABEL = re.compile(r"^[(\[]?[^\W\d_][)\]]?$")
ROMAN_LABEL = re.compile(r"^[IVXLC]{1,6}$")

# Words that continue a clause and practically never open an Arabic sentence.
CONTINUATION = frozenset(
    {"الي", "عن", "ان", "انه", "انها", "انهم", "انهما", "انهن", "اني", "انني", "اننا", "انك", "بان", "بانه"}
    | {"بانها", "لان", "لانه", "لانها", "كي", "لكي", "او", "ام", "الذي", "التي", "الذين", "اللذين", "اللتين"}
    | {"اللذان", "اللتان", "اللواتي", "اللاتي", "اللائي", "مما", "ممن", "عما", "بل", "سوي", "اي", "جدا"}
    | {"فقط", "فحسب", "تقريبا", "ايضا", "شهريا", "سنويا", "يوميا", "اسبوعيا", "لدي", "ضد", "اليه", "اليها"}
    | {"عنه", "عنها", "حيث", "امس", "غدا", "حاليا", "مؤخرا", "سابقا"}
)
# Prepositions that usually continue a clause, except in these stock sentence openers.
PREPOSITIONS = frozenset({"في", "من", "علي", "مع", "بين"})
DISCOURSE_OPENERS = frozenset(
    {("في", "المقابل"), ("في", "غضون"), ("في", "الوقت"), ("في", "ذلك"), ("في", "هذا"), ("في", "هذه")}
    | {
        ("في", "الاثناء"),
        ("في", "النهاية"),
        ("في", "البداية"),
        ("من", "جهة"),
        ("من", "جهته"),
        ("من", "ناحية"),
    }
    | {("من", "جانبه"), ("من", "جانبها"), ("من", "المتوقع"), ("من", "المقرر"), ("من", "المنتظر")}
    | {("من", "الواضح"), ("علي", "الرغم"), ("علي", "صعيد"), ("علي", "الصعيد"), ("مع", "ذلك"), ("مع", "ان")}
)

# A verb of saying (past or present, any person, an object pronoun allowed): after a closed quote
# it makes the quote its object — «هل ستعود غدًا؟» قالها — so the quote does not end the sentence.
REPORTING_VERB = re.compile(
    r"^(?:قال|قل|سال|اجاب|رد|صاح|صرخ|همس|تمتم|تساءل|اضاف|تابع|علق|هتف|اردف|قاطع|اكد|اوضح|نادي|نادت"
    r"|[يتان](?:قول|سال|جيب|رد|صيح|صرخ|همس|تمتم|تساءل|ضيف|تابع|علق|هتف|ردف|قاطع|ؤكد|وضح|نادي))"
    r"(?:ت|وا|ن|تا|ا|نا|تم|ون|ين|ان)?(?:ه|ها|هم|هن|هما|ني|ك|كم|نا)?$"
)
