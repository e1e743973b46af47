package dev.lindblad.cli;

/**
 * A long option a command accepts: {@code --name} for a flag, {@code --name VALUE} or
 * {@code --name=VALUE} when {@code valueName} is given.
 *
 * @param name        the option without its leading dashes
 * @param valueName   how the usage names the value, or null for a flag
 * @param description one line for {@code --help}
 */
record Option(String name, String valueName, String description) {

    /** @return a flag option */
    static Option flag(String name, String description) {
        return new Option(name, null, description);
    }

    /** @return an option that takes a value */
    static Option valued(String name, String valueName, String description) {
        return new Option(name, valueName, description);
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** @return how the option appears in the usage, e.g. {@code --cavity N} */
    String synopsis() {
        return "--" + name + (takesValue() ? " " + valueName : "");
    }
}
