"""`python -m desktop` opens the GUI."""
import sys

from desktop.app import main

sys.exit(main())
