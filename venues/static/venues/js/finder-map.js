/* The finder's map. Nothing is loaded from the tile server until the resident presses
   "Show map": the button appears only when this script runs, so without JavaScript the page is
   the plain list. Leaflet itself is vendored and loaded on the same click. */
(function () {
    "use strict";
    var script = document.currentScript;
    var toggle = document.querySelector("[data-venue-map-toggle]");
    var canvas = document.querySelector("[data-venue-map]");
    var dataElement = document.getElementById("venue-map-data");
    if (!script || !toggle || !canvas || !dataElement) return;
    var data = JSON.parse(dataElement.textContent);
    var map = null;

    function loadLeaflet(done) {
        if (window.L) return done();
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = script.dataset.leafletCss;
        document.head.appendChild(css);
        var js = document.createElement("script");
        js.src = script.dataset.leafletJs;
        js.onload = done;
        document.head.appendChild(js);
    }

    function useOwnMarkerImages() {
        // Leaflet guesses where its marker images are from leaflet.css, which is not applied
        // yet when the map is drawn right after loading (and whose hashed name on a production
        // server it cannot read): without this it asks for marker-icon.png under the page's own
        // path. The template gives the static URLs.
        L.Icon.Default.imagePath = "";
        L.Icon.Default.mergeOptions({
            iconUrl: script.dataset.markerIcon,
            iconRetinaUrl: script.dataset.markerIconRetina,
            shadowUrl: script.dataset.markerShadow,
        });
    }

    function draw() {
        useOwnMarkerImages();
        var points = data.points.map(function (p) { return [p.lat, p.lon]; });
        map = L.map(canvas, { scrollWheelZoom: false });
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
            maxZoom: 19,
            attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
        }).addTo(map);
        data.points.forEach(function (p) {
            var link = document.createElement("a");
            link.href = p.url;
            link.textContent = p.name;
            L.marker([p.lat, p.lon], { title: p.name, alt: p.name }).addTo(map).bindPopup(link);
        });
        if (points.length > 1) map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
        else map.setView(points[0] || data.centre, 16);
    }

    toggle.hidden = false;
    toggle.addEventListener("click", function () {
        var show = canvas.hidden;
        canvas.hidden = !show;
        toggle.setAttribute("aria-expanded", String(show));
        toggle.textContent = show ? script.dataset.labelHide : script.dataset.labelShow;
        if (show && !map) loadLeaflet(draw);
        else if (show) map.invalidateSize();
    });
})();
