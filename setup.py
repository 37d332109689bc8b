"""For scrapyd-deploy, which builds its egg with `setup.py bdist_egg`; the metadata, packages
and the `scrapy` entry point scrapyd looks for are all in pyproject.toml."""
from setuptools import setup

setup()
