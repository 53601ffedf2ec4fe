package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** No driver text reaches the screen: database failures are said in the operator's words, in both languages. */
class FailuresTest {

    private final I18n zh = I18n.load(Locale.ROOT);
    private final I18n en = I18n.load(Locale.ENGLISH);

    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("jdbi: statement failed", e);
    }

    @Test
    void aDatabaseThatIsGoneInUseOrRefusingIsSaidInWords() {
        assertEquals(zh.tr("failure.database.gone"), Failures.text(wrapped(
                new SQLException("The database has been closed [90098-252]", "90098", 90098)), zh));
        assertEquals(en.tr("failure.database.gone"), Failures.text(wrapped(
                new SQLException("Connection refused", "08001")), en));
        assertEquals(zh.tr("failure.database.inUse"), Failures.text(wrapped(
                new SQLException("Database may be already in use [90020-252]", "90020", 90020)), zh));
        assertEquals(zh.tr("failure.database.login"), Failures.text(wrapped(
                new SQLException("password authentication failed", "28P01")), zh));
        assertEquals(zh.tr("failure.database.refused"), Failures.text(wrapped(
                new SQLException("Unique index or primary key violation [23505-252]", "23505", 23505)), zh));
    }

    @Test
    void aLoginThatMayNotUpgradeTheSchemaIsToldToAskForTheOwnersUpgrade() {
        var behind = new org.commandroom.core.store.SchemaUpgradeRequired("console_desk", "16", "26");
        assertEquals("数据库结构为 16 版，本控制台需要 26 版；数据库账号 console_desk 无权升级结构。请管理员以属主账号升级"
                + "（console-admin db migrate）后再启动", Failures.text(new IllegalStateException("flyway", behind), zh));
        String english = Failures.text(behind, en);
        org.junit.jupiter.api.Assertions.assertTrue(english.startsWith("The database schema is at version 16 and this "
                + "console needs version 26; database login console_desk may not upgrade it."), english);
        var empty = new org.commandroom.core.store.SchemaUpgradeRequired("console_wall", null, "26");
        assertEquals(en.tr("failure.database.schemaMissing", "console_wall"), Failures.text(empty, en));
        org.junit.jupiter.api.Assertions.assertTrue(Failures.text(empty, zh).contains("console_wall"));
    }

    @Test
    void theConsolesOwnLocatedMessagesPassThrough() {
        assertEquals("第 3 行：日期格式不对", Failures.text(new IllegalArgumentException("第 3 行：日期格式不对"), zh));
    }
}
