"""What a screen reader announces for a form control: its aria-invalid and the text of the elements
its aria-describedby names (read from the page's HTML, as a browser would)."""

from html.parser import HTMLParser


class _Page(HTMLParser):
    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs = {}  # id → attributes
        self.texts = {}  # id → text inside
        self.open = []  # ids of the elements being read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.attrs[attrs["id"]] = attrs
        if tag not in self.VOID:
            self.open.append(attrs.get("id"))
            if attrs.get("id"):
                self.texts[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.open:
            self.open.pop()

    def handle_data(self, data):
        for element_id in self.open:
            if element_id:
                self.texts[element_id] += data


def announced(html, control_id):
    """(aria-invalid of the control, the texts its aria-describedby points to, in order)."""
    page = _Page()
    page.feed(html)
    attrs = page.attrs[control_id]
    described = [" ".join(page.texts[ref].split()) for ref in attrs.get("aria-describedby", "").split()]
    return attrs.get("aria-invalid"), described
