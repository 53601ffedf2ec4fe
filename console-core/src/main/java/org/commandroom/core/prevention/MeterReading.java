package org.commandroom.core.prevention;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One water-meter reading as the water company's file gives it: the meter, the flat it measures (address and house
 * number, 门牌), the day it was read and the meter's cumulative count in cubic metres. {@code line}: the file's line
 * (1 is the header), 0 for a reading already stored.
 */
public record MeterReading(int line, String meterNo, String address, String houseNo, LocalDate readOn, double reading) {

    public MeterReading {
        Objects.requireNonNull(meterNo, "meterNo");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(houseNo, "houseNo");
        Objects.requireNonNull(readOn, "readOn");
    }

    /** What the readings are matched to the register by: as {@link HouseRegister#naturalKey}. */
    public String houseKey() {
        return HouseRegister.naturalKey(address, houseNo);
    }
}
