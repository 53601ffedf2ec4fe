package org.commandroom.app.ui.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    private IntakeViewModel vm;

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(fx.clock, "t"));
        IntakeModule module = fx.intakeModule(orders);
        vm = new IntakeViewModel(module, new Tasks(Runnable::run, Runnable::run), I18n.load(Locale.ROOT), "值班长");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void typesAreFoundByTheirChineseOrEnglishWordsOrCategory() {
        assertEquals(List.of(IncidentType.FAMILY_DISPUTE, IncidentType.NEIGHBOUR_DISPUTE, IncidentType.LABOUR_DISPUTE,
                IncidentType.CONSUMER_DISPUTE), vm.typesMatching("纠纷"));
        assertTrue(vm.typesMatching("ebike").contains(IncidentType.EBIKE_THEFT));
        assertEquals(IncidentType.values().length, vm.typesMatching(" ").size());
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
