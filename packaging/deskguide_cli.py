"""PyInstaller's entry script for `deskguide-cli` (console): the same main as `deskguide`."""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
