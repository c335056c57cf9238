"""Printable reports as assets: one per learner with a running placement, and the gemeente overview."""
