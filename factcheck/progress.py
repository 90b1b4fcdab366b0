"""A progress bar for long runs: on a terminal, once a run has taken a second.

Nothing is shown (and Rich is not imported) for the runs that take less, which is
nearly all of them; a run over an archive of claims shows how far through each file
it is and how many claims it has checked.
"""

from __future__ import annotations

import time
from typing import Any


class Bar:
    def __init__(self, delay: float = 1.0, console: Any = None) -> None:
        self.delay = delay
        self.began = time.monotonic()
        self.console = console
        self.progress: Any = None
        self.task: Any = None

    def update(self, path: str, share: float, done: int) -> None:
        """Called by the engine as claims are checked: ``share`` of ``path`` read so far."""
        if self.progress is None:
            if time.monotonic() - self.began < self.delay:
                return
            # lazy: Rich only for a terminal report
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[claims]} claims"),
                TimeElapsedColumn(),
                console=self.console or Console(stderr=True),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task(path, total=1.0, claims="0")
        self.progress.update(self.task, completed=share, description=path, claims=f"{done:,}")

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
