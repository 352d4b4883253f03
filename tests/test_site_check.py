"""The built-site check (tests/docs/check_site.py, run by the nox docs session) finds each defect it names.

Each bad page below is the defect as the site once showed it; each good page is its fix.
"""

from __future__ import annotations

import doctest
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import shusha_decl


def _load_checker() -> ModuleType:
    path = Path(__file__).parent / "docs" / "check_site.py"
    spec = importlib.util.spec_from_file_location("check_site", path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_site = _load_checker()


def _page(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("bad", "good", "what"),
    [
        (
            "<p>The helpers :func:<code>commitments</code> filter.</p>",
            '<p>The helpers <a href="#shusha_decl.commitments"><code>commitments</code></a> filter.</p>',
            "raw Sphinx role ':func:'",
        ),
        (
            "<p>see :meth:<code>Declaration.lookup</code></p>",
            "<p>see <code>Declaration.lookup</code></p>",
            "raw Sphinx role ':meth:'",
        ),
        (
            '<pre><code>--8 &lt; --"docs/examples/analysis.py"</code></pre>',
            "<pre><code>import shusha_decl</code></pre>",
            "literal snippet marker",
        ),
        (
            '<pre><code>--8&lt;-- "README.md"</code></pre>',
            "<pre><code>8 &lt; 10</code></pre>",
            "literal snippet marker",
        ),
        (
            "<pre><code>Timeline written to /tmp/i14/wt/docs/generated/timeline.png</code></pre>",
            "<pre><code>Timeline drawn in timeline.png</code></pre>",
            "machine path",
        ),
        (
            '<p>See <a href="file:///home/someone/site/x.html">x</a></p>',
            '<p>See <a href="https://example.org/home/x.html">x</a></p>',
            "machine path in link",
        ),
        (
            "<blockquote><blockquote><blockquote><p>import x</p></blockquote></blockquote></blockquote>",
            "<blockquote><p>A quotation.</p></blockquote>",
            "quotes nested 3 deep",
        ),
        ('<h2 id="x">A</h2><h2 id="x">B</h2>', '<h2 id="x">A</h2><h2 id="y">B</h2>', "id 'x' given 2 times"),
    ],
)
def test_each_defect_of_a_page_is_found_and_its_fix_passes(bad: str, good: str, what: str) -> None:
    found = check_site.text_problems(_page(bad))
    assert len(found) == 1
    assert found[0].startswith(what)
    assert check_site.text_problems(_page(good)) == []


def test_script_and_style_are_not_read_as_text() -> None:
    assert check_site.text_problems(_page("<script>var p = '/tmp/x/'; // :func:</script><p>ok</p>")) == []


def test_links_to_missing_pages_and_anchors_are_found() -> None:
    pages = {
        "index.html": _page(
            '<a href="api/">api</a> <a href="api/#shusha_decl.get">get</a> <a href="#top">top</a>'
            ' <a href="https://example.org/nowhere/">out</a> <a href="generated/timeline.png">png</a>'
            ' <a href="api/#shusha_decl.gone">gone</a> <a href="cli/">cli</a> <a href="#nothing">x</a>'
            '<h1 id="top">Home</h1>'
        ),
        "api/index.html": _page(
            '<h2 id="shusha_decl.get">get</h2><a href="../">home</a><a href="../index.html#top">top</a>'
            '<a href="../architecture/#flow">flow</a>'
        ),
    }
    found = check_site.link_problems(pages, {"generated/timeline.png", *pages})
    assert found == [
        "index.html: link 'api/#shusha_decl.gone': no anchor #shusha_decl.gone in api/index.html",
        "index.html: link 'cli/': no file 'cli/index.html' in the site",
        "index.html: link '#nothing': no anchor #nothing in index.html",
        "api/index.html: link '../architecture/#flow': no file 'architecture/index.html' in the site",
    ]


def test_check_reads_a_site_directory(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "index.html").write_text(_page('<a href="guide/#x">x</a>'), encoding="utf-8")
    (tmp_path / "guide" / "index.html").write_text(_page("<p>:class:<code>Unit</code></p>"), encoding="utf-8")
    assert check_site.check(tmp_path) == [
        "guide/index.html: raw Sphinx role ':class:' in 't :class: Unit'",
        "index.html: link 'guide/#x': no anchor #x in guide/index.html",
    ]
    assert check_site.main([str(tmp_path)]) == 1
    (tmp_path / "guide" / "index.html").write_text(_page('<p id="x">Unit</p>'), encoding="utf-8")
    assert check_site.main([str(tmp_path)]) == 0


def test_the_api_page_must_describe_every_exported_name() -> None:
    described = "".join(f'<h3 id="shusha_decl.{name}">{name}</h3>' for name in shusha_decl.__all__)
    assert check_site.api_problems(_page(described)) == []
    without_lookup = described.replace('id="shusha_decl.lookup"', 'id="lookup"')
    assert check_site.api_problems(_page(without_lookup)) == ["no entry for shusha_decl.lookup"]


def test_the_package_docstring_example_runs() -> None:
    """The example the API reference shows on its first page is a doctest, and it passes."""
    result = doctest.testmod(shusha_decl, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3
    assert result.failed == 0
