"""Applications from the HR export: import, verified status look-ups, transcript decisions."""
