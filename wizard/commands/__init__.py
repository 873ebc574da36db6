"""Commands: the code between argparse (cli.py) and the core, one module per subcommand that needs more than a call."""
