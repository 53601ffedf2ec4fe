package org.commandroom.app.ui.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.commandroom.app.ui.common.Durations;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.store.DatabaseHealth;

/** The bottom bar: database and its state, data freshness, duty commander, clock. */
public final class StatusBarView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StatusBarViewModel vm;
    private final UiContext ui;
    private final HBox root = new HBox();
    private final Label dbState = new Label();
    private final Runnable tick;
    private final Lifecycle lifecycle;

    public StatusBarView(StatusBarViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        this.tick = vm::tick;
        root.getStyleClass().add("status-bar");
        root.setId("status-bar");
        ZoneId zone = ui.clock().getZone();
        var i18n = ui.i18n();

        Label database = new Label();
        database.setId("status-database");
        database.getStyleClass().add("status-database");
        database.textProperty().bind(vm.databaseProperty().map(d -> i18n.tr("status.database", d)));
        // Where the bar is short of room the database's path gives way (cut in its middle, whole on hover), never
        // its state beside it: "connected" or "lost since …" is what the bar is for. A long data folder's path had
        // cut the state to "co...".
        database.setMinWidth(Math.min(160, database.prefWidth(-1)));
        database.textProperty().addListener((o, was, is) -> database.setMinWidth(Math.min(160, database.prefWidth(-1))));
        database.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        javafx.scene.control.Tooltip wholePath = new javafx.scene.control.Tooltip();
        wholePath.textProperty().bind(database.textProperty());
        database.setTooltip(wholePath);
        dbState.setMinWidth(Region.USE_PREF_SIZE);

        dbState.setId("status-db-state");
        dbState.getStyleClass().add("status-db-state");
        dbState.textProperty().bind(Bindings.createStringBinding(() -> stateText(zone),
                vm.dbStateProperty(), vm.lostSinceProperty(), vm.reasonProperty()));
        vm.dbStateProperty().addListener((o, was, is) -> showState(is));
        showState(vm.dbStateProperty().get());

        Label brokerState = new Label();
        brokerState.setId("status-broker");
        brokerState.getStyleClass().add("status-broker");
        brokerState.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip brokerWhy = new javafx.scene.control.Tooltip();
        brokerWhy.setId("status-broker-tooltip");
        brokerWhy.setWrapText(true);
        brokerWhy.setMaxWidth(640);
        brokerState.setTooltip(brokerWhy);
        Runnable showBroker = () -> {
            var s = vm.brokerProperty().get();
            brokerState.setVisible(s != null);
            brokerState.setManaged(s != null);
            if (s == null) {
                return;
            }
            if (vm.brokerIdleProperty().get() && !vm.brokerMissingProperty().get()) {
                brokerState.setText(i18n.tr("status.broker.idle"));
                brokerWhy.setText(i18n.tr("status.broker.idleHint"));
                brokerState.pseudoClassStateChanged(PseudoClass.getPseudoClass("broker-down"), false);
                brokerState.pseudoClassStateChanged(PseudoClass.getPseudoClass("broker-up"), false);
                return;
            }
            String when = TIME.format(s.since().atZone(zone));
            boolean starting = vm.brokerStartingProperty().get() && !s.connected() && !vm.brokerMissingProperty().get();
            brokerState.setText(vm.brokerMissingProperty().get() ? i18n.tr("status.broker.missing")
                    : s.connected() ? i18n.tr("status.broker.connected")
                    : starting ? i18n.tr("status.broker.starting") : i18n.tr("status.broker.down", when));
            String address = vm.brokerAddressProperty().get();
            String where = address == null ? i18n.tr("status.broker.embedded") : address;
            // The whole reason, untrimmed: what the broker or the network said, for whoever fixes it.
            brokerWhy.setText(vm.brokerMissingProperty().get() ? i18n.tr("status.broker.missingHint")
                    : i18n.tr(s.connected() ? "status.broker.tipUp" : "status.broker.tipDown", where, when, s.detail()));
            brokerState.pseudoClassStateChanged(PseudoClass.getPseudoClass("broker-down"), !s.connected() && !starting);
            brokerState.pseudoClassStateChanged(PseudoClass.getPseudoClass("broker-up"), s.connected());
        };
        vm.brokerProperty().addListener((o, was, is) -> showBroker.run());
        vm.brokerStartingProperty().addListener((o, was, is) -> showBroker.run());
        vm.brokerIdleProperty().addListener((o, was, is) -> showBroker.run());
        showBroker.run();

        Label freshness = new Label();
        freshness.setId("status-freshness");
        freshness.setMinWidth(Region.USE_PREF_SIZE);
        StringBinding fresh = Bindings.createStringBinding(() -> freshnessText(zone),
                vm.dbStateProperty(), vm.dataAsOfProperty(), vm.lastChangeProperty(), vm.nowProperty());
        freshness.getStyleClass().add("status-freshness");
        vm.dbStateProperty().addListener((o, was, is) -> freshness.pseudoClassStateChanged(STALE, is == DbState.LOST));
        freshness.textProperty().bind(fresh);

        Label drafts = new Label();
        drafts.setId("status-drafts");
        drafts.getStyleClass().add("status-drafts");
        drafts.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip draftList = new javafx.scene.control.Tooltip();
        Runnable showDrafts = () -> {
            var all = vm.drafts();
            long refused = all.stream().filter(d -> !d.waiting()).count();
            long waiting = all.size() - refused;
            drafts.setText(all.isEmpty() ? "" : refused == 0 ? i18n.tr("status.drafts.waiting", waiting)
                    : i18n.tr("status.drafts.refused", waiting, refused));
            drafts.setVisible(!all.isEmpty());
            drafts.setManaged(!all.isEmpty());
            drafts.pseudoClassStateChanged(PseudoClass.getPseudoClass("refused"), refused > 0);
            StringBuilder list = new StringBuilder();
            for (var d : all) {
                list.append(TIME.format(d.createdAt().atZone(zone))).append("  ").append(d.summary())
                        .append(d.waiting() ? "" : "  —  " + i18n.tr("status.drafts.refusedBecause",
                                i18n.has(d.refused()) ? i18n.tr(d.refused()) : d.refused())).append('\n');
            }
            draftList.setText(list.toString().strip());
        };
        drafts.setTooltip(draftList);
        vm.drafts().addListener((javafx.collections.ListChangeListener<Object>) c -> showDrafts.run());
        showDrafts.run();

        Label commander = new Label();
        commander.setId("status-commander");
        commander.setMinWidth(Region.USE_PREF_SIZE);
        commander.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.commanderProperty().get() == null ? i18n.tr("status.notSignedIn")
                : vm.roleProperty().get() == null ? i18n.tr("status.commander", vm.commanderProperty().get())
                : i18n.tr("status.signedIn", vm.roleProperty().get(), vm.commanderProperty().get()),
                vm.roleProperty(), vm.commanderProperty()));

        Label clock = new Label();
        clock.setId("status-clock");
        clock.getStyleClass().add("status-clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);
        clock.textProperty().bind(vm.nowProperty().map(t -> CLOCK.format(t.atZone(zone))));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(dbState, Priority.SOMETIMES);
        root.getChildren().addAll(database, dbState, sep(), brokerState, sep(), freshness, drafts, spacer, commander, sep(), clock);
        lifecycle = Lifecycle.whileShowing(root, this::onShow, this::onHide);
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private void onShow() {
        vm.activate();
        ui.ticker().subscribe(tick);
    }

    private void onHide() {
        ui.ticker().unsubscribe(tick);
        vm.deactivate();
    }

    private String stateText(ZoneId zone) {
        var i18n = ui.i18n();
        DbState s = vm.dbStateProperty().get();
        return switch (s) {
            case CONNECTING -> i18n.tr("status.db.connecting");
            case CONNECTED -> i18n.tr("status.db.connected");
            case LOST -> {
                Instant since = vm.lostSinceProperty().get();
                String when = since == null ? "?" : TIME.format(since.atZone(zone));
                DatabaseHealth.Problem why = vm.reasonProperty().get();
                yield i18n.tr(switch (why == null ? DatabaseHealth.Problem.UNREACHABLE : why) {
                    case CLOSED -> "status.db.lost.closed";
                    case NO_ANSWER -> "status.db.lost.noAnswer";
                    default -> "status.db.lost.unreachable";
                }, when);
            }
            // Why it could not be opened is in the log; the screen says it in the user's words (MainWindowView).
            case FAILED -> i18n.tr("status.db.failed");
        };
    }

    private String freshnessText(ZoneId zone) {
        var i18n = ui.i18n();
        DbState s = vm.dbStateProperty().get();
        Instant asOf = vm.dataAsOfProperty().get();
        Instant change = vm.lastChangeProperty().get();
        if (s == DbState.CONNECTED) {
            return change == null ? i18n.tr("status.fresh.live")
                    : i18n.tr("status.fresh.liveLastChange", TIME.format(change.atZone(zone)));
        }
        if (asOf == null) {
            return i18n.tr("status.fresh.none");
        }
        Instant now = vm.nowProperty().get();
        java.time.Duration age = now == null ? java.time.Duration.ZERO : java.time.Duration.between(asOf, now);
        return i18n.tr("status.fresh.asOf", TIME.format(asOf.atZone(zone)), Durations.stopwatch(age));
    }

    private void showState(DbState s) {
        for (DbState each : DbState.values()) {
            dbState.pseudoClassStateChanged(PseudoClass.getPseudoClass("db-" + each.name().toLowerCase(java.util.Locale.ROOT)), each == s);
        }
    }

    public Node root() {
        return root;
    }
}
