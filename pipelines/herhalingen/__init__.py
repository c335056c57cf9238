"""Learners' Anki reviews -> vaktaal mastery per word (issue 14). Declared in ``bron.py``."""
