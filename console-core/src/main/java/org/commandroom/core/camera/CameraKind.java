package org.commandroom.core.camera;

/** The project a video point belongs to; the names match the camera table's CHECK constraint. */
public enum CameraKind {
    /** 天网 (public security's own road cameras). */
    SKYNET,
    /** 雪亮 (the rural and community "sharp eyes" project). */
    XUELIANG,
    /** 一类监控点 (class-1 monitoring point). */
    CLASS1,
    /** Telecom operators' HD cameras. */
    TELECOM_HD,
    /** Connected social (private) cameras. */
    SOCIAL
}
