package org.commandroom.core.admin;

import java.nio.file.Path;
import java.util.Locale;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.push.OrderPushEnqueuer;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.prevention.MeterReadingCsv;
import org.commandroom.core.prevention.ModelAlertService;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console-admin import meter-readings}: the water company's meter readings; the models' alerts become orders to
 * the community officers (docs/PREVENTION.md). The orders go to the terminals through the push outbox, sent by the
 * console that publishes it.
 */
@Command(name = "meter-readings", description = "Import water-meter readings (CSV: 表号,地址,门牌号,抄表日期,读数) and send "
        + "the model alerts they show (sudden occupancy, gone silent, group renting) as orders to the community officers. "
        + "At most " + MeterReadingCsv.MAX_BYTES / (1024 * 1024) + " MB: a larger file is refused unread.")
final class ImportMeterReadingsCommand extends ConsoleAdmin.Base {
    @Mixin
    DbOptions db;

    @Option(names = "--file", required = true, paramLabel = "<readings.csv>")
    Path file;

    @Option(names = "--dry-run", description = "check every line and list the alerts that would be sent; write nothing")
    boolean dryRun;

    ImportMeterReadingsCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        byte[] content = ImportCommand.read(file, MeterReadingCsv.MAX_BYTES);
        try (Database opened = open(db)) {
            OrderService orders = new OrderService(opened.jdbi(), admin.clock(), DeadlinePolicy.defaults(),
                    new Numbering(admin.clock(), HouseRegister.ZONE), admin.changes(), new OrderPushEnqueuer(admin.clock()),
                    admin.guard(opened.jdbi()));
            ModelAlertService service = new ModelAlertService(opened.jdbi(), admin.clock(), orders, admin.guard(opened.jdbi()));
            ModelAlertService.Result r = service.importReadings(content, file.getFileName().toString(), admin.actor(), dryRun);
            if (!r.accepted()) {
                admin.out().println(file.getFileName() + " rejected, nothing was imported; " + r.problems().size()
                        + " problem(s):");
                r.problemLines(Locale.ENGLISH).forEach(p -> admin.out().println("  " + p));
                return ConsoleAdmin.REFUSED;
            }
            admin.out().println((r.dryRun() ? "checked (dry run, nothing written) " : "imported ") + file.getFileName() + ":");
            admin.out().println("  meter_reading: " + r.inserted() + " new, " + r.updated() + " changed, " + r.unchanged()
                    + " unchanged");
            admin.out().println("  " + (r.dryRun() ? "alerts that would be sent: " : "alerts sent: ") + r.alerts().size());
            for (ModelAlertService.Alert a : r.alerts()) {
                admin.out().println("    " + a.rule() + " " + a.meterNo() + " " + a.house() + " since " + a.episodeStart()
                        + (a.orderNo() == null ? "" : " order " + a.orderNo()) + " due " + a.deadline());
            }
            if (!r.notInRegister().isEmpty()) {
                admin.out().println("  meters whose house is not in the register (readings kept, no alert): "
                        + r.notInRegister().size());
                r.notInRegister().forEach(m -> admin.out().println("    " + m));
            }
            return ConsoleAdmin.OK;
        }
    }
}
