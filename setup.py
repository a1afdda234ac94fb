"""The build compiles the translations (issue 18): the .po sources become .mo catalogues
inside the wheel, so `pip install .`, a wheel built from the sdist and the bundle all speak
Swedish, Norwegian, Danish and Finnish (the .mo files are build output, not in git).
Everything else about the package is in pyproject.toml."""
from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DOMAIN = "deskguide"  # resources/catalogues.py; not imported: the build runs before the package is installable


class build_py_with_catalogues(build_py):  # noqa: N801 - setuptools' command naming
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        source = Path(__file__).resolve().parent / "resources" / "translations"
        for po in sorted(source.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            target = Path(self.build_lib) / "resources" / "translations" / po.relative_to(source).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as readable:
                catalogue = read_po(readable, locale=po.parts[-3])
            with target.open("wb") as writable:
                write_mo(writable, catalogue)  # fuzzy entries left out, as pybabel compile does


setup(cmdclass={"build_py": build_py_with_catalogues})
