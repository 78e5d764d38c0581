"""Preferences: pairing scored candidates, fusing metric scores, and exporting pairs for other tools."""
