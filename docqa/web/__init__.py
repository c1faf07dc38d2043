"""`docqa serve`: a reviewer's web app over the same parser, rules, reports and answers as the CLI.
Imports nothing heavy: the CLI loads this package to register the command."""
