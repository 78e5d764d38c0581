"""``python -m studio``: start the studio on 127.0.0.1 with usage statistics off (see :mod:`studio.server`)."""

from __future__ import annotations

import sys

from studio.server import main

if __name__ == "__main__":
    sys.exit(main())
