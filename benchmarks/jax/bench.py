"""Times the JAX versions of the benchmark programs (benchmarks/jax/programs.py): the objective and
value_and_grad, both jit-compiled, float64, on the CPU. Run by benchmarks/run.sh when
`python3 -c "import jax"` succeeds:

    python3 benchmarks/jax/bench.py VALUES.json OUT.json

VALUES.json is written by dev.fluxion.benchmarks.realistic.ReferenceValues: for each program the
Java parameters, value and Fluxion gradient, and ADBench's directory (GMM and LSTM are read from it). Each JAX function is evaluated at the same parameters
and its value and gradient compared with Fluxion's (the largest difference relative to the largest
component goes into OUT.json), so that the two sides are known to compute the same function.

Timing: compile and five calls of warm-up, then calls in batches of at least 0.2 s, each call waited
for (block_until_ready, as a Java caller waits for its result); the time of a call is the fastest
batch's mean of seven, as the JMH side takes the fastest iteration.
"""

import json
import os
import sys
import time

import jax

jax.config.update("jax_enable_x64", True)
jax.config.update("jax_platforms", "cpu")

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

import programs  # noqa: E402


def best_micros(f, x, batches=7, batch_time=0.2):
    for _ in range(5):
        jax.block_until_ready(f(x))
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            jax.block_until_ready(f(x))
        elapsed = time.perf_counter() - start
        if elapsed >= batch_time:
            break
        calls *= 2
    best = elapsed / calls
    for _ in range(batches - 1):
        start = time.perf_counter()
        for _ in range(calls):
            jax.block_until_ready(f(x))
        best = min(best, (time.perf_counter() - start) / calls)
    return best * 1e6


def measure(problem, input_name, fn, reference):
    x = jnp.array(reference["x"], dtype=jnp.float64)
    objective = jax.jit(fn)
    gradient = jax.jit(jax.value_and_grad(fn))
    value, grad = gradient(x)
    grad = np.asarray(grad)
    expected = np.array(reference["gradient"])
    scale = max(np.max(np.abs(expected)), 1e-300)
    row = {
        "problem": problem,
        "input": input_name,
        "value": float(value),
        "javaValue": reference["value"],
        "valueDifference": abs(float(value) - reference["value"]) / max(1.0, abs(reference["value"])),
        "gradientDifference": float(np.max(np.abs(grad - expected)) / scale),
        "objectiveMicros": best_micros(objective, x),
        "gradientMicros": best_micros(gradient, x),
    }
    print(f"{problem:18} {input_name:16} objective {row['objectiveMicros']:10.1f} us  value_and_grad "
          f"{row['gradientMicros']:10.1f} us  ratio {row['gradientMicros'] / row['objectiveMicros']:5.2f}  "
          f"|value - Java| {row['valueDifference']:.1e}  |grad - Fluxion| / max {row['gradientDifference']:.1e}",
          flush=True)
    return row


def main():
    values_path, out_path = sys.argv[1:3]
    with open(values_path) as f:
        values = json.load(f)
    adbench = values["adbench"]
    rows = []
    for key, reference in values["programs"].items():
        problem, input_name = key.split("|")
        if problem in programs.REALISTIC:
            fn = programs.REALISTIC[problem]()
        elif problem == "Gmm":
            fn, _ = programs.gmm(os.path.join(adbench, "gmm", input_name + ".txt"))
        elif problem == "Lstm":
            fn, _ = programs.lstm(os.path.join(adbench, "lstm", input_name + ".txt"))
        else:
            continue
        rows.append(measure(problem, input_name, fn, reference))
    with open(out_path, "w") as f:
        json.dump({"jax": jax.__version__, "devices": [str(d) for d in jax.devices()], "rows": rows}, f, indent=1)
    print("wrote", out_path)


if __name__ == "__main__":
    main()
