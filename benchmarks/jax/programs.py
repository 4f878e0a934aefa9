"""The benchmark programs in JAX, as a JAX user writes them: vectorised with jax.numpy where the
Java loops over independent items (pixels, examples, points, masses), lax.scan / fori_loop over time
steps. Each function takes the same flat parameter vector as its Java counterpart, on the same data
(drawn by the same generator, Lcg, or read from ADBench's files)."""

import math

import numpy as np
import jax
import jax.numpy as jnp
from jax import lax

MASK = (1 << 64) - 1


class Lcg:
    """The Java benchmarks' generator (dev.fluxion.benchmarks.realistic.Lcg), bit for bit."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return (self.state >> 11) * 2.0 ** -53

    def uniform(self, lo, hi):
        return lo + (hi - lo) * self.next()


# --- RayTracer ----------------------------------------------------------------------------------

def ray_tracer():
    W, H, SPHERES = 24, 16, 3
    albedo = jnp.array([0.9, 0.6, 0.75])
    AMBIENT, BACKGROUND, SHININESS, EPS = 0.1, 0.05, 16.0, 1e-6
    eye = jnp.array([0.0, 0.0, -4.0])
    dirs = []
    for py in range(H):
        for px in range(W):
            u = (px + 0.5) / W * 2 - 1
            v = (1 - (py + 0.5) / H * 2) * H / W
            d = np.array([u, v, 1.5])
            dirs.append(d / math.sqrt(d @ d))
    dirs = jnp.array(dirs)  # (pixels, 3)

    def intersect(centre, radius, origin, d):
        oc = origin - centre
        b = jnp.sum(oc * d, -1)
        c = jnp.sum(oc * oc, -1) - radius * radius
        disc = b * b - c
        root = jnp.sqrt(jnp.where(disc < 0, 1.0, disc))  # no NaN in the branch not taken
        near, far = -b - root, -b + root
        t = jnp.where(near > EPS, near, jnp.where(far > EPS, far, -1.0))
        return jnp.where(disc < 0, -1.0, t)

    def normalize(v):
        return v / jnp.sqrt(jnp.sum(v * v, -1, keepdims=True))

    def render(scene):
        spheres = scene[:12].reshape(SPHERES, 4)
        light = scene[12:15]
        ts = jnp.stack([intersect(spheres[s, :3], spheres[s, 3], eye, dirs) for s in range(SPHERES)], -1)
        ts = jnp.where(ts > 0, ts, jnp.inf)
        hit = jnp.argmin(ts, -1)
        nearest = jnp.min(ts, -1)
        any_hit = jnp.isfinite(nearest)
        t = jnp.where(any_hit, nearest, 1.0)
        point = eye + t[:, None] * dirs
        centre = spheres[hit, :3]
        normal = normalize(point - centre)
        to_light = normalize(light - point)
        lambert = jnp.sum(normal * to_light, -1)
        shadow = jnp.zeros(dirs.shape[0], bool)
        for s in range(SPHERES):
            blocked = intersect(spheres[s, :3], spheres[s, 3], point, to_light) > 0
            shadow = shadow | (blocked & (hit != s))
        halfway = normalize(to_light - dirs)
        specular = jnp.maximum(0.0, jnp.sum(normal * halfway, -1)) ** SHININESS
        a = albedo[hit]
        lit = a * (AMBIENT + lambert) + 0.5 * specular
        shaded = jnp.where((lambert <= 0) | shadow, AMBIENT * a, lit)
        return jnp.where(any_hit, shaded, BACKGROUND)

    target = render(jnp.array([-0.8, 0.2, 0.5, 0.75, 0.7, -0.1, 1.0, 0.55, 0.1, -0.75, 0.2, 0.5, 2.5, 2.5, -2.5]))

    def loss(scene):
        return jnp.sum((render(scene) - target) ** 2)

    return loss


# --- OdeFit -------------------------------------------------------------------------------------

def ode_fit():
    STEPS, EVERY, Hs = 1000, 10, 0.01

    def f(p, t, y):
        return jnp.stack([y[1], -p[0] * y[0] - p[1] * y[1] + p[2] * jnp.cos(p[3] * t)])

    def positions(p):
        def step(carry, _):
            t, y = carry
            k1 = f(p, t, y)
            k2 = f(p, t + 0.5 * Hs, y + 0.5 * Hs * k1)
            k3 = f(p, t + 0.5 * Hs, y + 0.5 * Hs * k2)
            k4 = f(p, t + Hs, y + Hs * k3)
            y = y + Hs / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
            return (t + Hs, y), y[0]

        _, xs = lax.scan(step, (jnp.zeros(()), p[4:6]), None, length=STEPS)
        return xs[EVERY - 1::EVERY]

    observed = np.asarray(jax.jit(positions)(jnp.array([4.0, 0.3, 1.0, 1.7, 1.0, 0.0])))
    noise = Lcg(2)
    observed = jnp.array([o + noise.uniform(-0.05, 0.05) for o in observed])

    def loss(p):
        return jnp.mean((positions(p) - observed) ** 2)

    return loss


# --- MassSpring ---------------------------------------------------------------------------------

def mass_spring():
    N, STEPS, DT, MASS, REST, G = 16, 200, 0.005, 0.1, 0.25, 9.81

    def simulate(params):
        k, damping = params[:N - 1], params[N - 1]
        pos = jnp.stack([jnp.arange(N) * REST, jnp.zeros(N)], -1)
        vel = jnp.zeros((N, 2))
        gravity = jnp.array([0.0, -MASS * G])

        def step(_, state):
            pos, vel = state
            d = pos[1:] - pos[:-1]
            length = jnp.sqrt(jnp.sum(d * d, -1))
            f = (k * (length - REST) / length)[:, None] * d
            force = -damping * vel + gravity
            force = force.at[:-1].add(f).at[1:].add(-f)
            vel = vel.at[1:].add(DT * force[1:] / MASS)
            pos = pos.at[1:].add(DT * vel[1:])
            return pos, vel

        return lax.fori_loop(0, STEPS, step, (pos, vel))[0]

    r = Lcg(3)
    target_params = jnp.array([r.uniform(30, 80) for _ in range(N - 1)] + [0.08])
    target = jax.jit(simulate)(target_params)

    def loss(params):
        return jnp.sum((simulate(params) - target) ** 2)

    return loss


# --- Mlp ----------------------------------------------------------------------------------------

def mlp():
    INPUTS, HIDDEN, CLASSES, BATCH = 8, 32, 4, 64
    r = Lcg(4)
    xs, labels = [], []
    for _ in range(BATCH):
        xs.append([r.uniform(-1, 1) for _ in range(INPUTS)])
        labels.append(int(r.next() * CLASSES))
    x = jnp.array(xs)
    labels = jnp.array(labels)
    shapes = [(HIDDEN, INPUTS), (HIDDEN, HIDDEN), (CLASSES, HIDDEN)]

    def loss(params):
        h, at = x, 0
        for i, (n_out, n_in) in enumerate(shapes):
            w = params[at:at + n_out * n_in].reshape(n_out, n_in)
            b = params[at + n_out * n_in:at + n_out * n_in + n_out]
            at += n_out * n_in + n_out
            h = h @ w.T + b
            if i < len(shapes) - 1:
                h = jnp.tanh(h)
        lse = jax.scipy.special.logsumexp(h, axis=1)
        return jnp.mean(lse - h[jnp.arange(BATCH), labels])

    return loss


# --- BayesianLogistic ---------------------------------------------------------------------------

def bayesian_logistic():
    FEATURES, POINTS, VARIANCE = 20, 1000, 4.0
    r = Lcg(6)
    truth = [r.uniform(-1, 1) for _ in range(FEATURES + 1)]
    xs, ys = [], []
    for _ in range(POINTS):
        z = truth[FEATURES]
        row = []
        for j in range(FEATURES):
            row.append(r.uniform(-1, 1))
            z += truth[j] * row[j]
        xs.append(row)
        ys.append(1 if r.next() < 1 / (1 + math.exp(-z)) else 0)
    x = jnp.array(xs)
    y = jnp.array(ys)

    def log_density(beta):
        log_prior = -jnp.sum(beta * beta) / (2 * VARIANCE)
        p = jax.nn.sigmoid(x @ beta[:FEATURES] + beta[FEATURES])
        return log_prior + jnp.sum(jnp.where(y == 1, jnp.log(p), jnp.log(1 - p)))

    return log_density


# --- ImageFilter --------------------------------------------------------------------------------

def image_filter():
    SIZE, KERNEL = 48, 5
    HALF = KERNEL // 2
    r = Lcg(8)
    image = np.zeros((SIZE, SIZE))
    for row in range(SIZE):
        for col in range(SIZE):
            cx = col - SIZE / 2.0
            cy = row - SIZE / 3.0
            image[row, col] = (0.8 if cx * cx + cy * cy < 100 else 0.2) + (0.5 if col > 30 and row > 28 else 0) \
                + r.uniform(-0.1, 0.1)
    image = jnp.array(image)

    def filtered(params):
        kernel = params[:KERNEL * KERNEL].reshape(KERNEL, KERNEL)
        return jax.scipy.signal.correlate2d(image, kernel, mode="same") + params[KERNEL * KERNEL]

    g = np.array([[math.exp(-((a - HALF) ** 2 + (b - HALF) ** 2) / 2) for b in range(KERNEL)] for a in range(KERNEL)])
    g /= g.sum()
    target = jax.jit(filtered)(jnp.array(list(g.ravel()) + [0.0]))

    def loss(params):
        return jnp.mean((filtered(params) - target) ** 2)

    return loss


# --- ADBench GMM and LSTM -----------------------------------------------------------------------

def tokens(path):
    with open(path) as f:
        return f.read().split()


def gmm(path):
    """ADBench's GMM, vectorised over points and components as its JAX and PyTorch ports are."""
    t = tokens(path)
    d, k, n = int(t[0]), int(t[1]), int(t[2])
    icf_size = d * (d + 1) // 2
    at = 3 + k + k * d + k * icf_size
    x = jnp.array(np.array(t[at:at + n * d], float).reshape(n, d))
    gamma, m = float(t[at + n * d]), int(float(t[at + n * d + 1]))
    rows, cols = [], []
    for col in range(d):
        for row in range(col + 1, d):
            rows.append(row)
            cols.append(col)
    rows, cols = np.array(rows, int), np.array(cols, int)
    PI = 3.14159265359
    dof = d + m + 1
    log_multi_gamma = 0.25 * d * (d - 1) * math.log(PI) + sum(math.lgamma(0.5 * dof + 0.5 * (1 - j)) for j in range(1, d + 1))
    wishart = dof * d * (math.log(gamma) - 0.5 * math.log(2)) - log_multi_gamma
    constant = -n * d * 0.5 * math.log(2 * PI) - k * wishart

    def objective(theta):
        alphas = theta[:k]
        means = theta[k:k + k * d].reshape(k, d)
        icf = theta[k + k * d:].reshape(k, icf_size)
        q = icf[:, :d]
        sum_qs = jnp.sum(q, 1)
        q_diag = jnp.exp(q)
        lower = jnp.zeros((k, d, d)).at[:, rows, cols].set(icf[:, d:])
        centered = x[:, None, :] - means[None, :, :]                      # n, k, d
        qx = q_diag[None] * centered + jnp.einsum("kij,nkj->nki", lower, centered)
        main = alphas + sum_qs - 0.5 * jnp.sum(qx * qx, -1)              # n, k
        slse = jnp.sum(jax.scipy.special.logsumexp(main, axis=1))
        prior = jnp.sum(0.5 * gamma * gamma * (jnp.sum(q_diag ** 2, 1) + jnp.sum(icf[:, d:] ** 2, 1)) - m * sum_qs)
        return constant + slse - n * jax.scipy.special.logsumexp(alphas) + prior

    theta = np.array(t[3:3 + k + k * d + k * icf_size], float)
    return objective, theta


def lstm(path):
    """ADBench's diagonal LSTM, a scan over the sequence."""
    t = tokens(path)
    l, c, b = int(t[0]), int(t[1]), int(t[2])
    main_size = 2 * l * 4 * b
    at = 3 + main_size + 3 * b
    state = jnp.array(np.array(t[at:at + 2 * l * b], float).reshape(2 * l, b))
    at += 2 * l * b
    sequence = jnp.array(np.array(t[at:at + c * b], float).reshape(c, b))

    def objective(theta):
        main = theta[:main_size].reshape(2 * l, 4, b)
        extra = theta[main_size:].reshape(3, b)

        def step(s, io):
            x, target = io
            x = x * extra[0]
            new = []
            for layer in range(l):
                w, bias = main[2 * layer], main[2 * layer + 1]
                hidden, cell = s[2 * layer], s[2 * layer + 1]
                forget = jax.nn.sigmoid(x * w[0] + bias[0])
                in_gate = jax.nn.sigmoid(hidden * w[1] + bias[1])
                out_gate = jax.nn.sigmoid(x * w[2] + bias[2])
                change = jnp.tanh(hidden * w[3] + bias[3])
                cell = cell * forget + in_gate * change
                hidden = out_gate * jnp.tanh(cell)
                new += [hidden, cell]
                x = hidden
            prediction = x * extra[1] + extra[2]
            lse = jnp.log(jnp.sum(jnp.exp(prediction)) + 2)
            return jnp.stack(new), jnp.sum(target * (prediction - lse))

        _, scores = lax.scan(step, state, (sequence[:-1], sequence[1:]))
        return -jnp.sum(scores) / ((c - 1) * b)

    theta = np.array(t[3:3 + main_size + 3 * b], float)
    return objective, theta


REALISTIC = {
    "RayTracer": ray_tracer,
    "OdeFit": ode_fit,
    "MassSpring": mass_spring,
    "Mlp": mlp,
    "BayesianLogistic": bayesian_logistic,
    "ImageFilter": image_filter,
}
