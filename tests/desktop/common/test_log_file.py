"""desktop/common/log_file.py: what goes wrong is kept for IT in a rotating file."""
from __future__ import annotations

import logging

from desktop.common import log_file


def test_an_error_of_any_logger_lands_in_the_log_file_with_its_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv(log_file.ENV_DIR, str(tmp_path / "logs"))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = log_file.start_log_file()
        assert log_file.start_log_file() == path  # a second start adds no second handler
        assert len(root.handlers) == len(before) + 1
        try:
            raise OSError("disk I/O error")
        except OSError:
            logging.getLogger("desktop.gui.platform.store_worker").exception("a write failed")
        logging.getLogger("desktop").info("routine")  # below the file's level
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()
    assert path == tmp_path / "logs" / "deskguide.log"
    assert "ERROR desktop.gui.platform.store_worker: a write failed" in text
    assert "OSError: disk I/O error" in text
    assert "routine" not in text


def test_a_folder_that_cannot_be_made_means_no_log_and_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(log_file.ENV_DIR, str(blocker / "logs"))
    assert log_file.start_log_file() is None


def test_on_windows_the_log_is_in_the_user_s_local_app_data():
    windows = {"LOCALAPPDATA": r"C:\Users\anna\AppData\Local"}
    assert str(log_file.log_folder(windows, "win32")) == r"C:\Users\anna\AppData\Local\Deskguide\Logs"
    assert str(log_file.log_folder({**windows, log_file.ENV_DIR: r"D:\Logs"}, "win32")) == r"D:\Logs"
