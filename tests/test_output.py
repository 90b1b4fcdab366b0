"""Reports are written whole or not at all."""

from __future__ import annotations

import os

import pytest

from factcheck.errors import UsageError
from factcheck.output import write_atomic


def test_writes_and_replaces(tmp_path):
    path = tmp_path / "r.json"
    write_atomic(path, "one")
    write_atomic(path, "two")
    assert path.read_text() == "two"
    assert os.listdir(tmp_path) == ["r.json"]


def test_a_failed_write_leaves_the_previous_report(tmp_path, monkeypatch):
    path = tmp_path / "r.json"
    path.write_text("previous")

    def broken_replace(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(UsageError, match="No space left"):
        write_atomic(path, "new")
    assert path.read_text() == "previous"
    assert os.listdir(tmp_path) == ["r.json"]


def test_an_interrupted_write_leaves_nothing_behind(tmp_path, monkeypatch):
    path = tmp_path / "r.json"
    path.write_text("previous")

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new")
    assert path.read_text() == "previous"
    assert os.listdir(tmp_path) == ["r.json"]


def test_missing_folders_of_a_new_report_are_made(tmp_path):
    write_atomic(tmp_path / "reports" / "2025" / "r.json", "x")
    assert (tmp_path / "reports" / "2025" / "r.json").read_text() == "x"
    assert os.listdir(tmp_path / "reports" / "2025") == ["r.json"]  # no temporary file left


def test_no_folder_is_made_under_a_file_or_through_a_broken_link(tmp_path):
    (tmp_path / "plain").write_text("a file")
    with pytest.raises(UsageError, match="plain is not a folder"):
        write_atomic(tmp_path / "plain" / "sub" / "r.json", "x")
    assert (tmp_path / "plain").read_text() == "a file"
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    with pytest.raises(UsageError, match="not a folder"):
        write_atomic(tmp_path / "gone" / "r.json", "x")
    (tmp_path / "dangling.json").symlink_to(tmp_path / "missing" / "r.json")
    with pytest.raises(UsageError, match="does not exist"):
        write_atomic(tmp_path / "dangling.json", "x")
    assert not (tmp_path / "nowhere").exists() and not (tmp_path / "missing").exists()

