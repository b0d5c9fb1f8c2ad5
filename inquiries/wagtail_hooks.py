"""Admin wiring for inquiries: the scoped inbox, its permission policy and the dashboard count."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.permissions import register_permission_policy

from .admin_views import InquiryViewSet
from .models import Inquiry, InquiryStatus
from .permissions import InquiryPermissionPolicy, scoped_inquiries

register_permission_policy(Inquiry, InquiryPermissionPolicy(Inquiry), exact_class=True)


@hooks.register("insert_global_admin_css")
def admin_listings_css():
    # Phone-width listings (inbox and sample orders) and the inquiry's conversation view.
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-listings.css"))


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return InquiryViewSet()


class NewInquiriesSummaryItem(SummaryItem):
    order = 150
    template_name = "inquiries/admin/summary_item.html"

    def get_context_data(self, parent_context):
        new = scoped_inquiries(self.request.user).filter(status=InquiryStatus.NEW)
        return {"new_count": new.count()}

    def is_shown(self):
        policy = InquiryPermissionPolicy(Inquiry)
        return policy.user_has_permission(self.request.user, "view")


@hooks.register("construct_homepage_summary_items")
def add_new_inquiries_summary(request, summary_items):
    summary_items.append(NewInquiriesSummaryItem(request))


@hooks.register("vendor_dashboard_counts")
def new_inquiries_count(user):
    """The maker's dashboard panel links to its new inquiries (catalog.admin_views)."""
    return {
        "new_inquiries": scoped_inquiries(user).filter(status=InquiryStatus.NEW).count(),
        "inquiries_url": reverse("inquiry_admin:index") + "?status=new",
    }


@hooks.register("seed_demo")
def add_demo_inquiries(stdout):
    from .demo import create_demo_inquiries

    created = create_demo_inquiries()
    if created:
        stdout.write(f"Demo inquiries: {created} created.")
