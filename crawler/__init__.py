"""Everything that talks HTTP: settings, spiders, site profiles, items, command line."""
