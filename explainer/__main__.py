"""Entry point for `python -m explainer`."""

import sys

from explainer.cli import main

sys.exit(main())
