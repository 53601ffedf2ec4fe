package org.commandroom.app.drill;

import java.time.Duration;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.commandroom.app.AppServices;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.main.MainWindowView;
import org.commandroom.app.ui.main.MainWindowViewModel;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.drill.DrillSession;

/**
 * The drill's windows: the desk (the normal desk views on the drill's services and clock) and the instructor's clock
 * control, each under the DRILL banner. Built on the FX thread once the drill's services exist.
 */
public final class DrillWindows {

    public static final String STYLESHEET = "/org/commandroom/app/drill/drill.css";

    private final DrillControlViewModel control;
    private final Parent desk;
    private final Parent instructor;
    private final String title;

    public DrillWindows(DrillSession session, AppServices services, org.commandroom.app.ui.common.Tasks tasks, I18n i18n,
                        String trainee) {
        control = new DrillControlViewModel(session, tasks, i18n);
        UiContext ui = new UiContext(session.clock(), tasks, i18n, new Ticker(), DisplaySettings.defaults());
        StatusBarViewModel status = new StatusBarViewModel(session.clock(),
                i18n.tr("drill.window.title", session.directory().toString()), trainee);
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, tasks, status);
        MainWindowView view = new MainWindowView(vm, ui, () -> { });
        Parent main = (Parent) view.root();
        VBox.setVgrow(main, Priority.ALWAYS);
        desk = new VBox(new DrillBanner(control, false).root(), main);
        desk.setId("drill-desk");
        instructor = (Parent) new DrillControlView(control, i18n).root();
        title = i18n.tr("drill.window.title", session.scenario().name(i18n.locale()));
        vm.connect();
    }

    /** The project theme and the drill's marks over it. */
    public static void style(Scene scene) {
        Theme.style(scene);
        scene.getStylesheets().add(Objects.requireNonNull(DrillWindows.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
    }

    /** Shows the desk in {@code stage} and the instructor's control in a window of its own; returns that window. */
    public Stage show(Stage stage, I18n i18n) {
        Scene scene = new Scene(desk, 1600, 900);
        style(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        org.commandroom.app.ui.common.Windows.show(stage, 1600, 900);
        Stage control = new Stage();
        Scene controlScene = new Scene(instructor, 1100, 330);
        style(controlScene);
        control.setTitle(i18n.tr("drill.control.title") + " · " + title);
        control.setScene(controlScene);
        control.initOwner(stage);
        // As tall as its content (the last message line was cut off at 330 px in the trial), at least 330 px.
        controlScene.getRoot().applyCss();
        double tall = Math.max(330, Math.ceil(controlScene.getRoot().prefHeight(1100)) + 40);
        org.commandroom.app.ui.common.Windows.showAside(control, 1100, tall);
        return control;
    }

    public Parent desk() {
        return desk;
    }

    public Parent instructor() {
        return instructor;
    }

    public DrillControlViewModel control() {
        return control;
    }


    /**
     * The drill's window while its database is made: the DRILL mark, a spinner and a status line (returned, for a
     * failure's reason), on {@code stage}, which the desk then takes over ({@link #show}).
     */
    static javafx.scene.control.Label preparing(Stage stage, I18n i18n) {
        javafx.scene.control.Label status = new javafx.scene.control.Label(i18n.tr("drill.control.preparing"));
        status.setId("drill-preparing");
        status.setWrapText(true);
        VBox box = new VBox(16, new javafx.scene.control.Label(i18n.tr("drill.mark")),
                new javafx.scene.control.ProgressIndicator(), status);
        box.getStyleClass().add("notice");
        Scene scene = new Scene(box, 900, 500);
        style(scene);
        stage.setTitle(i18n.tr("drill.mark"));
        stage.setScene(scene);
        return status;
    }
}
