"""Date formats of our own, per language (settings.FORMAT_MODULE_PATH); Django's own formats
for each language stay in force for everything not set here."""
