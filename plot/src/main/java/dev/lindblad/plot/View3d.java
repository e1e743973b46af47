package dev.lindblad.plot;

/**
 * Orthographic view from azimuth φ and elevation θ (degrees, matplotlib's convention): the eye
 * looks from {@code e = (cosθ cosφ, cosθ sinφ, sinθ)} at the origin, screen right is
 * {@code (−sinφ, cosφ, 0)} and screen up {@code (−sinθ cosφ, −sinθ sinφ, cosθ)}.
 */
record View3d(double azimuth, double elevation) {

    double[] eye() {
        double f = Math.toRadians(azimuth), t = Math.toRadians(elevation);
        return new double[] {Math.cos(t) * Math.cos(f), Math.cos(t) * Math.sin(f), Math.sin(t)};
    }

    /** @return {right, up, depth}: screen coordinates in units of the scene, depth towards the eye */
    double[] project(double x, double y, double z) {
        double f = Math.toRadians(azimuth), t = Math.toRadians(elevation);
        double right = -Math.sin(f) * x + Math.cos(f) * y;
        double up = -Math.sin(t) * Math.cos(f) * x - Math.sin(t) * Math.sin(f) * y + Math.cos(t) * z;
        double depth = Math.cos(t) * Math.cos(f) * x + Math.cos(t) * Math.sin(f) * y + Math.sin(t) * z;
        return new double[] {right, up, depth};
    }
}
