package org.commandroom.core.geo.io;

/**
 * The parts of a GB/T 28181-2016 20-digit code (编码): centre code (8 digits, the administrative division of
 * the monitoring centre, GB/T 2260), industry (2), type (3), network (1) and serial (6). A catalogue lists, besides
 * cameras, the nodes of its tree: administrative divisions (codes of 2, 4, 6 or 8 digits), platforms, business
 * groups and virtual organisations; only the camera types are video points.
 */
public final class GbDeviceCode {

    /** Type codes of a camera (摄像机) and a network camera (网络摄像机) in GB/T 28181-2016's type table. */
    private static final String CAMERA = "131";
    private static final String NETWORK_CAMERA = "132";

    private GbDeviceCode() {
    }

    /** 20 ASCII digits. */
    public static boolean isWellFormed(String code) {
        if (code == null || code.length() != 20) {
            return false;
        }
        for (int i = 0; i < 20; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An administrative division's node in the tree: 2, 4, 6 or 8 digits. */
    public static boolean isDivision(String code) {
        if (code == null || code.isEmpty() || code.length() > 8 || code.length() % 2 != 0) {
            return false;
        }
        return code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Digits 11-13. */
    public static String type(String code) {
        return code.substring(10, 13);
    }

    /** Digits 9-10. */
    public static String industry(String code) {
        return code.substring(8, 10);
    }

    /** A well-formed code whose type is a camera or a network camera. */
    public static boolean isCamera(String code) {
        if (!isWellFormed(code)) {
            return false;
        }
        String t = type(code);
        return t.equals(CAMERA) || t.equals(NETWORK_CAMERA);
    }
}
