"""Background work for inquiries, run by django-tasks (at once locally, by the db_worker in production)."""

from django_tasks import task

from .notifications import notify_inquiry, send_reply


@task()
def send_inquiry_emails(inquiry_id):
    return notify_inquiry(inquiry_id)


@task()
def send_reply_email(reply_id):
    return send_reply(reply_id)
