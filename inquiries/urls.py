"""Buyer-facing inquiry URLs (inside the language prefix)."""

from django.urls import path

from . import views

app_name = "inquiries"
urlpatterns = [
    path("new/", views.new_inquiry, name="new"),
    path("thanks/<str:token>/", views.inquiry_thanks, name="thanks"),
]
