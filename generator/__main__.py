"""`python -m generator` is the same as the `watwerkt` command."""

from generator.cli import main

raise SystemExit(main())
