"""`manage.py onboard_vendor "<brand>" --email … --district … --sector …`: onboard an SME, safe to re-run."""

from django.core.management.base import BaseCommand, CommandError

from catalog.models import District, Sector
from catalog.onboarding import OnboardingError, onboard_vendor, send_welcome_email, set_password_url


class Command(BaseCommand):
    help = (
        "Create (or repair) a maker's draft page, image collection, group and owner account, "
        "and print or e-mail the owner's set-password link."
    )

    def add_arguments(self, parser):
        parser.add_argument("brand_name", help="The maker's brand name, as buyers will see it.")
        parser.add_argument("--email", required=True, help="The owner's e-mail address (also the login).")
        parser.add_argument("--district", required=True, help=f"One of: {', '.join(District.values)}.")
        parser.add_argument("--sector", required=True, help=f"One of: {', '.join(Sector.values)}.")
        parser.add_argument(
            "--send-email", action="store_true", help="E-mail the set-password link instead of printing it."
        )

    def handle(self, *args, brand_name, email, district, sector, send_email, **options):
        try:
            result = onboard_vendor(brand_name, email, district, sector)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        verb = "Onboarded" if result.created else "Already onboarded (checked and repaired)"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {result.vendor.title} (page {result.vendor.pk})."))
        if send_email:
            send_welcome_email(result)
            self.stdout.write(f"Set-password link e-mailed to {result.user.email}.")
        else:
            self.stdout.write(f"Set-password link for {result.user.email}:\n{set_password_url(result.user)}")
