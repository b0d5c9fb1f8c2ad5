"""Stripe webhook URL, outside the language prefix."""

from django.urls import path

from . import views

urlpatterns = [path("webhook/", views.stripe_webhook, name="stripe_webhook")]
