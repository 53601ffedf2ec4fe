package org.commandroom.core.geo.io;

import org.commandroom.core.camera.CameraKind;
import java.util.Objects;

import org.commandroom.core.geo.GeoPoint;

/** One camera read from a list: its 20-digit GB/T 28181 device code, name, type and position (with datum). */
public record ImportedCamera(String deviceId, String name, CameraKind kind, GeoPoint position) {

    public ImportedCamera {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
    }
}
