"""The real servers the tests start (tests/servers.py) work and are reachable on 127.0.0.1
only; what they serve is tested by the store and frontier tests."""
from __future__ import annotations

import psycopg
import pytest

pytestmark = pytest.mark.slow


def test_postgres_server_answers_and_hands_out_empty_databases(postgres_server) -> None:
    first, second = postgres_server.create_database(), postgres_server.create_database()
    assert first != second and "127.0.0.1" in first
    with psycopg.connect(first, autocommit=True) as conn:
        assert conn.info.port == postgres_server.port
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone() == (0,)
        conn.execute("CREATE TABLE t (x int)")
        assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
    with psycopg.connect(second) as conn:  # databases do not share tables
        assert conn.execute("SELECT to_regclass('t')").fetchone() == (None,)
    for url in (first, second):
        postgres_server.drop_database(url)


def test_redis_server_answers_and_persists_writes(redis_server) -> None:
    import redis

    client = redis.Redis.from_url(redis_server.url)
    try:
        assert client.ping()
        client.rpush("healthcrawl:test", "a", "b")
        assert client.lrange("healthcrawl:test", 0, -1) == [b"a", b"b"]
        assert client.config_get("appendonly") == {"appendonly": "yes"}
        assert client.config_get("bind")["bind"] == "127.0.0.1"
    finally:
        client.delete("healthcrawl:test")
        client.close()
