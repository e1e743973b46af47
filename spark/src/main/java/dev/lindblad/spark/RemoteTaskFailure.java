package dev.lindblad.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/**
 * A task's exception that could not travel back from the executor as itself (it holds an
 * object that cannot be serialised): its class name, message and stack trace, kept.
 */
public final class RemoteTaskFailure extends RuntimeException {
    private final String remoteClass;

    RemoteTaskFailure(Throwable original) {
        super(original.getClass().getName() + ": " + original.getMessage());
        this.remoteClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
        if (original.getCause() != null && original.getCause() != original) {
            initCause(travelling(original.getCause()));
        }
    }

    /** @return the class name of the exception thrown on the executor */
    public String remoteClass() {
        return remoteClass;
    }

    /** @return e itself when it can be serialised, else its description */
    static Throwable travelling(Throwable e) {
        try (ObjectOutputStream out = new ObjectOutputStream(ByteArrayOutputStream.nullOutputStream())) {
            out.writeObject(e);
            return e;
        } catch (IOException | RuntimeException notSerialisable) {
            return new RemoteTaskFailure(e);
        }
    }
}
