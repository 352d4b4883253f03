"""Check the built documentation as a reader meets it: ``python tests/docs/check_site.py SITE_DIR``.

``mkdocs build --strict`` passes on pages that are broken when read; this reads every HTML page of the
built site and reports what a reader would see:

- a raw Sphinx role (``:func:``, ``:class:`` ...) shown as text, where a link was meant;
- a literal snippet marker (``--8<--``, or a reformatted ``--8 < --``), where a file was to be included;
- a path of the machine that built the site (``/tmp/...``, ``/home/...``);
- a doctest shown as nested quotes (``> > >``);
- a link to a page of the site that does not exist, or to an ``#anchor`` that the page does not have;
- an id given twice on one page (a link to it could land on either);
- a name the package exports that the API reference does not describe.

Exits 1 and lists the problems, one a line, or exits 0.  The nox ``docs`` session runs it after the
build; ``tests/test_site_check.py`` shows that it finds each kind of defect.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

SPHINX_ROLE = re.compile(r"(?<![\w:]):(?:py:)?(?:func|class|meth|mod|data|attr|exc|obj|const|ref|doc):")
SNIPPET_MARKER = re.compile(r"-{1,2}\s*8\s*<\s*-{1,2}")
MACHINE_PATH = re.compile(
    r"(?<![\w.~-])/(?:tmp|home|root|work|Users|private/var|var/folders|mnt|opt)/|\b[A-Za-z]:\\Users\\"
)
_NOT_TEXT = {"script", "style"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """One HTML page: its visible text, the ids it defines, the links it makes, its deepest quote nesting."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.sources: list[str] = []
        self.quote_depth = 0
        self._quotes = 0
        self._skipping = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.append(str(values["name"]))
        if tag == "a" and values.get("href") is not None:
            self.links.append(str(values["href"]))
        for name in ("src", "href"):
            if values.get(name):
                self.sources.append(str(values[name]))
        if tag in _NOT_TEXT:
            self._skipping += 1
        elif tag == "blockquote":
            self._quotes += 1
            self.quote_depth = max(self.quote_depth, self._quotes)

    def handle_endtag(self, tag: str) -> None:
        if tag in _NOT_TEXT:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "blockquote":
            self._quotes = max(0, self._quotes - 1)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.text.append(data)


def text_problems(html: str) -> list[str]:
    """What is wrong in one page by itself (its text, its attributes, its ids)."""
    page = Page(html)
    text = " ".join(page.text)  # one text node from the next: a role is not glued to a title
    found = [f"raw Sphinx role {m.group()!r} in {_around(text, m)!r}" for m in SPHINX_ROLE.finditer(text)]
    found += [f"literal snippet marker in {_around(text, m)!r}" for m in SNIPPET_MARKER.finditer(text)]
    found += [f"machine path in {_around(text, m)!r}" for m in MACHINE_PATH.finditer(text)]
    found += [f"machine path in link {value!r}" for value in page.sources if MACHINE_PATH.search(value)]
    if page.quote_depth > 1:
        found.append(f"quotes nested {page.quote_depth} deep (a doctest rendered as '> > >'?)")
    found += [f"id {name!r} given {n} times" for name, n in Counter(page.ids).items() if n > 1]
    return found


def link_problems(pages: dict[str, str], files: set[str]) -> list[str]:
    """Links from each page to a file of the site or an anchor that is not there.

    *pages* maps each page's path in the site (``"api/index.html"``) to its HTML; *files* holds the
    paths of the site's other files (images, downloads).
    """
    ids = {path: set(Page(html).ids) for path, html in pages.items()}
    found = []
    for path, html in pages.items():
        for href in Page(html).links:
            target = _internal_target(path, href)
            if target is None:
                continue
            file, anchor = target
            if file not in ids and f"{file}/index.html" in ids:
                file = f"{file}/index.html"
            if file in ids:
                if anchor and anchor not in ids[file]:
                    found.append(f"{path}: link {href!r}: no anchor #{anchor} in {file}")
            elif file not in files:
                found.append(f"{path}: link {href!r}: no file {file!r} in the site")
    return found


def check(site: Path) -> list[str]:
    """Every problem of the built site in the directory *site*, each prefixed with its page."""
    pages = {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html"  # its links are written for any depth, from the server's root
    }
    if not pages:
        return [f"no HTML page under {site}"]
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    found = [f"{path}: {problem}" for path, html in pages.items() for problem in text_problems(html)]
    if "api/index.html" in pages:
        found += [f"api/index.html: {problem}" for problem in api_problems(pages["api/index.html"])]
    return found + link_problems(pages, files)


def api_problems(html: str) -> list[str]:
    """Each name the package exports (``shusha_decl.__all__``) is described on the API page."""
    import shusha_decl  # the installed package whose reference this is

    ids = set(Page(html).ids)
    names = [f"shusha_decl.{name}" for name in shusha_decl.__all__]
    return [f"no entry for {name}" for name in names if name not in ids]


def _internal_target(page: str, href: str) -> tuple[str, str] | None:
    """The site file and anchor an internal link points to, or None for a link out of the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = PurePosixPath(page).parent
    joined = PurePosixPath(*(base / unquote(parts.path)).parts)
    resolved: list[str] = []
    for part in joined.parts:
        if part == "..":
            if resolved:
                resolved.pop()
        elif part != ".":
            resolved.append(part)
    file = "/".join(resolved)
    if not file or parts.path.endswith("/"):
        file = f"{file}/index.html".lstrip("/")
    return file, unquote(parts.fragment)


def _around(text: str, match: re.Match[str]) -> str:
    return " ".join(text[max(0, match.start() - 30) : match.end() + 30].split())


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    problems = check(Path(argv[0]))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems" if problems else "the site has none of the checked problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
