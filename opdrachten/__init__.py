"""The command-line shell (`vakwoorden ...`): the one layer that may use both the word library
(`vakwoorden/`) and the pipeline (`pipelines/`). Each module registers one subcommand."""
