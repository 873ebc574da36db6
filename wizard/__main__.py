"""`python -m wizard` is the same program as `hip-wizard`."""

from wizard.cli import main

raise SystemExit(main())
