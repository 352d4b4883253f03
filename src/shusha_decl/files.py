"""Writing files without losing data: everything is encoded first, then each file replaced atomically.

A file is written to a temporary file beside it and renamed over its name, so a reader sees the old file
or the new one, never a part of either, and a failure leaves the old file as it was.  An existing file, or
a symbolic link, is replaced only when the caller asks for it (``overwrite=True``); a link is then replaced
by the new file, and what it pointed to is left alone.
"""

from __future__ import annotations

import os
import pathlib
import tempfile
from collections.abc import Mapping


def write_files(
    directory: str | os.PathLike[str], files: Mapping[str, bytes], *, overwrite: bool = False
) -> pathlib.Path:
    """Write each of *files* (name -> content) into *directory*, created if need be; return the directory.

    Raises:
        FileExistsError: a file of that name (or a link) is there and *overwrite* is false; nothing is
            written.
    """
    root = pathlib.Path(directory)
    if not overwrite:
        taken = sorted(name for name in files if os.path.lexists(root / name))
        if taken:
            raise FileExistsError(
                f"{root}: {', '.join(taken)} already there; not replaced (overwrite=True or --force replaces)"
            )
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        _replace(root / name, content)
    return root


def write_file(path: str | os.PathLike[str], content: bytes, *, overwrite: bool = False) -> pathlib.Path:
    """Write *content* to the file *path*; return the path.

    The file is written as [`write_files`][shusha_decl.files.write_files] writes each of its files.
    """
    target = pathlib.Path(path)
    write_files(target.parent, {target.name: content}, overwrite=overwrite)
    return target


def _replace(target: pathlib.Path, content: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(descriptor, 0o666 & ~_umask())  # mkstemp makes the file private; give it the usual mode
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)  # reading the mask means setting it: put it straight back
    os.umask(mask)
    return mask
