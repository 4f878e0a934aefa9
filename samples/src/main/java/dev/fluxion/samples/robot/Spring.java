package dev.fluxion.samples.robot;

/**
 * A spring between particles {@code a} and {@code b} (indices into the robot's particles). An
 * actuated spring ({@code actuator >= 0}) is a muscle: the controller's output number
 * {@code actuator} stretches or shrinks its rest length.
 */
record Spring(int a, int b, double restLength, double stiffness, int actuator) {
    boolean actuated() {
        return actuator >= 0;
    }
}
