"""FakeWindows: the facts a Windows machine gives (desktop/common/windows_facts.py
`WindowsFacts`, plus GetDriveTypeW for domain/store/file_system.py), as plain values, so
the Windows code paths run on Linux."""
from __future__ import annotations

from dataclasses import dataclass, field

DRIVE_FIXED, DRIVE_REMOTE = 3, 4  # GetDriveTypeW's answers for a local disk and a network drive


@dataclass
class FakeWindows:
    # HKLM subkey (as the app names it, e.g. r"SOFTWARE\Policies\Deskguide") -> {value name: value};
    # a key that is not here is missing. REG_SZ and REG_EXPAND_SZ are str, REG_DWORD int.
    registry: dict[str, dict[str, object]] = field(default_factory=dict)
    environ: dict[str, str] = field(default_factory=dict)
    ui_language: int | None = 0x0409  # en-US
    code_page: str = "cp1252"
    drives: dict[str, int] = field(default_factory=dict)  # "H:" -> DRIVE_REMOTE; others DRIVE_FIXED
    unreadable: dict[str, OSError] = field(default_factory=dict)  # HKLM subkey -> the error reading it gives
    asked: list[str] = field(default_factory=list)  # the drive roots GetDriveTypeW was asked about

    platform = "win32"

    def registry_values(self, key: str) -> dict[str, object] | None:
        if key in self.unreadable:
            raise self.unreadable[key]
        values = self.registry.get(key)
        return None if values is None else dict(values)

    def ui_language_id(self) -> int | None:
        return self.ui_language

    def ansi_code_page(self) -> str:
        return self.code_page

    def drive_type(self, root: str) -> int:
        self.asked.append(root)
        return self.drives.get(root.rstrip("\\").upper(), DRIVE_FIXED)
