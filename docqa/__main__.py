"""`python -m docqa` is the `docqa` command."""
from docqa.cli import app

# Guarded: Dask's LocalCluster starts its workers by spawning, which imports the main module again.
if __name__ == "__main__":
    app()
