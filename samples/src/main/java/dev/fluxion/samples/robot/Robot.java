package dev.fluxion.samples.robot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The design of a mass-spring robot: where its particles start, and its springs. Built with
 * {@link #particle} and {@link #spring}; {@link #quadruped()} is the robot of the sample.
 */
final class Robot {
    final List<Particle> particles = new ArrayList<>(); // the starting positions, never moved
    final List<Spring> springs = new ArrayList<>();
    private int actuators;

    /** Adds a particle at rest at (x, y) and returns its index. */
    int particle(double x, double y) {
        particles.add(new Particle(x, y));
        return particles.size() - 1;
    }

    /** Adds a spring, at rest at the particles' present distance; a muscle if {@code actuated}. */
    void spring(int a, int b, double stiffness, boolean actuated) {
        Particle p = particles.get(a), q = particles.get(b);
        double rest = Math.hypot(q.x - p.x, q.y - p.y);
        springs.add(new Spring(a, b, rest, stiffness, actuated ? actuators++ : -1));
    }

    int actuators() {
        return actuators;
    }

    /** A fresh copy of the particles at their starting positions, at rest. */
    List<Particle> newParticles() {
        List<Particle> copy = new ArrayList<>(particles.size());
        for (Particle p : particles) {
            copy.add(new Particle(p.x, p.y));
        }
        return copy;
    }

    /**
     * A body four cells wide on two legs one cell wide and two cells tall, each cell a square of
     * side {@code cell} braced by both diagonals; the legs' upright springs are the muscles.
     */
    static Robot quadruped(double groundY, double cell, double stiffness) {
        Robot r = new Robot();
        int columns = 5, rows = 4; // grid points: rows 0-1 are legs, rows 2-3 the body
        int[][] id = new int[rows][columns];
        for (int[] row : id) {
            Arrays.fill(row, -1);
        }
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                boolean leg = i <= 1 || i >= columns - 2;
                if (j >= 2 || leg) {
                    id[j][i] = r.particle(0.1 + i * cell, groundY + j * cell);
                }
            }
        }
        for (int j = 0; j + 1 < rows; j++) {
            for (int i = 0; i + 1 < columns; i++) {
                int a = id[j][i], b = id[j][i + 1], c = id[j + 1][i], d = id[j + 1][i + 1];
                if (a < 0 || b < 0 || c < 0 || d < 0) {
                    continue; // no cell here
                }
                boolean legCell = j < 2;
                if (j == 0 || id[j - 1][i] < 0 || id[j - 1][i + 1] < 0) {
                    r.spring(a, b, stiffness, false); // the cell's bottom, unless the cell below has it
                }
                if (i == 0 || id[j][i - 1] < 0 || id[j + 1][i - 1] < 0) {
                    r.spring(a, c, stiffness, legCell); // the left side, unless the cell to the left has it
                }
                r.spring(b, d, stiffness, legCell); // the right side
                r.spring(c, d, stiffness, false); // the top
                r.spring(a, d, stiffness, false);
                r.spring(b, c, stiffness, false);
            }
        }
        return r;
    }
}
