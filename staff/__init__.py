"""Helpdesk staff: accounts, sign-in (passwords, Entra ID), sessions, throttling and the audit log."""
