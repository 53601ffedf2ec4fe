package org.commandroom.app.ui.common;

import org.commandroom.core.store.DatabaseFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line for the operator about a failure, never a driver's text: a database that is gone says so, a database that
 * refused a statement says the reason is in the log, where the whole exception is written. Other failures of the
 * console's own making carry a located message already (a bad file names its line) and are shown as they are.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /**
     * For view models that hold no {@link I18n}: the words of the console's language, which the launcher makes the
     * default locale.
     */
    public static String text(Throwable e) {
        return text(e, I18n.load(java.util.Locale.getDefault()));
    }

    public static String text(Throwable e, I18n i18n) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.commandroom.core.access.AccessDenied denied) {
                LOG.info("Refused: {}", denied.getMessage());
                return i18n.tr("failure.accessDenied");
            }
            if (t instanceof org.commandroom.core.io.FileTooLarge large) {
                LOG.info("Refused before reading: {}", large.getMessage());
                return large.text().in(i18n.locale());
            }
            if (t instanceof org.commandroom.core.store.SchemaUpgradeRequired behind) {
                LOG.error("Schema not up to date and this login may not migrate: {}", behind.getMessage());
                return behind.found() == null ? i18n.tr("failure.database.schemaMissing", behind.user())
                        : i18n.tr("failure.database.upgradeNeeded", behind.found(), behind.needed(), behind.user());
            }
        }
        switch (DatabaseFailure.of(e)) {
            case GONE -> {
                LOG.warn("Database unavailable: {}", Tasks.rootMessage(e));
                return i18n.tr("failure.database.gone");
            }
            case IN_USE -> {
                LOG.error("The database file is in use by another process", e);
                return i18n.tr("failure.database.inUse");
            }
            case LOGIN -> {
                LOG.error("The database refused the login", e);
                return i18n.tr("failure.database.login");
            }
            case REFUSED -> {
                LOG.error("The database refused an operation", e);
                return i18n.tr("failure.database.refused");
            }
            default -> {
                for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    if (t instanceof OutOfMemoryError) {
                        LOG.error("Out of memory", e);
                        return i18n.tr("failure.memory");
                    }
                }
                return Tasks.rootMessage(e);
            }
        }
    }
}
