from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "inquiries"
    default_auto_field = "django.db.models.BigAutoField"
