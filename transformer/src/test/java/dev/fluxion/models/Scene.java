package dev.fluxion.models;

import dev.fluxion.Differentiable;
import java.util.List;

/**
 * A scene of meshes, each an array of vertices, and groups of meshes: an elastic energy of the
 * meshes' outlines (springs between consecutive vertices, of each mesh's stiffness and rest length)
 * plus a pull of every vertex towards an anchor, and a third level, {@code groups}, a list of
 * {@code Group}s each holding an array of {@code Mesh}es, each holding its {@code Vertex[]}.
 */
public class Scene {
    public final Mesh[] meshes;
    public final List<Group> groups;
    public double pull = 0.3;
    public final double[] anchor = {0.1, -0.2};

    public Scene(double shift) {
        meshes = new Mesh[] {
            new Mesh(1.5, new Vertex(0, 0), new Vertex(1 + shift, 0.2), new Vertex(0.7, 1.1)),
            new Mesh(0.8, new Vertex(-1, 0.5), new Vertex(-0.3 + shift, -0.9)),
        };
        groups = List.of(new Group(new Mesh(2.0, new Vertex(0.3, 0.4), new Vertex(0.9, -0.2 - shift))),
                new Group(new Mesh(1.1, new Vertex(-0.5, -0.5), new Vertex(0.2, 0.1)), new Mesh(0.6, new Vertex(1.2, 0.3),
                        new Vertex(0.8 + shift, 0.9), new Vertex(0.1, 1.4))));
    }

    public static final class Vertex {
        public double x;
        public double y;

        Vertex(double x, double y) {
            this.x = x;
            this.y = y;
        }
    }

    public static final class Mesh {
        public final Vertex[] vertices;
        public double stiffness;
        public double rest = 0.8;

        Mesh(double stiffness, Vertex... vertices) {
            this.stiffness = stiffness;
            this.vertices = vertices;
        }

        /** The springs' energy, and each vertex's pull towards {@code anchor}. */
        double energy(double[] anchor, double pull) {
            double e = springs();
            for (Vertex v : vertices) {
                e += pull * ((v.x - anchor[0]) * (v.x - anchor[0]) + (v.y - anchor[1]) * (v.y - anchor[1]));
            }
            return e;
        }

        /** The springs' energy: a helper given no number, only the mesh. */
        double springs() {
            double e = 0;
            for (int i = 0; i + 1 < vertices.length; i++) {
                Vertex a = vertices[i];
                Vertex b = vertices[i + 1];
                double d = Math.hypot(b.x - a.x, b.y - a.y) - rest;
                e += 0.5 * stiffness * d * d;
            }
            return e;
        }
    }

    public static final class Group {
        public final Mesh[] meshes;

        Group(Mesh... meshes) {
            this.meshes = meshes;
        }
    }

    @Differentiable
    public double loss() {
        double e = 0;
        for (Mesh m : meshes) {
            e += m.energy(anchor, pull);
        }
        for (Group g : groups) {
            for (Mesh m : g.meshes) {
                double me = m.springs();
                e += me * me + m.energy(anchor, pull);
            }
        }
        return e;
    }
}
