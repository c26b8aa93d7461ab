"""What every static picture shares: the Korean font, the colours, SVG and PNG output.

Hangul is drawn with a CJK font from the system (Debian's ``fonts-noto-cjk``),
never with a font that lacks it: a missing glyph (a "tofu" box) is an error, not
a warning. SVG text stays text (``svg.fonttype: none``) so it can be searched and
checked; the PNG is rendered by Agg with the same font. Both are deterministic
(no date in the metadata, a fixed hash salt).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

from kg.core.errors import KgError
from kg.core.files import write_atomic
from kg.core.generated import GENERATED_PICTURE
from kg.core.paths import SYSTEM_FONT_DIR

PREFERRED = ("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Noto Sans CJK JP")


class MissingFontError(KgError):
    """No font with Hangul is installed, or a glyph is missing from the one used."""


def korean_font() -> str:
    """The family name of an installed font with Hangul (registering system CJK fonts)."""
    from matplotlib import font_manager

    for path in sorted(SYSTEM_FONT_DIR.rglob("*CJK*")) + sorted(SYSTEM_FONT_DIR.rglob("Nanum*")):
        if path.suffix.lower() in {".ttc", ".otf", ".ttf"}:
            font_manager.fontManager.addfont(str(path))
    names = {font.name for font in font_manager.fontManager.ttflist}
    for name in PREFERRED:
        if name in names:
            return name
    raise MissingFontError(
        f"no Korean font found under {SYSTEM_FONT_DIR}: install fonts-noto-cjk (apt-get)"
    )


def setup() -> str:
    """Configure matplotlib (headless, Korean font, text kept as text); returns the font."""
    import matplotlib

    matplotlib.use("Agg")
    font = korean_font()
    matplotlib.rcParams.update(
        {
            "font.family": [font],
            "svg.fonttype": "none",
            "svg.hashsalt": "kr-ict-kg",
            "axes.unicode_minus": False,
        }
    )
    return font


def save(fig: Any, svg_path: Path) -> list[Path]:
    """Write ``fig`` as SVG at ``svg_path`` and PNG beside it; returns both paths."""
    import matplotlib.pyplot as plt

    svg_path = Path(svg_path)
    png_path = svg_path.with_suffix(".png")
    svg, png = io.BytesIO(), io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(svg, format="svg", metadata={"Date": None})
        fig.savefig(png, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise MissingFontError(f"{svg_path.name}: {missing[0]}")
    text = svg.getvalue().decode("utf-8")
    if text.startswith("<?xml"):  # optional in UTF-8: dropped so that line 1 can say so
        text = text.partition("?>\n")[2]
    text = f"{GENERATED_PICTURE}\n{text}"
    return [write_atomic(svg_path, text), write_atomic(png_path, png.getvalue())]
