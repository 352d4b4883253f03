"""Griffe extension for the API reference: the package's filter functions as the functions they are.

``shusha_decl.commitments`` and its siblings are made at import time by ``_filter_of_the_packaged``, which
gives each the signature (without ``self``) and the docstring of a collection's ``__call__``.  Read from the
source, they are plain assignments; this extension makes each one the function users call, so the reference
shows its arguments and their documentation.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_MADE_BY_HELPER = re.compile(r"""_filter_of_the_packaged\(['"](\w+)['"], (\w+)\.__call__\)""")


class PackagedFilters(griffe.Extension):
    """Turn ``name = _filter_of_the_packaged("name", Collection.__call__)`` into ``def name(...)``."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.path != "shusha_decl":
            return
        for name, member in list(pkg.members.items()):
            if member.is_alias or not member.is_attribute:
                continue
            made = _MADE_BY_HELPER.fullmatch(str(member.value))
            if not made or made.group(1) != name:
                continue
            method = pkg[made.group(2)]["__call__"]
            method = method.final_target if isinstance(method, griffe.Alias) else method
            docstring = method.docstring
            function = griffe.Function(
                name,
                lineno=member.lineno,
                endlineno=member.endlineno,
                parameters=griffe.Parameters(*list(method.parameters)[1:]),  # without self
                returns=method.returns,
                docstring=docstring
                and griffe.Docstring(
                    docstring.value,
                    lineno=docstring.lineno,
                    endlineno=docstring.endlineno,
                    parser=docstring.parser,
                    parser_options=docstring.parser_options,
                ),
            )
            pkg.set_member(name, function)
