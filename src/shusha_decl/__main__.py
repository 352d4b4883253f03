"""``python -m shusha_decl``: the ``shusha-decl`` command."""

import sys

from .cli import main

sys.exit(main())
