"""Tests of the inquiries app: buyer form, notifications, admin inbox."""
