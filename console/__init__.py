"""The helpdesk staff console: a separate signed-in web app (aiohttp) on its own port."""
