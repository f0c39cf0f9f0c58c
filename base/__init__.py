"""The shared base every package may use: settings from the environment, and the database engine."""
