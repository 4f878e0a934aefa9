# Writes a variant of the committed mass-spring robot sample that Fluxion accepts, with the fewest
# changes: python3 repro/massspring-variant.py [DIR]  (default /tmp/massspring-variant). See README.md.
import os, shutil, sys
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'samples', 'src', 'main', 'java', 'dev', 'fluxion', 'samples', 'robot')
dst = sys.argv[1] if len(sys.argv) > 1 else '/tmp/massspring-variant'
shutil.rmtree(dst, ignore_errors=True); os.makedirs(dst)
for f in os.listdir(src): shutil.copy(os.path.join(src, f), dst)
def edit(name, old, new, count=1):
    p = os.path.join(dst, name); s = open(p).read()
    assert old in s, (name, old)
    s = s.replace(old, new) if count == 0 else s.replace(old, new, count)
    open(p, 'w').write(s)
# failures 1, 2, 3: a Particle[] (not a List) made in the loss itself (not by Robot.newParticles()),
# from starting coordinates in double[]s (not read from the design's Particle objects)
edit('Robot.java', '''    int actuators() {''', '''    /** The starting coordinates, in arrays (variant: Fluxion gives up when the loss reads an outside Particle). */
    double[] startX() {
        double[] xs = new double[particles.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = particles.get(i).x;
        }
        return xs;
    }

    double[] startY() {
        double[] ys = new double[particles.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = particles.get(i).y;
        }
        return ys;
    }

    int actuators() {''')
edit('MassSpringRobot.java', '''    final int steps;
''', '''    final int steps;
    final double[] startX, startY;
''')
edit('MassSpringRobot.java', '''        this.steps = steps;
''', '''        this.steps = steps;
        this.startX = robot.startX();
        this.startY = robot.startY();
''')
new_particles = '''Particle[] particles = new Particle[startX.length];
        for (int i = 0; i < particles.length; i++) {
            particles[i] = new Particle(startX[i], startY[i]);
        }'''
edit('MassSpringRobot.java', 'List<Particle> particles = robot.newParticles();', new_particles, 0)
edit('MassSpringRobot.java', 'private void advance(List<Particle> particles,', 'private void advance(Particle[] particles,')
edit('MassSpringRobot.java', '''            Particle a = particles.get(s.a());
            Particle b = particles.get(s.b());''', '''            Particle a = particles[s.a()];
            Particle b = particles[s.b()];''')
edit('MassSpringRobot.java', '''    private static double centreX(List<Particle> particles) {
        double sum = 0;
        for (Particle p : particles) {
            sum += p.x;
        }
        return sum / particles.size();''', '''    private static double centreX(Particle[] particles) {
        double sum = 0;
        for (Particle p : particles) {
            sum += p.x;
        }
        return sum / particles.length;''')
edit('MassSpringRobot.java', 'frame = new double[2][particles.size()]', 'frame = new double[2][particles.length]')
edit('MassSpringRobot.java', 'i < particles.size()', 'i < particles.length')
edit('MassSpringRobot.java', 'particles.get(i).', 'particles[i].', 0)
# failure 5: the class that holds the loss not final
edit('MassSpringRobot.java', 'public final class MassSpringRobot', 'public class MassSpringRobot')
# failure 4: the centre's sum written out in the loss instead of the helper centreX(particles)
edit('MassSpringRobot.java', '''        double startX = centreX(particles);
        for (int step = 0; step < steps; step++) {
            advance(particles, controller, step);
        }
        return -(centreX(particles) - startX);''', '''        double startSum = 0;
        for (Particle p : particles) {
            startSum += p.x;
        }
        for (int step = 0; step < steps; step++) {
            advance(particles, controller, step);
        }
        double endSum = 0;
        for (Particle p : particles) {
            endSum += p.x;
        }
        return -(endSum - startSum) / particles.length;''')
print('wrote', dst)
