"""Staff replies from the console, shown in the applicant's open chat widget (socket.io).

The console stores a reply with the conversation's keyed hash (helpdesk.handoffs). Each Rasa server
looks every second for undelivered replies whose conversation has a session room on this server,
claims each (so one server delivers it once) and emits it there, marked as from staff. A reply for a
widget that is closed waits until the applicant opens it again (up to a day).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from helpdesk import handoffs

POLL_SECONDS = 1.0
logger = logging.getLogger(__name__)


class RoomHashes:
    """The keyed hashes of this server's session rooms, computed once per room."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}

    def current(self, sio: Any, namespace: str) -> dict[str, str]:
        """Conversation hash → room, for the rooms with someone in them now."""
        rooms = sio.manager.rooms.get(namespace, {})
        live = {room for room, members in rooms.items() if isinstance(room, str) and len(members)}
        self._known = {room: self._known.get(room) or handoffs.conversation_hash(room) for room in live}
        return {digest: room for room, digest in self._known.items()}


async def deliver_once(sio: Any, namespace: str, event: str, rooms: RoomHashes) -> int:
    """Deliver the pending replies whose conversation is open here; how many were delivered."""
    pending = await asyncio.to_thread(handoffs.undelivered)
    if not pending:
        return 0
    here = rooms.current(sio, namespace)
    delivered = 0
    for reply in pending:
        room = here.get(reply.conversation_hash)
        if room is None or not await asyncio.to_thread(handoffs.mark_delivered, reply.entry_id):
            continue
        await sio.emit(event, {"text": reply.text, "from_staff": True}, room=room, namespace=namespace)
        delivered += 1
    return delivered


async def deliver_forever(sio: Any, namespace: str, event: str) -> None:
    """The delivery loop a Rasa server runs beside its socket.io channel."""
    rooms = RoomHashes()
    while True:
        await asyncio.sleep(POLL_SECONDS)
        try:
            await deliver_once(sio, namespace, event, rooms)
        except SQLAlchemyError:
            logger.exception("could not deliver staff replies; trying again")
