from django import forms
from django.utils.html import format_html


class MapPickerInput(forms.TextInput):
    """The latitude input with a small map below it: click to set both coordinates, or check
    that the typed ones point at the right building. (Admin only; the admin allows map tiles.)"""

    template_name = "django/forms/widgets/text.html"

    class Media:
        css = {"all": ["venues/vendor/leaflet/leaflet.css", "venues/css/admin-map-picker.css"]}
        js = ["venues/vendor/leaflet/leaflet.js", "venues/js/admin-map-picker.js"]

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        return format_html(
            '{}<div class="venue-map-picker" data-venue-map-picker data-latitude-input="{}" '
            'data-longitude-input="{}" role="application" '
            'aria-label="Map: click to place the venue"></div>',
            field,
            name,
            name.replace("latitude", "longitude"),
        )
