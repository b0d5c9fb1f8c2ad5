from django.db import migrations, models


class Migration(migrations.Migration):
    # Three steps, as Django's docs add a unique field to a table that has rows: without a default
    # here, then a key for each row (0005), then unique (0006).

    dependencies = [
        ("orders", "0003_paymentevent_processed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="sampleorder",
            name="key",
            field=models.UUIDField(editable=False, null=True, verbose_name="key"),
        ),
        migrations.AddField(
            model_name="sampleorder",
            name="payment_attempt",
            field=models.PositiveSmallIntegerField(default=0, editable=False, verbose_name="payment attempt"),
        ),
    ]
