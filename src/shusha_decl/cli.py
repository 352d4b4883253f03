"""The ``shusha-decl`` command (also ``python -m shusha_decl``).

Every listing takes the same filters as the Python helpers and prints an aligned table that fits the
terminal (``COLUMNS``, else the terminal's width), or ``--json`` / ``--csv`` for other programs, with the
text exactly as in the data.  Search matches are highlighted only on a terminal, and never when
``NO_COLOR`` is set.  The exit status is the same for every subcommand (``EXIT_STATUS``): 0 when something
was found and printed or written, 1 when nothing was found (no record matched, or none has the id or name
asked for), 2 for a usage or data error; messages go to standard error, without a traceback.
"""

from __future__ import annotations

import argparse
import enum
import functools
import os
import shutil
import sys
import textwrap
import typing
from collections.abc import Callable, Sequence
from typing import Any

from . import model
from .edition import (
    Agreements,
    Claims,
    Commitments,
    Day,
    Declaration,
    Events,
    Organizations,
    Records,
    TranslationNotes,
)
from .errors import UnknownNameError
from .export import DYAD_YEARS, dyads, to_records
from .model import json_ready
from .packaged import declaration
from .version import DATA_VERSION, __version__

EXAMPLES = """\
examples:
  shusha-decl commitments --topic defense-and-security
  shusha-decl commitments --topic energy --modality undertaking --modality endeavour --json
  shusha-decl agreements --kind treaty --signed-after 1990-01-01
  shusha-decl events --concerns shusha-declaration --after 2022-01-31 --csv
  shusha-decl claims --status not-in-text
  shusha-decl alliance
  shusha-decl cow-dyad-years --reading alternative --csv
  shusha-decl translation-notes --unit para_9
  shusha-decl show para_9
  shusha-decl search "Turkic world"
  shusha-decl lookup Nakhichevan
  shusha-decl export --format akn -o shusha.akn.xml
  shusha-decl validate path/to/edition
"""
EXIT_STATUS = """\
exit status (every subcommand):
  0  found and printed (or written)
  1  nothing found: no record matched, or none has the id or name asked for
  2  usage or data error: an unknown option or value, a bad date, a bad edition
"""

#: Each listing: the filter class of its collection (whose arguments are its options, ``--signed-after``)
#: or ``None`` for a collection listed whole, its table columns, and its help.
#: Fewer columns than a notebook table (display), long text last: a row fits 80 columns with words whole.
LISTINGS: dict[str, tuple[type[Records[Any]] | None, tuple[str, ...], str]] = {
    "commitments": (Commitments, ("id", "modality", "topics", "text"), "the coded commitments"),
    "agreements": (Agreements, ("id", "kind", "signed_on", "title"), "the agreements it refers to"),
    "organizations": (Organizations, ("id", "kind", "name"), "the organisations it names"),
    "events": (Events, ("date", "id", "title"), "its history"),
    "claims": (Claims, ("id", "status", "source", "text"), "press claims, checked against the text"),
    "translation-notes": (
        TranslationNotes,
        ("id", "language", "quotation"),
        "where the authentic and official texts differ from the English",
    ),
    "parties": (None, ("id", "short_name", "name"), "the two parties"),
    "places": (None, ("id", "kind", "name"), "the places it names"),
    "persons": (None, ("id", "name", "roles"), "the persons it names"),
    "quotes": (None, ("id", "speaker", "unit", "text"), "the quotations in the text"),
    "topics": (None, ("id", "category", "label"), "the topics of the coding, and their categories"),
    "sources": (None, ("id", "kind", "published_on", "title"), "the sources the data cites"),
    "titles": (None, ("id", "language", "text"), "the declaration's titles in each language"),
    "alliance": (
        None,
        ("variable", "value", "confidence", "rationale"),
        "this project's coding of the declaration as an alliance (ATOP variables)",
    ),
    "atop-dyad-years": (
        None,
        ("ccode1", "ccode2", "year", *dyads.ATOP_COLUMNS),
        "the alliance coding as directed dyad-years in ATOP columns (not an ATOP release)",
    ),
    "cow-dyad-years": (
        None,
        ("ccode1", "ccode2", "year", *dyads.COW_COLUMNS),
        "the alliance coding as directed dyad-years in COW columns (not a COW release)",
    ),
    "alliance-members": (
        None,
        ("ccode", "party", "in_force_on", "in_force_sources", "signed_on", "approved_on"),
        "the parties and the dates the declaration took effect, by each reading, with sources",
    ),
}
#: Table headers shorter than their column (eight ATOP columns would not fit 80 columns): the pledge
#: columns without their ``atop_``/``cow_`` prefix.  ``--json`` and ``--csv`` keep the column names.
HEADERS = {column: column.partition("_")[2] for column in (*dyads.ATOP_COLUMNS, *dyads.COW_COLUMNS)}
_ENUMS = tuple(v for v in vars(model).values() if isinstance(v, type) and issubclass(v, enum.Enum))
_HIGHLIGHT = ("\033[1;7m", "\033[0m")


class NothingFoundError(LookupError):
    """Nothing has the id or name asked for (exit status 1)."""


def _filter_arguments(listing: str) -> dict[str, Any]:
    """The keyword arguments of the filter of the collection *listing*, with their types."""
    collection = LISTINGS[listing][0]
    if collection is None:
        return {}
    hints = typing.get_type_hints(collection.__call__)
    del hints["return"]
    return hints


def _classes(hint: Any) -> set[Any]:
    """Every type named in the type hint *hint* (through unions and generics)."""
    arguments = typing.get_args(hint)
    return {hint} if not arguments else set().union(*map(_classes, arguments))


def _values_help(keyword: str, hint: Any) -> str:
    """What the option for *keyword*, typed *hint*, accepts, with the valid values where there are few."""
    kinds = _classes(hint)
    enums = [kind for kind in _ENUMS if kind in kinds]
    if enums:
        return "one of: " + ", ".join(member.value for member in enums[0])
    decl = declaration()
    if Declaration in kinds:
        return f"{decl.id}, any record id, or an entity's name (see lookup)"
    if model.Unit in kinds:
        return "a text unit or commitment id, e.g. para_9 (see show)"
    if model.Agreement in kinds:
        return "an agreement, organisation, place or person, by id or name (see their listings)"
    if model.Topic in kinds:
        categories = [t.id for t in decl.topics if t.category is None]
        topics = [t.id for t in decl.topics if t.category is not None]
        return f"a category ({', '.join(categories)}; all its topics) or a topic ({', '.join(topics)})"
    if model.Party in kinds:
        return "a party, by id or name: " + ", ".join(f"{p.id} ({p.short_name})" for p in decl.parties)
    if model.Source in kinds:
        return "a source id: " + ", ".join(decl.claims.cited)
    # A language code is a plain str, like a part of the text, so only the option's name tells them apart.
    if keyword == "language":
        return "a language code: " + ", ".join(sorted({note.language for note in decl.translation_notes}))
    return "a part of the text, ignoring case and diacritics"


class _Filter(argparse._AppendAction):
    """An option of a filter, typed *hint*: given twice, it matches either value."""

    def __init__(self, *args: Any, hint: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hint = hint


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help as argparse writes it, but ids such as ``defense-and-security`` are not broken at a hyphen.

    The valid values of a filter's option are read from the data only here, when its help is shown, so that
    ``--version`` or ``validate`` work even when the packaged edition cannot be read.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if isinstance(action, _Filter):
            return _values_help(action.dest, action.hint).replace("%", "%%") + f"; {action.help}"
        return action.help

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(text, width, break_on_hyphens=False)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shusha-decl",
        description="The Shusha Declaration on Allied Relations (Azerbaijan-Turkey, 15 June 2021) as data.",
        epilog=EXAMPLES + "\n" + EXIT_STATUS,
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"shusha-decl {__version__} (data {DATA_VERSION})"
    )
    parser.add_argument(
        "--print-completion",
        choices=["bash", "zsh", "tcsh"],
        help="print a shell completion script (needs the completion extra: shtab)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add = functools.partial(commands.add_parser, epilog=EXIT_STATUS, formatter_class=_Formatter)
    for name, (collection, _, about) in LISTINGS.items():
        listing = add(name, help=f"list {about}" + (", filtered" if collection else ""))
        for keyword, hint in _filter_arguments(name).items():
            option = "--" + keyword.replace("_", "-")
            if hint == Day | None:  # a date: one value
                listing.add_argument(option, dest=keyword, metavar="YYYY-MM-DD")
            else:
                listing.add_argument(
                    option, dest=keyword, action=_Filter, hint=hint, help="repeat to match any"
                )
        if name.replace("-", "_") in DYAD_YEARS:
            listing.add_argument(
                "--reading",
                choices=model.READINGS,
                default="main",
                help="the coding's main reading (the default) or each variable's alternative",
            )
        _add_output_options(listing)
    show = add("show", help="print the declaration as text, or one record by id")
    show.add_argument("id", nargs="?", help="a record id, e.g. para_9, preamble__recs__rec_3, oic")
    _add_output_options(show)
    lookup = add("lookup", help="find a party or entity by name, alias or acronym")
    lookup.add_argument("name")
    _add_output_options(lookup)
    search = add(
        "search",
        help="find words in the text (case and diacritics ignored)",
        description="Find words in the text, ignoring case and diacritics. Whole words match unless "
        "--substring is given. The units are ranked by the number of matches (most first), then in "
        "document order.",
    )
    search.add_argument("words")
    search.add_argument(
        "--substring", action="store_true", help="match inside words too ('art' in 'parties')"
    )
    _add_output_options(search)
    export = add("export", help="write the edition in a standard format")
    export.add_argument(
        "--format", required=True, choices=["json", "csv", "datapackage", "akn", "jsonld", "markdown"]
    )
    export.add_argument(
        "-o",
        "--output",
        help="file or directory (required for json, csv, datapackage); - for standard output",
    )
    export.add_argument("--force", action="store_true", help="replace files that are already there")
    validate = add("validate", help="check an edition on disk (a directory of JSON files)")
    validate.add_argument("path")
    return parser


def _add_output_options(command: argparse.ArgumentParser) -> None:
    formats = command.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_const", const="json", dest="output", help="print JSON")
    formats.add_argument("--csv", action="store_const", const="csv", dest="output", help="print CSV")


# -- output ----------------------------------------------------------------------------------------


def _width() -> int:
    """The terminal's width: ``COLUMNS`` if set, else the terminal's, else 80."""
    return shutil.get_terminal_size().columns


def _cell(value: Any) -> str:
    """A JSON-ready value for a person: a list of plain values joined by commas, the rest as in a CSV cell."""
    from .export.tables import csv_cell

    if isinstance(value, list) and not any(isinstance(item, (list, dict)) for item in value):
        return ", ".join(map(str, value))
    return csv_cell(value)


def _fit(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths within *room* characters, from each column's *natural* width and its longest word.

    The last column (the text) narrows first, down to two fifths of the room; then the others, widest
    first; then the last again.  No column narrows below its longest word, so no word (or id) is broken:
    when the longest words do not fit, the table is wider than *room*.
    """
    widths = list(natural)

    def narrowed(i: int, floor: int) -> int:
        return max(widths[i] - max(sum(widths) - room, 0), floor)

    widths[-1] = narrowed(-1, max(min(natural[-1], room * 2 // 5), least[-1]))
    for i in sorted(range(len(widths) - 1), key=widths.__getitem__, reverse=True):
        widths[i] = narrowed(i, least[i])
    widths[-1] = narrowed(-1, least[-1])
    return widths


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    """An aligned table that fits the terminal; cells too long for their column wrap between words."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    headers = [HEADERS.get(c, c) for c in columns]
    natural = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    words = [max([len(h), *(len(w) for r in cells for w in r[i].split())]) for i, h in enumerate(headers)]
    widths = _fit(natural, words, _width() - 2 * (len(columns) - 1))
    lines = []
    for values in [headers, ["-" * w for w in widths], *cells]:
        wrapped = [
            textwrap.wrap(v, w, break_long_words=False, break_on_hyphens=False) or [""]
            for v, w in zip(values, widths, strict=True)
        ]
        for k in range(max(map(len, wrapped))):
            parts = [
                (cell[k] if k < len(cell) else "").ljust(w) for cell, w in zip(wrapped, widths, strict=True)
            ]
            lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def _render(rows: list[dict[str, Any]], columns: Sequence[str], output: str | None) -> str:
    if output == "json":
        import json

        return json.dumps(rows, ensure_ascii=False, indent=2)
    if output == "csv":
        import csv
        import io

        from .export.tables import csv_cell

        stream = io.StringIO()
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
        return stream.getvalue().rstrip("\n")
    return _table(rows, columns)


def _fill(text: str, **options: Any) -> str:
    return textwrap.fill(text, _width(), **options)


# -- commands --------------------------------------------------------------------------------------


def _listing(args: argparse.Namespace) -> str | None:
    decl = declaration()
    collection, columns, _ = LISTINGS[args.command]
    name = args.command.replace("-", "_")
    if name in DYAD_YEARS:
        rows = to_records(name, decl, reading=args.reading)
    elif collection is None:
        rows = to_records(name, decl)
    else:
        criteria = {keyword: getattr(args, keyword) for keyword in _filter_arguments(args.command)}
        rows = to_records(getattr(decl, name)(**criteria))
    if not rows:
        return None
    text = _render(rows, columns, args.output)
    if name in DYAD_YEARS and not args.output:  # a table says which reading of the alliance coding it shows
        reading = f"{args.reading} reading: this project's coding, not an ATOP or COW release"
        return f"{text}\n{_fill(reading)}"
    return text


def _show(args: argparse.Namespace) -> str | None:
    decl = declaration()
    if args.id is None:
        if args.output:
            return _render(to_records("units", decl), ("id", "kind", "text"), args.output)
        units = [f"[{u.id}]\n{_fill(u.text)}" for u in decl.units]
        return "\n\n".join([_fill(decl.title), *units])
    try:
        record = decl.get(args.id)
    except KeyError as exc:
        raise NothingFoundError(exc.args[0]) from None
    row = json_ready(record)
    if args.output:
        return _render([row], list(row), args.output)
    text = str(getattr(record, "text", ""))
    fields = [
        _fill(f"{key}: {_cell(value)}", subsequent_indent="  ") for key, value in row.items() if key != "text"
    ]
    # An id that is also a listing's name (the topic "alliance"): say where the listing is.
    hint = (
        [_fill(f"(shusha-decl {record.id} lists {LISTINGS[record.id][2]})")] if record.id in LISTINGS else []
    )
    return "\n".join(
        [f"{type(record).__name__} {record.id}", *fields, *([_fill(text)] if text else []), *hint]
    )


def _lookup(args: argparse.Namespace) -> str | None:
    decl = declaration()
    try:
        entity = decl.lookup(args.name)
    except UnknownNameError as exc:
        raise NothingFoundError(*exc.args) from None
    row = {"id": entity.id, "kind": type(entity).__name__, "name": entity.name}
    return _render([row], ("id", "kind", "name"), args.output)


def _marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """*text* wrapped to the terminal, each span in *spans* highlighted (spans are offsets into *text*)."""
    lines, position = [], 0
    for line in textwrap.wrap(text, _width()):
        while text[position] in " \t\n\r\x0b\x0c":  # the whitespace textwrap drops at a break
            position += 1
        start, end = position, position + len(line)
        marked, at = [], start
        for first, last in spans:
            first, last = max(first, start), min(last, end)
            if first < last:
                marked += [text[at:first], _HIGHLIGHT[0], text[first:last], _HIGHLIGHT[1]]
                at = last
        lines.append("".join([*marked, text[at:end]]))
        position = end
    return "\n".join(lines)


def _search(args: argparse.Namespace) -> str | None:
    decl = declaration()
    found = decl.search(args.words, substring=args.substring)
    if not found:
        return None
    if args.output:
        rows = [
            {
                "id": m.unit.id,
                "matches": len(m.spans),
                "spans": [list(s) for s in m.spans],
                "text": m.unit.text,
            }
            for m in found
        ]
        return _render(rows, ("id", "matches", "text"), args.output)
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return "\n\n".join(
        f"[{m.unit.id}] {len(m.spans)} match{'es' if len(m.spans) > 1 else ''}\n"
        + (_marked(m.unit.text, m.spans) if colour else _fill(m.unit.text))
        for m in found
    )


def _export(args: argparse.Namespace) -> str | None:
    decl = declaration()
    from .export import FORMATS, write

    to_stdout = args.output == "-"
    if FORMATS[args.format] and (to_stdout or not args.output):
        raise ValueError(f"--format {args.format} writes a directory: give it with -o PATH (not -)")
    path = None if to_stdout else args.output
    result = write(decl, args.format, path, overwrite=args.force)
    if path:
        print(f"wrote {args.format} to {path}", file=sys.stderr)
        return ""
    return str(result).rstrip("\n")


def _validate(args: argparse.Namespace) -> str | None:
    from .loader import read_edition

    edition = read_edition(args.path)
    return f"{args.path}: valid ({sum(1 for _ in edition.records())} records)"


def _completion(parser: argparse.ArgumentParser, shell: str) -> str:
    try:
        import shtab
    except ImportError:
        raise ValueError(
            "shell completion needs shtab: install it (pip install shtab), or the package's completion extra"
        ) from None
    return str(shtab.complete(parser, shell)).rstrip("\n")


COMMANDS: dict[str, Callable[[argparse.Namespace], str | None]] = {
    **dict.fromkeys(LISTINGS, _listing),
    "show": _show,
    "lookup": _lookup,
    "search": _search,
    "export": _export,
    "validate": _validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    try:
        parser = _parser()
        args = parser.parse_args(argv)
        if args.print_completion:
            text: str | None = _completion(parser, args.print_completion)
        elif args.command is None:
            parser.error("give a COMMAND (or --help)")
        else:
            text = COMMANDS[args.command](args)
    except NothingFoundError as exc:
        print(f"shusha-decl: {exc}", file=sys.stderr)
        return 1
    except (LookupError, ValueError, TypeError, OSError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"shusha-decl: {message}", file=sys.stderr)
        return 2
    if text is None:
        print("shusha-decl: nothing matched", file=sys.stderr)
        return 1
    if text:
        try:
            print(text, flush=True)
        except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
