import uuid

from django.db import migrations


def give_each_order_a_key(apps, schema_editor):
    SampleOrder = apps.get_model("orders", "SampleOrder")
    for order in SampleOrder.objects.filter(key__isnull=True).only("pk"):
        SampleOrder.objects.filter(pk=order.pk).update(key=uuid.uuid4())


class Migration(migrations.Migration):

    dependencies = [
        ("orders", "0004_sampleorder_key"),
    ]

    operations = [
        migrations.RunPython(give_each_order_a_key, migrations.RunPython.noop),
    ]
