package dev.lindblad.parallel;

/** A task of a {@link TaskMap} failed; {@link #getCause()} is what the task threw. */
public final class TaskException extends RuntimeException {
    private final int taskIndex;

    /**
     * @param taskIndex index of the failed task in the list given to the map
     * @param cause     what the task threw
     */
    public TaskException(int taskIndex, Throwable cause) {
        super("task " + taskIndex + " failed: " + cause, cause);
        this.taskIndex = taskIndex;
    }

    /** @return index of the failed task in the list given to the map */
    public int taskIndex() {
        return taskIndex;
    }
}
