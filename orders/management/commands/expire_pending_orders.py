"""Expire the sample orders left waiting for a payment that never came (a buyer who closed Stripe's
page, a checkout killed midway), so the trade office's list holds only orders still in play."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from orders.models import OrderStatus, SampleOrder


class Command(BaseCommand):
    help = "Mark sample orders unpaid for ORDER_PENDING_MAX_AGE_HOURS as expired (safe to run again)."

    def handle(self, *args, **options):
        hours = settings.ORDER_PENDING_MAX_AGE_HOURS
        stale = SampleOrder.objects.filter(
            status=OrderStatus.PENDING_PAYMENT, created_at__lt=timezone.now() - timedelta(hours=hours)
        )
        expired = 0
        for pk in stale.values_list("pk", flat=True):
            with transaction.atomic():
                # Locked and read again, as the webhook does: a payment applied meanwhile stays paid.
                order = SampleOrder.objects.select_for_update().filter(pk=pk).first()
                if order is None or order.status != OrderStatus.PENDING_PAYMENT:
                    continue
                order.status = OrderStatus.EXPIRED
                order.save(update_fields=["status"])
                log(order, "orders.expire", data={"hours": hours})
                expired += 1
        self.stdout.write(_("Expired orders: %(expired)s") % {"expired": expired})
