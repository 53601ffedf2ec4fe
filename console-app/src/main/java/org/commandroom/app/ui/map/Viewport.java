package org.commandroom.app.ui.map;

/**
 * What the map shows right now: zoom, the base map's translation and the view's size. Converts
 * between normalised Web-Mercator coordinates, latitude/longitude (in the map's datum) and view
 * pixels with the same formulas Gluon Maps uses, without allocating per point.
 */
record Viewport(double zoom, double translateX, double translateY, double width, double height) {

    double scale() {
        return WebMercator.worldPixels(zoom);
    }

    double screenX(double mercX) {
        return translateX + mercX * scale();
    }

    double screenY(double mercY) {
        return translateY + mercY * scale();
    }

    double lonAt(double screenX) {
        return WebMercator.lon((screenX - translateX) / scale());
    }

    double latAt(double screenY) {
        return WebMercator.lat((screenY - translateY) / scale());
    }

    double metresPerPixel() {
        return WebMercator.metresPerPixel(latAt(height / 2), zoom);
    }
}
