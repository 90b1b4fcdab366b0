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
        #: the place the evaluator gives the error (a fact's own expression), when not the offset's
        self.where: Span | None = None


class UsageError(FactcheckError):
    """The command cannot run (exit code 2): a path that does not exist, an unwritable output."""


class LoadError(FactcheckError):
    """A file that cannot be read as a whole (too large, not a file, broken YAML), at a
    line and column of it; the reader turns it into the file's one Problem."""

    def __init__(self, line: int, col: int, code: str, message: str) -> None:
        super().__init__(message, None, code)
        self.line, self.col = line, col


class ComputeError(ArithmeticError):
    """A value that cannot be computed, with the code a report files it under. The
    evaluator places every one of these at the part of the expression that raised it."""

    code = "units"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class QuantityError(ComputeError):
    """Units that do not combine, a missing rate, a number that cannot be computed."""

    def __init__(self, message: str, code: str = "units") -> None:
        super().__init__(message, code)


class FunctionError(ComputeError):
    """A function cannot compute from these arguments; ``arg`` is the culprit's index."""

    def __init__(
        self, message: str, arg: int | None = None, code: str = "function", hints: tuple[Hint, ...] = ()
    ) -> None:
        super().__init__(message, code)
        self.arg = arg
        self.hints = hints


class TooLarge(ComputeError):
    """A number outgrew interval.MAX_BITS."""

    code = "too-large"
