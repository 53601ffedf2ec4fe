package org.commandroom.app.ui.common;

import org.commandroom.core.io.FileLimit;
import org.commandroom.core.text.Text;

/**
 * A file chooser's title with the limit of what it opens ("选择 EIDO 文件（最大 8 MB）"), so that the user knows the
 * limit before choosing; core refuses a larger file before reading it ({@link org.commandroom.core.io.FileTooLarge}).
 */
public final class FileLimits {

    private FileLimits() {
    }

    /** {@code title} with {@code limit} stated. */
    public static String title(I18n i18n, String title, FileLimit limit) {
        return title(i18n, title, limit.stated());
    }

    /** {@code title} with a limit as core states it (two limits for boundary files, say). */
    public static String title(I18n i18n, String title, Text limit) {
        return i18n.tr("file.chooser.withLimit", title, limit.in(i18n.locale()));
    }
}
