"""Onboarding an SME: its maker page, image collection, group, permissions and owner account, in one step.

One idempotent service shared by the `onboard_vendor` command and the curators' admin form, so a
maker onboarded either way ends up with exactly the same access, and running it again repairs
instead of duplicating.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
)
from wagtail.users.models import UserProfile

from storefront.mail import subject_line
from storefront.translation import create_locale_copies

from .models import District, Sector, VendorIndexPage, VendorPage
from .permissions import CURATORS_GROUP, is_curator, vendors_for_user

VENDOR_GROUP_PREFIX = "Vendor: "
VENDOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
VENDOR_IMAGE_PERMISSIONS = ["add_image", "choose_image", "change_image"]
VENDOR_DOCUMENT_PERMISSIONS = ["add_document", "choose_document", "change_document"]
# Scans of makers' certificates: one private collection per maker below this one.
PRIVATE_DOCUMENTS = "Makers' private documents"
VENDOR_LANGUAGE = "id"
BRAND_MAX_LENGTH = 100


class OnboardingError(ValueError):
    """Input the service refuses, with a message fit to show the curator as it is."""


@dataclass
class Onboarded:
    vendor: VendorPage
    user: object
    group: Group
    collection: Collection
    created: bool
    documents: Collection  # the private one, for certificate scans


def group_name(brand_name):
    return f"{VENDOR_GROUP_PREFIX}{brand_name}"


def _clean(brand_name, email, district, sector):
    brand_name = " ".join((brand_name or "").split())
    email = (email or "").strip().lower()
    if not brand_name or not slugify(brand_name):
        raise OnboardingError(_("Give the maker's brand name."))
    if len(brand_name) > BRAND_MAX_LENGTH:
        raise OnboardingError(_("A brand name has at most %(max)d characters.") % {"max": BRAND_MAX_LENGTH})
    try:
        validate_email(email)
    except ValidationError as error:
        raise OnboardingError(_("“%(email)s” is not a valid e-mail address.") % {"email": email}) from error
    if district not in District.values:
        raise OnboardingError(
            _("Unknown district “%(value)s”; choose one of: %(choices)s.")
            % {"value": district, "choices": ", ".join(District.values)}
        )
    if sector not in Sector.values:
        raise OnboardingError(
            _("Unknown sector “%(value)s”; choose one of: %(choices)s.")
            % {"value": sector, "choices": ", ".join(Sector.values)}
        )
    return brand_name, email, district, sector


def _makers_index():
    index = VendorIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise OnboardingError(_("There is no makers index page yet: create the site first (seed_demo)."))
    return index


def _collection(brand_name):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=brand_name).first() or root.add_child(name=brand_name)


def _documents_collection(group, brand_name):
    """The maker's private documents: the collection its group was given, or a new one.

    Only the maker's group and the curators may open what is in it (a view restriction that
    Wagtail's document view enforces), and only they may choose it for a certificate.
    """
    granted = (
        GroupCollectionPermission.objects.filter(
            group=group, permission__content_type__app_label="wagtaildocs"
        )
        .select_related("collection")
        .first()
    )
    if granted is not None:
        collection = granted.collection
    else:
        root = Collection.get_first_root_node()
        parent = root.get_children().filter(name=PRIVATE_DOCUMENTS).first() or root.add_child(
            name=PRIVATE_DOCUMENTS
        )
        name = f"{brand_name} — documents"
        collection = parent.get_children().filter(name=name).first() or parent.add_child(name=name)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    ).first() or CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    )
    curators, _created = Group.objects.get_or_create(name=CURATORS_GROUP)
    restriction.groups.add(group, curators)
    return collection


def _vendor_group(vendor):
    """The maker's group, found by its grant on the page so a later rename of the page does not orphan it."""
    return (
        Group.objects.filter(name__startswith=VENDOR_GROUP_PREFIX, page_permissions__page_id=vendor.pk)
        .order_by("pk")
        .first()
    )


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _image_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailimages", codename=codename)


def _document_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename)


def _grant(group, vendor, collection, documents):
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    # Every locale's copy, so the maker can also write its Indonesian (and other) versions;
    # never publish_page: publishing is the curators' approval.
    copies = VendorPage.objects.filter(translation_key=vendor.translation_key)
    for page in copies:
        for codename in VENDOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=_page_permission(codename)
            )
    GroupPagePermission.objects.filter(group=group).exclude(page_id__in=[p.pk for p in copies]).delete()
    for codename in VENDOR_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_image_permission(codename)
        )
    for codename in VENDOR_DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=documents, permission=_document_permission(codename)
        )


def _check_owner(email, vendor):
    """Refuse a curator's e-mail, an e-mail that owns another maker, and a maker owned by someone else."""
    user = get_user_model().objects.filter(username__iexact=email).first()
    if user is not None:
        if is_curator(user):
            raise OnboardingError(
                _("%(email)s belongs to a curator account, not a maker.") % {"email": email}
            )
        others = vendors_for_user(user)
        if vendor is not None:
            others = others.exclude(translation_key=vendor.translation_key)
        if others.exists():
            raise OnboardingError(
                _("%(email)s already owns another maker: %(maker)s.")
                % {"email": email, "maker": others.first().title}
            )
    if vendor is not None:
        group = _vendor_group(vendor)
        if group is not None and group.user_set.exclude(username__iexact=email).exists():
            raise OnboardingError(
                _("%(maker)s is already managed by another account.") % {"maker": vendor.title}
            )
    return user


def _owner(user, email):
    if user is None:
        user = get_user_model()(username=email, email=email, is_active=True)
        # No password until the owner sets one through the emailed link.
        user.set_unusable_password()
        user.save()
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != VENDOR_LANGUAGE:
        profile.preferred_language = VENDOR_LANGUAGE
        profile.save(update_fields=["preferred_language"])
    return user


@transaction.atomic
def onboard_vendor(brand_name, email, district, sector, *, requested_by=None):
    """Create (or repair) everything an SME needs to manage its own listings; safe to run twice.

    The maker page starts as a draft: it goes live when a curator approves the maker's first
    submission through the "Curator review" workflow.
    """
    brand_name, email, district, sector = _clean(brand_name, email, district, sector)
    makers = _makers_index()
    vendor = VendorPage.objects.child_of(makers).filter(slug=slugify(brand_name)).first()
    existing_user = _check_owner(email, vendor)

    created = vendor is None
    if created:
        collection = _collection(brand_name)
        vendor = VendorPage(
            title=brand_name,
            slug=slugify(brand_name),
            legal_name=brand_name,
            district=district,
            sector=sector,
            contact_email=email,
            image_collection=collection,
            live=False,
            has_unpublished_changes=True,
            owner=requested_by,
        )
        makers.add_child(instance=vendor)
        vendor.save_revision(user=requested_by, log_action=True)
        create_locale_copies(vendor)
    elif vendor.image_collection_id is None:
        collection = _collection(vendor.title)
        # The collection is synchronised, not translated: every locale's copy uses the same one.
        VendorPage.objects.filter(translation_key=vendor.translation_key).update(image_collection=collection)
    else:
        collection = vendor.image_collection

    group = _vendor_group(vendor) or Group.objects.get_or_create(name=group_name(vendor.title))[0]
    documents = _documents_collection(group, vendor.title)
    _grant(group, vendor, collection, documents)
    user = _owner(existing_user, email)
    user.groups.add(group)
    return Onboarded(
        vendor=vendor, user=user, group=group, collection=collection, created=created, documents=documents
    )


def set_password_url(user):
    """A one-time link to the admin's "set your password" form (expires per PASSWORD_RESET_TIMEOUT)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_welcome_email(onboarded):
    """Tell the owner (in Indonesian) where to set a password and start editing."""
    with translation.override(VENDOR_LANGUAGE):
        subject = subject_line(
            _("Your Etalase Malang account for %(maker)s") % {"maker": onboarded.vendor.title}
        )
        body = _(
            "Welcome to Etalase Malang.\n\n"
            "Set your password here (the link works once):\n%(url)s\n\n"
            "Then sign in at %(admin)s with your e-mail address (%(email)s) to complete the profile "
            "of %(maker)s, add products and submit them for review."
        ) % {
            "url": set_password_url(onboarded.user),
            "admin": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
            "email": onboarded.user.email,
            "maker": onboarded.vendor.title,
        }
    send_mail(subject, body, None, [onboarded.user.email])
