"""Template tags that put stories and events on other apps' pages without those apps importing stories."""
