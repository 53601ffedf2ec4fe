package org.commandroom.app.ui.admin;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.commandroom.app.AdminModule;
import org.commandroom.app.ui.admin.org.OrgEditView;
import org.commandroom.app.ui.admin.org.OrgEditViewModel;
import org.commandroom.app.ui.admin.setup.SetupView;
import org.commandroom.app.ui.admin.setup.SetupViewModel;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.Permission;
import org.commandroom.core.access.Principal;

/**
 * The administration workspace (系统管理): a composition of its own over the same core services as the desk, for
 * whoever holds an administrator's permissions. It offers one tab per thing the user may do — set-up and the
 * organisation ({@link Permission#SETUP}), users ({@link Permission#MANAGE_USERS}), the audit trail
 * ({@link Permission#READ_AUDIT}) — and nothing else: no intake, dispatch or orders. The core services check every
 * call again.
 */
public final class AdminWorkspace {

    /** The tabs, for tests and for a caller that wants to open one. */
    public enum Page { SETUP, ORGANISATION, USERS, AUDIT, HISTORY, ROSTER }

    private final TabPane tabs = new TabPane();
    private SetupViewModel setupVm;
    private SetupView setup;

    public AdminWorkspace(AdminModule admin, UiContext ui, Principal who) {
        tabs.setId("admin-workspace");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("admin-workspace");
        List<Tab> offered = new ArrayList<>();
        if (who.may(Permission.SETUP)) {
            offered.add(tab(Page.SETUP, ui.i18n().tr("admin.page.setup"), () -> {
                setupVm = new SetupViewModel(admin.progress(), admin.orgImport(), admin.houseImport(),
                        admin.geoImport()::importContent, ui.tasks(), ui.i18n(), who::login);
                setupVm.offerPlacesAndBaseMap(admin.geoImport());
                setup = new SetupView(setupVm, ui);
                setup.setOnOpenUsers(() -> show(Page.USERS));
                return setup.root();
            }));
            offered.add(tab(Page.ORGANISATION, ui.i18n().tr("admin.page.organisation"), () -> new OrgEditView(
                    new OrgEditViewModel(admin::orgEdit, ui.tasks(), ui.i18n(), who.login()), ui.i18n()).root()));
        }
        if (who.may(Permission.MANAGE_USERS)) {
            offered.add(tab(Page.USERS, ui.i18n().tr("admin.page.users"),
                    () -> new org.commandroom.app.ui.admin.users.UsersView(admin.access(), () -> who, ui).root()));
        }
        if (who.may(Permission.READ_AUDIT)) {
            offered.add(tab(Page.AUDIT, ui.i18n().tr("admin.page.audit"),
                    () -> new org.commandroom.app.ui.admin.audit.AuditView(admin.audit(), ui).root()));
        }
        if (who.may(Permission.SETUP) && admin.history() != null) {
            offered.add(tab(Page.HISTORY, ui.i18n().tr("admin.page.history"), () -> new org.commandroom.app.ui.admin
                    .history.HistoryImportView(new org.commandroom.app.ui.admin.history.HistoryImportViewModel(
                    admin.history(), ui.tasks(), ui.i18n(), who::login), ui.i18n()).root()));
        }
        if (who.may(Permission.EDIT_ROSTER)) {
            offered.add(tab(Page.ROSTER, ui.i18n().tr("admin.page.roster"), () -> new org.commandroom.app.ui.admin.roster.RosterView(
                    new org.commandroom.app.ui.admin.roster.RosterViewModel(admin::roster, ui.tasks(), ui.i18n(), who.login(),
                            admin.roster().zone(), ui.clock()::instant), ui.i18n()).root()));
        }
        tabs.getTabs().setAll(offered);
        // The checklist counts again each time it is looked at (another workstation may have imported meanwhile).
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && Page.SETUP.name().equals(is.getUserData()) && setupVm != null) {
                setupVm.refresh();
            }
        });
    }

    /** Whether {@code who} may use the workspace at all (any administrator's permission). */
    public static boolean offeredTo(Principal who) {
        return who.may(Permission.SETUP) || who.may(Permission.MANAGE_USERS) || who.may(Permission.READ_AUDIT)
                || who.may(Permission.EDIT_ROSTER);
    }

    /** Whether {@code who} works only here: an administrator who is not also a commander has no desk. */
    public static boolean only(Principal who) {
        return offeredTo(who) && !who.may(Permission.INTAKE) && !who.may(Permission.DISPATCH) && !who.may(Permission.ORDERS);
    }

    public Node root() {
        return tabs;
    }

    /** Shows one page, if the user has it. */
    public void show(Page page) {
        tabs.getTabs().stream().filter(t -> page.name().equals(t.getUserData())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** A tab whose content is built the first time it is shown (each page reads the database when built). */
    private static Tab tab(Page page, String title, java.util.function.Supplier<Node> content) {
        Tab t = new Tab(title);
        t.setId("admin-tab-" + page.name().toLowerCase(java.util.Locale.ROOT));
        t.setUserData(page.name());
        Runnable build = () -> {
            if (t.getContent() == null) {
                t.setContent(content.get());
            }
        };
        t.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                build.run();
            }
        });
        if (t.isSelected()) {
            build.run();
        }
        return t;
    }
}
