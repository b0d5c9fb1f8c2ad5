"""Buyer-facing sample box, checkout and order-status URLs (inside the language prefix)."""

app_name = "orders"
urlpatterns = []
