"""Two tiny jobs for the crashed-run test (test_runbewaking.py): one that sleeps, one that is quick."""

import time

from dagster import Definitions, in_process_executor, job, op


@op
def lang_werk() -> None:
    time.sleep(300)


@op
def kort_werk() -> int:
    return 1


@job(executor_def=in_process_executor)
def slapen() -> None:
    lang_werk()


@job(executor_def=in_process_executor)
def snel() -> None:
    kort_werk()


defs = Definitions(jobs=[slapen, snel])
