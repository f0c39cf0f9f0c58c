"""The helpbot action server: one custom action per module, each thin."""
