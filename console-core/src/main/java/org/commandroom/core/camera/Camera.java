package org.commandroom.core.camera;

import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/** A video point (视频点位) with its GB/T 28181 20-digit device id. */
public record Camera(long id, String deviceId, String name, CameraKind kind, GeoPoint position, boolean online,
                     String streamUrl, String snapshotUrl, Long stationId) {

    public Camera {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        if (deviceId.length() != 20 || !deviceId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("GB/T 28181 device ids have 20 digits: " + deviceId);
        }
    }
}
