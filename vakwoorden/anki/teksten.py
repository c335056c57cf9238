"""The few interface texts on the cards and the printable list, in the learner's own language.

Dutch is the language being learnt, so the word, its explanation and the example sentence stay
Dutch; only the instructions and labels around them are in the learner's language, with the Dutch
instruction in small print underneath (it is useful Dutch too). ``nl`` is the Dutch-only deck.

Translations written for this project; keep them short and plain (A1 readers). Arabic and Farsi
are right-to-left: every element that shows one of these texts gets ``dir`` from ``richting``.
"""

from __future__ import annotations

import html
import re

from vakwoorden.lijst import RECHTS_NAAR_LINKS

EIGEN_NAAM: dict[str, str] = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "ti": "ትግርኛ",
    "so": "Soomaali",
    "fa": "فارسی",
    "tr": "Türkçe",
    "uk": "Українська",
}

# key -> language -> text. Dutch ("nl") is always present and is the fallback.
TEKSTEN: dict[str, dict[str, str]] = {
    "wat_betekent": {
        "nl": "Wat betekent dit woord?",
        "en": "What does this word mean?",
        "ar": "ما معنى هذه الكلمة؟",
        "ti": "እዚ ቃል እዚ እንታይ ማለት እዩ?",
        "so": "Muxuu ereygan macnihiisu yahay?",
        "fa": "معنی این کلمه چیست؟",
        "tr": "Bu kelime ne demek?",
        "uk": "Що означає це слово?",
    },
    "welk_woord": {
        "nl": "Welk woord is dit?",
        "en": "Which word is this?",
        "ar": "ما هذه الكلمة؟",
        "ti": "እዚ እንታይ ቃል እዩ?",
        "so": "Waa maxay ereygani?",
        "fa": "این کدام کلمه است؟",
        "tr": "Bu hangi kelime?",
        "uk": "Яке це слово?",
    },
    "zeg_lidwoord": {
        "nl": "Zeg ook de of het.",
        "en": "Also say de or het.",
        "ar": "قل أيضًا de أو het.",
        "ti": "de ወይ het እውን በል።",
        "so": "Sidoo kale dheh de ama het.",
        "fa": "de یا het را هم بگویید.",
        "tr": "Artikeli söyleyin: de veya het.",
        "uk": "Скажіть також de або het.",
    },
    "luister": {
        "nl": "Luister. Welk woord hoor je? Wat betekent het?",
        "en": "Listen. Which word do you hear? What does it mean?",
        "ar": "استمع. ما الكلمة التي تسمعها؟ ماذا تعني؟",
        "ti": "ስማዕ። እንታይ ቃል ትሰምዕ ኣለኻ? እንታይ ማለት እዩ?",
        "so": "Dhegayso. Ereygee ayaad maqlaysaa? Muxuu ka dhigan yahay?",
        "fa": "گوش کنید. چه کلمه‌ای می‌شنوید؟ معنی آن چیست؟",
        "tr": "Dinleyin. Hangi kelimeyi duyuyorsunuz? Ne demek?",
        "uk": "Послухайте. Яке слово ви чуєте? Що воно означає?",
    },
    "meervoud": {
        "nl": "meervoud",
        "en": "plural",
        "ar": "الجمع",
        "ti": "ብዙሕ",
        "so": "wadar",
        "fa": "جمع",
        "tr": "çoğul",
        "uk": "множина",
    },
    "veiligheid": {
        "nl": "veiligheid",
        "en": "safety",
        "ar": "السلامة",
        "ti": "ድሕንነት",
        "so": "badbaado",
        "fa": "ایمنی",
        "tr": "güvenlik",
        "uk": "безпека",
    },
    "ongecontroleerd": {
        "nl": "vertaling nog niet gecontroleerd",
        "en": "translation not checked yet",
        "ar": "الترجمة لم تُراجَع بعد",
        "ti": "ትርጉም ገና ኣይተመርመረን",
        "so": "tarjumaadda weli lama hubin",
        "fa": "ترجمه هنوز بررسی نشده است",
        "tr": "çeviri henüz kontrol edilmedi",
        "uk": "переклад ще не перевірено",
    },
    "afbeelding": {
        "nl": "Afbeelding",
        "en": "Picture",
        "ar": "الصورة",
        "ti": "ስእሊ",
        "so": "Sawir",
        "fa": "تصویر",
        "tr": "Resim",
        "uk": "Зображення",
    },
    # printable list
    "woorden": {
        "nl": "woorden",
        "en": "words",
        "ar": "كلمة",
        "ti": "ቃላት",
        "so": "erey",
        "fa": "کلمه",
        "tr": "kelime",
        "uk": "слів",
    },
    "woord": {
        "nl": "woord",
        "en": "word",
        "ar": "الكلمة",
        "ti": "ቃል",
        "so": "erey",
        "fa": "کلمه",
        "tr": "kelime",
        "uk": "слово",
    },
    "uitleg": {
        "nl": "uitleg",
        "en": "meaning",
        "ar": "الشرح",
        "ti": "መግለጺ",
        "so": "sharaxaad",
        "fa": "توضیح",
        "tr": "açıklama",
        "uk": "пояснення",
    },
    "aantekening": {
        "nl": "eigen aantekening",
        "en": "your notes",
        "ar": "ملاحظاتك",
        "ti": "ናትካ መዘኻኸሪ",
        "so": "qoraalkaaga",
        "fa": "یادداشت شما",
        "tr": "notlarınız",
        "uk": "ваші нотатки",
    },
    "pagina": {
        "nl": "pagina",
        "en": "page",
        "ar": "صفحة",
        "ti": "ገጽ",
        "so": "bogga",
        "fa": "صفحه",
        "tr": "sayfa",
        "uk": "сторінка",
    },
    "vervolg": {
        "nl": "vervolg",
        "en": "continued",
        "ar": "تابع",
        "ti": "ቀጻሊ",
        "so": "sii socda",
        "fa": "ادامه",
        "tr": "devam",
        "uk": "продовження",
    },
}


def tekst(sleutel: str, taal: str) -> str:
    """The text ``sleutel`` in ``taal`` (Dutch when the language has none)."""
    vertalingen = TEKSTEN[sleutel]
    return vertalingen.get(taal) or vertalingen["nl"]


def richting(taal: str) -> str:
    return "rtl" if taal in RECHTS_NAAR_LINKS else "ltr"


def taal_attributen(taal: str) -> str:
    """``lang`` and ``dir`` for an element holding text in ``taal``."""
    return f'lang="{taal}" dir="{richting(taal)}"'


def tweetalig(sleutel: str, taal: str, klasse: str = "opdracht") -> str:
    """HTML: the text ``sleutel`` in the learner's language, with the Dutch in small print below it.

    ``sleutel`` may join keys with ``+`` (one sentence after the other). Only Dutch for a Dutch deck.
    ``de``/``het`` inside the own-language text are marked as Dutch (they are the Dutch articles).
    """
    sleutels = sleutel.split("+")
    nederlands = html.escape(" ".join(tekst(s, "nl") for s in sleutels))
    if taal == "nl":
        return f'<div class="{klasse}" lang="nl" dir="ltr">{nederlands}</div>'
    eigen = html.escape(" ".join(tekst(s, taal) for s in sleutels))
    eigen = re.sub(r"(?<!\w)(de|het)(?!\w)", r'<b lang="nl" dir="ltr">\1</b>', eigen)
    return (
        f'<div class="{klasse}"><div class="eigen" {taal_attributen(taal)}>{eigen}</div>'
        f'<div class="nl-klein" lang="nl" dir="ltr">{nederlands}</div></div>'
    )
