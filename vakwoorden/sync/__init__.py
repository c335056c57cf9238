"""Learners' Anki sync accounts, Anki's own sync server, and pushing words to a learner's collection.

The `anki` package (AGPL) is never imported here: the server and everything that needs Anki's API
run as separate processes (``python -m anki.syncserver`` and the scripts in ``scripts/``).
"""
