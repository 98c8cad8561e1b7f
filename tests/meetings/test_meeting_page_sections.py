"""The meeting page reads in sections: anchors for each, a table of contents that points at
them, and tables that scroll inside their box on a narrow screen."""

import re
from html.parser import HTMLParser
from pathlib import Path

SECTIONS = ("overview", "attendees", "agenda", "minutes", "decisions", "documents")


class Tables(HTMLParser):
    """Whether every <table> sits inside a .table-wrap (overflow-x:auto) box."""

    def __init__(self):
        super().__init__()
        self.stack, self.unwrapped, self.tables = [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "input", "img", "meta", "link", "hr", "col", "source"):
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table":
            self.tables += 1
            if not any("table-wrap" in c for c in self.stack):
                self.unwrapped += 1
        self.stack.append(classes)

    def handle_endtag(self, tag):
        if tag in ("br", "input", "img", "meta", "link", "hr", "col", "source"):
            return
        if self.stack:
            self.stack.pop()


def test_sections_with_anchors_and_a_table_of_contents(world, client_for):
    for user in ("reviewer", "officer-mf"):
        page = client_for(user).get(f"/meetings/{world.reference}").get_data(as_text=True)
        toc = re.search(r'<nav class="page-toc".*?</nav>', page, re.S).group(0)
        for section in SECTIONS:
            assert f'id="{section}"' in page, section
            assert f'href="#{section}"' in toc, section
        tables = Tables()
        tables.feed(page)
        assert tables.tables >= 1 and tables.unwrapped == 0


def test_the_stylesheet_lets_tables_scroll_and_uses_logical_properties(app):
    text = Path(app.root_path, "static/css/app.css").read_text(encoding="utf-8")
    assert re.search(r"\.table-wrap \{[^}]*overflow-x: auto", text)
    block = text[text.index(".page-toc {") : text.index("@media (max-width: 30rem)")]
    assert not re.search(r"(margin|padding)-(left|right)|[^-]left:|[^-]right:", block)
