"""A fake outside service served on loopback from a thread of its own, for the tests."""

from __future__ import annotations

import asyncio
import threading

from aiohttp import web


class LoopbackService:
    """Serves `_app()` on 127.0.0.1:`port` between `start()` and `stop()` (subclasses give both)."""

    port: int
    _loop: asyncio.AbstractEventLoop | None = None

    def _app(self) -> web.Application:
        raise NotImplementedError

    def start(self) -> None:
        ready = threading.Event()

        def serve() -> None:
            loop = asyncio.new_event_loop()
            runner = web.AppRunner(self._app())
            loop.run_until_complete(runner.setup())
            loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
            self._loop = loop
            ready.set()
            loop.run_forever()

        threading.Thread(target=serve, daemon=True).start()
        ready.wait(10)

    def stop(self) -> None:
        if self._loop:
            self._loop.call_soon_threadsafe(self._loop.stop)
