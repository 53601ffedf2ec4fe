package org.commandroom.core.field.receiver;

import java.util.concurrent.atomic.AtomicLong;

/** What one receiver connection has seen since start; read from any thread. */
public final class ReceiverStats {

    final AtomicLong connects = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
    final AtomicLong lines = new AtomicLong();
    final AtomicLong fixes = new AtomicLong();
    final AtomicLong noFix = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    final AtomicLong badChecksum = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong oversize = new AtomicLong();
    final AtomicLong redated = new AtomicLong();
    final AtomicLong rejectedTime = new AtomicLong();

    /** Successful connections. */
    public long connects() {
        return connects.get();
    }

    /** Connections lost or refused. */
    public long drops() {
        return drops.get();
    }

    /** Lines read (of bounded length). */
    public long lines() {
        return lines.get();
    }

    /** Valid fixes handed on. */
    public long fixes() {
        return fixes.get();
    }

    /** Sentences or reports that said the receiver had no valid fix (RMC V, GGA 0, gpsd mode below 2). */
    public long noFix() {
        return noFix.get();
    }

    /** Lines not read for a position (other sentences, other talkers, SKY, …). */
    public long ignored() {
        return ignored.get();
    }

    public long badChecksum() {
        return badChecksum.get();
    }

    public long malformed() {
        return malformed.get();
    }

    /** Lines longer than the limit, dropped whole. */
    public long oversize() {
        return oversize.get();
    }

    /** Fixes whose date was replaced by the console's (the wrong-date rule). */
    public long redated() {
        return redated.get();
    }

    /** Fixes rejected because their time lay ahead of the console's clock. */
    public long rejectedTime() {
        return rejectedTime.get();
    }

    @Override
    public String toString() {
        return "connects=" + connects + " drops=" + drops + " lines=" + lines + " fixes=" + fixes + " noFix=" + noFix
                + " ignored=" + ignored + " badChecksum=" + badChecksum + " malformed=" + malformed + " oversize="
                + oversize + " redated=" + redated + " rejectedTime=" + rejectedTime;
    }
}
