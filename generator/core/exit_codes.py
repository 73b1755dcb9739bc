"""The exit codes of every command, here so that a renderer can end a build with the same codes
as the command line without importing it (imports point from cli down to core, never back)."""

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
