"""PyInstaller's entry script for `Deskguide` (windowed): the same main as `python -m desktop`."""
import sys

from desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
