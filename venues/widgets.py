from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext


class MapPickerInput(forms.TextInput):
    """The latitude input with a small map below it: click to set both coordinates, or check
    that the typed ones point at the right building. (Admin only.)

    Nothing is fetched from the tile server until the volunteer presses "Show map": the button
    appears only when the script runs, so without JavaScript there are just the two inputs."""

    template_name = "django/forms/widgets/text.html"

    class Media:
        css = {"all": ["venues/vendor/leaflet/leaflet.css", "venues/css/admin-map-picker.css"]}
        js = ["venues/vendor/leaflet/leaflet.js", "venues/js/admin-map-picker.js"]

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        map_id = f"venue-map-{name}"
        return format_html(
            '{}<button class="button button-secondary button-small venue-map-picker__show" '
            'type="button" data-venue-map-show aria-controls="{}" aria-expanded="false" hidden>'
            "{}</button>"
            '<div class="venue-map-picker" id="{}" data-venue-map-picker '
            'data-latitude-input="{}" data-longitude-input="{}" role="application" '
            'aria-label="{}" hidden></div>',
            field,
            map_id,
            gettext("Show map"),
            map_id,
            name,
            name.replace("latitude", "longitude"),
            gettext("Map: click to place the venue"),
        )
