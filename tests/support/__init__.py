"""Helpers test modules share (no tests here): import them, not another test module."""
