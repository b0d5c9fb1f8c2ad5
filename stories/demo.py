"""Demo stories, collections and events in English and the other languages, linked to the demo catalogue.

The Indonesian is kept here beside the English; the other languages come from the translators'
files (catalog.demo.languages). create_demo_stories() is safe to run again: pages are found by
slug, images by title, and a page already translated into a language is not translated again.
"""

import datetime
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from catalog.demo import images as drawings
from catalog.demo.languages import translate_demo
from catalog.models import ProductPage, VendorIndexPage, VendorPage
from storefront.translation import create_locale_copies, ensure_locales

from .models import (
    CollectionPage,
    CollectionProduct,
    EventIndexPage,
    EventPage,
    EventParticipant,
    StoryIndexPage,
    StoryPage,
)
from .setup import ensure_editorial_setup, stories_collection

# Each text is (English, Indonesian): the English goes on the page, the pair into the translation.
INDEXES = {
    "stories": {
        "title": ("Stories", "Cerita"),
        "intro": (
            "Packaging, branding and export stories from Malang's makers and its creative community.",
            "Cerita kemasan, merek, dan ekspor dari para perajin Malang dan komunitas kreatifnya.",
        ),
    },
    "events": {
        "title": ("Events", "Acara"),
        "intro": (
            "Fairs and buyer missions where you can meet the makers in person.",
            "Pameran dan misi dagang tempat Anda bisa bertemu langsung dengan para perajin.",
        ),
    },
}

CREDITS_DESIGN = [
    {
        "role": ("Packaging design", "Desain kemasan"),
        "name": "Rina Wulandari (demo)",
        "studio": "Studio Kabut Kreatif",
        "url": "https://example.com/studio-kabut",
    },
    {"role": ("Photography", "Fotografi"), "name": "Dimas Prakoso (demo)", "studio": "", "url": ""},
]

STORIES = [
    {
        "slug": "a-printed-pouch-for-sanan-tempe-chips",
        "topic": "packaging",
        "days_ago": 12,
        "title": ("A printed pouch for Sanan tempe chips", "Kemasan cetak untuk keripik tempe Sanan"),
        "intro": (
            "How a tempe chip maker from Blimbing moved from a clear plastic bag "
            "to a nitrogen-flushed export pouch.",
            "Bagaimana perajin keripik tempe dari Blimbing beralih dari kantong plastik bening ke kemasan "
            "ekspor berisi nitrogen.",
        ),
        "hero": ("pouch", "processed-food"),
        "blocks": [
            (
                "text",
                [
                    (
                        "For years the chips went out in a clear bag with a photocopied label.",
                        "Bertahun-tahun keripik dikirim dalam kantong bening dengan label fotokopi.",
                    ),
                    (
                        "Buyers abroad asked for a shelf life of twelve months and a label in English.",
                        "Pembeli di luar negeri meminta masa simpan dua belas bulan "
                        "dan label berbahasa Inggris.",
                    ),
                ],
            ),
            (
                "before_after",
                {
                    "before": ("bag", "services"),
                    "after": ("pouch", "processed-food"),
                    "before_label": ("Before", "Sebelum"),
                    "after_label": ("After", "Sesudah"),
                    "caption": (
                        "The clear bag and the new printed pouch.",
                        "Kantong bening dan kemasan cetak yang baru.",
                    ),
                },
            ),
            (
                "palette",
                {
                    "title": ("Colours of the new pouch", "Warna kemasan baru"),
                    "swatches": [
                        (("Chilli red", "Merah cabai"), "#802214"),
                        (("Turmeric", "Kunyit"), "#EE9C30"),
                        (("Rice paper", "Kertas nasi"), "#FFF6E0"),
                    ],
                },
            ),
            ("product", "sanan-tempe-chips-original-seaweed"),
            (
                "quote",
                {
                    "text": (
                        "The pouch costs more, but a buyer in Osaka reordered within a month.",
                        "Kemasannya lebih mahal, tetapi pembeli di Osaka memesan lagi dalam sebulan.",
                    ),
                    "attribution": (
                        "Owner, Renyah Kedelai Purwa (demo)",
                        "Pemilik, Renyah Kedelai Purwa (demo)",
                    ),
                },
            ),
            ("maker", "renyah-kedelai-purwa"),
            ("credits", CREDITS_DESIGN),
        ],
    },
    {
        "slug": "lotus-blue-a-brand-for-dinoyo-porcelain",
        "topic": "branding",
        "days_ago": 30,
        "title": ("Lotus blue: a brand for Dinoyo porcelain", "Biru teratai: merek untuk porselen Dinoyo"),
        "intro": (
            "A porcelain workshop in Lowokwaru found its colour in the lotus motif "
            "it already painted by hand.",
            "Bengkel porselen di Lowokwaru menemukan warnanya pada motif teratai "
            "yang sudah dilukisnya dengan tangan.",
        ),
        "hero": ("vase", "crafts"),
        "blocks": [
            (
                "text",
                [
                    (
                        "The workshop's burners were beautiful, but every box looked different.",
                        "Tungku aroma bengkel ini indah, tetapi setiap kotaknya tampak berbeda.",
                    ),
                ],
            ),
            (
                "image",
                {
                    "drawing": ("vase", "crafts"),
                    "alt_text": (
                        "A white porcelain burner with a blue lotus band",
                        "Tungku porselen putih dengan pita teratai biru",
                    ),
                    "caption": ("The lotus band became the logo.", "Pita teratai menjadi logonya."),
                    "credit": ("Photo: Dimas Prakoso (demo)", "Foto: Dimas Prakoso (demo)"),
                },
            ),
            (
                "palette",
                {
                    "title": ("Brand colours", "Warna merek"),
                    "swatches": [
                        (("Porcelain blue", "Biru porselen"), "#163460"),
                        (("Glaze", "Glasir"), "#A4C4E2"),
                        (("Kiln white", "Putih tungku"), "#E8F0FA"),
                    ],
                },
            ),
            ("product", "dinoyo-porcelain-aroma-burner"),
            ("maker", "atelier-kabut-porselen"),
            ("credits", CREDITS_DESIGN),
        ],
    },
    {
        "slug": "photographing-rattan-in-daylight",
        "topic": "photography",
        "days_ago": 45,
        "title": ("Photographing rattan in daylight", "Memotret rotan di cahaya siang"),
        "intro": (
            "Three rules for product photos that a buyer can trust, tried out on woven baskets in Tasikmadu.",
            "Tiga aturan foto produk yang bisa dipercaya pembeli, "
            "dicoba pada keranjang anyaman di Tasikmadu.",
        ),
        "hero": ("weave", "furniture"),
        "blocks": [
            (
                "text",
                [
                    (
                        "Shoot by a window, never with a flash, and show the weave up close.",
                        "Memotretlah di dekat jendela, jangan memakai lampu kilat, "
                        "dan tunjukkan anyamannya dari dekat.",
                    ),
                ],
            ),
            (
                "gallery",
                [
                    (
                        ("weave", "furniture"),
                        ("The whole set of baskets", "Satu set keranjang"),
                        ("The set, by the window", "Satu set, di dekat jendela"),
                    ),
                    (
                        ("weave", "furniture", 1),
                        ("A close-up of the water hyacinth weave", "Anyaman eceng gondok dari dekat"),
                        ("The weave, close up", "Anyaman, dari dekat"),
                    ),
                    (
                        ("chair", "furniture"),
                        ("A rattan chair in soft light", "Kursi rotan dalam cahaya lembut"),
                        ("Soft light hides nothing", "Cahaya lembut tidak menyembunyikan apa pun"),
                    ),
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "A buyer wants to count the strands before ordering a container.",
                        "Pembeli ingin menghitung helai anyaman sebelum memesan satu kontainer.",
                    ),
                    "attribution": (
                        "Photographer, Etalase Malang workshop",
                        "Fotografer, lokakarya Etalase Malang",
                    ),
                },
            ),
            ("product", "rattan-water-hyacinth-baskets"),
            ("credits", CREDITS_DESIGN[1:]),
        ],
    },
    {
        "slug": "from-blimbing-to-rotterdam",
        "topic": "export",
        "days_ago": 70,
        "title": (
            "From Blimbing to Rotterdam: the first hamper container",
            "Dari Blimbing ke Rotterdam: kontainer hamper pertama",
        ),
        "intro": (
            "A rattan workshop founded a century ago shipped its first full container of gift hampers.",
            "Bengkel rotan yang berdiri seabad lalu mengirim kontainer penuh hamper pertamanya.",
        ),
        "hero": ("chair", "furniture"),
        "blocks": [
            (
                "text",
                [
                    (
                        "The order came from a buyer met at a trade fair in Jakarta.",
                        "Pesanan datang dari pembeli yang ditemui di pameran dagang di Jakarta.",
                    ),
                    (
                        "Knock-down packing halved the volume of every carton.",
                        "Kemasan bongkar pasang memangkas volume setiap karton hingga separuh.",
                    ),
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "We packed two hundred hampers a week for two months.",
                        "Kami mengemas dua ratus hamper seminggu selama dua bulan.",
                    ),
                    "attribution": (
                        "Workshop head, Rotan Gerbang Utara (demo)",
                        "Kepala bengkel, Rotan Gerbang Utara (demo)",
                    ),
                },
            ),
            (
                "gallery",
                [
                    (
                        ("chair", "furniture"),
                        ("Hampers stacked for loading", "Hamper ditumpuk untuk dimuat"),
                        ("Ready to load", "Siap dimuat"),
                    ),
                    (
                        ("weave", "furniture", 1),
                        ("The hamper weave", "Anyaman hamper"),
                        ("Moss green weave", "Anyaman hijau lumut"),
                    ),
                ],
            ),
            ("maker", "rotan-gerbang-utara"),
            ("product", "rattan-gift-hampers"),
        ],
    },
]

COLLECTIONS = [
    {
        "slug": "gifts-for-hotel-rooms",
        "title": ("Gifts for hotel rooms", "Hadiah untuk kamar hotel"),
        "intro": (
            "Small things guests take home: porcelain, batik and woven placemats.",
            "Barang kecil yang dibawa pulang tamu: porselen, batik, dan alas makan anyaman.",
        ),
        "drawing": ("vase", "crafts"),
        "products": [
            "dinoyo-porcelain-aroma-burner",
            "malangan-porcelain-mug-set",
            "mendong-placemats",
            "batik-table-runner",
        ],
    },
    {
        "slug": "snacks-for-indonesian-restaurants-abroad",
        "title": (
            "Snacks for Indonesian restaurants abroad",
            "Camilan untuk restoran Indonesia di luar negeri",
        ),
        "intro": (
            "Tempe chips and sambal in foodservice packs, with halal and P-IRT numbers.",
            "Keripik tempe dan sambal dalam kemasan besar, dengan nomor halal dan P-IRT.",
        ),
        "drawing": ("jar", "processed-food"),
        "products": [
            "sanan-tempe-chips-original-seaweed",
            "tempe-chips-foodservice-1kg",
            "sambal-bawang-200g",
            "sambal-teri-200g",
        ],
    },
]

EVENTS = [
    {
        "slug": "malang-city-expo",
        "title": ("Malang City Expo", "Malang City Expo"),
        "days": (40, 43),
        "venue": ("Gedung Kartini exhibition hall", "Gedung Kartini"),
        "city": "Malang",
        "country": ("Indonesia", "Indonesia"),
        "scope": "local",
        "description": (
            "The city's own fair: crafts, food and fashion from the five districts.",
            "Pameran kota: kerajinan, makanan, dan fesyen dari lima kecamatan.",
        ),
        "url": "https://example.com/malang-city-expo",
        "vendors": ["atelier-kabut-porselen", "renyah-kedelai-purwa", "sanggar-wajah-panji"],
    },
    {
        "slug": "trade-expo-indonesia",
        "title": ("Trade Expo Indonesia", "Trade Expo Indonesia"),
        "days": (120, 124),
        "venue": ("ICE BSD City", "ICE BSD City"),
        "city": "Tangerang",
        "country": ("Indonesia", "Indonesia"),
        "scope": "international",
        "description": (
            "Indonesia's largest business-to-business fair for exporters and foreign buyers.",
            "Pameran bisnis terbesar Indonesia untuk eksportir dan pembeli mancanegara.",
        ),
        "url": "https://example.com/trade-expo-indonesia",
        "vendors": ["rotan-gerbang-utara", "anyam-tasik-rimbun", "atelier-kabut-porselen"],
    },
    {
        "slug": "buyer-mission-osaka",
        "title": ("Buyer mission to Osaka", "Misi dagang ke Osaka"),
        "days": (200, 204),
        "venue": ("Indonesian trade promotion centre", "Pusat promosi dagang Indonesia"),
        "city": "Osaka",
        "country": ("Japan", "Jepang"),
        "scope": "international",
        "description": (
            "Food makers meet Japanese importers, with samples and price lists ready.",
            "Perajin makanan bertemu importir Jepang, dengan sampel dan daftar harga siap.",
        ),
        "url": "",
        "vendors": ["renyah-kedelai-purwa", "dapur-cabai-lintang"],
    },
    {
        "slug": "kayutangan-heritage-craft-market",
        "title": ("Kayutangan heritage craft market", "Pasar kerajinan Kayutangan Heritage"),
        "days": (-60, -58),
        "venue": ("Kayutangan Heritage", "Kayutangan Heritage"),
        "city": "Malang",
        "country": ("Indonesia", "Indonesia"),
        "scope": "local",
        "description": (
            "A weekend market along the old shopfronts.",
            "Pasar akhir pekan di sepanjang toko-toko lama.",
        ),
        "url": "",
        "vendors": ["rumah-warna-celaket"],
    },
]


class _Builder:
    def __init__(self):
        self.Image = get_image_model()
        self.locale = Locale.get_default()
        ensure_locales()
        self.collection = stories_collection()
        self.home = Site.objects.get(is_default_site=True).root_page  # made by seed_demo
        makers = VendorIndexPage.objects.filter(locale=self.locale).first()
        vendors = (
            VendorPage.objects.child_of(makers).filter(locale=self.locale)
            if makers
            else VendorPage.objects.none()
        )
        self.vendors = {v.slug: v for v in vendors}
        self.products = {
            p.slug: p
            for p in ProductPage.objects.filter(locale=self.locale, vendor__in=list(self.vendors.values()))
        }

    def image(self, title, motif, sector, seed, variant=0):
        existing = self.Image.objects.filter(collection=self.collection, title=title).first()
        if existing is not None:
            return existing
        content = drawings.product_image(motif, sector, seed, variant=variant)
        image = self.Image(
            title=title,
            collection=self.collection,
            file=ImageFile(BytesIO(content), name=f"story-{seed}.jpg"),
            file_size=len(content),
            file_hash=hash_filelike(BytesIO(content)),
        )
        image.save()
        return image

    def child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug, locale=self.locale).first()
        if existing is not None:
            return existing, False
        with transaction.atomic():
            page = parent.add_child(instance=model(slug=slug, locale=self.locale, **fields))
            page.save_revision().publish()
            # Pages made in code get no wagtail-localize hooks, so their locale copies are made here.
            create_locale_copies(page)
        return model.objects.get(pk=page.pk), True

    def translate_once(self, page, strings):
        """Into Indonesian (`strings`) and the other demo languages, in each only once."""
        with transaction.atomic():
            translate_demo(page, strings)


def _pair(strings, pair):
    strings[pair[0]] = pair[1]
    return pair[0]


def _story_body(builder, spec, strings):
    body = []
    seed = sum(map(ord, spec["slug"]))
    for kind, value in spec["blocks"]:
        seed += 1
        if kind == "text":
            body.append(("text", RichText("".join(f"<p>{_pair(strings, p)}</p>" for p in value))))
        elif kind == "image":
            motif, sector = value["drawing"]
            body.append(
                (
                    "image",
                    {
                        "image": builder.image(value["alt_text"][0], motif, sector, seed),
                        "alt_text": _pair(strings, value["alt_text"]),
                        "caption": _pair(strings, value["caption"]),
                        "credit": _pair(strings, value["credit"]),
                    },
                )
            )
        elif kind == "gallery":
            items = []
            for number, (drawing, alt, caption) in enumerate(value):
                motif, sector, *variant = drawing
                items.append(
                    {
                        "image": builder.image(
                            alt[0], motif, sector, seed + number, variant=variant[0] if variant else 0
                        ),
                        "alt_text": _pair(strings, alt),
                        "caption": _pair(strings, caption),
                    }
                )
            body.append(("gallery", {"images": items}))
        elif kind == "quote":
            body.append(
                (
                    "quote",
                    {
                        "text": _pair(strings, value["text"]),
                        "attribution": _pair(strings, value["attribution"]),
                    },
                )
            )
        elif kind == "before_after":
            before_caption, after_caption = value["before_label"][0], value["after_label"][0]
            body.append(
                (
                    "before_after",
                    {
                        "before_image": builder.image(
                            f"{spec['title'][0]}: {before_caption}", *value["before"], seed
                        ),
                        "before_label": _pair(strings, value["before_label"]),
                        "after_image": builder.image(
                            f"{spec['title'][0]}: {after_caption}", *value["after"], seed + 1
                        ),
                        "after_label": _pair(strings, value["after_label"]),
                        "caption": _pair(strings, value["caption"]),
                    },
                )
            )
        elif kind == "palette":
            body.append(
                (
                    "palette",
                    {
                        "title": _pair(strings, value["title"]),
                        "swatches": [
                            {"name": _pair(strings, name), "hex": hex_code}
                            for name, hex_code in value["swatches"]
                        ],
                    },
                )
            )
        elif kind == "product":
            # Without the demo catalogue the story is still told, just without its cards.
            if value in builder.products:
                body.append(("product", {"product": builder.products[value], "note": ""}))
        elif kind == "maker":
            if value in builder.vendors:
                body.append(("maker", {"vendor": builder.vendors[value], "note": ""}))
        elif kind == "credits":
            body.append(
                (
                    "credits",
                    {
                        "credits": [
                            {
                                "role": _pair(strings, c["role"]),
                                "name": c["name"],
                                "studio": c["studio"],
                                "url": c["url"],
                            }
                            for c in value
                        ]
                    },
                )
            )
    return body


def create_demo_stories():
    """Create (or complete) the demo stories, collections and events, with their translations.

    Call it after the site's home page and the demo catalogue are built (seed_demo does, through its
    hook, and then features the first stories on the home page), so the stories' product and maker
    cards and the events' makers link to the catalogue; without it they are left out. It also runs
    ensure_editorial_setup(), so the new sections get the editors' permissions and workflow.
    """
    builder = _Builder()
    home = builder.home
    today = timezone.localdate()

    with transaction.atomic():
        indexes = {}
        for key, model in (("stories", StoryIndexPage), ("events", EventIndexPage)):
            spec = INDEXES[key]
            indexes[key], _ = builder.child(home, model, key, title=spec["title"][0], intro=spec["intro"][0])
    for key, spec in INDEXES.items():
        builder.translate_once(indexes[key], dict([spec["title"], spec["intro"]]))

    stories = []
    for spec in STORIES:
        strings = {}
        _pair(strings, spec["title"])
        _pair(strings, spec["intro"])
        with transaction.atomic():
            hero_motif, hero_sector = spec["hero"]
            body = _story_body(builder, spec, strings)
            story, _ = builder.child(
                indexes["stories"],
                StoryPage,
                spec["slug"],
                title=spec["title"][0],
                intro=spec["intro"][0],
                topic=spec["topic"],
                date=today - datetime.timedelta(days=spec["days_ago"]),
                hero_image=builder.image(
                    spec["title"][0], hero_motif, hero_sector, len(stories) + 101, variant=1
                ),
                body=body,
            )
        stories.append((story, strings))

    collections = []
    for number, spec in enumerate(COLLECTIONS):
        strings = {}
        _pair(strings, spec["title"])
        _pair(strings, spec["intro"])
        with transaction.atomic():
            collection, created = builder.child(
                indexes["stories"],
                CollectionPage,
                spec["slug"],
                title=spec["title"][0],
                intro=RichText(f"<p>{spec['intro'][0]}</p>"),
                hero_image=builder.image(spec["title"][0], *spec["drawing"], 201 + number, variant=1),
            )
            if created:
                for order, slug in enumerate(spec["products"]):
                    if slug in builder.products:
                        collection.products.add(
                            CollectionProduct(sort_order=order, product=builder.products[slug])
                        )
                collection.save_revision().publish()
        collections.append((collection, strings))

    events = []
    for spec in EVENTS:
        strings = {}
        for field in ("title", "venue", "country", "description"):
            _pair(strings, spec[field])
        with transaction.atomic():
            event, created = builder.child(
                indexes["events"],
                EventPage,
                spec["slug"],
                title=spec["title"][0],
                venue=spec["venue"][0],
                city=spec["city"],
                country=spec["country"][0],
                scope=spec["scope"],
                description=RichText(f"<p>{spec['description'][0]}</p>"),
                external_url=spec["url"],
                start_date=today + datetime.timedelta(days=spec["days"][0]),
                end_date=today + datetime.timedelta(days=spec["days"][1]),
            )
            if created:
                for order, slug in enumerate(spec["vendors"]):
                    if slug in builder.vendors:
                        event.participants.add(
                            EventParticipant(sort_order=order, vendor=builder.vendors[slug])
                        )
                event.save_revision().publish()
        events.append((event, strings))

    for page, strings in [*stories, *collections, *events]:
        builder.translate_once(page, strings)
    ensure_editorial_setup()
    return {
        "stories": [s for s, _ in stories],
        "collections": [c for c, _ in collections],
        "events": [e for e, _ in events],
    }
