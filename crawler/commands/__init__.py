"""One module per `healthcrawl` subcommand."""
