import sys

from ubtui.cli import main

sys.exit(main())
