"""The ``shusha-decl`` command (also ``python -m shusha_decl``).

Every listing takes the same filters as the Python helpers and prints an
aligned table, or ``--json`` / ``--csv`` for other programs.  Exit status: 0
when something was printed, 1 when nothing matched, 2 for a usage or data
error, with the message on standard error and no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import typing
from collections.abc import Callable, Sequence
from typing import Any

from .edition import Agreements, Claims, Commitments, Day, Declaration, Events, Organizations, Records
from .model import json_ready
from .packaged import declaration
from .text import find_all

EXAMPLES = """\
examples:
  shusha-decl commitments --topic defense-and-security
  shusha-decl commitments --topic energy --modality undertaking --modality endeavour --json
  shusha-decl agreements --kind treaty --signed-after 1990-01-01
  shusha-decl events --concerns shusha-declaration --after 2022-01-31 --csv
  shusha-decl claims --status not-in-text
  shusha-decl show para_9
  shusha-decl search "Turkic world"
  shusha-decl lookup Nakhichevan
  shusha-decl export --format akn -o shusha.akn.xml
  shusha-decl validate path/to/edition
"""

#: Each listing's collection type, whose filter's arguments are its options (``--signed-after``), and
#: its table columns.
LISTINGS: dict[str, tuple[type[Records[Any]], tuple[str, ...]]] = {
    "commitments": (Commitments, ("id", "modality", "topics", "text")),
    "agreements": (Agreements, ("id", "kind", "signed_on", "title")),
    "organizations": (Organizations, ("id", "kind", "acronym", "name")),
    "events": (Events, ("date", "id", "title")),
    "claims": (Claims, ("id", "status", "source", "text")),
}
_WIDTH = 100  # text is wrapped to this width
_TABLE_WIDTH = 120  # a table's lines are cut to fit this width, leaving the last column at least _LAST
_LAST = 30


def _filter_arguments(listing: str) -> dict[str, Any]:
    """The keyword arguments of the filter of the collection *listing*, with their types."""
    collection, _ = LISTINGS[listing]
    hints = typing.get_type_hints(collection.__call__)
    del hints["return"]
    return hints


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shusha-decl",
        description="The Shusha Declaration on Allied Relations (Azerbaijan-Turkey, 15 June 2021) as data.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in LISTINGS:
        listing = commands.add_parser(name, help=f"list the {name} that match every filter given")
        for keyword, hint in _filter_arguments(name).items():
            option = "--" + keyword.replace("_", "-")
            if hint == Day | None:  # a date: one value
                listing.add_argument(option, dest=keyword, metavar="YYYY-MM-DD")
            else:
                listing.add_argument(option, dest=keyword, action="append", help="repeat to match any")
        _add_output_options(listing)
    show = commands.add_parser("show", help="print the declaration as text, or one record by id")
    show.add_argument("id", nargs="?", help="a record id, e.g. para_9, preamble__recs__rec_3, oic")
    _add_output_options(show)
    lookup = commands.add_parser("lookup", help="find a party or entity by name, alias or acronym")
    lookup.add_argument("name")
    _add_output_options(lookup)
    search = commands.add_parser("search", help="find words in the text (case and diacritics ignored)")
    search.add_argument("words")
    _add_output_options(search)
    export = commands.add_parser("export", help="write the edition in a standard format")
    export.add_argument(
        "--format", required=True, choices=["json", "csv", "datapackage", "akn", "jsonld", "markdown"]
    )
    export.add_argument("-o", "--output", help="file or directory (required for json, csv, datapackage)")
    export.add_argument("--force", action="store_true", help="replace files that are already there")
    validate = commands.add_parser("validate", help="check an edition on disk (a directory of JSON files)")
    validate.add_argument("path")
    return parser


def _add_output_options(command: argparse.ArgumentParser) -> None:
    formats = command.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_const", const="json", dest="output", help="print JSON")
    formats.add_argument("--csv", action="store_const", const="csv", dest="output", help="print CSV")


# -- output ----------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(getattr(value, "value", value))


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    room = _TABLE_WIDTH - sum(widths[:-1]) - 2 * (len(columns) - 1)
    widths[-1] = max(len(columns[-1]), min(widths[-1], max(room, _LAST)))

    def line(values: list[str]) -> str:
        last = (
            textwrap.shorten(values[-1], widths[-1], placeholder="…")
            if len(values[-1]) > widths[-1]
            else values[-1]
        )
        return "  ".join(
            [*(v.ljust(w) for v, w in zip(values[:-1], widths[:-1], strict=True)), last]
        ).rstrip()

    return "\n".join([line(list(columns)), line(["-" * w for w in widths]), *(line(r) for r in cells)])


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


def _plain(records: Sequence[Any]) -> list[dict[str, Any]]:
    return [json_ready(record) for record in records]


# -- commands --------------------------------------------------------------------------------------


def _listing(args: argparse.Namespace, decl: Declaration) -> str | None:
    _, columns = LISTINGS[args.command]
    criteria = {keyword: getattr(args, keyword) for keyword in _filter_arguments(args.command)}
    found = getattr(decl, args.command)(**criteria)
    return _render(_plain(found), columns, args.output) if found else None


def _show(args: argparse.Namespace, decl: Declaration) -> str | None:
    if args.id is None:
        if args.output:
            return _render(_plain(decl.units), ("id", "kind", "text"), args.output)
        units = [f"[{u.id}]\n{textwrap.fill(u.text, _WIDTH)}" for u in decl.units]
        return "\n\n".join([decl.title, *units])
    record = decl.get(args.id)
    (row,) = _plain([record])
    if args.output:
        return _render([row], list(row), args.output)
    text = str(getattr(record, "text", ""))
    fields = [f"{key}: {_cell(value)}" for key, value in row.items() if key != "text"]
    return "\n".join(
        [f"{type(record).__name__} {record.id}", *fields, *([textwrap.fill(text, _WIDTH)] if text else [])]
    )


def _lookup(args: argparse.Namespace, decl: Declaration) -> str | None:
    entity = decl.lookup(args.name)
    row = {"id": entity.id, "kind": type(entity).__name__, "name": entity.name}
    return _render([row], ("id", "kind", "name"), args.output)


def _search(args: argparse.Namespace, decl: Declaration) -> str | None:
    mark = ("\033[1;7m", "\033[0m") if sys.stdout.isatty() and not args.output else ("**", "**")
    rows: list[dict[str, Any]] = []
    for unit in decl.units:
        spans = find_all(unit.text, args.words)
        if spans:
            text, position, marked = unit.text, 0, []
            for start, end in spans:
                marked += [text[position:start], mark[0], text[start:end], mark[1]]
                position = end
            rows.append({"id": unit.id, "matches": len(spans), "text": "".join([*marked, text[position:]])})
    if not rows:
        return None
    if args.output:
        return _render(rows, ("id", "matches", "text"), args.output)
    return "\n\n".join(
        f"[{r['id']}] {r['matches']} match(es)\n{textwrap.fill(str(r['text']), _WIDTH)}" for r in rows
    )


def _export(args: argparse.Namespace, decl: Declaration) -> str | None:
    from .export import FORMATS, write

    if FORMATS[args.format] and not args.output:
        raise ValueError(f"--format {args.format} writes a directory: give it with -o PATH")
    result = write(decl, args.format, args.output, overwrite=args.force)
    if args.output:
        print(f"wrote {args.format} to {args.output}", file=sys.stderr)
        return ""
    return str(result).rstrip("\n")


def _validate(args: argparse.Namespace, _: Declaration | None) -> str | None:
    from .loader import read_edition

    edition = read_edition(args.path)
    return f"{args.path}: valid ({sum(1 for _ in edition.records())} records)"


COMMANDS: dict[str, Callable[[argparse.Namespace, Any], str | None]] = {
    **dict.fromkeys(LISTINGS, _listing),
    "show": _show,
    "lookup": _lookup,
    "search": _search,
    "export": _export,
    "validate": _validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        decl = None if args.command == "validate" else declaration()
        text = COMMANDS[args.command](args, decl)
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
