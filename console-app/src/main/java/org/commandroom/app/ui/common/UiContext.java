package org.commandroom.app.ui.common;

import java.time.Clock;

/** What every view needs besides its ViewModel: time, background work, words and the beat. */
public record UiContext(Clock clock, Tasks tasks, I18n i18n, Ticker ticker, DisplaySettings settings) {
}
