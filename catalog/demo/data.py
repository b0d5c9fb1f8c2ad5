"""The demo catalogue's content: fictional Malang makers and products, every text in English and Indonesian.

Every shop, person and number here is invented (see DOMAIN.md): NIBs are zeros, document numbers
carry a DEMO prefix. Texts are (English, Indonesian) pairs; rich text is a list of such pairs, one
per paragraph, because wagtail-localize translates a rich-text field paragraph by paragraph.
Slugs are the keys that make seeding safe to repeat, so they must never change.
"""

# Prose in several scripts: wrapping it to the line limit would only make it harder to proofread.
# ruff: noqa: E501

CATEGORIES = [
    {
        "slug": "ceramics-porcelain",
        "sector": "crafts",
        "name": ("Ceramics & porcelain", "Keramik & porselen"),
        "description": (
            "Dinoyo porcelain and Penanggungan earthenware, thrown and painted in Malang.",
            "Porselen Dinoyo dan gerabah Penanggungan, dibentuk dan dilukis di Malang.",
        ),
    },
    {
        "slug": "masks-wood-carving",
        "sector": "crafts",
        "name": ("Masks & wood carving", "Topeng & ukir kayu"),
        "description": (
            "Topeng Malangan characters carved in wood or cast in resin.",
            "Tokoh Topeng Malangan yang diukir dari kayu atau dicetak dari resin.",
        ),
    },
    {
        "slug": "batik-textiles",
        "sector": "fashion",
        "name": ("Batik & textiles", "Batik & tekstil"),
        "description": (
            "Batik Malangan fabric, scarves and shirts, drawn and stamped by hand.",
            "Kain, selendang dan kemeja batik Malangan, ditulis dan dicap dengan tangan.",
        ),
    },
    {
        "slug": "rattan-basketry",
        "sector": "furniture",
        "name": ("Rattan & basketry", "Rotan & anyaman"),
        "description": (
            "Rattan, mendong and water-hyacinth furniture and baskets.",
            "Mebel dan keranjang dari rotan, mendong dan eceng gondok.",
        ),
    },
    {
        "slug": "snacks-processed-food",
        "sector": "processed-food",
        "name": ("Snacks & processed food", "Camilan & makanan olahan"),
        "description": (
            "Tempe chips, fruit chips, sambal and cakes from home industries with food permits.",
            "Keripik tempe, keripik buah, sambal dan kue dari industri rumahan berizin pangan.",
        ),
    },
    {
        "slug": "coffee",
        "sector": "processed-food",
        "name": ("Coffee", "Kopi"),
        "description": (
            "Robusta from the slopes south of Malang, roasted in the city.",
            "Robusta dari lereng selatan Malang, disangrai di kota.",
        ),
    },
    {
        "slug": "leather-goods",
        "sector": "fashion",
        "name": ("Leather goods", "Produk kulit"),
        "description": (
            "Shoes, belts and small leather goods stitched in Sukun.",
            "Sepatu, ikat pinggang dan barang kulit kecil yang dijahit di Sukun.",
        ),
    },
    {
        "slug": "sports-goods",
        "sector": "sports",
        "name": ("Sports goods", "Perlengkapan olahraga"),
        "description": (
            "Badminton rackets and feather shuttlecocks from Malang workshops.",
            "Raket bulu tangkis dan kok bulu dari bengkel-bengkel di Malang.",
        ),
    },
    {
        "slug": "home-garden",
        "sector": "furniture",
        "name": ("Home & garden", "Rumah & taman"),
        "description": (
            "Planters, hampers and décor for homes and gardens.",
            "Pot tanaman, parsel dan hiasan untuk rumah dan taman.",
        ),
    },
]

CERTIFICATION_TYPES = [
    {
        "slug": "nib",
        "short_name": "NIB",
        "name": ("Business identification number (NIB)", "Nomor Induk Berusaha (NIB)"),
        "issuer": ("OSS-RBA, Ministry of Investment", "OSS-RBA, Kementerian Investasi"),
        "description": (
            "The single business ID every Indonesian firm receives from the OSS system.",
            "Identitas usaha tunggal yang diterima setiap usaha di Indonesia dari sistem OSS.",
        ),
        "kind": "nib",  # catalog.certificates: number format and where buyers verify it
    },
    {
        "slug": "p-irt",
        "short_name": "P-IRT",
        "name": ("Home-industry food permit (SPP-IRT)", "Sertifikat Produksi Pangan Industri Rumah Tangga"),
        "issuer": ("City Health Office (Dinas Kesehatan)", "Dinas Kesehatan Kota"),
        "description": (
            "Permit for small-scale food production, renewable every five years.",
            "Izin produksi pangan skala rumah tangga, diperpanjang setiap lima tahun.",
        ),
        "kind": "p-irt",  # catalog.certificates: number format and where buyers verify it
    },
    {
        "slug": "bpom-md",
        "short_name": "BPOM MD",
        "name": ("Processed-food registration (BPOM MD)", "Izin edar pangan olahan (BPOM MD)"),
        "issuer": ("Indonesian Food and Drug Authority (BPOM)", "Badan Pengawas Obat dan Makanan (BPOM)"),
        "description": (
            "Registration of a domestically produced processed food.",
            "Registrasi pangan olahan produksi dalam negeri.",
        ),
        "kind": "bpom",  # catalog.certificates: number format and where buyers verify it
    },
    {
        "slug": "halal",
        "short_name": "Halal",
        "name": ("Halal certificate", "Sertifikat halal"),
        "issuer": (
            "Halal Product Assurance Agency (BPJPH) after an MUI fatwa",
            "Badan Penyelenggara Jaminan Produk Halal (BPJPH) setelah fatwa MUI",
        ),
        "description": (
            "Mandatory for food and drinks sold in Indonesia; trilingual certificate.",
            "Wajib untuk makanan dan minuman yang dijual di Indonesia; sertifikat tiga bahasa.",
        ),
        "kind": "halal",  # catalog.certificates: number format and where buyers verify it
    },
    {
        "slug": "sni",
        "short_name": "SNI",
        "name": ("Indonesian National Standard (SNI)", "Standar Nasional Indonesia (SNI)"),
        "issuer": ("KAN-accredited certification body", "Lembaga sertifikasi produk terakreditasi KAN"),
        "description": (
            "Product certificate that allows use of the SNI mark.",
            "Sertifikat produk yang mengizinkan penggunaan tanda SNI.",
        ),
        "kind": "sni",  # catalog.certificates: number format and where buyers verify it
    },
    {
        "slug": "djki-trademark",
        "short_name": "DJKI",
        "name": ("Registered trademark (DJKI)", "Merek terdaftar (DJKI)"),
        "issuer": (
            "Directorate General of Intellectual Property (DJKI)",
            "Direktorat Jenderal Kekayaan Intelektual (DJKI)",
        ),
        "description": (
            "Trademark registered in Indonesia, searchable on PDKI.",
            "Merek yang terdaftar di Indonesia, dapat dicari di PDKI.",
        ),
        "kind": "djki",  # catalog.certificates: number format and where buyers verify it
    },
]

# Packaging and documents that repeat across products, kept as pairs so both languages stay in step.
CARTON = (
    "Each piece bubble-wrapped in a printed box; 5-ply export carton.",
    "Setiap barang dibungkus plastik gelembung dalam kotak cetak; karton ekspor 5 lapis.",
)
FOOD_CARTON = (
    "Nitrogen-flushed foil pouches, 24 per export carton, label in English.",
    "Pouch foil berisi nitrogen, 24 per karton ekspor, label berbahasa Inggris.",
)
OEM_LABEL = (
    "Private label from the MOQ: your logo on the box or pouch.",
    "Label pribadi mulai dari MOQ: logo Anda pada kotak atau kemasan.",
)
OEM_COLOUR = (
    "Custom colours and sizes from twice the MOQ.",
    "Warna dan ukuran khusus mulai dua kali MOQ.",
)

VENDORS = [
    {
        "slug": "atelier-kabut-porselen",
        "title": "Atelier Kabut Porselen",
        "legal_name": "CV Kabut Porselen (demo)",
        "district": "lowokwaru",
        "sector": "crafts",
        "business_type": "artisan",
        "year_founded": 2009,
        "team_size": 14,
        "response_time_hours": 24,
        "export_markets": "Japan, Singapore, Netherlands",
        "languages": ("English, Indonesian, Javanese", "Inggris, Indonesia, Jawa"),
        "tagline": (
            "Hand-painted porcelain from the Dinoyo kilns",
            "Porselen lukis tangan dari tungku Dinoyo",
        ),
        "story": [
            (
                "Our workshop sits in the Dinoyo ceramics village, where porcelain has been fired since the "
                "1950s. We cast white clay from South Malang and paint every piece by hand.",
                "Bengkel kami berada di kampung keramik Dinoyo, tempat porselen dibakar sejak tahun 1950-an. "
                "Kami mencetak tanah liat putih dari Malang Selatan dan melukis setiap barang dengan tangan.",
            ),
            (
                "Fourteen painters and kiln workers, most of them from the neighbourhood, make aroma burners, "
                "lanterns and incense holders for spas and gift shops.",
                "Empat belas pelukis dan pekerja tungku, kebanyakan dari lingkungan sekitar, membuat tungku "
                "aroma, lentera dan tempat dupa untuk spa dan toko suvenir.",
            ),
        ],
        "motif": "vase",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("KABUT PORSELEN", 21),
        "products": [
            {
                "slug": "dinoyo-porcelain-aroma-burner",
                "title": (
                    "Hand-painted Dinoyo porcelain aroma burner",
                    "Tungku aroma porselen Dinoyo lukis tangan",
                ),
                "summary": (
                    "Tea-light aromatherapy burner in white Malang porcelain with a hand-painted lotus.",
                    "Tungku aromaterapi lilin teh dari porselen putih Malang dengan lukisan teratai.",
                ),
                "description": [
                    (
                        "A two-part burner: the lower chamber holds a tea-light, the dish above warms essential "
                        "oil or wax melts. The lotus is painted freehand in cobalt before the glaze firing.",
                        "Tungku dua bagian: ruang bawah untuk lilin teh, mangkuk di atas menghangatkan minyak "
                        "atsiri atau lilin aroma. Teratai dilukis bebas dengan kobalt sebelum pembakaran glasir.",
                    ),
                    (
                        "Popular with spas and hotel gift shops; every piece is slightly different.",
                        "Digemari spa dan toko suvenir hotel; setiap barang sedikit berbeda.",
                    ),
                ],
                "category": "ceramics-porcelain",
                "materials": ("Porcelain, cobalt underglaze", "Porselen, cat kobalt bawah glasir"),
                "dimensions": "10 × 10 × 13 cm",
                "weight_grams": 420,
                "hs_code": "6913.10",
                "moq": 200,
                "unit": "pieces",
                "tiers": [(200, 450), (500, 390), (1000, 340)],
                "lead_time_days": 30,
                "monthly_capacity": 1500,
                "oem": OEM_LABEL,
                "packaging": CARTON,
                "sample": (1200, 3, 7),
                "motif": "vase",
            },
            {
                "slug": "porcelain-tealight-lantern",
                "title": ("Pierced porcelain tea-light lantern", "Lentera lilin porselen berlubang"),
                "summary": (
                    "Thin porcelain lantern with a pierced kawung pattern that throws light on the wall.",
                    "Lentera porselen tipis dengan pola kawung berlubang yang memantulkan cahaya ke dinding.",
                ),
                "description": [
                    (
                        "Each lantern is cast, then pierced by hand while the clay is leather-hard. Unglazed "
                        "outside for a matt, stone-like finish.",
                        "Setiap lentera dicetak, lalu dilubangi dengan tangan saat tanah liat setengah kering. "
                        "Bagian luar tanpa glasir sehingga tampak doff seperti batu.",
                    )
                ],
                "category": "ceramics-porcelain",
                "materials": ("Porcelain", "Porselen"),
                "dimensions": "9 × 9 × 15 cm",
                "weight_grams": 380,
                "hs_code": "6913.10",
                "moq": 150,
                "unit": "pieces",
                "tiers": [(150, 520), (400, 460), (1000, 410)],
                "lead_time_days": 35,
                "monthly_capacity": 900,
                "oem": None,
                "packaging": CARTON,
                "sample": (1400, 2, 7),
                "motif": "vase",
            },
            {
                "slug": "porcelain-incense-holder",
                "title": ("Lotus porcelain incense holder", "Tempat dupa porselen teratai"),
                "summary": (
                    "Small glazed dish for stick and cone incense, in five glaze colours.",
                    "Piring kecil berglasir untuk dupa batang dan kerucut, dalam lima warna glasir.",
                ),
                "description": [
                    (
                        "A lotus-leaf dish with a raised holder for sticks and a hollow for cones. Glazes: "
                        "celadon, white, indigo, honey and black.",
                        "Piring berbentuk daun teratai dengan penyangga dupa batang dan cekungan untuk dupa "
                        "kerucut. Glasir: seladon, putih, nila, madu dan hitam.",
                    )
                ],
                "category": "ceramics-porcelain",
                "materials": ("Glazed porcelain", "Porselen berglasir"),
                "dimensions": "11 × 11 × 3 cm",
                "weight_grams": 160,
                "hs_code": "6913.10",
                "moq": 300,
                "unit": "pieces",
                "tiers": [(300, 180), (1000, 150)],
                "lead_time_days": 25,
                "monthly_capacity": 3000,
                "oem": OEM_COLOUR,
                "packaging": CARTON,
                "sample": None,
                "motif": "vase",
            },
        ],
    },
    {
        "slug": "studio-lempung-salju",
        "title": "Studio Lempung Salju",
        "legal_name": "UD Lempung Salju (demo)",
        "district": "lowokwaru",
        "sector": "crafts",
        "business_type": "producer",
        "year_founded": 2014,
        "team_size": 22,
        "response_time_hours": 12,
        "export_markets": "Malaysia, Australia",
        "languages": ("English, Indonesian", "Inggris, Indonesia"),
        "tagline": (
            "Porcelain tableware with Malangan batik",
            "Peralatan makan porselen bermotif batik Malangan",
        ),
        "story": [
            (
                "We print and hand-finish porcelain mugs, plates and favours for cafés, hotels and weddings. "
                "Our decals carry the Kucecwara batik pattern, licensed from a Malang batik house.",
                "Kami mencetak dan menyelesaikan dengan tangan mug, piring dan suvenir porselen untuk kafe, "
                "hotel dan pernikahan. Stiker glasir kami memakai motif batik Kucecwara berlisensi dari rumah "
                "batik Malang.",
            )
        ],
        "motif": "vase",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("LEMPUNG SALJU", 21),
        "products": [
            {
                "slug": "malangan-porcelain-mug-set",
                "title": ("Malangan-motif porcelain mug set (4)", "Set mug porselen motif Malangan (4)"),
                "summary": (
                    "Four glazed porcelain mugs with the Kucecwara batik pattern, in a gift box.",
                    "Empat mug porselen berglasir dengan motif batik Kucecwara, dalam kotak hadiah.",
                ),
                "description": [
                    (
                        "Dishwasher-safe mugs of 300 ml, each in a different colourway of the same motif. Lead "
                        "and cadmium test report available for food-contact use.",
                        "Mug 300 ml yang aman untuk mesin cuci piring, masing-masing dengan warna berbeda dari "
                        "motif yang sama. Laporan uji timbal dan kadmium tersedia untuk kontak pangan.",
                    )
                ],
                "category": "ceramics-porcelain",
                "materials": ("Porcelain, food-safe glaze", "Porselen, glasir aman pangan"),
                "dimensions": "32 × 24 × 11 cm (box)",
                "weight_grams": 1650,
                "hs_code": "6911.10",
                "moq": 100,
                "unit": "sets",
                "tiers": [(100, 1650), (300, 1480), (800, 1320)],
                "lead_time_days": 40,
                "monthly_capacity": 600,
                "oem": OEM_LABEL,
                "packaging": (
                    "Gift box with moulded pulp insert; 6 boxes per export carton.",
                    "Kotak hadiah dengan sekat bubur kertas; 6 kotak per karton ekspor.",
                ),
                "sample": (2500, 1, 10),
                "motif": "vase",
            },
            {
                "slug": "porcelain-bud-vases-wedding",
                "title": ("Mini bud vases for wedding favours", "Vas kuncup mini untuk suvenir pernikahan"),
                "summary": (
                    "Bulk porcelain bud vases with a custom name print, in five glaze colours.",
                    "Vas kuncup porselen grosir dengan cetak nama, dalam lima warna glasir.",
                ),
                "description": [
                    (
                        "Seven-centimetre vases for a single stem, printed with the couple's names and date. "
                        "Ordered by wedding planners in Kuala Lumpur and Perth.",
                        "Vas tujuh sentimeter untuk setangkai bunga, dicetak nama pasangan dan tanggal. Dipesan "
                        "oleh perencana pernikahan di Kuala Lumpur dan Perth.",
                    )
                ],
                "category": "ceramics-porcelain",
                "materials": ("Porcelain", "Porselen"),
                "dimensions": "4 × 4 × 7 cm",
                "weight_grams": 70,
                "hs_code": "6913.10",
                "moq": 500,
                "unit": "pieces",
                "tiers": [(500, 95), (1500, 80), (5000, 68)],
                "lead_time_days": 21,
                "monthly_capacity": 8000,
                "oem": (
                    "Names, dates and logos printed from the MOQ at no extra cost.",
                    "Nama, tanggal dan logo dicetak mulai MOQ tanpa biaya tambahan.",
                ),
                "packaging": (
                    "Organza pouch per vase; 200 per export carton.",
                    "Kantong organza per vas; 200 per karton ekspor.",
                ),
                "sample": (500, 5, 5),
                "motif": "vase",
            },
            {
                "slug": "porcelain-dinner-plate-set",
                "title": ("Kucecwara porcelain dinner plates (6)", "Piring makan porselen Kucecwara (6)"),
                "summary": (
                    "Six 27 cm dinner plates with a batik rim, for restaurants and hotels.",
                    "Enam piring makan 27 cm dengan tepi batik, untuk restoran dan hotel.",
                ),
                "description": [
                    (
                        "Rolled-rim plates that stack tightly for commercial kitchens; the decal is fired under "
                        "the glaze so it survives daily washing.",
                        "Piring bertepi gulung yang bisa ditumpuk rapat untuk dapur komersial; motif dibakar di "
                        "bawah glasir sehingga tahan dicuci setiap hari.",
                    )
                ],
                "category": "ceramics-porcelain",
                "materials": ("Porcelain, underglaze decal", "Porselen, motif bawah glasir"),
                "dimensions": "27 cm diameter",
                "weight_grams": 3900,
                "hs_code": "6911.10",
                "moq": 50,
                "unit": "sets",
                "tiers": [(50, 3200), (200, 2850)],
                "lead_time_days": 45,
                "monthly_capacity": 300,
                "oem": OEM_COLOUR,
                "packaging": CARTON,
                "sample": None,
                "motif": "batik",
            },
        ],
    },
    {
        "slug": "anyam-tasik-rimbun",
        "title": "Anyam Tasik Rimbun",
        "legal_name": "CV Tasik Rimbun Anyaman (demo)",
        "district": "lowokwaru",
        "sector": "furniture",
        "business_type": "producer",
        "year_founded": 1998,
        "team_size": 35,
        "response_time_hours": 24,
        "export_markets": "United States, Singapore, Japan, United Arab Emirates",
        "languages": ("English, Indonesian", "Inggris, Indonesia"),
        "tagline": (
            "Rattan, mendong and water-hyacinth weaving from Tasikmadu",
            "Anyaman rotan, mendong dan eceng gondok dari Tasikmadu",
        ),
        "story": [
            (
                "Three generations of weavers in Tasikmadu. We combine rattan frames with mendong grass and "
                "water hyacinth harvested from East Java's reservoirs.",
                "Tiga generasi penganyam di Tasikmadu. Kami memadukan rangka rotan dengan rumput mendong dan "
                "eceng gondok yang dipanen dari waduk-waduk di Jawa Timur.",
            ),
            (
                "Our weavers work from home and bring finished pieces to the workshop for finishing and "
                "quality checks.",
                "Para penganyam kami bekerja dari rumah dan membawa barang jadi ke bengkel untuk finishing dan "
                "pemeriksaan mutu.",
            ),
        ],
        "motif": "weave",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("TASIK RIMBUN", 20),
        "products": [
            {
                "slug": "rattan-water-hyacinth-baskets",
                "title": (
                    "Rattan and water-hyacinth storage baskets (set of 3)",
                    "Keranjang simpan rotan dan eceng gondok (set 3)",
                ),
                "summary": (
                    "Nesting baskets with a rattan frame and water-hyacinth weave, natural or black.",
                    "Keranjang bersusun dengan rangka rotan dan anyaman eceng gondok, warna alami atau hitam.",
                ),
                "description": [
                    (
                        "Three sizes that nest for shipping, with rolled handles. Sun-dried and treated against "
                        "mould before weaving.",
                        "Tiga ukuran yang bisa disusun saat pengiriman, dengan pegangan gulung. Dijemur dan "
                        "diberi perlakuan anti jamur sebelum dianyam.",
                    )
                ],
                "category": "rattan-basketry",
                "materials": ("Rattan, water hyacinth", "Rotan, eceng gondok"),
                "dimensions": "40 × 30 × 28 cm (largest)",
                "weight_grams": 2100,
                "hs_code": "4602.19",
                "moq": 50,
                "unit": "sets",
                "tiers": [(50, 2400), (150, 2150), (400, 1900)],
                "lead_time_days": 45,
                "monthly_capacity": 400,
                "oem": OEM_COLOUR,
                "packaging": (
                    "Sets nested and wrapped in kraft paper; 4 sets per carton.",
                    "Set disusun dan dibungkus kertas kraft; 4 set per karton.",
                ),
                "sample": (3500, 1, 10),
                "motif": "weave",
            },
            {
                "slug": "rattan-laundry-hamper",
                "title": (
                    "Tasikmadu rattan laundry hamper with lid",
                    "Keranjang cucian rotan Tasikmadu bertutup",
                ),
                "summary": (
                    "Hand-woven rattan hamper with a lid and an optional cotton liner.",
                    "Keranjang rotan anyaman tangan bertutup dengan pilihan kain pelapis katun.",
                ),
                "description": [
                    (
                        "A tall hamper woven over a rattan-pole frame, strong enough to lift full. The washable "
                        "liner ties to the rim.",
                        "Keranjang tinggi yang dianyam di atas rangka batang rotan, cukup kuat diangkat saat "
                        "penuh. Kain pelapis bisa dicuci dan diikat ke bibir keranjang.",
                    )
                ],
                "category": "rattan-basketry",
                "materials": ("Rattan, cotton liner", "Rotan, pelapis katun"),
                "dimensions": "45 × 35 × 60 cm",
                "weight_grams": 2800,
                "hs_code": "4602.12",
                "moq": 30,
                "unit": "pieces",
                "tiers": [(30, 3100), (100, 2750), (300, 2450)],
                "lead_time_days": 40,
                "monthly_capacity": 250,
                "oem": None,
                "packaging": (
                    "Two hampers nested per carton, corners protected.",
                    "Dua keranjang disusun per karton, sudut dilindungi.",
                ),
                "sample": (4500, 1, 14),
                "motif": "weave",
            },
            {
                "slug": "mendong-placemats",
                "title": ("Mendong grass placemats (set of 6)", "Tatakan piring rumput mendong (set 6)"),
                "summary": (
                    "Round woven placemats of mendong grass with a cotton-bound edge.",
                    "Tatakan piring bundar dari anyaman mendong dengan tepi berbalut katun.",
                ),
                "description": [
                    (
                        "Light, flat and easy to ship; dyed in natural, charcoal and sage. Wipe clean with a "
                        "damp cloth.",
                        "Ringan, pipih dan mudah dikirim; diwarnai alami, arang dan hijau sage. Bersihkan dengan "
                        "kain lembap.",
                    )
                ],
                "category": "rattan-basketry",
                "materials": ("Mendong grass, cotton tape", "Rumput mendong, pita katun"),
                "dimensions": "38 cm diameter",
                "weight_grams": 600,
                "hs_code": "4601.29",
                "moq": 100,
                "unit": "sets",
                "tiers": [(100, 950), (500, 820)],
                "lead_time_days": 30,
                "monthly_capacity": 900,
                "oem": OEM_COLOUR,
                "packaging": (
                    "Sets tied with raffia; 20 sets per carton.",
                    "Set diikat tali rafia; 20 set per karton.",
                ),
                "sample": (1500, 2, 7),
                "motif": "weave",
            },
        ],
    },
    {
        "slug": "dapur-cabai-lintang",
        "title": "Dapur Cabai Lintang",
        "legal_name": "UD Cabai Lintang (demo)",
        "district": "lowokwaru",
        "sector": "processed-food",
        "business_type": "producer",
        "year_founded": 2017,
        "team_size": 9,
        "response_time_hours": 6,
        "export_markets": "Saudi Arabia, Malaysia, Hong Kong",
        "languages": ("Indonesian, English, some Arabic", "Indonesia, Inggris, sedikit Arab"),
        "tagline": (
            "Small-batch Malang sambal, halal certified",
            "Sambal Malang produksi kecil, bersertifikat halal",
        ),
        "story": [
            (
                "We started by cooking sambal for pilgrims leaving for Mecca; now our jars travel with "
                "Indonesian families to Saudi Arabia, Malaysia and Hong Kong.",
                "Kami mulai dengan memasak sambal untuk jemaah yang berangkat ke Mekah; kini toples kami dibawa "
                "keluarga Indonesia ke Arab Saudi, Malaysia dan Hong Kong.",
            )
        ],
        "motif": "jar",
        "certifications": ["nib", "p-irt", "halal"],
        "trademark": ("CABAI LINTANG", 30),
        "products": [
            {
                "slug": "sambal-bawang-200g",
                "title": (
                    "Malang-style sambal bawang (200 g jar)",
                    "Sambal bawang khas Malang (toples 200 g)",
                ),
                "summary": (
                    "Shallot-garlic chilli sambal, cooked in small batches, halal.",
                    "Sambal cabai bawang merah dan bawang putih, dimasak dalam jumlah kecil, halal.",
                ),
                "description": [
                    (
                        "Bird's-eye chillies, shallots and garlic fried slowly in coconut oil. No preservatives; "
                        "the oil seal keeps it for a year unopened.",
                        "Cabai rawit, bawang merah dan bawang putih digoreng perlahan dengan minyak kelapa. Tanpa "
                        "pengawet; lapisan minyak membuatnya tahan setahun selama belum dibuka.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": (
                    "Chilli, shallot, garlic, coconut oil, salt, sugar",
                    "Cabai, bawang merah, bawang putih, minyak kelapa, garam, gula",
                ),
                "dimensions": "7 × 7 × 9 cm",
                "weight_grams": 330,
                "hs_code": "2103.90",
                "moq": 240,
                "unit": "jars",
                "tiers": [(240, 260), (960, 225), (2400, 199)],
                "lead_time_days": 14,
                "monthly_capacity": 6000,
                "oem": OEM_LABEL,
                "packaging": (
                    "Glass jars with tamper seal, 24 per carton with dividers.",
                    "Toples kaca dengan segel, 24 per karton bersekat.",
                ),
                "shelf_life_months": 12,
                "product_certifications": ["p-irt", "halal"],
                "sample": (600, 3, 5),
                "motif": "jar",
            },
            {
                "slug": "sambal-teri-200g",
                "title": ("Anchovy sambal teri (200 g jar)", "Sambal teri (toples 200 g)"),
                "summary": (
                    "Crisp anchovies in a sweet-hot sambal, ready to eat with rice.",
                    "Ikan teri renyah dalam sambal manis pedas, siap disantap dengan nasi.",
                ),
                "description": [
                    (
                        "Medan anchovies fried crisp and folded into red-chilli sambal with palm sugar.",
                        "Ikan teri Medan digoreng renyah lalu dicampur sambal cabai merah dengan gula aren.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": (
                    "Anchovy, chilli, shallot, palm sugar, vegetable oil",
                    "Ikan teri, cabai, bawang merah, gula aren, minyak nabati",
                ),
                "dimensions": "7 × 7 × 9 cm",
                "weight_grams": 330,
                "hs_code": "2103.90",
                "moq": 240,
                "unit": "jars",
                "tiers": [(240, 310), (960, 270)],
                "lead_time_days": 14,
                "monthly_capacity": 4000,
                "oem": OEM_LABEL,
                "packaging": (
                    "Glass jars with tamper seal, 24 per carton with dividers.",
                    "Toples kaca dengan segel, 24 per karton bersekat.",
                ),
                "shelf_life_months": 9,
                "product_certifications": ["p-irt", "halal"],
                "sample": (700, 3, 5),
                "motif": "jar",
            },
        ],
    },
    {
        "slug": "renyah-kedelai-purwa",
        "title": "Renyah Kedelai Purwa",
        "legal_name": "CV Kedelai Purwa Renyah (demo)",
        "district": "blimbing",
        "sector": "processed-food",
        "business_type": "producer",
        "year_founded": 2003,
        "team_size": 28,
        "response_time_hours": 12,
        "export_markets": "Netherlands, Hong Kong, Taiwan, Suriname",
        "languages": ("Indonesian, English, Dutch", "Indonesia, Inggris, Belanda"),
        "tagline": ("Tempe chips from the Sanan tempe village", "Keripik tempe dari kampung tempe Sanan"),
        "story": [
            (
                "Sanan has made tempe for generations. We slice our own tempe paper-thin the day it ripens and "
                "fry it the same afternoon.",
                "Sanan membuat tempe turun-temurun. Kami mengiris tempe buatan sendiri setipis kertas pada hari "
                "tempe matang dan menggorengnya sore itu juga.",
            ),
            (
                "Our export line uses nitrogen-flushed pouches so the chips stay crisp on the long sea journey "
                "to Rotterdam and Paramaribo.",
                "Lini ekspor kami memakai kemasan berisi nitrogen agar keripik tetap renyah dalam perjalanan "
                "laut yang panjang ke Rotterdam dan Paramaribo.",
            ),
        ],
        "motif": "pouch",
        "certifications": ["nib", "p-irt", "halal", "bpom-md"],
        "trademark": ("KEDELAI PURWA", 29),
        "products": [
            {
                "slug": "sanan-tempe-chips-original-seaweed",
                "title": (
                    "Sanan tempe chips, original and seaweed",
                    "Keripik tempe Sanan, original dan rumput laut",
                ),
                "summary": (
                    "Ultra-thin tempe chips in a nitrogen-flushed export pouch, two flavours.",
                    "Keripik tempe super tipis dalam kemasan ekspor berisi nitrogen, dua rasa.",
                ),
                "description": [
                    (
                        "Made from non-GMO soybeans fermented in banana leaves, sliced to one millimetre and "
                        "fried in fresh oil. Seasoned with coriander and garlic, or with nori.",
                        "Dibuat dari kedelai non-GMO yang difermentasi dalam daun pisang, diiris satu milimeter "
                        "dan digoreng dengan minyak baru. Dibumbui ketumbar dan bawang putih, atau dengan nori.",
                    ),
                    (
                        "A vegan snack with plant protein; allergens: soy, wheat (in the batter).",
                        "Camilan vegan berprotein nabati; alergen: kedelai, gandum (dalam adonan).",
                    ),
                ],
                "category": "snacks-processed-food",
                "materials": (
                    "Tempe (soybean), rice flour, wheat flour, garlic, coriander, palm oil",
                    "Tempe (kedelai), tepung beras, tepung terigu, bawang putih, ketumbar, minyak sawit",
                ),
                "dimensions": "16 × 24 cm pouch",
                "weight_grams": 100,
                "hs_code": "2106.90",
                "moq": 500,
                "unit": "pouches",
                "tiers": [(500, 135), (2000, 115), (6000, 98)],
                "lead_time_days": 14,
                "monthly_capacity": 20000,
                "oem": OEM_LABEL,
                "packaging": FOOD_CARTON,
                "shelf_life_months": 12,
                "product_certifications": ["p-irt", "halal"],
                "sample": (400, 3, 5),
                "motif": "pouch",
            },
            {
                "slug": "tempe-chips-foodservice-1kg",
                "title": ("Tempe chips foodservice pack (1 kg)", "Keripik tempe kemasan katering (1 kg)"),
                "summary": (
                    "Bulk tempe chips for Indonesian restaurants and caterers abroad.",
                    "Keripik tempe curah untuk restoran dan katering Indonesia di luar negeri.",
                ),
                "description": [
                    (
                        "The same chips as our retail line, packed loose in a lined carton for kitchens that "
                        "serve them as a side or crumble them over rice dishes.",
                        "Keripik yang sama dengan lini eceran kami, dikemas curah dalam karton berlapis untuk "
                        "dapur yang menyajikannya sebagai pendamping atau taburan nasi.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": (
                    "Tempe (soybean), rice flour, wheat flour, garlic, coriander, palm oil",
                    "Tempe (kedelai), tepung beras, tepung terigu, bawang putih, ketumbar, minyak sawit",
                ),
                "dimensions": "30 × 20 × 20 cm",
                "weight_grams": 1000,
                "hs_code": "2106.90",
                "moq": 100,
                "unit": "kg",
                "tiers": [(100, 950), (500, 860)],
                "lead_time_days": 10,
                "monthly_capacity": 3000,
                "oem": None,
                "packaging": (
                    "1 kg in a foil bag inside a lined carton; 10 kg per master carton.",
                    "1 kg dalam kantong foil di karton berlapis; 10 kg per karton induk.",
                ),
                "shelf_life_months": 9,
                "product_certifications": ["bpom-md", "halal"],
                "sample": None,
                "motif": "pouch",
            },
            {
                "slug": "tempe-chips-balado",
                "title": ("Spicy balado tempe chips", "Keripik tempe balado pedas"),
                "summary": (
                    "Tempe chips coated in a sweet and spicy red-chilli balado seasoning.",
                    "Keripik tempe berbalut bumbu balado cabai merah manis pedas.",
                ),
                "description": [
                    (
                        "Our best seller at home: crisp tempe with a sticky chilli glaze. Heat level medium.",
                        "Terlaris di dalam negeri: tempe renyah berbalut bumbu cabai lengket. Tingkat pedas "
                        "sedang.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": (
                    "Tempe (soybean), chilli, sugar, shallot, palm oil",
                    "Tempe (kedelai), cabai, gula, bawang merah, minyak sawit",
                ),
                "dimensions": "16 × 24 cm pouch",
                "weight_grams": 100,
                "hs_code": "2106.90",
                "moq": 500,
                "unit": "pouches",
                "tiers": [(500, 145), (2000, 125), (6000, 108)],
                "lead_time_days": 14,
                "monthly_capacity": 12000,
                "oem": OEM_LABEL,
                "packaging": FOOD_CARTON,
                "shelf_life_months": 10,
                "product_certifications": ["p-irt", "halal"],
                "sample": (400, 3, 5),
                "motif": "pouch",
            },
        ],
    },
    {
        "slug": "sanggar-wajah-panji",
        "title": "Sanggar Wajah Panji",
        "legal_name": "Sanggar Wajah Panji (demo)",
        "district": "blimbing",
        "sector": "crafts",
        "business_type": "artisan",
        "year_founded": 2011,
        "team_size": 6,
        "response_time_hours": 48,
        "export_markets": "France, Japan",
        "languages": ("Indonesian, Javanese, some English", "Indonesia, Jawa, sedikit Inggris"),
        "tagline": ("Topeng Malangan masks from Polowijen", "Topeng Malangan dari Polowijen"),
        "story": [
            (
                "We carve the characters of the Panji stories, as masks for dancers and for walls. Each mask "
                "comes with a card that tells its character's story.",
                "Kami mengukir tokoh-tokoh cerita Panji, sebagai topeng untuk penari dan hiasan dinding. Setiap "
                "topeng disertai kartu yang menceritakan kisah tokohnya.",
            )
        ],
        "motif": "mask",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("WAJAH PANJI", 20),
        "products": [
            {
                "slug": "topeng-malangan-panji-wall-mask",
                "title": (
                    "Carved Topeng Malangan wall mask, Panji Asmorobangun",
                    "Topeng Malangan ukir hiasan dinding, Panji Asmorobangun",
                ),
                "summary": (
                    "Hand-carved, hand-painted wooden mask with a character-story card.",
                    "Topeng kayu ukir dan lukis tangan dengan kartu kisah tokoh.",
                ),
                "description": [
                    (
                        "Carved from pule wood over three days and painted in the traditional palette: the "
                        "refined Panji has a white face, narrow eyes and a gentle smile.",
                        "Diukir dari kayu pule selama tiga hari dan dilukis dengan warna tradisional: Panji yang "
                        "halus berwajah putih, bermata sipit dan tersenyum lembut.",
                    ),
                    (
                        "Signed on the back by the carver. A hanging cord is fitted.",
                        "Ditandatangani pengukir di bagian belakang. Sudah dipasang tali gantungan.",
                    ),
                ],
                "category": "masks-wood-carving",
                "materials": ("Pule wood, acrylic and natural paints", "Kayu pule, cat akrilik dan alami"),
                "dimensions": "16 × 10 × 22 cm",
                "weight_grams": 350,
                "hs_code": "4420.11",
                "moq": 20,
                "unit": "pieces",
                "tiers": [(20, 2800), (60, 2450), (150, 2200)],
                "lead_time_days": 30,
                "monthly_capacity": 80,
                "oem": None,
                "packaging": CARTON,
                "sample": (3200, 2, 10),
                "motif": "mask",
            },
            {
                "slug": "fibre-resin-topeng-malangan",
                "title": (
                    "Lightweight fibre-resin Topeng Malangan",
                    "Topeng Malangan ringan dari resin serat",
                ),
                "summary": (
                    "Resin mask cast from a carved wood master, for décor retail.",
                    "Topeng resin yang dicetak dari master kayu ukir, untuk toko dekorasi.",
                ),
                "description": [
                    (
                        "Half the weight of wood and identical from piece to piece, so it suits retail chains. "
                        "Painted by hand after casting.",
                        "Setengah berat kayu dan seragam dari satu barang ke barang lain, cocok untuk jaringan "
                        "toko. Dilukis tangan setelah dicetak.",
                    )
                ],
                "category": "masks-wood-carving",
                "materials": (
                    "Fibreglass-reinforced resin, acrylic paint",
                    "Resin berpenguat serat kaca, cat akrilik",
                ),
                "dimensions": "15 × 9 × 20 cm",
                "weight_grams": 180,
                "hs_code": "3926.40",
                "moq": 100,
                "unit": "pieces",
                "tiers": [(100, 1100), (400, 920), (1000, 800)],
                "lead_time_days": 30,
                "monthly_capacity": 600,
                "oem": OEM_COLOUR,
                "packaging": CARTON,
                "sample": (1500, 2, 7),
                "motif": "mask",
            },
            {
                "slug": "topeng-dewi-ragil-kuning",
                "title": ("Dewi Ragil Kuning dance mask", "Topeng tari Dewi Ragil Kuning"),
                "summary": (
                    "Wearable wooden dance mask of the princess Ragil Kuning, with a bite strap.",
                    "Topeng tari kayu Putri Ragil Kuning yang bisa dipakai, dengan tali gigit.",
                ),
                "description": [
                    (
                        "Made to dancers' measurements for performance, with a leather bite strap inside as in "
                        "Malang's mask-dance tradition.",
                        "Dibuat sesuai ukuran penari untuk pertunjukan, dengan tali gigit kulit di bagian dalam "
                        "sesuai tradisi tari topeng Malang.",
                    )
                ],
                "category": "masks-wood-carving",
                "materials": ("Pule wood, leather strap, natural paints", "Kayu pule, tali kulit, cat alami"),
                "dimensions": "15 × 10 × 20 cm",
                "weight_grams": 300,
                "hs_code": "4420.11",
                "moq": 10,
                "unit": "pieces",
                "tiers": [(10, 3600), (30, 3200)],
                "lead_time_days": 35,
                "monthly_capacity": 40,
                "oem": None,
                "packaging": CARTON,
                "sample": None,
                "motif": "mask",
            },
        ],
    },
    {
        "slug": "rotan-gerbang-utara",
        "title": "Rotan Gerbang Utara",
        "legal_name": "CV Rotan Gerbang Utara (demo)",
        "district": "blimbing",
        "sector": "furniture",
        "business_type": "producer",
        "year_founded": 1992,
        "team_size": 41,
        "response_time_hours": 24,
        "export_markets": "Netherlands, Germany, South Korea, Australia",
        "languages": ("English, Indonesian", "Inggris, Indonesia"),
        "tagline": ("Rattan furniture from Balearjosari", "Mebel rotan dari Balearjosari"),
        "story": [
            (
                "Balearjosari has bent rattan since the 1920s and shipped chairs abroad in the 1990s. We keep "
                "the classic shapes and pack them knock-down to save freight.",
                "Balearjosari telah membengkokkan rotan sejak tahun 1920-an dan mengirim kursi ke luar negeri "
                "pada tahun 1990-an. Kami mempertahankan bentuk klasik dan mengemasnya bongkar pasang agar "
                "ongkos kirim hemat.",
            )
        ],
        "motif": "chair",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("GERBANG UTARA", 20),
        "products": [
            {
                "slug": "rattan-peacock-chair",
                "title": ("Balearjosari rattan peacock chair", "Kursi merak rotan Balearjosari"),
                "summary": (
                    "Classic high-back rattan chair, natural finish, knock-down packing.",
                    "Kursi rotan sandaran tinggi klasik, warna alami, kemasan bongkar pasang.",
                ),
                "description": [
                    (
                        "The fan back is woven in one piece over a steamed-rattan frame; the base unbolts so "
                        "three chairs fit in the space of one.",
                        "Sandaran kipas dianyam utuh di atas rangka rotan yang dikukus; kaki dapat dilepas "
                        "sehingga tiga kursi muat di ruang satu kursi.",
                    ),
                    (
                        "Finished with a clear water-based lacquer. Seat cushion optional.",
                        "Dilapisi pernis bening berbahan air. Bantal duduk opsional.",
                    ),
                ],
                "category": "rattan-basketry",
                "materials": ("Rattan, water-based lacquer", "Rotan, pernis berbahan air"),
                "dimensions": "105 × 65 × 150 cm",
                "weight_grams": 9500,
                "hs_code": "9401.53",
                "moq": 10,
                "unit": "pieces",
                "tiers": [(10, 16500), (40, 14800), (100, 13200)],
                "lead_time_days": 60,
                "monthly_capacity": 60,
                "oem": OEM_COLOUR,
                "packaging": (
                    "Knock-down: back and base packed flat, 3 chairs per carton.",
                    "Bongkar pasang: sandaran dan kaki dikemas pipih, 3 kursi per karton.",
                ),
                "sample": None,
                "motif": "chair",
            },
            {
                "slug": "rattan-gift-hampers",
                "title": ("Rattan gift hampers for festive seasons", "Parsel rotan untuk hari raya"),
                "summary": (
                    "Square rattan hampers in brown, black and moss green, for Lebaran or Christmas.",
                    "Parsel rotan persegi warna cokelat, hitam dan hijau lumut, untuk Lebaran atau Natal.",
                ),
                "description": [
                    (
                        "Sturdy hampers with a lid and leather-look clasp, sized for a bottle and snacks. Ordered "
                        "in hundreds by corporate gift companies.",
                        "Parsel kokoh bertutup dengan pengait bergaya kulit, pas untuk sebotol minuman dan "
                        "camilan. Dipesan ratusan oleh perusahaan bingkisan korporat.",
                    )
                ],
                "category": "home-garden",
                "materials": ("Rattan, synthetic leather clasp", "Rotan, pengait kulit sintetis"),
                "dimensions": "35 × 35 × 18 cm",
                "weight_grams": 900,
                "hs_code": "4602.12",
                "moq": 200,
                "unit": "pieces",
                "tiers": [(200, 650), (600, 560), (1500, 490)],
                "lead_time_days": 30,
                "monthly_capacity": 2000,
                "oem": OEM_LABEL,
                "packaging": (
                    "Nested in tens, wrapped in kraft paper.",
                    "Disusun per sepuluh, dibungkus kertas kraft.",
                ),
                "sample": (1200, 2, 7),
                "motif": "weave",
            },
            {
                "slug": "rattan-room-divider",
                "title": ("Three-panel rattan room divider", "Penyekat ruangan rotan tiga panel"),
                "summary": (
                    "Folding screen with woven rattan panels in a teak-stained frame.",
                    "Sekat lipat dengan panel anyaman rotan dalam rangka bernoda jati.",
                ),
                "description": [
                    (
                        "Three hinged panels of open cane weave that let light through. Ships flat.",
                        "Tiga panel berengsel dengan anyaman rotan terbuka yang meneruskan cahaya. Dikirim "
                        "dalam keadaan pipih.",
                    )
                ],
                "category": "home-garden",
                "materials": ("Rattan cane, mahogany frame", "Anyaman rotan, rangka mahoni"),
                "dimensions": "150 × 3 × 180 cm (open)",
                "weight_grams": 12000,
                "hs_code": "9403.89",
                "moq": 10,
                "unit": "pieces",
                "tiers": [(10, 14500), (30, 13200)],
                "lead_time_days": 50,
                "monthly_capacity": 40,
                "oem": None,
                "packaging": (
                    "Flat-packed with corner guards, one per carton.",
                    "Dikemas pipih dengan pelindung sudut, satu per karton.",
                ),
                "sample": None,
                "motif": "weave",
            },
        ],
    },
    {
        "slug": "rumah-warna-celaket",
        "title": "Rumah Warna Celaket",
        "legal_name": "CV Warna Celaket (demo)",
        "district": "klojen",
        "sector": "fashion",
        "business_type": "artisan",
        "year_founded": 2002,
        "team_size": 18,
        "response_time_hours": 24,
        "export_markets": "Japan, Malaysia, Netherlands",
        "languages": ("Indonesian, English, some Japanese", "Indonesia, Inggris, sedikit Jepang"),
        "tagline": ("Bright Batik Malangan from Celaket", "Batik Malangan cerah dari Celaket"),
        "story": [
            (
                "Celaket batik is known for its bright colours. Our makers draw Malang's own motifs: the Tugu "
                "monument, the lion's mane and the lotus, on a background of Candi Badut diamonds.",
                "Batik Celaket dikenal dengan warna-warnanya yang cerah. Para pembatik kami menggambar motif "
                "khas Malang: Tugu, rumbai singa dan teratai, di atas latar belah ketupat Candi Badut.",
            ),
            (
                "Visitors can join a half-day canting class in our workshop.",
                "Pengunjung dapat mengikuti kelas membatik setengah hari di bengkel kami.",
            ),
        ],
        "motif": "batik",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("WARNA CELAKET", 25),
        "products": [
            {
                "slug": "batik-celaket-sarong-fabric",
                "title": (
                    "Batik Celaket cotton sarong fabric (2 m)",
                    "Kain sarung batik Celaket katun (2 m)",
                ),
                "summary": (
                    "Bright stamped and hand-drawn batik with the Tugu and lion-mane motifs.",
                    "Batik cap dan tulis cerah dengan motif Tugu dan rumbai singa.",
                ),
                "description": [
                    (
                        "Primissima cotton, stamped with copper caps and finished by hand with the canting. "
                        "Colour-fast to 40 °C washing.",
                        "Katun primissima, dicap dengan cap tembaga dan diselesaikan dengan canting. Warna tahan "
                        "cuci hingga 40 °C.",
                    )
                ],
                "category": "batik-textiles",
                "materials": ("Primissima cotton, synthetic dyes", "Katun primissima, pewarna sintetis"),
                "dimensions": "200 × 115 cm",
                "weight_grams": 320,
                "hs_code": "5208.52",
                "moq": 50,
                "unit": "pieces",
                "tiers": [(50, 1800), (200, 1550), (500, 1380)],
                "lead_time_days": 30,
                "monthly_capacity": 500,
                "oem": OEM_COLOUR,
                "packaging": (
                    "Folded in a printed sleeve, 50 per carton.",
                    "Dilipat dalam sampul cetak, 50 per karton.",
                ),
                "sample": (2200, 2, 7),
                "motif": "batik",
            },
            {
                "slug": "kucecwara-batik-mens-shirt",
                "title": ("Kucecwara batik men's shirt", "Kemeja batik pria Kucecwara"),
                "summary": (
                    "Long-sleeve cotton batik shirt, fully lined, sizes S to XXL.",
                    "Kemeja batik katun lengan panjang, berfuring penuh, ukuran S sampai XXL.",
                ),
                "description": [
                    (
                        "Cut from our own stamped batik with the Kucecwara motif, matched at the front placket. "
                        "Mixed-size orders welcome.",
                        "Dipotong dari batik cap kami sendiri bermotif Kucecwara, motifnya disambung rapi di "
                        "bagian depan. Pesanan campuran ukuran diterima.",
                    )
                ],
                "category": "batik-textiles",
                "materials": ("Cotton batik, cotton lining", "Batik katun, furing katun"),
                "dimensions": "S–XXL",
                "weight_grams": 380,
                "hs_code": "6205.20",
                "moq": 60,
                "unit": "pieces",
                "tiers": [(60, 2400), (200, 2100), (500, 1850)],
                "lead_time_days": 35,
                "monthly_capacity": 400,
                "oem": OEM_LABEL,
                "packaging": (
                    "Folded in a polybag with size sticker, 40 per carton.",
                    "Dilipat dalam plastik dengan stiker ukuran, 40 per karton.",
                ),
                "sample": (2800, 2, 7),
                "motif": "shirt",
            },
            {
                "slug": "batik-table-runner",
                "title": ("Batik Malangan table runner", "Taplak meja panjang batik Malangan"),
                "summary": (
                    "Hand-drawn batik table runner with lotus motif and fringed ends.",
                    "Taplak meja panjang batik tulis motif teratai dengan ujung berumbai.",
                ),
                "description": [
                    (
                        "A hotel and restaurant favourite: hand-drawn lotus flowers on indigo, hemmed and "
                        "fringed.",
                        "Favorit hotel dan restoran: bunga teratai batik tulis di atas warna nila, dijahit tepi "
                        "dan berumbai.",
                    )
                ],
                "category": "batik-textiles",
                "materials": ("Cotton, indigo and synthetic dyes", "Katun, pewarna nila dan sintetis"),
                "dimensions": "180 × 35 cm",
                "weight_grams": 200,
                "hs_code": "6302.59",
                "moq": 50,
                "unit": "pieces",
                "tiers": [(50, 1250), (200, 1080)],
                "lead_time_days": 30,
                "monthly_capacity": 300,
                "oem": None,
                "packaging": (
                    "Rolled on a card tube, 30 per carton.",
                    "Digulung pada tabung karton, 30 per karton.",
                ),
                "sample": (1600, 2, 7),
                "motif": "batik",
            },
        ],
    },
    {
        "slug": "tembikar-tepi-brantas",
        "title": "Tembikar Tepi Brantas",
        "legal_name": "UD Tembikar Tepi Brantas (demo)",
        "district": "klojen",
        "sector": "furniture",
        "business_type": "artisan",
        "year_founded": 1986,
        "team_size": 7,
        "response_time_hours": 48,
        "export_markets": "Singapore",
        "languages": ("Indonesian, Javanese", "Indonesia, Jawa"),
        "tagline": (
            "Terracotta thrown on the banks of the Brantas",
            "Gerabah yang dibentuk di tepi Sungai Brantas",
        ),
        "story": [
            (
                "Penanggungan's potters have dug clay from the Brantas riverbank for generations. We are one of "
                "the few families still throwing planters on the wheel here.",
                "Perajin gerabah Penanggungan menggali tanah liat dari tepi Sungai Brantas turun-temurun. Kami "
                "salah satu dari sedikit keluarga yang masih membentuk pot dengan perbot di sini.",
            )
        ],
        "motif": "planter",
        "certifications": ["nib"],
        "trademark": ("TEPI BRANTAS", 21),
        "products": [
            {
                "slug": "penanggungan-terracotta-planters",
                "title": ("Penanggungan terracotta planters (set of 3)", "Pot gerabah Penanggungan (set 3)"),
                "summary": (
                    "Wheel-thrown Brantas-clay planters, unglazed, with saucers.",
                    "Pot tanah liat Brantas buatan perbot, tanpa glasir, dengan tatakan.",
                ),
                "description": [
                    (
                        "Three sizes with drainage holes and matching saucers. The porous clay lets roots "
                        "breathe; fired at 900 °C.",
                        "Tiga ukuran dengan lubang air dan tatakan serasi. Tanah liat berpori membuat akar "
                        "bernapas; dibakar pada 900 °C.",
                    )
                ],
                "category": "home-garden",
                "materials": ("Terracotta", "Tanah liat bakar"),
                "dimensions": "12, 16 and 20 cm diameter",
                "weight_grams": 3200,
                "hs_code": "6914.90",
                "moq": 100,
                "unit": "sets",
                "tiers": [(100, 780), (300, 690), (800, 610)],
                "lead_time_days": 30,
                "monthly_capacity": 500,
                "oem": None,
                "packaging": (
                    "Nested sets wrapped in straw and paper, 6 sets per carton.",
                    "Set disusun dan dibungkus jerami dan kertas, 6 set per karton.",
                ),
                "sample": (1800, 1, 7),
                "motif": "planter",
            },
            {
                "slug": "terracotta-hanging-planter",
                "title": (
                    "Terracotta hanging planter with jute cord",
                    "Pot gantung gerabah dengan tali goni",
                ),
                "summary": (
                    "Round hanging pot with a hand-knotted jute hanger.",
                    "Pot gantung bundar dengan gantungan tali goni simpul tangan.",
                ),
                "description": [
                    (
                        "A small round pot for herbs and trailing plants; the jute hanger is knotted by "
                        "neighbourhood women's groups.",
                        "Pot bundar kecil untuk tanaman bumbu dan tanaman merambat; gantungan goni disimpul oleh "
                        "kelompok ibu-ibu di lingkungan kami.",
                    )
                ],
                "category": "home-garden",
                "materials": ("Terracotta, jute", "Tanah liat bakar, goni"),
                "dimensions": "15 cm diameter, 80 cm cord",
                "weight_grams": 900,
                "hs_code": "6914.90",
                "moq": 100,
                "unit": "pieces",
                "tiers": [(100, 420), (400, 360)],
                "lead_time_days": 25,
                "monthly_capacity": 600,
                "oem": None,
                "packaging": (
                    "Each pot in paper, 24 per carton.",
                    "Setiap pot dibungkus kertas, 24 per karton.",
                ),
                "sample": None,
                "motif": "planter",
            },
        ],
    },
    {
        "slug": "sangrai-lereng-semeru",
        "title": "Sangrai Lereng Semeru",
        "legal_name": "CV Sangrai Lereng Semeru (demo)",
        "district": "klojen",
        "sector": "processed-food",
        "business_type": "producer",
        "year_founded": 2016,
        "team_size": 11,
        "response_time_hours": 12,
        "export_markets": "South Korea, Taiwan, United States",
        "languages": ("English, Indonesian, some Korean", "Inggris, Indonesia, sedikit Korea"),
        "tagline": ("Malang Raya robusta, roasted in the city", "Robusta Malang Raya, disangrai di kota"),
        "story": [
            (
                "We buy dry-processed robusta from smallholders around Dampit, in the Malang Raya highlands, and "
                "roast it in small batches in Klojen.",
                "Kami membeli robusta proses kering dari petani kecil di sekitar Dampit, dataran tinggi Malang "
                "Raya, dan menyangrainya dalam jumlah kecil di Klojen.",
            )
        ],
        "motif": "bag",
        "certifications": ["nib", "p-irt", "halal"],
        "trademark": ("LERENG SEMERU", 30),
        "products": [
            {
                "slug": "malang-raya-robusta-medium-roast",
                "title": (
                    "Malang Raya robusta, medium roast (250 g)",
                    "Robusta Malang Raya, sangrai sedang (250 g)",
                ),
                "summary": (
                    "Dry-process robusta from Dampit smallholders, roasted in Malang city.",
                    "Robusta proses kering dari petani Dampit, disangrai di Kota Malang.",
                ),
                "description": [
                    (
                        "Grown at about 900 metres and sun-dried on the farm. Notes of dark chocolate and "
                        "tamarind, with a heavy body for espresso blends.",
                        "Ditanam di ketinggian sekitar 900 meter dan dijemur di kebun. Bernuansa cokelat hitam "
                        "dan asam jawa, dengan body tebal untuk campuran espresso.",
                    ),
                    (
                        "Whole bean or ground; roast date printed on every bag.",
                        "Biji utuh atau bubuk; tanggal sangrai tercetak di setiap kemasan.",
                    ),
                ],
                "category": "coffee",
                "materials": ("100% robusta coffee", "100% kopi robusta"),
                "dimensions": "12 × 6 × 20 cm",
                "weight_grams": 250,
                "hs_code": "0901.21",
                "moq": 100,
                "unit": "bags",
                "tiers": [(100, 520), (400, 460), (1000, 410)],
                "lead_time_days": 10,
                "monthly_capacity": 4000,
                "oem": OEM_LABEL,
                "packaging": (
                    "Kraft bags with one-way valve, 20 per carton.",
                    "Kantong kraft dengan katup satu arah, 20 per karton.",
                ),
                "shelf_life_months": 12,
                "product_certifications": ["p-irt", "halal"],
                "sample": (900, 2, 5),
                "motif": "bag",
            },
            {
                "slug": "dampit-robusta-green-beans",
                "title": (
                    "Dampit robusta green beans (60 kg sack)",
                    "Biji kopi robusta mentah Dampit (karung 60 kg)",
                ),
                "summary": (
                    "Grade 1 dry-process green robusta for roasters, in jute sacks with liners.",
                    "Robusta mentah proses kering grade 1 untuk penyangrai, dalam karung goni berlapis.",
                ),
                "description": [
                    (
                        "Hand-sorted to grade 1 with under 11% moisture. Sourced from Malang Raya, outside the "
                        "city; exported through Surabaya.",
                        "Disortir tangan hingga grade 1 dengan kadar air di bawah 11%. Berasal dari Malang Raya, "
                        "di luar kota; diekspor melalui Surabaya.",
                    )
                ],
                "category": "coffee",
                "materials": ("Green robusta coffee", "Kopi robusta mentah"),
                "dimensions": "60 kg jute sack",
                "weight_grams": 60000,
                "hs_code": "0901.11",
                "moq": 1000,
                "unit": "kg",
                "tiers": [(1000, 480), (5000, 445), (18000, 420)],
                "lead_time_days": 21,
                "monthly_capacity": 20000,
                "oem": None,
                "packaging": (
                    "Jute sacks with GrainPro liners, 60 kg each.",
                    "Karung goni dengan pelapis GrainPro, masing-masing 60 kg.",
                ),
                "shelf_life_months": 12,
                "sample": (1500, 1, 7),
                "motif": "bag",
            },
            {
                "slug": "robusta-drip-bags",
                "title": ("Robusta drip bags (box of 10)", "Kopi robusta kantong tetes (kotak isi 10)"),
                "summary": (
                    "Single-serve drip bags of our medium roast, for hotels and gift boxes.",
                    "Kantong tetes sekali seduh dari sangrai sedang kami, untuk hotel dan kotak hadiah.",
                ),
                "description": [
                    (
                        "Ten grams of freshly ground robusta in each hanging filter bag, nitrogen-flushed.",
                        "Sepuluh gram robusta giling segar dalam setiap kantong saring gantung, berisi nitrogen.",
                    )
                ],
                "category": "coffee",
                "materials": ("100% robusta coffee, filter paper", "100% kopi robusta, kertas saring"),
                "dimensions": "16 × 11 × 6 cm",
                "weight_grams": 140,
                "hs_code": "0901.21",
                "moq": 200,
                "unit": "pieces",
                "tiers": [(200, 390), (800, 340)],
                "lead_time_days": 14,
                "monthly_capacity": 3000,
                "oem": OEM_LABEL,
                "packaging": (
                    "Printed boxes, 40 per carton.",
                    "Kotak cetak, 40 per karton.",
                ),
                "shelf_life_months": 12,
                "product_certifications": ["p-irt", "halal"],
                "sample": (700, 2, 5),
                "motif": "bag",
            },
        ],
    },
    {
        "slug": "oven-lorong-kajoe",
        "title": "Oven Lorong Kajoe",
        "legal_name": "UD Lorong Kajoe (demo)",
        "district": "klojen",
        "sector": "processed-food",
        "business_type": "producer",
        "year_founded": 2012,
        "team_size": 8,
        "response_time_hours": 24,
        "export_markets": "Netherlands, Singapore",
        "languages": ("Indonesian, English, Dutch", "Indonesia, Inggris, Belanda"),
        "tagline": ("Heritage bakes from Kayutangan", "Kue warisan dari Kayutangan"),
        "story": [
            (
                "Our bakery sits in a Kayutangan alley of Dutch-era houses. We bake the spice cakes our "
                "grandmother learned in a colonial kitchen, and pack them in tins that show the old street.",
                "Toko kue kami berada di gang Kayutangan yang dipenuhi rumah zaman Belanda. Kami memanggang kue "
                "rempah yang dipelajari nenek kami di dapur kolonial, dan mengemasnya dalam kaleng bergambar "
                "jalan lama.",
            )
        ],
        "motif": "tin",
        "certifications": ["nib", "p-irt", "halal"],
        "trademark": ("LORONG KAJOE", 30),
        "products": [
            {
                "slug": "kayutangan-onbijtkoek-gift-tin",
                "title": (
                    "Kayutangan heritage onbijtkoek in a gift tin",
                    "Onbijtkoek warisan Kayutangan dalam kaleng",
                ),
                "summary": (
                    "Dutch-colonial spice cake in a collectable heritage tin.",
                    "Kue rempah era kolonial Belanda dalam kaleng warisan yang layak dikoleksi.",
                ),
                "description": [
                    (
                        "Rye and wheat spice cake with cinnamon, clove and nutmeg, baked slowly and sliced. The "
                        "tin is printed with a drawing of Kayutangan street in 1930.",
                        "Kue rempah gandum hitam dan terigu dengan kayu manis, cengkih dan pala, dipanggang "
                        "perlahan lalu diiris. Kalengnya bergambar Jalan Kayutangan tahun 1930.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": (
                    "Rye flour, wheat flour, palm sugar, spices, eggs, butter",
                    "Tepung gandum hitam, tepung terigu, gula aren, rempah, telur, mentega",
                ),
                "dimensions": "22 × 10 × 9 cm",
                "weight_grams": 650,
                "hs_code": "1905.90",
                "moq": 200,
                "unit": "tins",
                "tiers": [(200, 850), (600, 760), (1500, 690)],
                "lead_time_days": 14,
                "monthly_capacity": 1200,
                "oem": OEM_LABEL,
                "packaging": (
                    "Sealed inner bag in a printed tin, 12 tins per carton.",
                    "Kantong dalam tersegel di kaleng cetak, 12 kaleng per karton.",
                ),
                "shelf_life_months": 6,
                "product_certifications": ["p-irt", "halal"],
                "sample": (1100, 2, 5),
                "motif": "tin",
            },
            {
                "slug": "spekkoek-lapis-legit",
                "title": ("Lapis legit layered spice cake", "Kue lapis legit"),
                "summary": (
                    "Eighteen thin layers of butter and spice, baked one at a time.",
                    "Delapan belas lapis tipis mentega dan rempah, dipanggang satu per satu.",
                ),
                "description": [
                    (
                        "Each layer is grilled before the next is poured; a whole cake takes three hours. "
                        "Vacuum-packed for export.",
                        "Setiap lapis dipanggang sebelum lapis berikutnya dituang; satu kue butuh tiga jam. "
                        "Dikemas vakum untuk ekspor.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": ("Butter, eggs, sugar, flour, spices", "Mentega, telur, gula, tepung, rempah"),
                "dimensions": "20 × 10 × 6 cm",
                "weight_grams": 500,
                "hs_code": "1905.90",
                "moq": 100,
                "unit": "pieces",
                "tiers": [(100, 1350), (300, 1200)],
                "lead_time_days": 10,
                "monthly_capacity": 400,
                "oem": None,
                "packaging": (
                    "Vacuum-packed in a gift box, 12 per carton.",
                    "Dikemas vakum dalam kotak hadiah, 12 per karton.",
                ),
                "shelf_life_months": 3,
                "product_certifications": ["p-irt", "halal"],
                "sample": None,
                "motif": "tin",
            },
        ],
    },
    {
        "slug": "kriuk-buah-gadang",
        "title": "Kriuk Buah Gadang",
        "legal_name": "CV Kriuk Buah Gadang (demo)",
        "district": "sukun",
        "sector": "processed-food",
        "business_type": "producer",
        "year_founded": 2010,
        "team_size": 24,
        "response_time_hours": 12,
        "export_markets": "China, Malaysia, Qatar",
        "languages": ("Indonesian, English, some Mandarin", "Indonesia, Inggris, sedikit Mandarin"),
        "tagline": ("Vacuum-fried fruit chips from Gadang", "Keripik buah goreng vakum dari Gadang"),
        "story": [
            (
                "We fry fruit at low temperature under vacuum, so it keeps its colour and taste without added "
                "sugar or colouring. Our apples come from growers in Kota Batu, next door.",
                "Kami menggoreng buah pada suhu rendah dalam ruang hampa, sehingga warna dan rasanya terjaga "
                "tanpa tambahan gula atau pewarna. Apel kami berasal dari petani di Kota Batu, tetangga kami.",
            )
        ],
        "motif": "pouch",
        "certifications": ["nib", "p-irt", "halal", "bpom-md"],
        "trademark": ("KRIUK BUAH", 29),
        "products": [
            {
                "slug": "vacuum-fried-jackfruit-salak-chips",
                "title": ("Vacuum-fried jackfruit and salak chips", "Keripik nangka dan salak goreng vakum"),
                "summary": (
                    "Low-temperature vacuum-fried fruit chips, no added colour.",
                    "Keripik buah goreng vakum suhu rendah, tanpa pewarna tambahan.",
                ),
                "description": [
                    (
                        "Ripe jackfruit and snake fruit, fried below 90 °C and spun dry. Naturally sweet and "
                        "crunchy.",
                        "Nangka dan salak matang, digoreng di bawah 90 °C lalu ditiriskan. Manis alami dan "
                        "renyah.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": ("Jackfruit, salak, palm oil", "Nangka, salak, minyak sawit"),
                "dimensions": "15 × 22 cm pouch",
                "weight_grams": 80,
                "hs_code": "2008.99",
                "moq": 300,
                "unit": "pouches",
                "tiers": [(300, 190), (1200, 165), (3000, 148)],
                "lead_time_days": 14,
                "monthly_capacity": 10000,
                "oem": OEM_LABEL,
                "packaging": FOOD_CARTON,
                "shelf_life_months": 12,
                "product_certifications": ["bpom-md", "halal"],
                "sample": (500, 3, 5),
                "motif": "pouch",
            },
            {
                "slug": "batu-apple-chips",
                "title": (
                    "Apple chips from Batu apples, packed in Malang",
                    "Keripik apel Batu, dikemas di Malang",
                ),
                "summary": (
                    "Manalagi apple chips; the apples are grown in neighbouring Kota Batu.",
                    "Keripik apel manalagi; apelnya ditanam di Kota Batu yang bertetangga.",
                ),
                "description": [
                    (
                        "Sliced with the skin on and vacuum-fried for a light crunch. Ingredient origin: Kota "
                        "Batu; processed and packed in Sukun, Kota Malang.",
                        "Diiris bersama kulitnya dan digoreng vakum sehingga renyah ringan. Asal bahan: Kota "
                        "Batu; diolah dan dikemas di Sukun, Kota Malang.",
                    )
                ],
                "category": "snacks-processed-food",
                "materials": ("Manalagi apple, palm oil", "Apel manalagi, minyak sawit"),
                "dimensions": "15 × 22 cm pouch",
                "weight_grams": 80,
                "hs_code": "2008.99",
                "moq": 300,
                "unit": "pouches",
                "tiers": [(300, 180), (1200, 158), (3000, 140)],
                "lead_time_days": 14,
                "monthly_capacity": 12000,
                "oem": OEM_LABEL,
                "packaging": FOOD_CARTON,
                "shelf_life_months": 12,
                "product_certifications": ["p-irt", "halal"],
                "sample": (500, 3, 5),
                "motif": "pouch",
            },
        ],
    },
    {
        "slug": "sepatu-gang-enam",
        "title": "Sepatu Gang Enam",
        "legal_name": "UD Sepatu Gang Enam (demo)",
        "district": "sukun",
        "sector": "fashion",
        "business_type": "artisan",
        "year_founded": 2006,
        "team_size": 12,
        "response_time_hours": 24,
        "export_markets": "Malaysia, Brunei",
        "languages": ("Indonesian, English, Malay", "Indonesia, Inggris, Melayu"),
        "tagline": ("Handmade leather shoes from Gadang", "Sepatu kulit buatan tangan dari Gadang"),
        "story": [
            (
                "Our shoemakers learned the trade in Gadang's leather workshops. We cut, last and stitch every "
                "pair in our alley, and have shipped to Malaysia since 2015.",
                "Para pembuat sepatu kami belajar di bengkel-bengkel kulit Gadang. Kami memotong, membentuk dan "
                "menjahit setiap pasang di gang kami, dan mengirim ke Malaysia sejak 2015.",
            )
        ],
        "motif": "shoe",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("GANG ENAM", 25),
        "products": [
            {
                "slug": "handmade-leather-derby-shoes",
                "title": ("Handmade leather derby shoes", "Sepatu derby kulit buatan tangan"),
                "summary": (
                    "Full-grain cowhide derbies with a stitched welt and custom initials.",
                    "Sepatu derby kulit sapi full-grain dengan welt jahit dan inisial khusus.",
                ),
                "description": [
                    (
                        "Lasted by hand and stitched Goodyear-style, so the soles can be replaced. Initials "
                        "embossed inside free of charge.",
                        "Dibentuk dengan tangan dan dijahit gaya Goodyear, sehingga sol dapat diganti. Inisial "
                        "dicetak timbul di bagian dalam tanpa biaya.",
                    ),
                    (
                        "Sizes EU 38 to 46; mixed-size orders welcome.",
                        "Ukuran EU 38 sampai 46; pesanan campuran ukuran diterima.",
                    ),
                ],
                "category": "leather-goods",
                "materials": ("Full-grain cowhide, leather sole", "Kulit sapi full-grain, sol kulit"),
                "dimensions": "EU 38–46",
                "weight_grams": 1100,
                "hs_code": "6403.99",
                "moq": 24,
                "unit": "pairs",
                "tiers": [(24, 5800), (60, 5200), (150, 4700)],
                "lead_time_days": 45,
                "monthly_capacity": 200,
                "oem": OEM_LABEL,
                "packaging": (
                    "Shoe box with dust bags, 10 pairs per carton.",
                    "Kotak sepatu dengan kantong debu, 10 pasang per karton.",
                ),
                "sample": (6500, 1, 14),
                "motif": "shoe",
            },
            {
                "slug": "leather-belt-brass-buckle",
                "title": (
                    "Vegetable-tanned leather belt with brass buckle",
                    "Ikat pinggang kulit samak nabati, gesper kuningan",
                ),
                "summary": (
                    "Thick vegetable-tanned belt that darkens with wear, solid brass buckle.",
                    "Ikat pinggang tebal samak nabati yang menggelap seiring pemakaian, gesper kuningan pejal.",
                ),
                "description": [
                    (
                        "Cut from a single strip, edges burnished by hand. The buckle is screwed on, so it can "
                        "be changed.",
                        "Dipotong dari satu lembar utuh, tepinya dihaluskan dengan tangan. Gesper dipasang "
                        "dengan sekrup sehingga bisa diganti.",
                    )
                ],
                "category": "leather-goods",
                "materials": ("Vegetable-tanned cowhide, brass", "Kulit sapi samak nabati, kuningan"),
                "dimensions": "3.5 cm wide, 85–120 cm",
                "weight_grams": 250,
                "hs_code": "4203.30",
                "moq": 50,
                "unit": "pieces",
                "tiers": [(50, 1600), (200, 1400), (500, 1250)],
                "lead_time_days": 30,
                "monthly_capacity": 500,
                "oem": OEM_LABEL,
                "packaging": (
                    "Rolled in a cotton pouch, 25 per carton.",
                    "Digulung dalam kantong katun, 25 per karton.",
                ),
                "sample": (2000, 2, 7),
                "motif": "shoe",
            },
            {
                "slug": "leather-card-wallet",
                "title": ("Slim leather card wallet", "Dompet kartu kulit tipis"),
                "summary": (
                    "Four-pocket card wallet, saddle-stitched by hand.",
                    "Dompet kartu empat kantong, dijahit pelana dengan tangan.",
                ),
                "description": [
                    (
                        "Small enough for a front pocket; waxed linen thread and a logo debossed on request.",
                        "Cukup kecil untuk saku depan; benang linen berlilin dan logo cetak dalam sesuai "
                        "permintaan.",
                    )
                ],
                "category": "leather-goods",
                "materials": ("Cowhide, waxed linen thread", "Kulit sapi, benang linen berlilin"),
                "dimensions": "10 × 7 cm",
                "weight_grams": 40,
                "hs_code": "4202.31",
                "moq": 100,
                "unit": "pieces",
                "tiers": [(100, 750), (400, 640)],
                "lead_time_days": 25,
                "monthly_capacity": 800,
                "oem": OEM_LABEL,
                "packaging": (
                    "Paper sleeve each, 100 per carton.",
                    "Sampul kertas per buah, 100 per karton.",
                ),
                "sample": None,
                "motif": "shoe",
            },
        ],
    },
    {
        "slug": "raket-klayatan-mandiri",
        "title": "Raket Klayatan Mandiri",
        "legal_name": "CV Raket Klayatan Mandiri (demo)",
        "district": "sukun",
        "sector": "sports",
        "business_type": "producer",
        "year_founded": 1999,
        "team_size": 30,
        "response_time_hours": 24,
        "export_markets": "Timor-Leste, Papua New Guinea, Malaysia",
        "languages": ("Indonesian, English", "Indonesia, Inggris"),
        "tagline": ("Badminton rackets from Klayatan", "Raket bulu tangkis dari Klayatan"),
        "story": [
            (
                "Klayatan's workshops have made aluminium rackets for schools and clubs for decades. Our line "
                "turns out about three hundred rackets a day.",
                "Bengkel-bengkel Klayatan telah membuat raket aluminium untuk sekolah dan klub selama puluhan "
                "tahun. Lini kami menghasilkan sekitar tiga ratus raket per hari.",
            )
        ],
        "motif": "racket",
        "certifications": ["nib", "sni", "djki-trademark"],
        "trademark": ("KLAYATAN", 28),
        "products": [
            {
                "slug": "aluminium-badminton-racket",
                "title": (
                    "Aluminium badminton racket, club grade",
                    "Raket bulu tangkis aluminium, kelas klub",
                ),
                "summary": (
                    "Budget aluminium racket, pre-strung, custom logo on the frame.",
                    "Raket aluminium ekonomis, sudah bersenar, logo khusus pada rangka.",
                ),
                "description": [
                    (
                        "A durable racket for schools, clubs and promotions, strung at 20 lb with a towel grip.",
                        "Raket awet untuk sekolah, klub dan promosi, bersenar 20 lb dengan grip handuk.",
                    )
                ],
                "category": "sports-goods",
                "materials": (
                    "Aluminium frame, steel shaft, nylon string",
                    "Rangka aluminium, batang baja, senar nilon",
                ),
                "dimensions": "67 × 23 cm",
                "weight_grams": 110,
                "hs_code": "9506.59",
                "moq": 300,
                "unit": "pieces",
                "tiers": [(300, 380), (1000, 330), (3000, 295)],
                "lead_time_days": 30,
                "monthly_capacity": 8000,
                "oem": (
                    "Your logo and colours on the frame from 300 pieces.",
                    "Logo dan warna Anda pada rangka mulai 300 buah.",
                ),
                "packaging": (
                    "Each racket in a printed cover, 40 per carton.",
                    "Setiap raket dalam sarung cetak, 40 per karton.",
                ),
                "product_certifications": ["sni"],
                "sample": (800, 2, 5),
                "motif": "racket",
            },
            {
                "slug": "kids-badminton-set",
                "title": (
                    "Kids' badminton set (2 rackets, 3 shuttles)",
                    "Set bulu tangkis anak (2 raket, 3 kok)",
                ),
                "summary": (
                    "Short rackets and nylon shuttles in a zip bag, for children aged 5 to 10.",
                    "Raket pendek dan kok nilon dalam tas ritsleting, untuk anak usia 5 sampai 10 tahun.",
                ),
                "description": [
                    (
                        "Light 55 cm rackets in four bright colours, sold as a toy-shop gift set.",
                        "Raket ringan 55 cm dalam empat warna cerah, dijual sebagai set hadiah toko mainan.",
                    )
                ],
                "category": "sports-goods",
                "materials": ("Aluminium, nylon, polyester bag", "Aluminium, nilon, tas poliester"),
                "dimensions": "58 × 24 × 4 cm",
                "weight_grams": 320,
                "hs_code": "9506.59",
                "moq": 200,
                "unit": "sets",
                "tiers": [(200, 520), (800, 460)],
                "lead_time_days": 30,
                "monthly_capacity": 2000,
                "oem": OEM_COLOUR,
                "packaging": (
                    "Zip bag with header card, 30 sets per carton.",
                    "Tas ritsleting dengan kartu label, 30 set per karton.",
                ),
                "sample": (1000, 1, 5),
                "motif": "racket",
            },
        ],
    },
    {
        "slug": "bulu-angsa-lesan",
        "title": "Bulu Angsa Lesan",
        "legal_name": "UD Bulu Angsa Lesan (demo)",
        "district": "kedungkandang",
        "sector": "sports",
        "business_type": "producer",
        "year_founded": 2001,
        "team_size": 26,
        "response_time_hours": 24,
        "export_markets": "Malaysia, Singapore, India",
        "languages": ("Indonesian, English", "Indonesia, Inggris"),
        "tagline": ("Hand-assembled shuttlecocks from Lesanpuro", "Kok rakitan tangan dari Lesanpuro"),
        "story": [
            (
                "In Lesanpuro whole streets sort feathers. Our team sets sixteen goose feathers into each cork "
                "by hand, and tests every tube for speed and flight.",
                "Di Lesanpuro, warga satu jalan menyortir bulu. Tim kami memasang enam belas bulu angsa ke setiap "
                "gabus dengan tangan, dan menguji setiap tabung untuk kecepatan dan arah terbang.",
            )
        ],
        "motif": "shuttle",
        "certifications": ["nib", "djki-trademark"],
        "trademark": ("ANGSA LESAN", 28),
        "products": [
            {
                "slug": "goose-feather-shuttlecocks",
                "title": ("Goose-feather shuttlecocks (tube of 12)", "Kok bulu angsa (tabung isi 12)"),
                "summary": (
                    "Hand-assembled feather shuttles for tournaments, speeds 77 and 78.",
                    "Kok bulu rakitan tangan untuk turnamen, kecepatan 77 dan 78.",
                ),
                "description": [
                    (
                        "Sixteen matched goose feathers set into a natural cork base and bound with double "
                        "thread. Each tube is flight-tested.",
                        "Enam belas bulu angsa serasi dipasang pada dasar gabus alami dan diikat benang ganda. "
                        "Setiap tabung diuji terbang.",
                    )
                ],
                "category": "sports-goods",
                "materials": ("Goose feathers, natural cork", "Bulu angsa, gabus alami"),
                "dimensions": "Tube 8 × 8 × 30 cm",
                "weight_grams": 75,
                "hs_code": "9506.99",
                "moq": 100,
                "unit": "tubes",
                "tiers": [(100, 1150), (500, 1020), (2000, 940)],
                "lead_time_days": 21,
                "monthly_capacity": 8000,
                "oem": OEM_LABEL,
                "packaging": (
                    "Paper tubes of 12, 50 tubes per carton.",
                    "Tabung kertas isi 12, 50 tabung per karton.",
                ),
                "sample": (1400, 2, 5),
                "motif": "shuttle",
            },
            {
                "slug": "duck-feather-training-shuttlecocks",
                "title": (
                    "Duck-feather training shuttlecocks (tube of 12)",
                    "Kok latihan bulu bebek (tabung isi 12)",
                ),
                "summary": (
                    "Durable duck-feather shuttles for club training sessions.",
                    "Kok bulu bebek yang awet untuk sesi latihan klub.",
                ),
                "description": [
                    (
                        "A lower-cost shuttle with a composite cork that stands up to long drills.",
                        "Kok berharga lebih rendah dengan gabus komposit yang tahan latihan panjang.",
                    )
                ],
                "category": "sports-goods",
                "materials": ("Duck feathers, composite cork", "Bulu bebek, gabus komposit"),
                "dimensions": "Tube 8 × 8 × 30 cm",
                "weight_grams": 75,
                "hs_code": "9506.99",
                "moq": 200,
                "unit": "tubes",
                "tiers": [(200, 620), (1000, 540)],
                "lead_time_days": 14,
                "monthly_capacity": 10000,
                "oem": OEM_LABEL,
                "packaging": (
                    "Paper tubes of 12, 50 tubes per carton.",
                    "Tabung kertas isi 12, 50 tabung per karton.",
                ),
                "sample": None,
                "motif": "shuttle",
            },
        ],
    },
    {
        "slug": "kios-topeng-tlogo",
        "title": "Kios Topeng Tlogo",
        "legal_name": "Kios Topeng Tlogo (demo)",
        "district": "kedungkandang",
        "sector": "crafts",
        "business_type": "artisan",
        "year_founded": 2015,
        "team_size": 5,
        "response_time_hours": 48,
        "export_markets": "Japan",
        "languages": ("Indonesian, Javanese", "Indonesia, Jawa"),
        "tagline": (
            "Mask souvenirs from Kampung Topeng Tlogowaru",
            "Suvenir topeng dari Kampung Topeng Tlogowaru",
        ),
        "story": [
            (
                "We are a small group of carvers in Tlogowaru's mask village making miniature Topeng Malangan "
                "for event goodie bags and museum shops.",
                "Kami kelompok kecil pengukir di kampung topeng Tlogowaru yang membuat Topeng Malangan mini "
                "untuk tas suvenir acara dan toko museum.",
            )
        ],
        "motif": "mask",
        "certifications": ["nib"],
        "trademark": ("TOPENG TLOGO", 20),
        "products": [
            {
                "slug": "topeng-malangan-magnets-keychains",
                "title": (
                    "Topeng Malangan magnets and keychains",
                    "Magnet dan gantungan kunci Topeng Malangan",
                ),
                "summary": (
                    "Mini painted masks for event goodie bags, as fridge magnets or keychains.",
                    "Topeng mini berlukis untuk tas suvenir acara, sebagai magnet kulkas atau gantungan kunci.",
                ),
                "description": [
                    (
                        "Five characters in rotation: Panji, Sekartaji, Klana, Gunungsari and Bapang. Carved from "
                        "offcuts of the large masks.",
                        "Lima tokoh bergantian: Panji, Sekartaji, Klana, Gunungsari dan Bapang. Diukir dari sisa "
                        "potongan topeng besar.",
                    )
                ],
                "category": "masks-wood-carving",
                "materials": (
                    "Pule wood offcuts, acrylic paint, magnet or steel ring",
                    "Sisa kayu pule, cat akrilik, magnet atau ring baja",
                ),
                "dimensions": "4 × 3 × 1 cm",
                "weight_grams": 12,
                "hs_code": "4420.19",
                "moq": 500,
                "unit": "pieces",
                "tiers": [(500, 85), (2000, 70), (5000, 60)],
                "lead_time_days": 21,
                "monthly_capacity": 5000,
                "oem": (
                    "Event name printed on the backing card from 1,000 pieces.",
                    "Nama acara dicetak pada kartu belakang mulai 1.000 buah.",
                ),
                "packaging": (
                    "Each on a backing card in a clear bag, 500 per carton.",
                    "Masing-masing pada kartu dalam plastik bening, 500 per karton.",
                ),
                "sample": (300, 5, 5),
                "motif": "mask",
            },
            {
                "slug": "mini-mask-wall-set",
                "title": (
                    "Mini Topeng Malangan wall set (5 masks)",
                    "Set hiasan dinding Topeng Malangan mini (5 topeng)",
                ),
                "summary": (
                    "Five 10 cm character masks on a carved wooden board.",
                    "Lima topeng tokoh 10 cm pada papan kayu ukir.",
                ),
                "description": [
                    (
                        "The five best-known characters of the Malang mask dance, ready to hang, with a card "
                        "naming each one.",
                        "Lima tokoh paling terkenal dari tari topeng Malang, siap digantung, dengan kartu nama "
                        "setiap tokoh.",
                    )
                ],
                "category": "masks-wood-carving",
                "materials": ("Pule wood, acrylic paint", "Kayu pule, cat akrilik"),
                "dimensions": "60 × 14 × 3 cm",
                "weight_grams": 700,
                "hs_code": "4420.19",
                "moq": 30,
                "unit": "sets",
                "tiers": [(30, 2300), (100, 2000)],
                "lead_time_days": 30,
                "monthly_capacity": 120,
                "oem": None,
                "packaging": CARTON,
                "sample": (2600, 1, 10),
                "motif": "mask",
            },
        ],
    },
]

HOME = {
    "hero_title": (
        "Export-ready makers of Malang, East Java",
        "Pelaku usaha Malang, Jawa Timur, yang siap ekspor",
    ),
    "hero_intro": (
        "Porcelain, masks, batik, rattan, tempe chips and coffee from small businesses selected by the "
        "city's trade office. Ask for a quote or order samples.",
        "Porselen, topeng, batik, rotan, keripik tempe dan kopi dari usaha kecil pilihan dinas perdagangan "
        "kota. Minta penawaran atau pesan sampel.",
    ),
    "hero_cta_label": ("Browse products", "Lihat produk"),
    "intro": [
        (
            "Etalase Malang is the shop window of Kota Malang's small and medium enterprises. Every maker here "
            "has a business ID and has been visited by the trade office.",
            "Etalase Malang adalah etalase usaha kecil dan menengah Kota Malang. Setiap pelaku usaha di sini "
            "memiliki NIB dan telah dikunjungi dinas perdagangan.",
        ),
        (
            "This is demo data: the shops are fictional and their numbers are not real.",
            "Ini data demo: toko-tokonya fiktif dan nomor-nomornya tidak nyata.",
        ),
    ],
}

INDEX_PAGES = {
    "products": {
        "title": ("Products", "Produk"),
        "intro": (
            "Everything our makers can ship, with MOQs, price tiers and sample prices.",
            "Semua yang dapat dikirim pelaku usaha kami, lengkap dengan MOQ, tingkat harga dan harga sampel.",
        ),
    },
    "makers": {
        "title": ("Makers", "Pelaku usaha"),
        "intro": (
            "Small businesses from the five districts of Kota Malang.",
            "Usaha kecil dari lima kecamatan di Kota Malang.",
        ),
    },
}

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": ("About Etalase Malang", "Tentang Etalase Malang"),
        "intro": (
            "A storefront run with Malang's trade office to take the city's small businesses abroad.",
            "Etalase yang dikelola bersama dinas perdagangan Malang untuk membawa usaha kecil kota ke luar "
            "negeri.",
        ),
        "body": [
            ("heading", ("Who we are", "Siapa kami")),
            (
                "paragraph",
                (
                    "Kota Malang has about eighty thousand small businesses. The trade office selects those "
                    "that are ready to export and helps them present their products to buyers abroad.",
                    "Kota Malang memiliki sekitar delapan puluh ribu usaha kecil. Dinas perdagangan memilih "
                    "yang siap ekspor dan membantu mereka menampilkan produk kepada pembeli luar negeri.",
                ),
            ),
            ("heading", ("How buying works", "Cara membeli")),
            (
                "paragraph",
                (
                    "Send an inquiry from any product page; the maker answers through the site. Prices are "
                    "indicative until the maker confirms them in a quotation.",
                    "Kirim pertanyaan dari halaman produk mana pun; pelaku usaha menjawab melalui situs. Harga "
                    "bersifat indikatif sampai pelaku usaha mengonfirmasinya dalam penawaran.",
                ),
            ),
        ],
    },
    {
        "slug": "how-samples-work",
        "title": ("How samples work", "Cara kerja sampel"),
        "intro": (
            "Try a product before you place a bulk order.",
            "Coba produk sebelum Anda memesan dalam jumlah besar.",
        ),
        "body": [
            ("heading", ("Ordering samples", "Memesan sampel")),
            (
                "paragraph",
                (
                    "Add samples from several makers to one sample box and pay once. Each maker ships its own "
                    "samples within the lead time shown on the product.",
                    "Masukkan sampel dari beberapa pelaku usaha ke satu kotak sampel dan bayar sekali. Setiap "
                    "pelaku usaha mengirim sampelnya sendiri sesuai waktu tunggu di halaman produk.",
                ),
            ),
            ("heading", ("Freight and credit", "Ongkos kirim dan potongan")),
            (
                "paragraph",
                (
                    "Sample prices include packing; international freight is quoted separately. Many makers "
                    "credit the sample price against your first bulk order.",
                    "Harga sampel sudah termasuk pengemasan; ongkos kirim internasional dihitung terpisah. "
                    "Banyak pelaku usaha memotongkan harga sampel dari pesanan besar pertama Anda.",
                ),
            ),
        ],
    },
]


FEATURED_MAKERS = [
    "atelier-kabut-porselen",
    "renyah-kedelai-purwa",
    "sanggar-wajah-panji",
    "rumah-warna-celaket",
    "sangrai-lereng-semeru",
    "bulu-angsa-lesan",
]
FEATURED_PRODUCTS = [
    "dinoyo-porcelain-aroma-burner",
    "sanan-tempe-chips-original-seaweed",
    "topeng-malangan-panji-wall-mask",
    "batik-celaket-sarong-fabric",
    "malang-raya-robusta-medium-roast",
    "rattan-peacock-chair",
    "handmade-leather-derby-shoes",
    "goose-feather-shuttlecocks",
]
