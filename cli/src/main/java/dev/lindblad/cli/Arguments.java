package dev.lindblad.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed arguments of one command: its options and its positional arguments.
 *
 * <p>Grammar, the GNU long-option style: {@code --name}, {@code --name VALUE},
 * {@code --name=VALUE}; {@code -h} is {@code --help}; {@code --} ends the options. A command
 * that passes arguments through to another program (run, shell) stops reading options at its
 * first positional argument, so {@code lindblad run Script.java --verbose} hands
 * {@code --verbose} to the script.
 *
 * @param options     option name to value ({@code "true"} for a flag), in command-line order
 * @param positionals the remaining arguments, in order
 */
record Arguments(Map<String, String> options, List<String> positionals) {

    Arguments {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        positionals = List.copyOf(positionals);
    }

    /**
     * Parses the arguments after the command name.
     *
     * @param command the command, whose {@link Command#options()} and
     *                {@link Command#stopsAtFirstPositional()} define what is accepted
     * @param args    the arguments after the command name
     * @return the options and positionals
     * @throws UsageException for an unknown option, a repeated option, a missing value or a
     *                        value given to a flag
     */
    static Arguments parse(Command command, List<String> args) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int k = 0; k < args.size(); k++) {
            String arg = args.get(k);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                if (command.stopsAtFirstPositional()) {
                    optionsEnded = true;
                }
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new UsageException(command, "unknown option '" + arg + "' for '" + command.name()
                        + "' (options are long, like --help)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            Option option = find(command, name);
            if (option == null) {
                throw new UsageException(command, "unknown option '--" + name + "' for '" + command.name() + "'");
            }
            if (options.containsKey(name)) {
                throw new UsageException(command, "option '--" + name + "' given twice");
            }
            String value;
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw new UsageException(command, "option '--" + name + "' takes no value, got '" + arg + "'");
                }
                value = "true";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (k + 1 < args.size()) {
                value = args.get(++k);
            } else {
                throw new UsageException(command, "option '--" + name + "' needs a value (" + option.valueName() + ")");
            }
            options.put(name, value);
        }
        return new Arguments(options, positionals);
    }

    private static Option find(Command command, String name) {
        if (name.equals("help")) {
            return Command.HELP;
        }
        for (Option o : command.options()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** @return whether the flag was given */
    boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * @return the option's value as an integer in {@code [min, max]}, or the default when it
     *         was not given
     * @throws UsageException if the value is not an integer in range
     */
    int intOption(Command command, String name, int defaultValue, int min, int max) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min || x > max) {
                throw new UsageException(command, "--" + name + " must be between " + min + " and " + max + ", got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException(command, "--" + name + " needs an integer, got '" + v + "'");
        }
    }

    /**
     * @return the option's value as a finite number, or the default when it was not given
     * @throws UsageException if the value is not a finite number
     */
    double doubleOption(Command command, String name, double defaultValue) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            double x = Double.parseDouble(v.trim());
            if (!Double.isFinite(x)) {
                throw new UsageException(command, "--" + name + " must be finite, got " + v);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException(command, "--" + name + " needs a number, got '" + v + "'");
        }
    }
}
