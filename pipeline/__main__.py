"""python -m pipeline: the factsheets command line."""
from .cli import main

main()
