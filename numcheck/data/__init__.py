"""Data files users may extend: measures, actors, places, vague amounts (TOML)."""
