"""pint, imported once, without the optional libraries it would bring that factcheck never uses.

At its own import pint imports numpy, Babel, uncertainties and SciPy when they are
installed, for arrays, locales and errors of measurement: numpy alone costs 0.1 to 0.2 s
of a run, and a newsroom's Python often has it. The console script's process is
factcheck's own, so there pint is imported without them (``console()``, called by
``factcheck.cli.entry`` before anything else). A program that imports factcheck may use
pint with numpy itself, so a plain import leaves pint as it is.
"""

from __future__ import annotations

import sys
from typing import Any, cast

#: what pint looks for at its import, and factcheck does not need
EXTRAS = ("numpy", "babel", "uncertainties", "scipy")

_CONSOLE = [False]


def console() -> None:
    """The process is the console script's: pint is imported without ``EXTRAS``."""
    _CONSOLE[0] = True


def import_pint() -> Any:
    """The pint module; in the console script, imported with ``EXTRAS`` hidden (each an
    ImportError, which pint expects of a library that is not installed)."""
    hidden = [name for name in EXTRAS if name not in sys.modules] if _CONSOLE[0] else []
    modules = cast(dict[str, Any], sys.modules)
    for name in hidden:
        modules[name] = None
    try:
        # lazy: pint (~0.1 s) only when a unit is computed
        import pint
    finally:
        for name in hidden:
            if name in modules and modules[name] is None:
                del modules[name]
    return pint
