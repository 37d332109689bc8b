"""The bundled demo site: a deterministic generator, its expected records and a local server.

    site = ensure_site(300)                  # generated once, then reused
    with DemoServer(site) as server:         # http://127.0.0.1:<port>/
        expected = load_expected(site, server.base_url)
"""
from .expected import load_expected
from .generator import GENERATOR_VERSION, ensure_site, generate
from .server import DemoServer, serve_forever

__all__ = ["GENERATOR_VERSION", "DemoServer", "ensure_site", "generate", "load_expected",
           "serve_forever"]
