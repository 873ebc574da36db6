"""Small widgets shared by the screens; each shows tree text only through `safe_text.literal`."""
