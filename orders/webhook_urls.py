"""Stripe webhook URL, outside the language prefix."""

urlpatterns = []
