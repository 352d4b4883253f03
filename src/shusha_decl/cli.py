"""The ``shusha-decl`` command: read the declaration and its commitments from a terminal.

Exit status: 0 when something was printed, 1 when nothing matched, 2 for a
usage or data error (with the message on standard error, no traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence

from . import declaration
from .edition import Declaration
from .model import Commitment

__all__ = ["main"]

EXAMPLES = """\
examples:
  shusha-decl commitments --topic defense-and-security
  shusha-decl commitments --topic energy --modality undertaking --modality endeavour
  shusha-decl commitments --party AZ --text terrorism
  shusha-decl show para_9
  shusha-decl lookup Nakhichevan
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shusha-decl",
        description="The Shusha Declaration on Allied Relations (Azerbaijan and Turkey, 15 June 2021).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    found = commands.add_parser("commitments", help="list the commitments that match every filter given")
    for option, help_text in [
        ("--topic", "a topic or category slug, e.g. energy, defense-and-security"),
        ("--party", "a party making the commitment: AZ, TR, or any of their names"),
        ("--modality", "undertaking, endeavour or declaration"),
        ("--mentions", "an agreement, organisation, place or person it names"),
        ("--text", "words in its text (case and diacritics ignored)"),
    ]:
        found.add_argument(option, action="append", help=f"{help_text}; repeat to match any")
    show = commands.add_parser("show", help="print the declaration, or one record by id")
    show.add_argument("id", nargs="?", help="a record id, e.g. para_9 or preamble__recs__rec_3")
    lookup = commands.add_parser("lookup", help="find a party or entity by name, alias or acronym")
    lookup.add_argument("name")
    return parser


def _format_commitment(commitment: Commitment) -> str:
    coding = (
        f"[{commitment.modality.value}; {', '.join(commitment.topics)}; by {'+'.join(commitment.actors)}]"
    )
    body = textwrap.fill(commitment.text, width=100, initial_indent="  ", subsequent_indent="  ")
    return f"{commitment.id} {coding}\n{body}"


def _run(args: argparse.Namespace, decl: Declaration) -> list[str]:
    if args.command == "commitments":
        criteria = {k: getattr(args, k) for k in ("topic", "party", "modality", "mentions", "text")}
        return [_format_commitment(c) for c in decl.commitments(**criteria)]
    if args.command == "lookup":
        entity = decl.lookup(args.name)
        return [f"{entity.id}\t{type(entity).__name__}\t{entity.name}"]
    if args.id is None:
        return [decl.title, "", decl.text]
    record = decl.get(args.id)
    return [f"{record.id}\t{type(record).__name__}", getattr(record, "text", None) or repr(record)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        lines = _run(args, declaration())
    except (LookupError, ValueError, TypeError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) else exc
        print(f"shusha-decl: {message}", file=sys.stderr)
        return 2
    if not lines:
        print("shusha-decl: nothing matched", file=sys.stderr)
        return 1
    try:
        print("\n\n".join(lines) if args.command == "commitments" else "\n".join(lines), flush=True)
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
