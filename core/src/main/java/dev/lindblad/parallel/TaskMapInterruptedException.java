package dev.lindblad.parallel;

import java.util.Collections;
import java.util.List;

/**
 * The thread that called {@link TaskMap#map} was interrupted: the map started no further task,
 * interrupted the tasks running on its threads, waited for them to stop, and throws this
 * exception with the results that finished. The caller's interrupt status is left set.
 */
public class TaskMapInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Object> results;
    private final boolean[] finished;

    /**
     * @param results  the result of every task at its index (anything where not finished)
     * @param finished which tasks finished
     * @param cause    what stopped the map (an {@link InterruptedException}, or what a task threw
     *                 because it was interrupted), may be null
     */
    public TaskMapInterruptedException(Object[] results, boolean[] finished, Throwable cause) {
        super("interrupted: " + count(finished) + " of " + finished.length + " tasks finished", cause);
        Object[] kept = new Object[results.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = finished[i] ? results[i] : null;
        }
        this.results = Collections.unmodifiableList(java.util.Arrays.asList(kept));
        this.finished = finished.clone();
    }

    private static int count(boolean[] finished) {
        int c = 0;
        for (boolean b : finished) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** @return the result of every task at its index, null where the task did not finish */
    public List<Object> results() {
        return results;
    }

    /**
     * @param index a task index
     * @return whether that task finished (its result may be null if the function returned null)
     */
    public boolean isFinished(int index) {
        return finished[index];
    }

    /** @return the number of tasks that finished */
    public int finished() {
        return count(finished);
    }
}
