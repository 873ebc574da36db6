"""`python -m wizard` is the same program as `hip-wizard`."""

from .cli import main

raise SystemExit(main())
