from django.db import migrations, models


def mark_applied_events_processed(apps, schema_editor):
    # Events already past "received" were applied; without this the sweep would apply them again.
    PaymentEvent = apps.get_model("orders", "PaymentEvent")
    PaymentEvent.objects.exclude(result="received").update(processed_at=models.F("received_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("orders", "0002_payment_email_attempts"),
    ]

    operations = [
        migrations.AddField(
            model_name="paymentevent",
            name="processed_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True),
        ),
        migrations.RunPython(mark_applied_events_processed, migrations.RunPython.noop),
    ]
