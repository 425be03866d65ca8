"""Deadlines on the Lavi calendar: accord's array form against pandas and businesstimedelta."""
