"""The trade's words in Indonesian and English, and their other spellings: a search for one also
looks for the others ("tempeh" finds "tempe", "keramik" finds "ceramic", "chili sauce" finds
"sambal"), in the site search, its suggestions and the catalogue's keyword filter.

Each group below is a set of words that mean the same thing to a buyer; every word of a group
searches for every other. A word may have several words ("palm sugar"): the others then look for
it as a phrase. Keep the words lower case; add a group, or a word to a group, as buyers' searches
show they are missing. Nothing needs re-indexing: the words are added to the search, not to pages.
"""

import itertools

from wagtail.search.query import And, Or, Phrase, PlainText

GLOSSARY = (
    # Materials and crafts
    ("keramik", "ceramic", "ceramics"),
    ("porselen", "porcelain"),
    ("gerabah", "tembikar", "earthenware", "pottery", "terracotta"),
    ("batik",),
    ("tenun", "handwoven", "weaving"),
    ("anyaman", "woven", "wickerwork"),
    ("rotan", "rattan"),
    ("bambu", "bamboo"),
    ("kayu", "wood", "wooden"),
    ("kulit", "leather"),
    ("perak", "silver"),
    ("kuningan", "brass"),
    ("tembaga", "copper"),
    ("kain", "fabric", "cloth"),
    ("sutra", "sutera", "silk"),
    ("kerajinan", "handicraft", "handicrafts", "craft", "crafts"),
    ("topeng", "mask", "masks"),
    ("mebel", "furniture"),
    ("keranjang", "basket", "baskets"),
    ("tikar", "mat", "mats"),
    ("tas", "bag", "bags"),
    ("sepatu", "shoes"),
    ("lilin", "candle", "candles"),
    ("sabun", "soap"),
    ("vas", "vase", "vases"),
    ("mangkuk", "mangkok", "bowl", "bowls"),
    ("piring", "plate", "plates"),
    ("cangkir", "cup", "cups"),
    ("lampu", "lamp", "lamps"),
    ("kemasan", "packaging"),
    # Food and drink
    ("tempe", "tempeh"),
    ("tahu", "tofu"),
    ("kopi", "coffee"),
    ("teh", "tea"),
    ("madu", "honey"),
    ("keripik", "kripik", "chips", "crisps"),
    ("sambal", "chili sauce", "chilli sauce"),
    ("cabai", "cabe", "chili", "chilli"),
    ("makanan ringan", "camilan", "snack", "snacks"),
    ("kue", "cake", "cakes", "cookies"),
    ("cokelat", "coklat", "chocolate"),
    ("gula aren", "gula merah", "palm sugar"),
    ("gula", "sugar"),
    ("rempah", "rempah-rempah", "spice", "spices"),
    ("jahe", "ginger"),
    ("kunyit", "turmeric"),
    ("kelapa", "coconut"),
    ("minyak", "oil"),
    ("apel", "apple", "apples"),
    ("susu", "milk"),
    ("jamu", "herbal drink", "herbal medicine"),
)

LONGEST = max(len(word.split()) for group in GLOSSARY for word in group)  # words in the longest entry


def _partners_by_word():
    partners = {}
    for group in GLOSSARY:
        for word in group:
            partners.setdefault(word, [])
            partners[word].extend(other for other in group if other != word and other not in partners[word])
    return partners


PARTNERS = _partners_by_word()


def partners(words):
    """The glossary's other words for `words` (one word or several, any case), [] when it has none."""
    return PARTNERS.get(words.lower(), [])


def glossary_words():
    """Every single word the glossary knows (the words of its phrases too)."""
    return {part for group in GLOSSARY for word in group for part in word.split()}


def _groups(query):
    """The query's words as [(words, partners)]: the longest runs of words the glossary knows
    (up to `LONGEST` words), each other word alone with no partners."""
    words = query.split()
    groups = []
    i = 0
    while i < len(words):
        for size in range(min(LONGEST, len(words) - i), 0, -1):
            run = " ".join(words[i : i + size])
            if found := partners(run):
                groups.append((run, found))
                i += size
                break
        else:
            groups.append((words[i], []))
            i += 1
    return groups


def _word_query(words):
    return Phrase(words) if " " in words else PlainText(words)


def expand_query(query):
    """`query` (a buyer's words) as Wagtail searches it, with the glossary's partners of its words:
    the string itself when no word has any, else every word (or glossary phrase) or one of its
    partners, e.g. "tempeh chips" -> And(Or(tempeh, tempe), Or(chips, keripik, kripik, crisps))."""
    groups = _groups(query)
    if not any(found for _words, found in groups):
        return query
    subqueries = [
        Or([PlainText(words), *(_word_query(other) for other in found)]) if found else PlainText(words)
        for words, found in groups
    ]
    return subqueries[0] if len(subqueries) == 1 else And(subqueries)


def alternatives(query, limit=4):
    """Up to `limit` other ways of writing `query`, each glossary word replaced by a partner, for
    searches that take words only (autocomplete): "tempeh chips" -> "tempe chips", ..."""
    groups = _groups(query)
    if not any(found for _words, found in groups):
        return []
    choices = [[words, *found] for words, found in groups]
    return [" ".join(words) for words in itertools.islice(itertools.product(*choices), 1, limit + 1)]
