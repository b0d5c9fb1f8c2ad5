"""Buyer-facing sample box, checkout and order-status URLs (inside the language prefix)."""

from django.urls import path

from . import views

app_name = "orders"
urlpatterns = [
    path("samples/", views.sample_box, name="box"),
    path("samples/add/", views.add_sample, name="add"),
    path("samples/state/", views.visitor_state, name="state"),
    path("samples/update/", views.update_sample, name="update"),
    path("samples/remove/", views.remove_sample, name="remove"),
    path("samples/checkout/", views.checkout, name="checkout"),
    path("orders/<str:token>/", views.order_detail, name="order_detail"),
    path("orders/<str:token>/pay/", views.pay_order, name="pay"),
]
