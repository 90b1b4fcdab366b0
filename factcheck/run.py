"""One run of the checker: its options (``RunOptions``) and the state it owns (``Run``).

A run is made where a run starts (``engine.run``, ``verify.verify`` for the command
line, ``engine.check_document`` for a document already loaded), handed down to what
needs it, and dropped when it ends. It owns everything a run may change or remember:

- its **budgets**: the steps a report shows (``steps.Budget``), the closest-passage
  search (``anchor.locate.Budget``), each whole at its first use;
- its **readings**: each draft read once (however many claims files share it), and
  the last draft's figures and folded text, read once and shared by inference and
  anchoring; the filings its facts name, read once;
- the **files it read** (claims, drafts, included facts, filings): no report of the run
  may replace one of them;
- the short expression texts its claims share (one object for each).

No module global changes during a run: a second run in the same process starts from
nothing the first one left (``tests/test_run_state.py`` holds them to it).

The loaders below the engine are not handed the run (the YAML reader opens files and
reads filings many calls deep): while a run is active (``with run:``) they find it with
``current()``; outside any run (a library caller's ``load``) they work without one.
This module imports nothing of factcheck at run time, so that any layer may import it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar, Token
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.draft import Draft
    from factcheck.model import Expr, Problem
    from factcheck.prose import Mention


@dataclass(frozen=True)
class RunOptions:
    """What the run is asked to do, the same for every file it checks."""

    #: ``--only``: claim ids or tags (``written``, ``inferred`` select by origin)
    only: tuple[str, ...] = ()
    #: ``--draft``: the draft to anchor the claims in, instead of the file's ``article.draft``
    draft: str | None = None
    #: ``--require-coverage``: a figure of the draft no claim covers is a failure
    require_coverage: bool = False
    #: keep what only some reports show (each claim's steps, the draft's text and figures)
    detail: bool = False
    #: check the relations drafts state (None: for a bare draft yes, for a claims file
    #: as its ``settings.infer`` says)
    infer: bool | None = None
    #: the article's date when neither the draft nor the claims file gives one
    as_of: date | None = None
    #: ``--strict``: an inferred claim that holds only through its inputs' rounding is a warn
    strict: bool = False
    #: ``--filing``: the filings every draft's figures are traced to (``factcheck.trace``)
    filings: tuple[str, ...] = ()
    #: ``[trace.concepts]``: words (and concepts) added to the bundled table
    trace_concepts: Any = None


B = TypeVar("B")

#: a read draft, by real path, size, modification time and the name it is shown by
DraftKey = tuple[str, int, int, "str | None"]


class Run:
    """The state of one run (see the module's docstring); ``with run:`` makes it the
    run ``current()`` finds, until the block ends."""

    def __init__(self, options: RunOptions | None = None,
                 progress: Callable[[str, float, int], None] | None = None) -> None:
        self.options = options or RunOptions()
        #: ``progress(path, share of the file read, claims checked)``, called as claims are
        self.progress = progress
        #: every file the run opened to read, in order
        self.files_read: list[str] = []
        #: filings by resolved path: ((mtime, size), the filing or why not) (``load.filings``)
        self.filings: dict[str, tuple[tuple[int, int], Any]] = {}
        #: drafts read (``draft.read_once``): the draft or why not
        self.drafts: dict[DraftKey, tuple[Draft | None, Problem | None]] = {}
        #: the last draft's figures, and its folded text (``anchor.cover``), by the draft's
        #: id: claims files that share a draft come one after another
        self.figures: dict[int, tuple[Draft, list[Mention]]] = {}
        self.readings: dict[int, tuple[Any, ...]] = {}
        #: short expression texts, one object each (``engine``)
        self.bare_exprs: dict[tuple[str, bool], Expr] = {}
        self._budgets: dict[type, Any] = {}
        self._tokens: list[Token[Run | None]] = []

    def budget(self, kind: type[B]) -> B:
        """The run's budget of this kind, whole at its first use."""
        found = self._budgets.get(kind)
        if found is None:
            found = self._budgets[kind] = kind()
        return cast(B, found)

    def __enter__(self) -> Self:
        self._tokens.append(_CURRENT.set(self))
        return self

    def __exit__(self, *exc: object) -> None:
        _CURRENT.reset(self._tokens.pop())


#: the active run (``with run:``); a context variable, not a global the run changes
_CURRENT: ContextVar[Run | None] = ContextVar("factcheck_run", default=None)


def current() -> Run | None:
    """The run under way, or None (a library caller loading a file outside any run)."""
    return _CURRENT.get()
