/* Venue editor: a map under the coordinates. Clicking the map fills in latitude and longitude;
   typing coordinates moves the marker, so a volunteer can check the place is right. Nothing is
   fetched from the tile server until the volunteer presses "Show map". */
(function () {
    "use strict";
    var UTRECHT = [52.0907, 5.1214];

    function setUp(element) {
        if (!window.L || element.hidden || element.dataset.ready) return;
        element.dataset.ready = "1";
        var form = element.closest("form");
        var lat = form.querySelector('[name="' + element.dataset.latitudeInput + '"]');
        var lon = form.querySelector('[name="' + element.dataset.longitudeInput + '"]');
        var current = function () {
            var a = parseFloat(lat.value), b = parseFloat(lon && lon.value);
            return isNaN(a) || isNaN(b) ? null : [a, b];
        };
        var map = L.map(element).setView(current() || UTRECHT, current() ? 17 : 13);
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
            maxZoom: 19,
            attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
        }).addTo(map);
        var marker = null;
        function place(point) {
            if (!point) return;
            if (marker) marker.setLatLng(point); else marker = L.marker(point).addTo(map);
        }
        place(current());
        map.on("click", function (event) {
            lat.value = event.latlng.lat.toFixed(5);
            if (lon) lon.value = event.latlng.lng.toFixed(5);
            place([event.latlng.lat, event.latlng.lng]);
        });
        [lat, lon].forEach(function (input) {
            if (!input) return;
            input.addEventListener("change", function () {
                var point = current();
                place(point);
                if (point) map.panTo(point);
            });
        });
    }

    function init() {
        document.querySelectorAll("[data-venue-map-picker]").forEach(setUp);
    }
    function offerMaps() {
        document.querySelectorAll("[data-venue-map-show]").forEach(function (button) {
            var element = document.getElementById(button.getAttribute("aria-controls"));
            if (!element) return;
            button.hidden = false;
            button.addEventListener("click", function () {
                element.hidden = false;
                button.hidden = true;
                button.setAttribute("aria-expanded", "true");
                setUp(element);
                element.focus();
            });
        });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", offerMaps);
    else offerMaps();
    // The map sits on a tab; Leaflet needs its real size once the tab is shown.
    document.addEventListener("click", function () {
        setTimeout(init, 50);
    });
})();
