"""`python -m docqa` is the `docqa` command."""
from docqa.cli import app

app()
