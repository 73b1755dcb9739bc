#!/bin/sh
# The pre-commit hook (.pre-commit-config.yaml): the content check as strict as the pull
# request's build, which fails on warnings too. It uses `watwerkt` when it is on PATH, else
# this project's generator if Python can import it (a virtualenv that is not activated, an
# editor's Python); without either it says in Dutch how to install it, instead of pre-commit's
# English "Executable `watwerkt` not found".
if command -v watwerkt >/dev/null 2>&1; then
    exec watwerkt check --strict "$@"
fi
for python in python3 python; do
    if command -v "$python" >/dev/null 2>&1 \
            && "$python" -c "import generator.cli" >/dev/null 2>&1; then
        exec "$python" -m generator check --strict "$@"
    fi
done
# printf is a shell builtin: the hint shows even when PATH holds nothing at all.
printf '%s' 'De controle van Wat Werkt kan niet draaien: het programma '\''watwerkt'\'' is niet geïnstalleerd
(of je virtuele omgeving staat niet aan).
Installeer het eenmalig in de map van het project met:

    pip install -e .

en probeer de commit daarna opnieuw. Zie CONTRIBUTING.md, '\''Op je eigen computer'\''.
' >&2
exit 1
