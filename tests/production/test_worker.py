"""The django-tasks-db worker (`make worker`): tasks are stored when enqueued and run by db_worker."""

from io import BytesIO, StringIO

import pytest
from django_tasks import task
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage

from django.core import mail
from django.core.files.images import ImageFile
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Collection

# The worker closes its database connections when it stops, so the tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@task()
def send_welcome(address):
    mail.send_mail("Selamat datang", "Welcome to Etalase Malang", None, [address])
    return address


@pytest.fixture
def database_tasks(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def run_worker():
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO(), stderr=StringIO()
    )


def test_enqueued_task_waits_in_the_database_until_the_worker_runs_it(database_tasks):
    result = send_welcome.enqueue("buyer@example.com")

    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == "READY"
    assert mail.outbox == []  # nothing has run yet: the web request would already have answered

    run_worker()

    stored.refresh_from_db()
    assert stored.status == "SUCCESSFUL"
    assert [message.to for message in mail.outbox] == [["buyer@example.com"]]
    assert DBTaskResult.objects.ready().count() == 0


def test_worker_deletes_the_files_of_a_deleted_image(
    database_tasks, settings, django_capture_on_commit_callbacks
):
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), (90, 160, 60)).save(buffer, "PNG")
    if not Collection.objects.exists():  # a transactional test starts from an emptied database
        Collection.add_root(name="Root")
    image = get_image_model()(title="Batik", file=ImageFile(BytesIO(buffer.getvalue()), name="batik.png"))
    image.save()
    rendition = image.get_rendition("width-20")
    files = [settings.MEDIA_ROOT / image.file.name, settings.MEDIA_ROOT / rendition.file.name]
    assert all(path.exists() for path in files)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    # Wagtail queued the file deletions; the files stay until the worker runs.
    deletions = DBTaskResult.objects.filter(task_path="wagtail.tasks.delete_file_from_storage_task")
    assert deletions.ready().count() == 2
    assert all(path.exists() for path in files)
    run_worker()
    assert not any(path.exists() for path in files)
    assert deletions.successful().count() == 2
    assert DBTaskResult.objects.ready().count() == 0
