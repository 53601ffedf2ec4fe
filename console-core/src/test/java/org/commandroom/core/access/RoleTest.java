package org.commandroom.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commandroom.core.incident.CallerNumbers;
import org.junit.jupiter.api.Test;

/** Roles and what they may see: the caller number in full only for the duty commander. */
class RoleTest {

    @Test
    void onlyTheDutyCommanderSeesCallerNumbersInFull() {
        assertEquals("13812341234", CallerNumbers.shown("13812341234", Role.DUTY_COMMANDER));
        assertEquals("138****1234", CallerNumbers.shown("13812341234", Role.WALL_DISPLAY));
        assertEquals("138****1234", CallerNumbers.shown("13812341234", Role.TRAINEE));
        assertEquals("", CallerNumbers.shown(null, Role.TRAINEE));
        assertTrue(Role.DUTY_COMMANDER.acts());
        assertFalse(Role.WALL_DISPLAY.acts());
    }

    @Test
    void masksKeepTheLengthAndHideTheMiddle() {
        assertEquals("083****3456", CallerNumbers.mask("08336123456"));
        assertEquals("61**4556", CallerNumbers.mask("61234556"));
        assertEquals("***10", CallerNumbers.mask("12310"));
        assertEquals("****", CallerNumbers.mask("1234"));
        assertEquals("", CallerNumbers.mask(""));
    }

    @Test
    void rolesAreReadFromSettingsWithAClearMessageForAWrongOne() {
        assertEquals(Role.WALL_DISPLAY, Role.parse(" wall-display "));
        assertEquals(Role.DUTY_COMMANDER, Role.parse("DUTY_COMMANDER"));
        var e = assertThrows(IllegalArgumentException.class, () -> Role.parse("chief"));
        assertTrue(e.getMessage().contains("chief") && e.getMessage().contains("TRAINEE"), e.getMessage());
    }
}
