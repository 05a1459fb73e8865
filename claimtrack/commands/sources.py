"""``claimtrack sources list | show ID | match TEXT [--registry FILE]``."""

from __future__ import annotations

import argparse
import sys

from claimtrack.commands.common import registry_from_args
from claimtrack.errors import InputError
from claimtrack.sources import builtin_registry, resolve, source_type
from claimtrack.sources.registry import Registry

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``sources`` subcommand."""
    p = sub.add_parser("sources", help="list, show and match entries of the source registry",
                       description="Inspect the source registry and test how a mention resolves.")
    p.add_argument("action", choices=("list", "show", "match"),
                   help="list: every entry; show ID: one entry; match TEXT: resolve a mention")
    p.add_argument("arg", nargs="?", metavar="ID|TEXT", help="the entry id (show) or mention (match)")
    p.add_argument("--registry", action="append", default=[], metavar="FILE",
                   help="an extra source-registry file (may be repeated)")
    p.add_argument("--kind", help="list: only entries of this kind (agency, ministry, ...)")
    p.set_defaults(func=run)


def _registry(args: argparse.Namespace) -> Registry:
    return registry_from_args(args) or builtin_registry()


def run(args: argparse.Namespace) -> int:
    """Run ``sources``; bad input raises :class:`InputError` (exit 1 with a message)."""
    reg = _registry(args)
    out = sys.stdout
    if args.action == "list":
        n = 0
        for e in sorted(reg, key=lambda e: e.id):
            if args.kind and e.kind != args.kind:
                continue
            out.write(f"{e.id}\t{e.kind}\t{e.country}\t{e.name}\t{e.ar[0]}\n")
            n += 1
        if args.kind and n == 0:
            raise InputError(f"no entry of kind {args.kind!r}; try e.g. --kind agency")
        return 0
    if not args.arg:
        raise InputError(f"'sources {args.action}' needs an argument: "
                         + ("an entry id, e.g. 'sources show sana'" if args.action == "show"
                            else "a mention, e.g. 'sources match \"وكالة سانا\"'"))
    if args.action == "show":
        found = reg.get(args.arg)
        if found is None:
            m = resolve(args.arg, registry=reg)
            hint = f"; did you mean {m.id!r}?" if m else "; 'claimtrack sources list' lists the ids"
            raise InputError(f"no registry entry {args.arg!r}{hint}")
        e = found
        out.write(f"id:        {e.id}\nname:      {e.name}\nkind:      {e.kind} ({e.type})\n"
                  f"country:   {e.country}\n")
        if e.alignment:
            out.write(f"alignment: {e.alignment}\n")
        if e.side:
            out.write(f"side:      {e.side}\n")
        for label, names in (("arabic", e.ar), ("latin", e.en), ("weak", e.weak),
                             ("context", e.context), ("domains", e.domains)):
            if names:
                out.write(f"{label + ':':10s} " + " | ".join(names) + "\n")
        out.write(f"defined:   {e.origin}\n")
        return 0
    m = resolve(args.arg, registry=reg)
    typ = source_type(args.arg, registry=reg)
    if m is None:
        out.write(f"no match\ttype={typ}\n")
        return 0
    out.write(f"{m.id}\t{m.name}\ttype={typ}\tmethod={m.method}\tscore={m.score:.1f}\n")
    return 0
