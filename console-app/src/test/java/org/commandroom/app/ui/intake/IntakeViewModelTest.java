package org.commandroom.app.ui.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake form's state without a screen: types by what is typed, default priority, refusals keep the typing. */
class IntakeViewModelTest {

    private Fixture fx;
    private IntakeModule module;
    private IntakeViewModel vm;

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(fx.clock, "t"));
        module = fx.intakeModule(orders);
        vm = new IntakeViewModel(module, new Tasks(Runnable::run, Runnable::run), I18n.load(Locale.ROOT), "值班长");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void typesAreFoundByTheirChineseNameOrCategory() {
        assertEquals(List.of(IncidentType.FAMILY_DISPUTE, IncidentType.NEIGHBOUR_DISPUTE, IncidentType.LABOUR_DISPUTE,
                IncidentType.CONSUMER_DISPUTE), vm.typesMatching("纠纷"));
        assertEquals(List.of(IncidentType.EBIKE_THEFT), vm.typesMatching("电动车"));
        // 刑事 is a category: its six types, in the list's order
        assertEquals(6, vm.typesMatching("刑事").size());
        assertEquals(IncidentType.values().length, vm.typesMatching(" ").size());
    }

    @Test
    void inEnglishATypeIsFoundByItsEnglishOrChineseNameAndAnUnknownWordFindsNothing() {
        IntakeViewModel en = new IntakeViewModel(module, new Tasks(Runnable::run, Runnable::run), I18n.load(Locale.ENGLISH), "duty");
        assertEquals(List.of(IncidentType.NOISE), en.typesMatching("noise"));
        assertEquals(List.of(IncidentType.NOISE), en.typesMatching("Noise"));
        assertEquals(List.of(IncidentType.NOISE), en.typesMatching("噪声"));
        assertEquals(List.of(), en.typesMatching("噪音"), "a word no name holds picks nothing (it used to give Burglary)");
        assertEquals(List.of(), en.typesMatching("xyz"));
        assertEquals(IncidentType.EBIKE_THEFT, en.typesMatching("ebike").get(0), "E-bike theft, hyphen or not");
        // names before categories: "traffic" is in three names, and "theft" in no category
        assertEquals(List.of(IncidentType.TRAFFIC_INJURY, IncidentType.TRAFFIC_ACCIDENT, IncidentType.TRAFFIC_JAM),
                en.typesMatching("traffic"));
        assertEquals(IncidentType.FAMILY_DISPUTE, en.typesMatching("fam").get(0));
        // in Chinese mode the English names are not offered
        assertEquals(List.of(), vm.typesMatching("noise"));
        assertEquals(List.of(IncidentType.NOISE), vm.typesMatching("噪声"));
    }

    @Test
    void aPointPickedOnTheMapIsShownInWgs84WithItsGridAndStationAndSavedThere() {
        GeoPoint clicked = DatumConverter.convert(GeoPoint.wgs84(29.21, 103.71), Datum.GCJ02); // the tiles' datum
        vm.pickedOnMap(clicked);
        assertEquals("29.210000, 103.710000", vm.positionProperty().get());
        assertEquals("警格 南关社区第二警格 · 城关派出所 · WGS-84", vm.position().locationTextProperty().get());
        assertEquals(fx.gridId, vm.position().locationProperty().get().gridId());
        assertFalse(vm.position().outsideProperty().get());

        vm.addressProperty().set("南关路口东侧空地");
        vm.typeProperty().set(IncidentType.FIGHT);
        vm.save();
        var incident = vm.savedProperty().get().incident();
        assertEquals(fx.gridId, incident.policeGridId());
        assertEquals(fx.stationId, incident.stationId());
        assertEquals(Datum.WGS84, incident.position().datum());
        assertTrue(incident.position().distanceMetres(GeoPoint.wgs84(29.21, 103.71)) < 0.01, incident.position().toString());
        assertEquals("", vm.position().locationTextProperty().get(), "cleared with the form");
    }

    @Test
    void aTypedPositionIsLocatedTooAndOneOutsideTheDistrictSaysSo() {
        vm.positionProperty().set("29.205, 103.705");
        assertEquals("警格 南关社区第二警格 · 城关派出所 · WGS-84", vm.position().locationTextProperty().get());
        vm.positionProperty().set("30.66, 104.06");
        assertTrue(vm.position().outsideProperty().get());
        assertEquals("该位置不在本辖区内（WGS-84）", vm.position().locationTextProperty().get());
        vm.positionProperty().set("30.66");
        assertEquals("", vm.position().locationTextProperty().get(), "nothing shown for an unreadable position");
    }

    @Test
    void theSummaryCountsWhatIsLeftAsIntakeCountsIt() {
        assertEquals(2000, vm.descriptionRemaining().get());
        vm.descriptionProperty().set("  有人打架😀 ");
        assertEquals(2000 - 6, vm.descriptionRemaining().get(), "trimmed; an emoji is two UTF-16 units, as intake counts");
        vm.descriptionProperty().set("字".repeat(2001));
        assertEquals(-1, vm.descriptionRemaining().get());
        vm.addressProperty().set("南关路12号");
        vm.positionProperty().set("29.21, 103.71");
        vm.typeProperty().set(IncidentType.FIGHT);
        vm.save();
        assertEquals(IntakeViewModel.Field.DESCRIPTION, vm.messageFieldProperty().get(), "one over is refused by intake too");
        vm.descriptionProperty().set("字".repeat(2000));
        assertEquals(0, vm.descriptionRemaining().get());
        vm.save();
        assertEquals(2000, vm.savedProperty().get().incident().description().length());
    }

    @Test
    void thePriorityFollowsTheTypeUntilTheCommanderSetsIt() {
        vm.typeProperty().set(IncidentType.NOISE);
        assertEquals(3, vm.priorityProperty().get());
        vm.typeProperty().set(IncidentType.ROBBERY);
        assertEquals(1, vm.priorityProperty().get());
        vm.choosePriority(2);
        vm.typeProperty().set(IncidentType.NOISE);
        assertEquals(2, vm.priorityProperty().get());
    }

    @Test
    void aRefusedCallKeepsEverythingTypedAndNamesTheField() {
        vm.callerProperty().set("13800001234");
        vm.addressProperty().set("成都春熙路");
        vm.positionProperty().set("30.66, 104.06");
        vm.typeProperty().set(IncidentType.FIGHT);
        vm.descriptionProperty().set("有人打架");
        vm.save();
        assertEquals("该位置不在本辖区内，未登记", vm.messageProperty().get());
        assertEquals(IntakeViewModel.Field.POSITION, vm.messageFieldProperty().get());
        assertEquals("成都春熙路", vm.addressProperty().get());
        assertEquals("有人打架", vm.descriptionProperty().get());
        assertNull(vm.savedProperty().get());

        vm.positionProperty().set("北纬29度");
        vm.save();
        assertEquals(IntakeViewModel.Field.POSITION, vm.messageFieldProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("位置“北纬29度”无法识别"));
    }

    @Test
    void aSavedCallClearsTheFormForTheNextOne() {
        vm.addressProperty().set("南关路12号");
        vm.positionProperty().set("29.21, 103.71");
        vm.typeProperty().set(IncidentType.FIGHT);
        vm.save();
        assertEquals("已登记警情 J20261123-00001", vm.messageProperty().get());
        assertEquals("", vm.addressProperty().get());
        assertNull(vm.typeProperty().get());
        assertEquals(fx.gridId, vm.savedProperty().get().incident().policeGridId());
    }
}
