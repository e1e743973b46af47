package dev.lindblad.cli;

/**
 * A command line that cannot be understood: an unknown command or option, a missing or
 * malformed value. {@link Main} prints the message and the usage on stderr and exits with
 * status 2, the usual status for bad usage.
 */
final class UsageException extends Exception {

    private final Command command;

    /**
     * @param command the command whose usage to print, or null for the top-level usage
     * @param message what was wrong, naming the offending argument
     */
    UsageException(Command command, String message) {
        super(message);
        this.command = command;
    }

    /** @return the command whose usage applies, or null for the top level */
    Command command() {
        return command;
    }
}
