"""``python -m kg.cli`` runs the ``kg`` command."""

import sys

from kg.cli import run

sys.exit(run())
