"""`watwerkt serve`: a live preview that rebuilds when content or vocabularies change."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import ipaddress
import os
import socket
import sys
from pathlib import Path

from generator.cli import EXIT_OK, EXIT_USAGE, add_common
from generator.renderers.mkdocs import runtime
from generator.renderers.mkdocs.run import pin_build_date, quiet_mkdocs, serve_preview

DEFAULT_ADDR = "127.0.0.1:8000"
ENV_ADDR = "WATWERKT_DEV_ADDR"


def dev_address(text: str) -> tuple[str, int]:
    """'HOST:PORT' as MkDocs' server takes it (localhost, an IPv4 address or [an IPv6 one]),
    or argparse.ArgumentTypeError with a Dutch message."""
    example = f"bijvoorbeeld {DEFAULT_ADDR} of localhost:8001"
    host, colon, port = text.strip().rpartition(":")
    if not colon or not host:
        raise argparse.ArgumentTypeError(f"'{text}' is geen adres van de vorm ADRES:POORT, "
                                         f"{example}.")
    if host != "localhost":
        try:
            ipaddress.ip_address(host[1:-1] if host.startswith("[") else host)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"'{host}' in '{text}' is geen IP-adres en niet 'localhost'; {example}.") from None
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(
            f"'{port}' in '{text}' is geen poortnummer (een getal van 1 tot en met 65535); "
            f"{example}.")
    return host, int(port)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common(parser)
    parser.add_argument("--dev-addr", type=dev_address, metavar="ADRES:POORT",
                        help=f"waar de voorvertoning luistert (standaard {DEFAULT_ADDR}, of "
                             f"de omgevingsvariabele {ENV_ADDR})")


def address_taken(host: str, port: int) -> OSError | None:
    """The error a server would get binding HOST:PORT now (None when it is free)."""
    bare = host[1:-1] if host.startswith("[") else host
    try:
        family, kind, proto, _name, where = socket.getaddrinfo(
            bare, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            # As the preview's server does: a port in TIME_WAIT counts as free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(where)
    except OSError as exc:
        return exc
    return None


def free_neighbour(host: str, port: int) -> int | None:
    """The first free port after PORT (a few tries), to suggest."""
    for candidate in range(port + 1, min(port + 20, 65536)):
        if address_taken(host, candidate) is None:
            return candidate
    return None


def address_problem(host: str, port: int, error: OSError) -> str:
    """Why the preview cannot listen on HOST:PORT, and how to choose another, in Dutch."""
    addr = f"{host}:{port}"
    if error.errno != errno.EADDRINUSE:
        return (f"de voorvertoning kan niet luisteren op {addr} ({error.strerror or error}). "
                f"Kies een ander adres met --dev-addr, bijvoorbeeld --dev-addr {DEFAULT_ADDR}.")
    other = free_neighbour(host, port)
    suggestion = f"{host}:{other}" if other else f"{host}:{port + 1 if port < 65535 else 8000}"
    return (f"het adres {addr} is al in gebruik: daar luistert al een ander programma (misschien "
            f"een voorvertoning die nog draait; stop die met Ctrl+C in haar venster). Kies een "
            f"andere poort: watwerkt serve --dev-addr {suggestion} (of met "
            f"python3 scripts/start.py -- serve --dev-addr {suggestion}, of zet "
            f"{ENV_ADDR}={suggestion}).")


def run(args: argparse.Namespace, root: Path, build_date: dt.date) -> int:
    try:
        runtime.activate()
    except runtime.RuntimeMissing as exc:
        print(f"watwerkt: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not (root / "mkdocs.yml").is_file():
        print(f"watwerkt: in '{root}' staat geen mkdocs.yml.", file=sys.stderr)
        return EXIT_USAGE
    address = args.dev_addr
    if address is None:
        try:
            address = dev_address(os.environ.get(ENV_ADDR) or DEFAULT_ADDR)
        except argparse.ArgumentTypeError as exc:
            print(f"watwerkt serve: fout in de omgevingsvariabele {ENV_ADDR}: {exc}",
                  file=sys.stderr)
            return EXIT_USAGE
    host, port = address
    taken = address_taken(host, port)
    if taken is not None:
        print(f"watwerkt serve: {address_problem(host, port, taken)}", file=sys.stderr)
        return EXIT_USAGE
    if args.today:
        pin_build_date(build_date)
    # Dutch log lines, with the rebuilds; MkDocs' warning that a dirty build may leave the
    # navigation stale is dropped: our pages are compared whole
    # (WatWerktPlugin._unchanged_pages), so it would only alarm editors.
    quiet_mkdocs(show_progress=True)
    print(f"Voorvertoning op http://{host}:{port}/ zodra de site gebouwd is (stoppen met "
          "Ctrl+C). De site wordt opnieuw gebouwd zodra u een interventie, dossier of "
          "vocabularies.yml opslaat.", flush=True)
    try:
        serve_preview(root / "mkdocs.yml", f"{host}:{port}")
    except KeyboardInterrupt:
        # Ctrl+C during the first build (MkDocs catches it itself once the server runs).
        pass
    except OSError as exc:
        # Taken during the first build, after the check above.
        print(f"watwerkt serve: {address_problem(host, port, exc)}", file=sys.stderr)
        return EXIT_USAGE
    print("Voorvertoning gestopt.", flush=True)
    return EXIT_OK
