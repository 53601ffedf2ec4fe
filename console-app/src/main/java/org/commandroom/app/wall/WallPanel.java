package org.commandroom.app.wall;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.core.live.Entity;

/**
 * One panel of the wall: a title, its content, and what it says about its data. It never shows an empty chart
 * without saying why: until the first data it says "loading", with nothing to show "no data" (and what that means),
 * after a failure "failed" with the reason in words (never a stack trace). Once it has shown data, a failed refresh
 * keeps that data on screen and says how old it is; data older than {@link #staleAfter()} always says its age.
 *
 * <p>Loading runs on the wall's I/O executor ({@link #load}); the rest on the FX thread. One refresh at a time: a
 * request while one runs is remembered and made once it ends.
 *
 * @param <T> what one load returns
 */
public abstract class WallPanel<T> {

    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final BorderPane root = new BorderPane();
    private final StackPane body = new StackPane();
    private final Label title = new Label();
    private final Label age = new Label();
    private final Label state = new Label();
    protected final WallUi ui;
    private T data;
    private Instant loadedAt;
    private boolean loading;
    private boolean again;
    private String failure;

    protected WallPanel(WallUi ui, PanelKind kind) {
        this.ui = ui;
        root.getStyleClass().add("wall-panel");
        root.setId("wall-panel-" + kind.fileName());
        title.getStyleClass().add("wall-panel-title");
        title.setMinWidth(0);
        age.getStyleClass().add("wall-age");
        age.setId("wall-age-" + kind.fileName());
        age.setVisible(false);
        age.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap, age);
        header.setAlignment(Pos.CENTER_LEFT);
        header.managedProperty().bind(title.textProperty().isNotEmpty().or(age.visibleProperty()));
        header.visibleProperty().bind(header.managedProperty());
        root.setTop(header);
        state.getStyleClass().add("wall-state");
        state.setId("wall-state-" + kind.fileName());
        state.setWrapText(true);
        body.setMinSize(0, 0);
        body.setAlignment(Pos.TOP_LEFT);
        StackPane.setAlignment(state, Pos.CENTER);
        // content taller than the panel never draws over the title (WallScreenTest checks that nothing overflows)
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(body.widthProperty());
        clip.heightProperty().bind(body.heightProperty());
        body.setClip(clip);
        body.getChildren().setAll(state);
        root.setCenter(body);
        root.setMinSize(0, 0);
        state.setText(ui.i18n().tr("wall.state.loading"));
    }

    /**
     * What to draw before the first data arrives, or null to say "loading" (the clock shows the time at once).
     */
    protected T placeholder() {
        return null;
    }

    /** Shows the placeholder, if any; called once the subclass is constructed. */
    protected final void showPlaceholder() {
        T p = placeholder();
        if (p != null) {
            body.getChildren().setAll(render(p));
        }
    }

    protected void setTitle(String text) {
        title.setText(text);
    }

    public Node root() {
        return root;
    }

    /** Reads this panel's data (off the FX thread). */
    protected abstract T load(WallServices services) throws Exception;

    /** Whether there is nothing to draw; then {@link #emptyText(Object)} says why. */
    protected abstract boolean isEmpty(T data);

    /** The words shown instead of an empty chart. */
    protected String emptyText(T data) {
        return ui.i18n().tr("wall.state.noData");
    }

    /** Builds the content from data (on the FX thread). */
    protected abstract Node render(T data);

    /** How often the panel reads again without being asked. */
    protected abstract Duration refreshEvery();

    /** Changes in the feed that make the panel read again at once. */
    protected Set<Entity> follows() {
        return Set.of();
    }

    /** Data older than this says its age. */
    protected Duration staleAfter() {
        Duration twice = refreshEvery().multipliedBy(2);
        return twice.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : twice;
    }

    /** Reads again (on the I/O executor); the result is shown on the FX thread. */
    public void refresh(WallServices services) {
        if (services == null) {
            return;
        }
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        ui.tasks().run(() -> load(services), result -> {
            loading = false;
            failure = null;
            data = result;
            loadedAt = ui.clock().instant();
            show();
            again(services);
        }, e -> {
            loading = false;
            failure = Failures.text(e, ui.i18n());
            show();
            again(services);
        });
    }

    private void again(WallServices services) {
        if (again) {
            again = false;
            refresh(services);
        }
    }

    private void show() {
        root.pseudoClassStateChanged(FAILED, failure != null && data == null);
        if (data == null && placeholder() != null) {
            body.getChildren().setAll(render(placeholder()));
        } else if (data == null) {
            state.setText(failure != null ? ui.i18n().tr("wall.state.failed", failure) : ui.i18n().tr("wall.state.loading"));
            state.getStyleClass().remove("danger");
            if (failure != null) {
                state.getStyleClass().add("danger");
            }
            body.getChildren().setAll(state);
        } else if (isEmpty(data)) {
            state.getStyleClass().remove("danger");
            state.setText(emptyText(data));
            body.getChildren().setAll(state);
        } else {
            Node content = render(data);
            body.getChildren().setAll(content);
        }
        tick();
    }

    /** Once a second: the data's age, when it is old or the last refresh failed. */
    public void tick() {
        onTick();
        Instant at0 = loadedAt();
        if (at0 == null) {
            age.setVisible(false);
            root.pseudoClassStateChanged(STALE, false);
            return;
        }
        Duration old = Duration.between(at0, ui.clock().instant());
        boolean stale = old.compareTo(staleAfter()) > 0 || failure != null;
        root.pseudoClassStateChanged(STALE, stale);
        age.setVisible(stale);
        if (stale) {
            String at = DateTimeFormatter.ofPattern("HH:mm").withZone(ui.clock().getZone()).format(at0);
            age.setText(ui.i18n().tr("wall.age", at, WallText.age(ui.i18n(), old)));
            age.getStyleClass().remove("danger");
            if (failure != null) {
                age.getStyleClass().add("danger");
            }
        }
    }

    /**
     * When the data shown stops being true by the clock alone (the duty roster's shift change), or null: the wall
     * reads the panel again once that instant has passed, without waiting for its interval.
     */
    protected Instant refreshAt() {
        return null;
    }

    /** Whether the data was read before {@link #refreshAt()} and that instant has passed (and no read is under way). */
    public boolean due(Instant now) {
        Instant at = refreshAt();
        return at != null && loadedAt != null && loadedAt.isBefore(at) && !now.isBefore(at) && !loading;
    }

    /** For panels whose content moves with the clock (waiting times). */
    protected void onTick() {
    }

    /** When the data was read last, or null. */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** The data shown, or null. */
    protected T data() {
        return data;
    }
}
