from __future__ import annotations

from dashboard.cli.main import exit_now, main

exit_now(main())
