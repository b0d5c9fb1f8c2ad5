"""ISO 3166-1 alpha-2 country codes with English names, translated through gettext for the buyer's form."""

import functools
import unicodedata

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# fmt: off
COUNTRIES = {
    "AD": _("Andorra"), "AE": _("United Arab Emirates"), "AF": _("Afghanistan"),
    "AG": _("Antigua and Barbuda"), "AI": _("Anguilla"), "AL": _("Albania"), "AM": _("Armenia"),
    "AO": _("Angola"), "AQ": _("Antarctica"), "AR": _("Argentina"), "AS": _("American Samoa"),
    "AT": _("Austria"), "AU": _("Australia"), "AW": _("Aruba"), "AX": _("Åland Islands"),
    "AZ": _("Azerbaijan"), "BA": _("Bosnia and Herzegovina"), "BB": _("Barbados"),
    "BD": _("Bangladesh"), "BE": _("Belgium"), "BF": _("Burkina Faso"), "BG": _("Bulgaria"),
    "BH": _("Bahrain"), "BI": _("Burundi"), "BJ": _("Benin"), "BL": _("Saint Barthélemy"),
    "BM": _("Bermuda"), "BN": _("Brunei"), "BO": _("Bolivia"), "BQ": _("Caribbean Netherlands"),
    "BR": _("Brazil"), "BS": _("Bahamas"), "BT": _("Bhutan"), "BV": _("Bouvet Island"),
    "BW": _("Botswana"), "BY": _("Belarus"), "BZ": _("Belize"), "CA": _("Canada"),
    "CC": _("Cocos (Keeling) Islands"), "CD": _("Congo (Kinshasa)"),
    "CF": _("Central African Republic"), "CG": _("Congo (Brazzaville)"), "CH": _("Switzerland"),
    "CI": _("Côte d’Ivoire"), "CK": _("Cook Islands"), "CL": _("Chile"), "CM": _("Cameroon"),
    "CN": _("China"), "CO": _("Colombia"), "CR": _("Costa Rica"), "CU": _("Cuba"),
    "CV": _("Cape Verde"), "CW": _("Curaçao"), "CX": _("Christmas Island"), "CY": _("Cyprus"),
    "CZ": _("Czechia"), "DE": _("Germany"), "DJ": _("Djibouti"), "DK": _("Denmark"),
    "DM": _("Dominica"), "DO": _("Dominican Republic"), "DZ": _("Algeria"), "EC": _("Ecuador"),
    "EE": _("Estonia"), "EG": _("Egypt"), "EH": _("Western Sahara"), "ER": _("Eritrea"),
    "ES": _("Spain"), "ET": _("Ethiopia"), "FI": _("Finland"), "FJ": _("Fiji"),
    "FK": _("Falkland Islands"), "FM": _("Micronesia"), "FO": _("Faroe Islands"),
    "FR": _("France"), "GA": _("Gabon"), "GB": _("United Kingdom"), "GD": _("Grenada"),
    "GE": _("Georgia"), "GF": _("French Guiana"), "GG": _("Guernsey"), "GH": _("Ghana"),
    "GI": _("Gibraltar"), "GL": _("Greenland"), "GM": _("Gambia"), "GN": _("Guinea"),
    "GP": _("Guadeloupe"), "GQ": _("Equatorial Guinea"), "GR": _("Greece"),
    "GS": _("South Georgia and the South Sandwich Islands"), "GT": _("Guatemala"), "GU": _("Guam"),
    "GW": _("Guinea-Bissau"), "GY": _("Guyana"), "HK": _("Hong Kong"),
    "HM": _("Heard Island and McDonald Islands"), "HN": _("Honduras"), "HR": _("Croatia"),
    "HT": _("Haiti"), "HU": _("Hungary"), "ID": _("Indonesia"), "IE": _("Ireland"),
    "IL": _("Israel"), "IM": _("Isle of Man"), "IN": _("India"),
    "IO": _("British Indian Ocean Territory"), "IQ": _("Iraq"), "IR": _("Iran"),
    "IS": _("Iceland"), "IT": _("Italy"), "JE": _("Jersey"), "JM": _("Jamaica"), "JO": _("Jordan"),
    "JP": _("Japan"), "KE": _("Kenya"), "KG": _("Kyrgyzstan"), "KH": _("Cambodia"),
    "KI": _("Kiribati"), "KM": _("Comoros"), "KN": _("Saint Kitts and Nevis"),
    "KP": _("North Korea"), "KR": _("South Korea"), "KW": _("Kuwait"), "KY": _("Cayman Islands"),
    "KZ": _("Kazakhstan"), "LA": _("Laos"), "LB": _("Lebanon"), "LC": _("Saint Lucia"),
    "LI": _("Liechtenstein"), "LK": _("Sri Lanka"), "LR": _("Liberia"), "LS": _("Lesotho"),
    "LT": _("Lithuania"), "LU": _("Luxembourg"), "LV": _("Latvia"), "LY": _("Libya"),
    "MA": _("Morocco"), "MC": _("Monaco"), "MD": _("Moldova"), "ME": _("Montenegro"),
    "MF": _("Saint Martin"), "MG": _("Madagascar"), "MH": _("Marshall Islands"),
    "MK": _("North Macedonia"), "ML": _("Mali"), "MM": _("Myanmar"), "MN": _("Mongolia"),
    "MO": _("Macao"), "MP": _("Northern Mariana Islands"), "MQ": _("Martinique"),
    "MR": _("Mauritania"), "MS": _("Montserrat"), "MT": _("Malta"), "MU": _("Mauritius"),
    "MV": _("Maldives"), "MW": _("Malawi"), "MX": _("Mexico"), "MY": _("Malaysia"),
    "MZ": _("Mozambique"), "NA": _("Namibia"), "NC": _("New Caledonia"), "NE": _("Niger"),
    "NF": _("Norfolk Island"), "NG": _("Nigeria"), "NI": _("Nicaragua"), "NL": _("Netherlands"),
    "NO": _("Norway"), "NP": _("Nepal"), "NR": _("Nauru"), "NU": _("Niue"), "NZ": _("New Zealand"),
    "OM": _("Oman"), "PA": _("Panama"), "PE": _("Peru"), "PF": _("French Polynesia"),
    "PG": _("Papua New Guinea"), "PH": _("Philippines"), "PK": _("Pakistan"), "PL": _("Poland"),
    "PM": _("Saint Pierre and Miquelon"), "PN": _("Pitcairn Islands"), "PR": _("Puerto Rico"),
    "PS": _("Palestine"), "PT": _("Portugal"), "PW": _("Palau"), "PY": _("Paraguay"),
    "QA": _("Qatar"), "RE": _("Réunion"), "RO": _("Romania"), "RS": _("Serbia"), "RU": _("Russia"),
    "RW": _("Rwanda"), "SA": _("Saudi Arabia"), "SB": _("Solomon Islands"), "SC": _("Seychelles"),
    "SD": _("Sudan"), "SE": _("Sweden"), "SG": _("Singapore"), "SH": _("Saint Helena"),
    "SI": _("Slovenia"), "SJ": _("Svalbard and Jan Mayen"), "SK": _("Slovakia"),
    "SL": _("Sierra Leone"), "SM": _("San Marino"), "SN": _("Senegal"), "SO": _("Somalia"),
    "SR": _("Suriname"), "SS": _("South Sudan"), "ST": _("São Tomé and Príncipe"),
    "SV": _("El Salvador"), "SX": _("Sint Maarten"), "SY": _("Syria"), "SZ": _("Eswatini"),
    "TC": _("Turks and Caicos Islands"), "TD": _("Chad"), "TF": _("French Southern Territories"),
    "TG": _("Togo"), "TH": _("Thailand"), "TJ": _("Tajikistan"), "TK": _("Tokelau"),
    "TL": _("Timor-Leste"), "TM": _("Turkmenistan"), "TN": _("Tunisia"), "TO": _("Tonga"),
    "TR": _("Türkiye"), "TT": _("Trinidad and Tobago"), "TV": _("Tuvalu"), "TW": _("Taiwan"),
    "TZ": _("Tanzania"), "UA": _("Ukraine"), "UG": _("Uganda"),
    "UM": _("U.S. Outlying Islands"), "US": _("United States"), "UY": _("Uruguay"),
    "UZ": _("Uzbekistan"), "VA": _("Vatican City"), "VC": _("Saint Vincent and the Grenadines"),
    "VE": _("Venezuela"), "VG": _("British Virgin Islands"), "VI": _("U.S. Virgin Islands"),
    "VN": _("Vietnam"), "VU": _("Vanuatu"), "WF": _("Wallis and Futuna"), "WS": _("Samoa"),
    "XK": _("Kosovo"), "YE": _("Yemen"), "YT": _("Mayotte"), "ZA": _("South Africa"),
    "ZM": _("Zambia"), "ZW": _("Zimbabwe"),
}
# fmt: on


def country_name(code):
    """The country's name in the active language, or the code itself if it is not in the list."""
    name = COUNTRIES.get((code or "").upper())
    return str(name) if name is not None else code


# Japanese names that begin with kanji, by their reading: a list in Japanese is in the order of the
# kana (gojūon), and the kanji's code points say nothing of how they are read.
_JAPANESE_READINGS = {
    "北朝鮮": "きたちょうせん",
    "南極": "なんきょく",
    "中央": "ちゅうおう",
    "中国": "ちゅうごく",
    "仏領": "ふつりょう",
    "米領": "べいりょう",
    "英領": "えいりょう",
    "英国": "えいこく",
    "赤道": "せきどう",
    "香港": "ほんこん",
    "日本": "にほん",
    "韓国": "かんこく",
    "台湾": "たいわん",
    "北": "きた",
    "南": "みなみ",
    "東": "ひがし",
    "西": "にし",
}
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ")
# Arabic letters the alphabet files with another: tāʾ marbūṭa with hāʾ, alif maqṣūra with yāʾ.
_ARABIC_LETTERS = str.maketrans({"ة": "ه", "ى": "ي", "ـ": None})


def collation_key(name, language=None):
    """A sort key for `name` close to the language's own alphabetical order (the Unicode collation
    without its tables): letters first, accents and case only to break ties ("Åland" with the A's,
    Arabic alif with or without hamza or madda as one letter, Japanese voiced kana with their plain
    kana and names in kanji by their reading). Chinese keeps the characters' radical-and-stroke
    order, which is the order of their code points."""
    language = language or get_language() or ""
    text = name.casefold()
    if language == "ja":
        for kanji, reading in sorted(_JAPANESE_READINGS.items(), key=lambda item: -len(item[0])):
            if text.startswith(kanji):
                text = reading + text[len(kanji) :]
                break
        # Hiragana as katakana, small kana as large; the long-vowel mark is left out at this level.
        text = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text).translate(_SMALL_KANA)
        text = text.replace("ー", "")
    elif language == "ar":
        text = text.translate(_ARABIC_LETTERS)
    base = "".join(
        c
        for c in unicodedata.normalize("NFKD", text)
        if unicodedata.category(c)[0] in "LN"  # no accents, marks, spaces or punctuation
    )
    return (base, text, name)


def country_choices():
    """(code, name) pairs sorted by the name in the active language, as that language sorts (see
    `collation_key`), for a form's select."""
    return list(_sorted_countries(get_language()))


@functools.cache
def _sorted_countries(language):
    # Sorted once per language and process (about 3.5 ms a time): the names come from the
    # compiled catalogues, which do not change while the process runs.
    return tuple(
        sorted(
            ((code, str(name)) for code, name in COUNTRIES.items()),
            key=lambda pair: collation_key(pair[1], language),
        )
    )
