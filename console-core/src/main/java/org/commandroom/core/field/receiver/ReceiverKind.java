package org.commandroom.core.field.receiver;

/** How a vehicle receiver reaches the console. */
public enum ReceiverKind {
    /** Through gpsd's JSON protocol (TCP 2947); the receiver is named by its device path. */
    GPSD,
    /** Raw NMEA 0183 sentences over one TCP stream; the receiver is named by its endpoint (host:port). */
    NMEA
}
