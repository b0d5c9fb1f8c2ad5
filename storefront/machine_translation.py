"""Machine-translated drafts for translators: wagtail-localize's DeepL translator, at a configurable
URL, with DeepL's current codes for our languages and a clear message when DeepL says no.

`WAGTAILLOCALIZE_MACHINE_TRANSLATOR` (settings, `machine_translator`) names `DeepLTranslator` when
`DEEPL_API_KEY` is set. The translator's "Translate with DeepL" in wagtail-localize's editor fills
every string that has no translation yet with DeepL's, saved as a machine translation for the
translator to review; the page's visitors see it only once the translator publishes.
"""

import logging

import requests

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import deepl
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)

# DeepL reads at most 50 texts in one request.
TEXTS_PER_REQUEST = 50

# Target codes for our locales where wagtail-localize's own choice ("EN", "ZH") is one DeepL keeps
# only for backward compatibility: the site's English is British ("catalogue"), its Chinese
# Simplified. Source codes have no variants ("EN", "ZH"), as wagtail-localize sends them.
TARGET_LANGUAGES = {"en": "EN-GB", "zh-hans": "ZH-HANS"}


class MachineTranslationError(Exception):
    """DeepL gave no translation; the message says why, in words for the translator."""


class DeepLTranslator(deepl.DeepLTranslator):
    """wagtail-localize's DeepL translator; OPTIONS["API_URL"], when set, is the server to ask."""

    def get_api_endpoint(self):
        if api_url := self.options.get("API_URL"):
            return f"{api_url.rstrip('/')}/v2/translate"
        return super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        code = target_locale.language_code.lower()
        parameters["target_lang"] = TARGET_LANGUAGES.get(code, parameters["target_lang"])
        return parameters

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        translations = {}
        for start in range(0, len(strings), TEXTS_PER_REQUEST):
            batch = strings[start : start + TEXTS_PER_REQUEST]
            texts = self._post(self.get_parameters(source_locale, target_locale, batch))
            if len(texts) != len(batch):
                reason = _("DeepL answered with a different number of texts.")
                raise MachineTranslationError(self._failed(reason))
            translations.update((s, StringValue(text)) for s, text in zip(batch, texts, strict=True))
        return translations

    def _post(self, parameters):
        try:
            response = requests.post(
                self.get_api_endpoint(),
                parameters,
                timeout=int(self.options.get("TIMEOUT", 30)),
                headers=self.get_headers(),
            )
        except requests.RequestException as error:
            logger.warning("DeepL could not be reached: %s", error)
            raise MachineTranslationError(self._failed(_("DeepL could not be reached."))) from error
        if response.status_code != 200:
            logger.warning("DeepL answered HTTP %s: %s", response.status_code, response.text[:500])
            raise MachineTranslationError(self._failed(self._refusal(response.status_code)))
        try:
            return [translation["text"] for translation in response.json()["translations"]]
        except (ValueError, KeyError, TypeError) as error:
            logger.warning("DeepL's answer has no translations: %s", response.text[:500])
            raise MachineTranslationError(self._failed(_("DeepL's answer held no translations."))) from error

    @staticmethod
    def _refusal(status):
        if status == 403:
            return _("DeepL refused the API key: ask the site's administrator to check DEEPL_API_KEY.")
        if status == 456:
            return _("The DeepL account has used up its characters for this month.")
        if status == 429:
            return _("DeepL is receiving too many requests: try again in a minute.")
        return _("DeepL answered with an error (HTTP %(status)s).") % {"status": status}

    @staticmethod
    def _failed(reason):
        return _("%(reason)s Nothing was translated; the translations you had are unchanged.") % {
            "reason": reason
        }


class MachineTranslationErrorMiddleware:
    """Turns a failed machine translation into an error message on the translation editor.

    wagtail-localize's machine-translate view lets the translator's exception through (a server
    error); nothing has been saved by then, so the translator is sent back to where they clicked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationError):
            return None
        messages.error(request, str(exception))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
