"""One module per headless command: add_arguments(parser), run(args) -> int.

Their one-line help lives in cli.SHORT_HELP, so `planner-gui --help` imports none of them."""
