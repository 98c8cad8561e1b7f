"""Charts rendered on the server: a horizontal bar chart and a donut, as HTML with inline SVG.

They serve the dashboard and the PDF documents alike (WeasyPrint), so they follow a few rules:

* No text inside the SVG. WeasyPrint draws SVG text one glyph at a time: Arabic comes out
  unjoined and in reverse order (checked with WeasyPrint 70), and it would embed a fallback font.
  Labels and numbers are therefore HTML next to the shapes (a table for the bars, a legend for
  the donut), where both renderers shape Arabic correctly and use the page's font.
* Mirrored for right-to-left: bars grow from the right in Arabic (their x is computed from the
  direction), the donut turns counter-clockwise from the top; the HTML around them carries
  `dir` and `lang`, so rows and legends also read from the right.
* Accessible: the donut is an `<svg role="img">` with `<title>` and `<desc>` (the data in
  words); the bar chart is a data table (caption, row headers, values, shares) whose bars are
  decorative (`aria-hidden`); every value can link to what it counts.
* No script, no inline style, no external resource: presentation attributes only (strict CSP),
  colours with at least 3:1 contrast against white (WCAG 1.4.11).

Public functions, for the dashboard and the PDF reports::

    bar_chart(items, *, title, lang=None, total=None, label_header=None, value_header=None,
              value_format=None, chart_id=None, width=140) -> Markup
    donut_chart(items, *, title, lang=None, total=None, value_format=None, chart_id=None,
                size=168) -> Markup

`items` is a list of `(label, value)` or `(label, value, href)` tuples, or of dicts with keys
`label`, `value` and optionally `href`. `lang` is 'ar' or 'fr' (default: the request's language).
"""

import hashlib
import html
import math
import re
from collections.abc import Callable, Iterable

from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from digiweb.i18n import LANGUAGES, NNBSP, fmt_number, language, text_direction

# Dark enough on white for graphical objects (>= 3:1), distinguishable from one another.
PALETTE = (
    "#0b6b3a",  # green
    "#1f5fa8",  # blue
    "#b35c00",  # orange
    "#6b3fa0",  # purple
    "#b3261e",  # red
    "#00727a",  # teal
    "#7a5c2e",  # brown
    "#5b6770",  # grey
)
BAR_COLOUR = PALETTE[0]
TRACK_COLOUR = "#e8ecef"


def fmt_percent(part: float, whole: float, lang: str | None = None) -> str:
    """`part` as a whole percentage of `whole` ('14%' in Arabic, '14 %' in French)."""
    if not whole:
        return "–"
    value = round(100 * part / whole)
    return f"{value}{NNBSP}%" if (lang or language()) == "fr" else f"{value}%"


def _normalise(items: Iterable) -> list[dict]:
    result = []
    for item in items:
        if isinstance(item, dict):
            label, value, href = item["label"], item["value"], item.get("href")
        else:
            label, value, href = (*item, None)[:3]
        result.append({"label": str(label), "value": value or 0, "href": href})
    return result


def _chart_id(kind: str, title: str, items: list[dict]) -> str:
    """A stable id (same data, same id): documents rendered twice stay byte-identical."""
    digest = hashlib.sha1(  # noqa: S324 - an identifier, not a security hash
        repr((kind, title, [(i["label"], i["value"]) for i in items])).encode()
    ).hexdigest()[:8]
    return f"chart-{kind}-{digest}"


def _value_html(item: dict, value_format: Callable) -> Markup:
    text = escape(value_format(item["value"]))
    if item["href"]:
        return Markup('<a href="{}">{}</a>').format(item["href"], text)
    return text


def _plain(value) -> str:
    """Text without markup (a formatted amount comes wrapped in <bdi>)."""
    if isinstance(value, Markup):
        return html.unescape(re.sub(r"<[^>]*>", "", str(value)))
    return str(value)


def _num(value: float) -> str:
    """Coordinates with two decimals at most, identical on every platform."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def bar_geometry(value: float, maximum: float, width: float, direction: str) -> tuple[float, float]:
    """(x, width) of a bar in a box `width` wide: from the left in LTR, from the right in RTL."""
    length = width * value / maximum if maximum else 0
    x = width - length if direction == "rtl" else 0
    return x, length


def bar_svg(value: float, maximum: float, *, direction: str, width: int = 140) -> Markup:
    """One decorative bar (track and value) scaled on `maximum`, growing from the start side
    of `direction` ('rtl': from the right)."""
    height = 14
    x, length = bar_geometry(value, maximum, width, direction)
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-bar-svg" width="{w}" '
        'height="{h}" viewBox="0 0 {w} {h}" aria-hidden="true" focusable="false">'
        '<rect x="0" y="0" width="{w}" height="{h}" rx="2" fill="{track}"/>'
        '<rect class="chart-bar-value" x="{x}" y="0" width="{len}" height="{h}" rx="2" '
        'fill="{colour}"/></svg>'
    ).format(w=width, h=height, x=_num(x), len=_num(length), track=TRACK_COLOUR, colour=BAR_COLOUR)


def bar_chart(
    items: Iterable,
    *,
    title: str,
    lang: str | None = None,
    total: float | None = None,
    label_header: str | None = None,
    value_header: str | None = None,
    value_format: Callable | None = None,
    chart_id: str | None = None,
    width: int = 140,
) -> Markup:
    """A horizontal bar chart as a data table: label, value (a link when the item has an href),
    share of `total` (default: the sum of the values) and a bar scaled on the largest value."""
    lang = lang or language()
    items = _normalise(items)
    value_format = value_format or fmt_number
    direction = text_direction(lang)
    total = sum(i["value"] for i in items) if total is None else total
    maximum = max((i["value"] for i in items), default=0)
    chart_id = chart_id or _chart_id("bar", title, items)
    with force_locale(LANGUAGES[lang]):
        headers = (
            label_header or _("Category"),
            value_header or _("Projects"),
            _("Share"),
            _("Chart"),
        )
        rows = []
        for index, item in enumerate(items):
            svg = bar_svg(item["value"], maximum, direction=direction, width=width)
            rows.append(
                Markup(
                    '<tr id="{id}-row-{n}"><th scope="row">{label}</th>'
                    '<td class="num">{value}</td><td class="num">{share}</td>'
                    '<td class="chart-bar-cell">{svg}</td></tr>'
                ).format(
                    id=chart_id,
                    n=index,
                    label=item["label"],
                    value=_value_html(item, value_format),
                    share=fmt_percent(item["value"], total, lang),
                    svg=svg,
                )
            )
        if not rows:
            rows.append(
                Markup('<tr><td colspan="4" class="empty-state">{}</td></tr>').format(_("No data."))
            )
    return Markup(
        '<table class="data chart chart-bar" id="{id}" dir="{dir}" lang="{lang}">'
        '<caption id="{id}-title">{title}</caption>'
        '<thead><tr><th scope="col">{h0}</th><th scope="col" class="num">{h1}</th>'
        '<th scope="col" class="num">{h2}</th>'
        '<th scope="col"><span class="visually-hidden">{h3}</span></th></tr></thead>'
        "<tbody>{rows}</tbody></table>"
    ).format(
        id=chart_id,
        dir=direction,
        lang=lang,
        title=title,
        h0=headers[0],
        h1=headers[1],
        h2=headers[2],
        h3=headers[3],
        rows=Markup("").join(rows),
    )


def _point(cx: float, cy: float, radius: float, angle: float, direction: str):
    """A point of the circle; angle 0 is the top, positive angles turn clockwise in LTR and
    counter-clockwise (the mirror image) in RTL."""
    x = radius * math.sin(angle)
    y = -radius * math.cos(angle)
    return (cx - x if direction == "rtl" else cx + x), cy + y


def donut_segments(values: list[float], size: float, direction: str) -> list[str]:
    """The SVG path of each segment of a donut `size` wide (empty string for a zero value)."""
    total = sum(values)
    outer, inner = size / 2, size / 2 * 0.58
    cx = cy = size / 2
    # Clockwise on screen is SVG's sweep-flag 1; the mirror image turns the other way.
    sweep, back = ("0", "1") if direction == "rtl" else ("1", "0")
    paths, start = [], 0.0
    for value in values:
        if not total or not value:
            paths.append("")
            continue
        fraction = value / total
        if fraction >= 0.9999:  # a full ring: two half arcs (one arc cannot close on itself)
            o1, o2 = _point(cx, cy, outer, 0, direction), _point(cx, cy, outer, math.pi, direction)
            i1, i2 = _point(cx, cy, inner, 0, direction), _point(cx, cy, inner, math.pi, direction)
            paths.append(
                f"M{_num(o1[0])} {_num(o1[1])}A{_num(outer)} {_num(outer)} 0 1 {sweep} "
                f"{_num(o2[0])} {_num(o2[1])}A{_num(outer)} {_num(outer)} 0 1 {sweep} "
                f"{_num(o1[0])} {_num(o1[1])}ZM{_num(i1[0])} {_num(i1[1])}A{_num(inner)} "
                f"{_num(inner)} 0 1 {back} {_num(i2[0])} {_num(i2[1])}A{_num(inner)} "
                f"{_num(inner)} 0 1 {back} {_num(i1[0])} {_num(i1[1])}Z"
            )
            continue
        end = start + 2 * math.pi * fraction
        large = "1" if fraction > 0.5 else "0"
        o1, o2 = _point(cx, cy, outer, start, direction), _point(cx, cy, outer, end, direction)
        i1, i2 = _point(cx, cy, inner, start, direction), _point(cx, cy, inner, end, direction)
        paths.append(
            f"M{_num(o1[0])} {_num(o1[1])}A{_num(outer)} {_num(outer)} 0 {large} {sweep} "
            f"{_num(o2[0])} {_num(o2[1])}L{_num(i2[0])} {_num(i2[1])}A{_num(inner)} "
            f"{_num(inner)} 0 {large} {back} {_num(i1[0])} {_num(i1[1])}Z"
        )
        start = end
    return paths


def donut_chart(
    items: Iterable,
    *,
    title: str,
    lang: str | None = None,
    total: float | None = None,
    value_format: Callable | None = None,
    chart_id: str | None = None,
    size: int = 168,
) -> Markup:
    """A donut (`<svg role="img">` with title and description) and its legend: label, value (a
    link when the item has an href) and share of `total` (default: the sum of the values)."""
    lang = lang or language()
    items = _normalise(items)
    value_format = value_format or fmt_number
    direction = text_direction(lang)
    total = sum(i["value"] for i in items) if total is None else total
    chart_id = chart_id or _chart_id("donut", title, items)
    paths = donut_segments([i["value"] for i in items], size, direction)
    with force_locale(LANGUAGES[lang]):
        separator = "؛ " if lang == "ar" else "; "
        description = separator.join(
            _(
                "%(label)s: %(value)s (%(share)s)",
                label=i["label"],
                value=_plain(value_format(i["value"])),
                share=fmt_percent(i["value"], total, lang),
            )
            for i in items
        ) or _("No data.")
        total_text = _("Total: %(value)s", value=_plain(value_format(total)))
    ring = size / 2 * 0.79
    shapes = [
        Markup(
            '<circle cx="{c}" cy="{c}" r="{r}" fill="none" stroke="{track}" stroke-width="{w}"/>'
        ).format(c=_num(size / 2), r=_num(ring), track=TRACK_COLOUR, w=_num(size / 2 * 0.42))
    ]
    legend = []
    for index, (item, path) in enumerate(zip(items, paths, strict=True)):
        colour = PALETTE[index % len(PALETTE)]
        if path:
            shapes.append(
                Markup(
                    '<path class="chart-segment" d="{d}" fill="{colour}" stroke="#ffffff" '
                    'stroke-width="1.5"/>'
                ).format(d=path, colour=colour)
            )
        legend.append(
            Markup(
                '<li><svg xmlns="http://www.w3.org/2000/svg" class="chart-swatch" width="12" '
                'height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">'
                '<rect width="12" height="12" rx="2" fill="{colour}"/></svg> '
                '<span class="chart-legend-label">{label}</span> '
                '<span class="chart-legend-value">{value}</span> '
                '<span class="chart-legend-share">({share})</span></li>'
            ).format(
                colour=colour,
                label=item["label"],
                value=_value_html(item, value_format),
                share=fmt_percent(item["value"], total, lang),
            )
        )
    return Markup(
        '<figure class="chart chart-donut" id="{id}" dir="{dir}" lang="{lang}">'
        '<figcaption class="chart-title">{title}</figcaption>'
        '<div class="chart-donut-body">'
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-donut-svg" width="{size}" '
        'height="{size}" viewBox="0 0 {size} {size}" role="img" '
        'aria-labelledby="{id}-title {id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{shapes}</svg>'
        '<div class="chart-legend-wrap"><p class="chart-total">{total}</p>'
        '<ul class="chart-legend">{legend}</ul></div></div></figure>'
    ).format(
        id=chart_id,
        dir=direction,
        lang=lang,
        title=title,
        size=size,
        desc=description,
        shapes=Markup("").join(shapes),
        total=total_text,
        legend=Markup("").join(legend),
    )
