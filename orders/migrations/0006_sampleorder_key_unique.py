import uuid

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("orders", "0005_sampleorder_key_values"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sampleorder",
            name="key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="key"),
        ),
    ]
