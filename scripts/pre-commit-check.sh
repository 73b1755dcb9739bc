#!/bin/sh
# The pre-commit hook (.pre-commit-config.yaml): the content check as strict as the pull
# request's build, which fails on warnings too. pre-commit runs it from the repository's root.
# It uses the project's own .venv/ (made by the README's first command, scripts/start.py) when
# it is there, activated or not: a `watwerkt` elsewhere on PATH may be an old install of
# another checkout. Else `watwerkt` on PATH, else this project's generator if Python can import
# it (an editor's Python); without any it says in Dutch how to install it, instead of
# pre-commit's English "Executable `watwerkt` not found".
if [ -x .venv/bin/watwerkt ]; then
    exec .venv/bin/watwerkt check --strict "$@"
fi
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

    python3 scripts/start.py --install-only

en probeer de commit daarna opnieuw. Zie CONTRIBUTING.md, '\''Op je eigen computer'\''.
' >&2
exit 1
