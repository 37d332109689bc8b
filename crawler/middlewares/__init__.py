"""Downloader middlewares: the URL guard and RFC 9309 robots.txt handling."""
