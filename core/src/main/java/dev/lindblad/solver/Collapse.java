package dev.lindblad.solver;

/**
 * One quantum jump of a Monte Carlo trajectory: at {@code time} the state became
 * {@code c_channel(time) |psi> / ||c_channel(time) |psi>||}.
 *
 * @param time    the jump time, located to {@link McOptions#normTimeTol()}
 * @param channel index of the collapse operator in the list given to the solver
 */
public record Collapse(double time, int channel) implements java.io.Serializable {
}
