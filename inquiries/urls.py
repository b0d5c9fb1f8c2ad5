"""Buyer-facing inquiry URLs (inside the language prefix)."""

app_name = "inquiries"
urlpatterns = []
