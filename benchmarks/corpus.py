"""The generated benchmark corpus (``python -m benchmarks.corpus N --words W -o out.jsonl``).

The generator lives in the package (:mod:`whimbrel.demo.generate`) so that an installed
``whimbrel bench`` has it too; this module keeps the script entry point beside the other
benchmarks.
"""

from whimbrel.demo.generate import generate, generate_one, main

__all__ = ["generate", "generate_one", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
