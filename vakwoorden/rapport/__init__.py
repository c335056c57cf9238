"""Printable HTML reports: one per learner for the jobcoach, and a shareable gemeente overview."""
