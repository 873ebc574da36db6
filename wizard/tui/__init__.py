"""The Textual front end: the only package in hip-wizard that imports textual.

It drives `wizard.walk.engine.Session` and shows what the session says; every decision lives in the engine and
the trees. Start it with `wizard.tui.app.run_app(args)`.
"""
