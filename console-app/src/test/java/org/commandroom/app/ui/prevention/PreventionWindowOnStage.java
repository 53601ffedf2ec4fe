package org.commandroom.app.ui.prevention;

import static org.commandroom.app.ui.common.LiveScreen.onFx;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.commandroom.app.PreventionModule;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;

/**
 * The 主防 window shown for a screen test as the desk opens it, in one language, with an I/O thread of its own;
 * {@link #close()} hides it and stops the thread.
 */
final class PreventionWindowOnStage implements AutoCloseable {

    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    final PreventionWindow window;

    /** Builds and shows the window in front of {@code stage}; call it in {@code @Start}, on the FX thread. */
    PreventionWindowOnStage(Stage stage, Clock clock, PreventionModule module, Locale locale, String actor) {
        UiContext ui = new UiContext(clock, new Tasks(io, Platform::runLater), I18n.load(locale), new Ticker(),
                DisplaySettings.defaults());
        Theme.installUserAgentStylesheet();
        window = new PreventionWindow(module, ui, actor, () -> { });
        window.show(stage);
    }

    @Override
    public void close() {
        onFx(() -> {
            window.stage().hide();
            return null;
        });
        io.shutdownNow();
    }
}
