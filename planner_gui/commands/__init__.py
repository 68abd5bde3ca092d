"""One module per headless command: HELP, add_arguments(parser), run(args) -> int."""
