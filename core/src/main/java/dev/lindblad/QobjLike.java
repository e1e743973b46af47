package dev.lindblad;

/**
 * What a solver accepts as a Hamiltonian, Liouvillian or collapse operator: a constant
 * {@link Qobj} or a time-dependent {@link QobjEvo}.
 */
public sealed interface QobjLike permits Qobj, QobjEvo {

    /** @return the tensor structure */
    Dims dims();

    /** @return this object as a (possibly constant) {@link QobjEvo} */
    QobjEvo asEvo();
}
