import sys

from selfdata.cli import main

sys.exit(main())
