"""Data of the acled-dev gold set (see README.md here); no code."""
