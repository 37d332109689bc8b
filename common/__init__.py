"""What crawler/, pipelines/ and cleaners/ share, and a scheduler or a user sees: the
HEALTHCRAWL_* settings with their defaults (default_settings.py), the Scrapy stats keys and
latency buckets (keys.py), the exit codes (exits.py) and the UTC clock (clock.py).

Plain data and small pure functions: it imports nothing from crawler/, pipelines/ or
cleaners/, nor Scrapy, so every package (spiders included) may import it.
"""
