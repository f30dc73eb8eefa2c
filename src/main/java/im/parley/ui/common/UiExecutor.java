package im.parley.ui.common;

import java.util.concurrent.Executor;

/**
 * Where view models apply changes: the JavaFX thread in the app ({@link FxUiExecutor}),
 * the calling thread in view-model tests.
 */
@FunctionalInterface
public interface UiExecutor extends Executor {

    static UiExecutor direct() {
        return Runnable::run;
    }
}
