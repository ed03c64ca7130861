"""``python -m foi_core``: see foi_core.cli."""

import sys

from foi_core.cli import main

sys.exit(main())
