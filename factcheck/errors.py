"""The project's own errors. Every message a user sees names a place and says what
would be right; nothing here prints."""

from __future__ import annotations

from factcheck.model import Hint, Span


class FactcheckError(Exception):
    """A user-facing error. ``str()`` gives ``path:line:col: message`` when placed."""

    def __init__(self, message: str, span: Span | None = None, code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.code = code

    def __str__(self) -> str:
        return f"{self.span}: {self.message}" if self.span else self.message


class ExprError(FactcheckError):
    """Something wrong inside an expression, at a character offset of its text.

    Raised by the tokenizer, the parser and the evaluator; the caller, which knows
    where the expression sits in the file, turns the offset into a Span.
    """

    def __init__(
        self,
        message: str,
        offset: int = 0,
        code: str = "expression",
        hints: tuple[Hint, ...] = (),
    ) -> None:
        super().__init__(message, None, code)
        self.offset = offset
        self.hints = hints


class UsageError(FactcheckError):
    """The command cannot run (exit code 2): a path that does not exist, an unwritable output."""
