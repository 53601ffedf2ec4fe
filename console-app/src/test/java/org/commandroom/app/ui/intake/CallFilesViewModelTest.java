package org.commandroom.app.ui.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tool bar's file actions do behind the file chooser, on a real H2 database: the result of a feed
 * (every bad row with its line and why, the count kept), EIDO out and in, and a clear line for a bad file.
 */
class CallFilesViewModelTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private IntakeFixture other;
    private final I18n i18n = I18n.load(Locale.ROOT);

    @TempDir
    Path dir;

    private CallFilesViewModel vm(IntakeFixture f) {
        CallFiles files = new CallFiles(f.db.jdbi(), f.clock, f.intake, new BulkIntake(f.intake, f.clock),
                "qianwei.police.example", "console@test");
        return new CallFilesViewModel(files, new Tasks(Runnable::run, Runnable::run), i18n, "值班长");
    }

    @AfterEach
    void close() {
        fx.db.close();
        if (other != null) {
            other.db.close();
        }
    }

    @Test
    void aFeedKeepsTheGoodRowsAndTheDialogListsEveryBadRowWithItsLineAndWhy() throws Exception {
        Path csv = dir.resolve("calls.csv");
        Files.writeString(csv, "address,type,lat,lon,priority\n"
                + "南关路1号,FIGHT,29.21,103.71,1\n"
                + "南关路2号,NOT_A_TYPE,29.21,103.71,\n"
                + "南关路3号,NOISE,29.21,103.71,\n"
                + "南关路4号,NOISE,29.21,103.71,7\n", StandardCharsets.UTF_8);
        CallFilesViewModel vm = vm(fx);
        AtomicReference<CallFilesViewModel.ImportOutcome> shown = new AtomicReference<>();
        vm.setOnImported(shown::set);
        vm.importCalls(csv);
        CallFilesViewModel.ImportOutcome o = shown.get();
        assertNotNull(o, "the result dialog is shown");
        assertEquals(4, o.rowsRead());
        assertEquals(2, o.kept());
        assertEquals("导入 calls.csv：读入 4 行，保留 2 起，2 行有问题", o.summary());
        assertEquals(2, o.problems().size());
        assertTrue(o.problems().get(0).startsWith("第 3 行（type）："), o.problems().get(0));
        assertTrue(o.problems().get(0).contains("NOT_A_TYPE"), o.problems().get(0));
        assertTrue(o.problems().get(1).startsWith("第 5 行（priority）："), o.problems().get(1));
        assertEquals(o.summary(), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(2, fx.count("incident"), "the good rows are kept");
    }

    @Test
    void aFileThatIsNotUtf8OrEmptyIsRefusedInOneLineAndNothingIsWritten() throws Exception {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "address,type\n南关路1号,FIGHT\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        CallFilesViewModel vm = vm(fx);
        AtomicReference<CallFilesViewModel.ImportOutcome> shown = new AtomicReference<>();
        vm.setOnImported(shown::set);
        vm.importCalls(gbk);
        assertEquals("未导入 gbk.csv：文件不是 UTF-8 文本，请另存为 UTF-8 后再导入", vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
        assertEquals(null, shown.get());
        vm.importCalls(Files.createFile(dir.resolve("empty.json")));
        assertEquals("未导入 empty.json：文件是空的", vm.messageProperty().get());
        assertEquals(0, fx.count("incident"));
    }

    @Test
    void theSelectedIncidentIsExportedAsEidoAndImportedElsewhereAsANewCall() throws Exception {
        Incident i = fx.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1,
                IncidentType.FAMILY_DISPUTE, 1, "夫妻吵架"), "值班长").incident();
        CallFilesViewModel vm = vm(fx);
        vm.nothingSelected();
        assertEquals("请先在警情队列中选中一条警情，再导出 EIDO", vm.messageProperty().get());
        Path out = dir.resolve(i.incidentNo() + ".eido.json");
        vm.exportEido(i.id(), i.incidentNo(), out);
        assertEquals("已导出警情 " + i.incidentNo() + " 的 EIDO：" + out.toAbsolutePath(), vm.messageProperty().get());
        assertTrue(Files.readString(out).contains("\"incidentComponent\""));

        vm.importEido(out);
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().equals("文件 " + out.getFileName() + " 中的警情不能登记：它的警情编号本席已有（此警情已导入或由本席登记）"),
                vm.messageProperty().get());

        other = new IntakeFixture(TestDatabases.h2());
        CallFilesViewModel west = vm(other);
        AtomicReference<IntakeResult> recorded = new AtomicReference<>();
        west.setOnEidoImported(recorded::set);
        west.importEido(out);
        assertEquals(i.incidentNo(), recorded.get().incident().incidentNo());
        assertEquals("已从 EIDO 登记警情 " + i.incidentNo() + "（" + out.getFileName() + "）", west.messageProperty().get());
    }

    @Test
    void aJsonFileThatIsNotAnEidoIsRefusedNamingItsProblems() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"incidentComponent\": 5}", StandardCharsets.UTF_8);
        CallFilesViewModel vm = vm(fx);
        vm.importEido(bad);
        String m = vm.messageProperty().get();
        assertTrue(m.startsWith("文件 bad.json 不是有效的 EIDO（"), m);
        assertTrue(m.contains("$"), "names the JSON path: " + m);
        Path notJson = dir.resolve("notjson.json");
        Files.writeString(notJson, "hello", StandardCharsets.UTF_8);
        vm.importEido(notJson);
        assertTrue(vm.messageProperty().get().contains("not JSON"), vm.messageProperty().get());
        assertEquals(0, fx.count("incident"));
    }

    @Test
    void aFeedCancelledPartWayKeepsTheBatchesBeforeTheCancelAndSaysWhichLinesWereNotImported() throws Exception {
        StringBuilder b = new StringBuilder("address,type,lat,lon\n");
        for (int i = 1; i <= 1000; i++) {
            b.append("南关路").append(i).append("号,NOISE,29.21,103.71\n");
        }
        Path csv = dir.resolve("big.csv");
        Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService jobs = Tasks.newIoExecutor("console-jobs");
        try {
            CallFiles files = new CallFiles(fx.db.jdbi(), fx.clock, fx.intake, new BulkIntake(fx.intake, fx.clock),
                    "qianwei.police.example", "console@test");
            CallFilesViewModel vm = new CallFilesViewModel(files, new Tasks(Runnable::run, Runnable::run, jobs, Runnable::run),
                    i18n, "值班长");
            java.util.concurrent.CompletableFuture<CallFilesViewModel.ImportOutcome> shown = new java.util.concurrent.CompletableFuture<>();
            vm.setOnImported(shown::complete);
            vm.importCalls(csv);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (vm.jobProperty().get().progressProperty().get() <= 0) {
                assertTrue(System.nanoTime() < deadline, "the first batch never finished");
                Thread.sleep(5);
            }
            vm.jobProperty().get().cancel();
            CallFilesViewModel.ImportOutcome o = shown.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(o.cancelled());
            assertTrue(o.kept() >= 200 && o.kept() < 1000 && o.kept() % 200 == 0, "whole batches kept: " + o.kept());
            assertEquals(o.kept(), fx.count("incident"), "what it says it kept is what is stored");
            assertEquals("已取消导入 big.csv：已保存 " + o.kept() + " 起；自第 " + (o.kept() + 2) + " 行起的 " + (1000 - o.kept())
                    + " 行未导入", o.summary());
            assertEquals(org.commandroom.app.ui.jobs.Job.State.CANCELLED, vm.jobProperty().get().stateProperty().get());
        } finally {
            jobs.shutdown();
            jobs.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void anEidoFileOverItsLimitIsRefusedByNameBeforeItIsReadAndTheChooserSaidTheLimit() throws Exception {
        Path file = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(CallFiles.EIDO_LIMIT.maxBytes() + 1);
        }
        CallFilesViewModel vm = vm(fx);
        vm.importEido(file);
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().contains("文件 huge.json 有 8.0 MB，超过上限 8 MB；未读取任何内容"),
                vm.messageProperty().get());
        assertEquals("选择 EIDO 文件（最大 8 MB）", org.commandroom.app.ui.common.FileLimits.title(i18n,
                i18n.tr("files.chooser.importEido"), CallFiles.EIDO_LIMIT));
        assertEquals("Choose an EIDO file (at most 8 MB)", org.commandroom.app.ui.common.FileLimits.title(
                I18n.load(Locale.ENGLISH), I18n.load(Locale.ENGLISH).tr("files.chooser.importEido"), CallFiles.EIDO_LIMIT));
        assertEquals(0, fx.count("incident"));
    }

    @Test
    void nenasSampleIsRefusedWithTheLocatedReasonAndEveryItemBehindTheMessage() throws Exception {
        Path file = dir.resolve("Sample_EIDO.json");
        try (var in = getClass().getResourceAsStream("/eido/nena/Sample_EIDO.json")) {
            Files.write(file, in.readAllBytes());
        }
        CallFilesViewModel vm = vm(fx);
        vm.importEido(file);
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("文件 Sample_EIDO.json 中的 EIDO 不能登记为警情（"),
                vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains(
                "$.locationInformationComponent[0].locationByValue: 没有可用的位置或地址"), vm.messageProperty().get());
        String details = vm.detailsProperty().get();
        assertTrue(details.contains("$.incidentComponent[0].incidentTypeCommonRegistryText: 未采用：通用警情类型“CU1”不在对照表中"),
                details);
        assertTrue(details.contains("$.locationInformationComponent[0].locationByValue: 未采用：PIDF-LO 不是格式正确的 XML（第 1 行"),
                details);
        assertEquals(0, fx.count("incident"));
    }

    @Test
    void aForeignEidoIsRecordedAndWhatWasNotTakenIsShownBesideTheButtons() throws Exception {
        String pidf = "<presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:gml='http://www.opengis.net/gml'>"
                + "<gml:Point srsName='urn:ogc:def:crs:EPSG::4326'><gml:pos>29.21 103.71</gml:pos></gml:Point></presence>";
        Path file = dir.resolve("neighbour.json");
        Files.writeString(file, """
                {"$id": "urn:emergency:uid:incidentid:9:psap.neighbour.example",
                 "incidentComponent": {"incidentTypeCommonRegistryText": "ALRBS", "incidentCommonPriorityNumber": 9,
                   "lastUpdateTimeStamp": "%s"},
                 "dispatchComponent": [{"$id": "d1"}],
                 "locationComponent": [{"$id": "l1", "locationDescriptionText": "南关路8号", "locationByValue": "%s"}]}
                """.formatted(fx.clock.instant().minusSeconds(60), pidf.replace("\"", "\\\"")), StandardCharsets.UTF_8);
        AtomicReference<IntakeResult> recorded = new AtomicReference<>();
        CallFilesViewModel vm = vm(fx);
        vm.setOnEidoImported(recorded::set);
        vm.importEido(file);
        assertNotNull(recorded.get(), vm.messageProperty().get());
        assertEquals(IncidentType.BURGLARY, recorded.get().incident().type());
        assertEquals("南关路8号", recorded.get().incident().address());
        assertFalse(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().contains("项未采用"), vm.messageProperty().get());
        assertTrue(vm.detailsProperty().get().contains("$.dispatchComponent[0]: 对方的调派指令不在本系统重建"),
                vm.detailsProperty().get());
        assertEquals(1, fx.count("incident"));

        CallFilesViewModel en = new CallFilesViewModel(new CallFiles(fx.db.jdbi(), fx.clock, fx.intake,
                new BulkIntake(fx.intake, fx.clock), "qianwei.police.example", "console@test"),
                new Tasks(Runnable::run, Runnable::run), I18n.load(Locale.ENGLISH), "值班长");
        en.importEido(file);
        assertTrue(en.messageProperty().get().contains("from EIDO (neighbour.json); not taken: 1 (hover here for the list): $.dispatchComponent[0]"),
                en.messageProperty().get());
        assertTrue(en.detailsProperty().get().startsWith("Not taken: 1 (JSON path: why)\n$.dispatchComponent[0]: the sender's dispatches are not recreated here"),
                en.detailsProperty().get());
    }
}
