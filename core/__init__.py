"""What every layer of DocQA may import: the settings tree and the error hierarchy (nothing else, no I/O)."""
