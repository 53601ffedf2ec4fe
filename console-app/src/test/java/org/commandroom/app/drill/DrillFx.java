package org.commandroom.app.drill;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Running work on the FX thread in a drill's screen tests, which may build a drill's database there: 30 s at most. */
final class DrillFx {

    private DrillFx() {
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
