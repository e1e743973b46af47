package dev.lindblad.plot;

import java.awt.geom.Rectangle2D;

/**
 * One panel of a {@link Figure}: an {@link Axes} (2-D plot), a {@link Bloch} sphere or a 3-D
 * matrix histogram. A panel draws itself into the rectangle the figure gives it.
 */
public abstract sealed class Panel permits Axes, Bloch, MatrixHistogram {
    String title = "";

    Panel() {
    }

    /**
     * @return this panel's title ("" if none)
     */
    public String title() {
        return title;
    }

    abstract void draw(Canvas c, Rectangle2D area);
}
