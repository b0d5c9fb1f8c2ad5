"""Tests of stories, collections, events, their feeds and the editorial workflow."""
