package dev.lindblad.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of {@code lindblad}. A command declares its options and positional
 * arguments, so that {@link Arguments#parse} checks them and {@link #usage()} describes them
 * from the same declaration.
 */
interface Command {

    /** {@code --help}, which every command accepts. */
    Option HELP = Option.flag("help", "print this help and exit");

    /** @return the name typed after {@code lindblad} */
    String name();

    /** @return one line for the command list */
    String summary();

    /** @return the positional part of the synopsis, e.g. {@code "Script.java [args...]"} */
    default String positionalSynopsis() {
        return "";
    }

    /** @return a paragraph or two that {@code --help} prints after the synopsis */
    String description();

    /** @return the options besides {@code --help} */
    default List<Option> options() {
        return List.of();
    }

    /** @return whether arguments after the first positional are passed through untouched */
    default boolean stopsAtFirstPositional() {
        return false;
    }

    /**
     * Runs the command.
     *
     * @param args parsed arguments; {@code --help} has already been handled
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     * @throws UsageException when the arguments are well formed but wrong for this command
     */
    int execute(Arguments args, PrintStream out, PrintStream err) throws UsageException;

    /** @return the text {@code lindblad COMMAND --help} prints */
    default String usage() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: lindblad ").append(name()).append(" [options]");
        if (!positionalSynopsis().isEmpty()) {
            b.append(' ').append(positionalSynopsis());
        }
        b.append("\n\n").append(summary()).append("\n\n").append(description().strip()).append("\n\nOptions:\n");
        String helpLabel = "-h, " + HELP.synopsis();
        int width = helpLabel.length();
        for (Option o : options()) {
            width = Math.max(width, o.synopsis().length());
        }
        String line = "  %-" + width + "s  %s%n";
        for (Option o : options()) {
            b.append(String.format(line, o.synopsis(), o.description()));
        }
        b.append(String.format(line, helpLabel, HELP.description()));
        return b.toString();
    }
}
