"""`hip-wizard serve`: the same Textual app in a browser, served by textual-serve (imported only here)."""
