"""One module per `watwerkt` command: `add_arguments(parser)` and `run(args, root, date)`."""
