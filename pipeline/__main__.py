"""``python -m pipeline``: the same command line as the ``pipeline`` console script."""
from .cli import main

if __name__ == "__main__":
    main()
