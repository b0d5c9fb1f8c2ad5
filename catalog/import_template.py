"""The import template: the columns of `import_catalog` with one example row, as XLSX or two CSVs."""

import csv
from pathlib import Path

from .importer import PRODUCT_COLUMNS, PRODUCTS, VENDOR_COLUMNS, VENDORS

# Visibly fake example rows (DOMAIN.md: demo numbers are all zeros or DEMO-prefixed).
EXAMPLES = {
    VENDORS: {
        "nib": "0000000000001",
        "name_en": "Atelier Kabut Porselen",
        "name_id": "Atelier Kabut Porselen",
        "tagline_en": "Hand-painted Dinoyo porcelain",
        "tagline_id": "Porselen Dinoyo lukis tangan",
        "story_en": "A family workshop in Dinoyo.\n\nWe paint every piece by hand.",
        "story_id": "Bengkel keluarga di Dinoyo.\n\nSetiap karya kami lukis dengan tangan.",
        "legal_name": "CV Kabut Porselen (demo)",
        "district": "lowokwaru",
        "sector": "crafts",
        "business_type": "artisan",
        "year_founded": "1998",
        "team_size": "12",
        "export_markets": "Japan, Singapore",
        "languages_spoken": "Indonesian, English",
        "response_time_hours": "24",
        "contact_email": "demo@example.com",
        "whatsapp": "+62 800 0000 0001",
    },
    PRODUCTS: {
        "vendor_nib": "0000000000001",
        "sku": "AKP-01",
        "name_en": "Porcelain aroma burner",
        "name_id": "Tungku aroma porselen",
        "summary_en": "Tea-light aromatherapy burner in white Malang porcelain",
        "summary_id": "Tungku aromaterapi porselen putih Malang",
        "description_en": "Hand-painted lotus motif.",
        "description_id": "Motif teratai lukis tangan.",
        "materials_en": "Porcelain",
        "materials_id": "Porselen",
        "packaging_en": "Gift box, 24 per export carton",
        "packaging_id": "Kotak hadiah, 24 per karton ekspor",
        "category": "ceramics",
        "hs_code": "6913.10",
        "moq": "200",
        "unit": "pieces",
        "incoterm": "FOB",
        "incoterm_place": "Tanjung Perak, Surabaya",
        "lead_time_days": "30",
        "monthly_capacity": "1500",
        "weight_grams": "350",
        "dimensions": "12 × 12 × 9 cm",
        "oem_available": "yes",
        "oem_notes_en": "Custom glaze colours from 500 pieces",
        "oem_notes_id": "Warna glasir khusus mulai 500 buah",
        "samples_available": "yes",
        "sample_price": "15.00",
        "sample_lead_time_days": "7",
        "sample_max_quantity": "3",
        "price_tiers": "200:4.50; 1000:3.80",
    },
}
COLUMNS = {VENDORS: VENDOR_COLUMNS, PRODUCTS: PRODUCT_COLUMNS}


def write_template(path):
    """Write the template to `path` (.xlsx) or into the directory `path` (CSV); returns the files written."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        for sheet, columns in COLUMNS.items():
            worksheet = book.create_sheet(sheet)
            worksheet.append(columns)
            worksheet.append([EXAMPLES[sheet].get(column, "") for column in columns])
            for cells in worksheet.iter_cols(min_row=1, max_row=1000):
                for cell in cells:
                    cell.number_format = "@"  # text, so NIBs keep their leading zeros
            worksheet.freeze_panes = "A2"
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        return [path]
    path.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet, columns in COLUMNS.items():
        target = path / f"{sheet}.csv"
        with open(target, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerow([EXAMPLES[sheet].get(column, "") for column in columns])
        written.append(target)
    return written
