from __future__ import annotations

import sys

from dashboard.cli.main import main

sys.exit(main())
